"""Time series of the scenario (solid) against the same seed's baseline (dashed grey).

Eight small panels: remittances reaching origin households, the emigration rate, the skilled
share of origin residents (brain drain against brain gain), native wages by skill, migrants'
employment rate and integration index, the irregular share of migrants, and the yearly
arrivals and returns. The x axis always spans the whole run, so the lines grow as it plays.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from matplotlib.figure import Figure

from app.figures.style import RETURN_COLOUR, SCENARIO_COLOUR, figure, tidy
from experiments.style import BASELINE_COLOUR

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Series:
    """A panel: its title, the indicators it plots and how to scale them for reading."""

    title: str
    indicators: tuple[str, ...]
    scale: float = 1.0
    labels: tuple[str, ...] = ()


PANELS = (
    Series("Remittances reaching home ($ million)", ("remittances_received",), 1e-6),
    Series("Emigration rate (% of origin-born)", ("emigration_rate",), 100.0),
    Series("Origin skilled share (% of adults)", ("origin_skilled_share",), 100.0),
    Series(
        "Native wages ($ thousand a year)",
        ("native_wage_low", "native_wage_high"),
        1e-3,
        ("low-skilled", "skilled"),
    ),
    Series("Migrants employed (%)", ("migrant_employment_rate",), 100.0),
    Series("Migrants' integration index (0-1)", ("migrant_integration_index",)),
    Series("Irregular share of migrants (%)", ("migrant_irregular_share",), 100.0),
    Series("Arrivals and returns (people)", ("arrivals", "returns"), 1.0, ("arrivals", "returns")),
)


class TrendsChart:
    """The eight panels of one run, built once and updated every year.

    Args:
        horizon: Years of the run: every x axis spans them.
    """

    def __init__(self, horizon: int) -> None:
        self.figure = figure(11.0, 5.4, left=0.05, top=0.93, bottom=0.09, hspace=0.35)
        self.axes = self.figure.subplots(2, 4, sharex=True)
        self.lines = []
        for ax, panel in zip(self.axes.flat, PANELS, strict=True):
            mine = []
            for i, _ in enumerate(panel.indicators):
                label = panel.labels[i] if panel.labels else None
                (base,) = ax.plot([], [], color=BASELINE_COLOUR, ls="--", lw=1)
                colour = RETURN_COLOUR if i else SCENARIO_COLOUR
                (line,) = ax.plot([], [], color=colour, lw=1.8, label=label)
                mine.append((base, line))
            self.lines.append(mine)
            if panel.labels:
                ax.legend(fontsize=7, frameon=False, loc="upper left")
            ax.set_title(panel.title, fontsize=9, loc="left")
            ax.set_xlim(0, horizon + 1)
            tidy(ax)
        for ax in self.axes[-1]:
            ax.set_xlabel("year", fontsize=8)

    def update(self, scenario: pd.DataFrame, baseline: pd.DataFrame) -> Figure:
        """Put the years so far on the panels."""
        years = np.arange(1, len(scenario) + 1)
        for ax, panel, lines in zip(self.axes.flat, PANELS, self.lines, strict=True):
            for name, (base, line) in zip(panel.indicators, lines, strict=True):
                base.set_data(years, baseline[name].to_numpy() * panel.scale)
                line.set_data(years, scenario[name].to_numpy() * panel.scale)
            ax.relim()
            ax.autoscale_view(scalex=False)
        return self.figure
