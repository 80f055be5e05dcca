"""The world: origins, destinations and their regions, and the flows along each corridor.

Origins are circles on the left (area: residents; with the migrants abroad and the family
members living with them), destinations boxes on the right with a bar per region (migrants
living there, by legal status; the family members who joined them are counted beside the
destination's name, not in the bars). Each corridor carries three flows this
year: people arriving (blue, towards the destination), remittances received at home (green,
towards the origin) and people returning (orange, dashed). A line's width is this year's flow
relative to the largest flow of its kind so far in the run, and its label gives the amount.
Origins and destinations are outlined in their parties' colours (:mod:`experiments.parties`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Ellipse, FancyArrowPatch, FancyBboxPatch, Patch, Rectangle
from matplotlib.text import Text

from app import state
from app.figures.style import (
    DPI,
    MONEY_COLOUR,
    PEOPLE_COLOUR,
    RETURN_COLOUR,
    STATUS_COLOURS,
)
from experiments.parties import party
from model.population import IRREGULAR, NATURALISED, PERMANENT, STATUS_NAMES, TEMPORARY

if TYPE_CHECKING:
    from app.classroom import ClassroomModel

ABROAD_STATUSES = (TEMPORARY, PERMANENT, IRREGULAR, NATURALISED)
# Positions on the map, whose axes both run from 0 to 10.
ORIGIN_X = 1.6  # centre of the origin circles
CORRIDOR_START, CORRIDOR_END = 2.7, 5.7  # where corridor arrows begin and end
BOX_LEFT = 5.9  # left edge of the destination boxes
BAR_LEFT, BAR_LENGTH = (
    7.3,
    1.95,
)  # where region bars start, and the longest bar (its label after it)
MAX_WIDTH = 10.0  # line width (points) of the largest flow so far
# Inches, and the share of the height the map takes. The figure is drawn about the size the page
# shows it at (a laptop's 1024 pixels give the map the main area's whole width, some 560 pixels),
# so that its smallest text, TEXT_FONT, reads at about 10 pixels.
WIDTH, HEIGHT, MAP_HEIGHT = 7.6, 5.0, 0.86
TITLE_FONT, NAME_FONT, TEXT_FONT = 12, 11, 10  # points
# One unit of y spans this many more inches than one unit of x (both axes run 0-10).
STRETCH = WIDTH / (HEIGHT * MAP_HEIGHT)


@dataclass
class WorldNumbers:
    """What the map shows, counted from the columns for the current year."""

    residents: np.ndarray
    returnees: np.ndarray
    migrants: np.ndarray
    family: np.ndarray
    by_region: list[np.ndarray]
    family_by_destination: np.ndarray
    arrivals: np.ndarray
    returns: np.ndarray
    remittances: np.ndarray
    people_reference: float
    money_reference: float


def count(model: ClassroomModel) -> WorldNumbers:
    """Stocks by origin and by destination region and status; this year's corridor flows."""
    table, people = model.households, model.migrants
    n_origins, n_corridors = len(model.origins), len(model.corridors)
    alive = people.alive()
    abroad = people.abroad()
    returnees = np.bincount(table.origin, state.returnees(model), n_origins).astype(int)
    by_region = []
    for economy in model.destinations:
        regions = len(economy.region_names)
        mine = abroad & (people.destination == economy.index)
        index = people.region[mine] * len(ABROAD_STATUSES) + people.status[mine]
        stock = np.bincount(index, minlength=regions * len(ABROAD_STATUSES))
        by_region.append(stock.reshape(regions, len(ABROAD_STATUSES)))
    arrived = alive & abroad & (people.departure_year == model.year) & (model.year > 0)
    returning = state.returns_this_year(model)
    recorded = state.yearly(model) if model.year else None
    people_reference = 1.0
    money_reference = 1.0
    if recorded is not None:
        people_reference = max(float(recorded[["arrivals", "returns"]].max().max()), 1.0)
        money_reference = max(float(recorded["remittances_sent"].max()), 1.0)
    # A migrant's spouse and children abroad live in the migrant's row: counted as family.
    family = people.persons(np.flatnonzero(abroad)) - 1
    n_destinations = len(model.destinations)
    return WorldNumbers(
        residents=np.bincount(table.origin, state.residents(model), n_origins),
        returnees=returnees,
        migrants=np.bincount(people.origin[abroad], minlength=n_origins),
        family=np.bincount(people.origin[abroad], family, n_origins).astype(int),
        by_region=by_region,
        family_by_destination=np.bincount(
            people.destination[abroad], family, n_destinations
        ).astype(int),
        arrivals=np.bincount(people.corridor[arrived], minlength=n_corridors),
        returns=np.bincount(people.corridor[returning], minlength=n_corridors),
        remittances=state.remittances_by_corridor(model),
        people_reference=people_reference,
        money_reference=money_reference,
    )


@dataclass(frozen=True)
class Flow:
    """How one of a corridor's three flows is drawn."""

    colour: str
    offset: float
    outward: bool
    style: str


FLOWS = (
    Flow(PEOPLE_COLOUR, 0.7, True, "-"),
    Flow(MONEY_COLOUR, 0.0, False, "-"),
    Flow(RETURN_COLOUR, -0.7, False, "--"),
)


@dataclass
class Artists:
    """The parts of the map that change from year to year."""

    title: Text
    origins: list[Ellipse] = field(default_factory=list)
    origin_labels: list[Text] = field(default_factory=list)
    destination_labels: list[Text] = field(default_factory=list)
    # By destination, region and legal status; labels by destination and region.
    bars: list[list[list[Rectangle]]] = field(default_factory=list)
    bar_labels: list[list[Text]] = field(default_factory=list)
    # By corridor and flow.
    arrows: list[list[FancyArrowPatch]] = field(default_factory=list)
    arrow_labels: list[list[Text]] = field(default_factory=list)


class WorldChart:
    """The map of one run: its layout built once, its numbers and flows updated every year.

    Args:
        model: The run whose origins, destinations, regions and corridors are drawn.
    """

    def __init__(self, model: ClassroomModel) -> None:
        self.figure = Figure(figsize=(WIDTH, HEIGHT), dpi=DPI)
        self.figure.set_facecolor("white")
        ax = self.ax = self.figure.add_axes((0.0, 0.0, 1.0, MAP_HEIGHT))
        ax.set_xlim(0, 10)
        ax.set_ylim(0, 10)
        ax.set_axis_off()
        self.parts = Artists(
            title=self.figure.text(0.01, 0.95, "", fontsize=TITLE_FONT, va="center")
        )
        self.origin_y = _spread(len(model.origins), 1.9, 8.0)
        self.boxes = _destination_boxes(model)
        self._build_origins(model)
        self._build_destinations(model)
        self._build_corridors(model)
        _legend(self.figure)

    def _build_origins(self, model: ClassroomModel) -> None:
        for name, y in zip(model.origin_names, self.origin_y, strict=True):
            circle = Ellipse((ORIGIN_X, y), 1, 1, color="#f3e5c8", ec=party("origin").colour)
            self.ax.add_patch(circle)
            self.parts.origins.append(circle)
            self.ax.text(ORIGIN_X, y + 0.9, name, ha="center", fontsize=NAME_FONT, weight="bold")
            self.parts.origin_labels.append(
                self.ax.text(ORIGIN_X, y - 0.2, "", ha="center", va="center", fontsize=TEXT_FONT)
            )

    def _build_destinations(self, model: ClassroomModel) -> None:
        ax = self.ax
        for economy, (bottom, top) in zip(model.destinations, self.boxes, strict=True):
            box = FancyBboxPatch(
                (BOX_LEFT, bottom),
                10 - BOX_LEFT - 0.05,
                top - bottom - 0.1,
                boxstyle="round,pad=0.02,rounding_size=0.2",
                fc="#eef3fa",
                ec=party("destination").colour,
                lw=1.2,
            )
            ax.add_patch(box)
            ax.text(BOX_LEFT + 0.15, top - 0.45, economy.name, fontsize=NAME_FONT, weight="bold")
            label = ax.text(BOX_LEFT + 0.15, top - 1.05, "", fontsize=TEXT_FONT)
            self.parts.destination_labels.append(label)
            rows = _spread(len(economy.region_names), bottom + 0.35, top - 1.6)
            bars: list[list[Rectangle]] = []
            labels: list[Text] = []
            for name, y in zip(economy.region_names, rows, strict=True):
                ax.text(BOX_LEFT + 0.15, y, name, va="center", fontsize=TEXT_FONT)
                region_bars = [
                    Rectangle((BAR_LEFT, y - 0.21), 0, 0.42, color=STATUS_COLOURS[s])
                    for s in ABROAD_STATUSES
                ]
                for bar in region_bars:
                    ax.add_patch(bar)
                bars.append(region_bars)
                labels.append(ax.text(BAR_LEFT, y, "", va="center", fontsize=TEXT_FONT))
            self.parts.bars.append(bars)
            self.parts.bar_labels.append(labels)

    def _build_corridors(self, model: ClassroomModel) -> None:
        corridors = len(model.corridors)
        for c in range(corridors):
            y_origin = self.origin_y[int(model.corridors.origin[c])]
            bottom, top = self.boxes[int(model.corridors.destination[c])]
            y_dest = (bottom + top) / 2
            along = 0.5 if corridors == 1 else 0.3 + 0.4 * c / (corridors - 1)
            arrows: list[FancyArrowPatch] = []
            labels: list[Text] = []
            for flow in FLOWS:
                start = (CORRIDOR_START, y_origin + flow.offset)
                end = (CORRIDOR_END, y_dest + flow.offset)
                tail, head = (start, end) if flow.outward else (end, start)
                arrow = FancyArrowPatch(
                    tail,
                    head,
                    arrowstyle="-|>",
                    color=flow.colour,
                    linestyle=flow.style,
                    alpha=0.75,
                    shrinkA=0,
                    shrinkB=0,
                )
                self.ax.add_patch(arrow)
                arrows.append(arrow)
                x = start[0] + along * (end[0] - start[0])
                y = start[1] + along * (end[1] - start[1]) + 0.25
                labels.append(
                    self.ax.text(x, y, "", ha="center", fontsize=TEXT_FONT, color=flow.colour)
                )
            self.parts.arrows.append(arrows)
            self.parts.arrow_labels.append(labels)

    def update(self, model: ClassroomModel) -> Figure:
        """Show this year's stocks and flows."""
        numbers = count(model)
        self.parts.title.set_text(f"Year {model.year}: people and money")
        self._update_origins(numbers)
        self._update_destinations(model, numbers)
        for c in range(len(model.corridors)):
            self._update_corridor(numbers, c)
        return self.figure

    def _update_origins(self, numbers: WorldNumbers) -> None:
        largest = max(float(numbers.residents.max()), 1.0)
        for o, (ellipse, label) in enumerate(
            zip(self.parts.origins, self.parts.origin_labels, strict=True)
        ):
            radius = 0.45 + 0.45 * np.sqrt(numbers.residents[o] / largest)
            ellipse.set_width(2 * radius)
            ellipse.set_height(2 * radius * STRETCH)
            label.set_text(
                f"{numbers.residents[o]:,.0f} at home\n{numbers.returnees[o]:,} returnees\n"
                f"abroad: {numbers.migrants[o]:,} migrants\n+ {numbers.family[o]:,} family"
            )

    def _update_destinations(self, model: ClassroomModel, numbers: WorldNumbers) -> None:
        largest = max(float(max(s.sum(axis=1).max() for s in numbers.by_region)), 1.0)
        for d, stock in enumerate(numbers.by_region):
            family = numbers.family_by_destination[d]
            self.parts.destination_labels[d].set_text(
                f"{stock.sum():,} migrants + {family:,} family"
            )
            for r, (bars, label) in enumerate(
                zip(self.parts.bars[d], self.parts.bar_labels[d], strict=True)
            ):
                left = BAR_LEFT
                for s, bar in zip(ABROAD_STATUSES, bars, strict=True):
                    length = BAR_LENGTH * stock[r, s] / largest
                    bar.set_x(left)
                    bar.set_width(length)
                    left += length
                label.set_x(left + 0.05)
                label.set_text(f"{stock[r].sum():,}")

    def _update_corridor(self, numbers: WorldNumbers, c: int) -> None:
        """Widths and labels of one corridor's arrivals, remittances and returns."""
        sent, received = numbers.remittances[:, c]
        values = (
            (numbers.arrivals[c], numbers.people_reference, f"{numbers.arrivals[c]:,} arrived"),
            (
                received,
                numbers.money_reference,
                f"\\${received / 1e6:,.2f}m home, fees \\${(sent - received) / 1e6:,.2f}m",
            ),
            (numbers.returns[c], numbers.people_reference, f"{numbers.returns[c]:,} returned"),
        )
        for (value, reference, text), arrow, label in zip(
            values, self.parts.arrows[c], self.parts.arrow_labels[c], strict=True
        ):
            width = 0.6 + MAX_WIDTH * min(value / reference, 1.0)
            arrow.set_linewidth(width)
            arrow.set_mutation_scale(12 + width)
            label.set_text(text)


def _spread(count: int, low: float, high: float) -> np.ndarray:
    """``count`` centres spread evenly between ``low`` and ``high`` (top first)."""
    if count == 1:
        return np.array([(low + high) / 2])
    return np.linspace(high, low, count)


def _destination_boxes(model: ClassroomModel) -> list[tuple[float, float]]:
    """Vertical extent of each destination's box, sized by its number of regions."""
    rows = [len(d.region_names) + 2.2 for d in model.destinations]
    unit = 9.0 / sum(rows)
    boxes, top = [], 9.4
    for height in rows:
        boxes.append((top - height * unit + 0.15, top))
        top -= height * unit
    return boxes


def _legend(fig: Figure) -> None:
    handles = [Patch(color=STATUS_COLOURS[s], label=STATUS_NAMES[s]) for s in ABROAD_STATUSES]
    fig.legend(
        handles=handles,
        loc="center right",
        fontsize=TEXT_FONT,
        ncol=4,
        frameon=False,
        bbox_to_anchor=(0.995, 0.95),
        title="migrants by legal status (bars: migrants, family not counted):",
        title_fontsize=TEXT_FONT,
        columnspacing=1.0,
        handlelength=1.2,
        alignment="left",
    )
