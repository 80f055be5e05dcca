"""Who gains: each scenario placed by the change it brings the origin (x) and the destination (y).

Both axes are linear, in PPP $ per person per year (per origin-born person across, per native
up); the grey cross is plus or minus the margin of a negligible change. A point takes its
scenario's colour of every figure of the page, and the migrants' own outcome is its shape
(:func:`experiments.style.outcome_marker`: up for a gain, down for a loss, a diamond when
negligible, hollow when uncertain), so the top-right quadrant holds the candidates for a triple
win, and an upward marker there with both intervals clear of the axes is one. Names of scenarios
with nearly the same effects, which crowd one spot, are stacked apart with a line to their point.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from experiments.comparison.forest import fit_scale, margin_band, scaled
from experiments.figures import scenario_gid
from experiments.parties import party
from experiments.statistics import Estimate
from experiments.style import GAIN_COLOUR, outcome_marker, scenario_colours
from experiments.verdicts import OUTCOMES, outcome

# Names sit this far (points) up and right of their marker, and move up in steps of a line.
LABEL_OFFSET, LABEL_STEP, MAX_RISE = 7, 10, 200
QUADRANTS = (
    ((0.98, 0.98), "right", "top", "origin and destination gain"),
    ((0.02, 0.98), "left", "top", "destination gains, origin loses"),
    ((0.02, 0.02), "left", "bottom", "both lose"),
    ((0.98, 0.02), "right", "bottom", "origin gains, destination loses"),
)


def quadrant_plot(
    welfare: Mapping[str, Mapping[str, Estimate]],
    title: str = "",
    margin: float = 0.0,
    colours: Mapping[str, str] | None = None,
) -> Figure:
    """Scenarios by their change for the origin and the destination; the migrants' as shapes.

    Args:
        welfare: For each scenario, each party's equivalent variation, by party key.
        title: The figure's title.
        margin: The margin of a negligible change (shaded, and the outcomes).
        colours: Each scenario's colour on the page (default: by position after a baseline).
    """
    colours = colours or scenario_colours(["", *welfare])
    figure, axis = plt.subplots(figsize=(8.5, 7.0))
    origin, destination = party("origin"), party("destination")
    xs, ys = [], []
    for name, parties in welfare.items():
        x = scaled(parties["origin"], origin.factor)
        y = scaled(parties["destination"], destination.factor)
        xs.append(x)
        ys.append(y)
        _point(axis, name, x, y, colours[name], outcome(parties["migrants"], margin))
    axis.axvline(0.0, color="0.25", linewidth=0.9, zorder=1)
    axis.axhline(0.0, color="0.25", linewidth=0.9, zorder=1)
    margin_band(axis, margin, "x")
    margin_band(axis, margin, "y")
    fit_scale(axis, xs, "x", centred=True, margin=margin)
    fit_scale(axis, ys, "y", centred=True, margin=margin)
    _shade_and_label(axis)
    axis.set_xlabel(f"{origin.label}: {origin.change_unit}", fontsize=9)
    axis.set_ylabel(f"{destination.label}: {destination.change_unit}", fontsize=9)
    axis.legend(handles=_legend(), loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=8)
    axis.grid(alpha=0.25)
    if title:
        axis.set_title(title, fontsize=11)
    figure.tight_layout()
    _name_points(axis, welfare, xs, ys, colours)
    return figure


def _point(
    axis: Axes,
    name: str,
    x: tuple[float, float, float],
    y: tuple[float, float, float],
    tint: str,
    migrants: str,
) -> None:
    if not (math.isfinite(x[0]) and math.isfinite(y[0])):
        return
    xerr = [[x[0] - x[1]], [x[2] - x[0]]] if math.isfinite(x[1]) else None
    yerr = [[y[0] - y[1]], [y[2] - y[0]]] if math.isfinite(y[1]) else None
    axis.errorbar(
        [x[0]], [y[0]], xerr=xerr, yerr=yerr, fmt="none", ecolor=tint,
        elinewidth=1.4, capsize=3, zorder=3,
    )  # fmt: skip
    shape, filled = outcome_marker(migrants)
    axis.plot(
        [x[0]], [y[0]], shape, color=tint, markersize=10, zorder=4, gid=scenario_gid(name),
        markerfacecolor=tint if filled else "white", markeredgewidth=1.8,
    )  # fmt: skip


def _name_points(
    axis: Axes,
    welfare: Mapping[str, object],
    xs: list[tuple[float, float, float]],
    ys: list[tuple[float, float, float]],
    colours: Mapping[str, str],
) -> None:
    """Each scenario's name beside its point; names that would overlap (scenarios with nearly
    the same effects crowd near the origin) are stacked upward with a thin line to their point.

    Placed after the layout is final, since overlaps are measured on the drawn page.
    """
    renderer = axis.figure.canvas.get_renderer()  # type: ignore[attr-defined]
    taken: list[Bbox] = []
    points = [
        (name, x[0], y[0])
        for name, x, y in zip(welfare, xs, ys, strict=True)
        if math.isfinite(x[0]) and math.isfinite(y[0])
    ]
    for name, x, y in sorted(points, key=lambda point: (point[2], point[1])):
        rise = LABEL_OFFSET
        while True:
            text = axis.annotate(
                name, (x, y), xytext=(LABEL_OFFSET, rise), textcoords="offset points",
                fontsize=8, color=colours[name],
                arrowprops=None if rise == LABEL_OFFSET else
                {"arrowstyle": "-", "color": colours[name], "linewidth": 0.6},
            )  # fmt: skip
            text.update_positions(renderer)
            box = Text.get_window_extent(text, renderer)  # the words, not the line
            if rise >= LABEL_OFFSET + MAX_RISE or not any(box.overlaps(b) for b in taken):
                break
            text.remove()
            rise += LABEL_STEP
        taken.append(box)


def _shade_and_label(axis: Axes) -> None:
    axis.axvspan(0, axis.get_xlim()[1], ymin=0.5, ymax=1.0, color=GAIN_COLOUR, alpha=0.06, zorder=0)
    for (x, y), horizontal, vertical, text in QUADRANTS:
        axis.text(
            x, y, text, transform=axis.transAxes, ha=horizontal, va=vertical,
            fontsize=8, color="0.35", style="italic",
        )  # fmt: skip


def _legend() -> list[Line2D]:
    points = []
    for o in OUTCOMES:
        shape, filled = outcome_marker(o.name)
        points.append(
            Line2D(
                [], [], marker=shape, linestyle="", color="0.35",
                markerfacecolor="0.35" if filled else "none", label=f"migrants: {o.name}",
            )
        )  # fmt: skip
    return [*points, Line2D([], [], color="0.4", label="95% intervals")]
