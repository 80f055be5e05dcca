"""The inspector's chart: one migrant's years and their household's.

Left: the person's wage each year (abroad, or at home after returning) and the remittances they
sent, on a background coloured by their legal status that year. Right: the household's
consumption per person against the poverty line, and the remittances it received per person.
"""

from __future__ import annotations

import numpy as np
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from app.figures.style import (
    MONEY_COLOUR,
    SCENARIO_COLOUR,
    STATUS_COLOURS,
    figure,
    fit_y,
    tidy,
)
from app.household_story import consumption_per_person
from app.stories import Story
from model.population import STATUS_NAMES

BAR_WIDTH = 4.0  # points
STATUS_ALPHA = 0.2
HEADROOM = 1.5  # room above the data for the legend


class StoryChart:
    """The person's and the household's panels, built once per run and updated on demand.

    Args:
        horizon: Years of the run: both x axes span them.
    """

    def __init__(self, horizon: int) -> None:
        self.figure = figure(11.0, 3.4, left=0.06, top=0.9, bottom=0.15, wspace=0.18)
        self.person, self.household = self.figure.subplots(1, 2)
        ax = self.person
        self.statuses = PolyCollection([], alpha=STATUS_ALPHA, lw=0)
        self.statuses.set_transform(ax.get_xaxis_transform())
        ax.add_collection(self.statuses)
        self.sent = ax.vlines(
            [], [], [], color=MONEY_COLOUR, lw=BAR_WIDTH, label="remittances sent"
        )
        (self.wage,) = ax.plot([], [], color=SCENARIO_COLOUR, lw=2, marker="o", ms=3, label="wage")
        status_patches = [
            Patch(color=colour, alpha=2 * STATUS_ALPHA, label=STATUS_NAMES[status])
            for status, colour in STATUS_COLOURS.items()
        ]
        handles = [self.wage, self.sent, *status_patches]
        ax.legend(handles=handles, fontsize=7, frameon=False, loc="upper left", ncol=4)
        ax.set_ylabel("$ thousand a year", fontsize=8)
        ax.set_xlabel("year (background: legal status that year)", fontsize=8)
        ax = self.household
        self.received = ax.vlines(
            [], [], [], color=MONEY_COLOUR, lw=BAR_WIDTH, label="remittances received per person"
        )
        (self.consumed,) = ax.plot(
            [], [], color=SCENARIO_COLOUR, lw=2, label="consumption per person"
        )
        self.poverty = ax.axhline(0.0, color="black", ls=":", lw=1.5, label="poverty line")
        ax.legend(fontsize=7, frameon=False, loc="upper left")
        ax.set_ylabel("$ per person a year", fontsize=8)
        ax.set_xlabel("year", fontsize=8)
        for ax in (self.person, self.household):
            ax.set_xlim(-0.5, horizon + 0.5)
            tidy(ax)

    def update(self, person: Story, household: Story, poverty_line: float) -> Figure:
        """Show ``person`` and ``household`` up to the latest year."""
        history = person.history
        years = history["year"]
        sent = np.diff(history["remitted_total"], prepend=history["remitted_total"][0]) / 1e3
        wages = history["wage"] / 1e3
        self.statuses.set_verts(
            [[(y - 0.5, 0), (y + 0.5, 0), (y + 0.5, 1), (y - 0.5, 1)] for y in years]
        )
        self.statuses.set_facecolor([STATUS_COLOURS[int(s)] for s in history["status"]])
        self.sent.set_segments([[(y, 0.0), (y, s)] for y, s in zip(years, sent, strict=True)])
        self.wage.set_data(years, wages)
        fit_y(self.person, 0.0, wages * HEADROOM, sent * HEADROOM)
        self.person.set_title(person.title, fontsize=10, loc="left")
        self._update_household(household, poverty_line)
        return self.figure

    def _update_household(self, household: Story, poverty_line: float) -> None:
        history = household.history
        years = history["year"][1:]
        per_person = consumption_per_person(history)[1:]
        received = (history["remittances_received"] / np.maximum(history["residents"], 1.0))[1:]
        self.received.set_segments(
            [[(y, 0.0), (y, r)] for y, r in zip(years, received, strict=True)]
        )
        self.consumed.set_data(years, per_person)
        self.poverty.set_ydata([poverty_line, poverty_line])
        fit_y(self.household, 0.0, per_person * HEADROOM, received, poverty_line * HEADROOM)
        self.household.set_title(household.title, fontsize=10, loc="left")
