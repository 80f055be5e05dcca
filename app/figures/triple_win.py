"""The triple-win panel's chart: each party's welfare, scenario minus the same seed's baseline.

One panel per party, in the party's unit (:mod:`experiments.parties`). Bars are the yearly
difference (above zero: the scenario's policies leave that party better off than the baseline's
in that year), in the colours of a gain and a loss; the shaded span is the window the verdict
looks at, the line across it is the mean difference and the band its 95% range. The panel's
title is coloured by the party's outcome so far (:mod:`experiments.style`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from app.figures.style import figure, fit_y, tidy
from app.verdict import PartyVerdict, differences
from experiments.parties import PARTIES
from experiments.style import GAIN_COLOUR, LOSS_COLOUR, colour_of

if TYPE_CHECKING:
    import pandas as pd

BAR_WIDTH = 5.0  # points


class TripleWinChart:
    """Three panels of yearly differences, built once per run and updated every year.

    Args:
        horizon: Years of the run: the shared x axis spans them.
    """

    def __init__(self, horizon: int) -> None:
        self.figure = figure(5.2, 5.0, left=0.16, top=0.94, bottom=0.09, hspace=0.45)
        self.axes = self.figure.subplots(3, 1, sharex=True)
        self.parts = []
        for ax, party in zip(self.axes, PARTIES, strict=True):
            bars = ax.vlines([], [], [], lw=BAR_WIDTH)
            ax.axhline(0.0, color="black", lw=0.8)
            window = ax.add_patch(Rectangle((0, 0), 0, 1, lw=0, alpha=0.12))
            window.set_transform(ax.get_xaxis_transform())
            band = ax.add_patch(Rectangle((0, 0), 0, 0, lw=0, alpha=0.3))
            (mean,) = ax.plot([], [], lw=2)
            ax.set_ylabel(f"{party.axis_unit} vs baseline", fontsize=8)
            tidy(ax)
            self.parts.append((bars, window, band, mean))
        self.axes[-1].set_xlim(0, horizon + 1)
        self.axes[-1].set_xlabel("year", fontsize=8)

    def update(
        self,
        scenario: pd.DataFrame,
        baseline: pd.DataFrame,
        judged: list[PartyVerdict],
        window: int,
    ) -> Figure:
        """Draw the differences so far and the verdict window of each party."""
        years = np.arange(1, len(scenario) + 1)
        first = max(1, len(scenario) - window + 1) - 0.5
        last = len(scenario) + 0.5
        for ax, party, verdict, parts in zip(self.axes, PARTIES, judged, self.parts, strict=True):
            bars, span, band, mean = parts
            factor = party.factor
            gaps = differences(scenario, baseline, party) * factor
            low, high, change = verdict.low * factor, verdict.high * factor, verdict.change * factor
            bars.set_segments([[(x, 0.0), (x, g)] for x, g in zip(years, gaps, strict=True)])
            bars.set_color(np.where(gaps >= 0, GAIN_COLOUR, LOSS_COLOUR).tolist())
            colour = colour_of(verdict.verdict)
            judged_yet = bool(years.size) and bool(np.isfinite(verdict.change))
            span.set_bounds(first, 0, last - first if judged_yet else 0, 1)
            band.set_bounds(first, low, last - first, high - low)
            band.set_visible(judged_yet)
            mean.set_data([first, last], [change] * 2)
            mean.set_visible(judged_yet)
            for artist in (span, band, mean):
                artist.set_color(colour)
            ax.set_title(f"{party.label}: {verdict.verdict}", color=colour, loc="left", fontsize=10)
            limits = (gaps, 0.0, low, high) if judged_yet else (gaps, 0.0)
            fit_y(ax, *limits)
        return self.figure
