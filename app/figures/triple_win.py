"""The triple-win panel's chart: each party's equivalent variation against the same seed's baseline.

One panel per party, in PPP $ per person per year (:mod:`experiments.parties`). Bars are each
year's own variation (above zero: the scenario's policies leave that party better off than the
baseline's in that year, present value and assets included), in the colours of a gain and a
loss; the line is the variation so far (the verdict's measure) and the band its 95% range, the
grey band the margin of a change too small to matter. The panel's title is coloured by the
party's outcome so far (:mod:`experiments.style`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from app.figures.style import figure, fit_y, tidy
from app.verdict import Pair, PartyVerdict, yearly_variations
from experiments.parties import PARTIES
from experiments.style import GAIN_COLOUR, LOSS_COLOUR, colour_of

BAR_WIDTH = 5.0  # points
MARGIN_SHADE = "0.85"


class TripleWinChart:
    """Three panels of yearly variations, built once per run and updated every year.

    Args:
        horizon: Years of the run: the shared x axis spans them.
    """

    def __init__(self, horizon: int) -> None:
        self.figure = figure(5.2, 5.0, left=0.16, top=0.94, bottom=0.09, hspace=0.45)
        self.axes = self.figure.subplots(3, 1, sharex=True)
        self.parts = []
        for ax, party in zip(self.axes, PARTIES, strict=True):
            margin = ax.add_patch(Rectangle((0, 0), 1, 0, lw=0, color=MARGIN_SHADE, alpha=0.5))
            margin.set_transform(ax.get_yaxis_transform())
            bars = ax.vlines([], [], [], lw=BAR_WIDTH)
            ax.axhline(0.0, color="black", lw=0.8)
            band = ax.add_patch(Rectangle((0, 0), 0, 0, lw=0, alpha=0.3))
            (mean,) = ax.plot([], [], lw=2)
            ax.set_ylabel(f"{party.axis_unit} vs baseline", fontsize=8)
            tidy(ax)
            self.parts.append((bars, margin, band, mean))
        self.axes[-1].set_xlim(0, horizon + 1)
        self.axes[-1].set_xlabel("year", fontsize=8)

    def update(self, records: Sequence[Pair], judged: list[PartyVerdict], margin: float) -> Figure:
        """Draw the yearly variations so far, the variation so far and its band."""
        years = np.arange(1, len(records) + 1)
        first, last = 0.5, len(records) + 0.5
        for ax, party, verdict, parts in zip(self.axes, PARTIES, judged, self.parts, strict=True):
            bars, shade, band, mean = parts
            factor = party.factor
            gaps = yearly_variations(records, party.key) * factor
            low, high, change = verdict.low * factor, verdict.high * factor, verdict.change * factor
            bars.set_segments([[(x, 0.0), (x, g)] for x, g in zip(years, gaps, strict=True)])
            bars.set_color(np.where(gaps >= 0, GAIN_COLOUR, LOSS_COLOUR).tolist())
            shade.set_bounds(0, -margin * factor, 1, 2 * margin * factor)
            colour = colour_of(verdict.verdict)
            banded = bool(years.size) and bool(np.isfinite(low) and np.isfinite(high))
            band.set_bounds(first, low, last - first, high - low)
            band.set_visible(banded)
            mean.set_data([first, last], [change] * 2)
            mean.set_visible(bool(years.size) and bool(np.isfinite(change)))
            for artist in (band, mean):
                artist.set_color(colour)
            ax.set_title(f"{party.label}: {verdict.verdict}", color=colour, loc="left", fontsize=10)
            limits = (gaps, 0.0, low, high) if banded else (gaps, 0.0)
            fit_y(ax, *limits)
        return self.figure
