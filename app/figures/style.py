"""Sizes, the app's own colours and the live-figure pattern shared by the app's charts.

Verdicts, outcomes, this run and the baseline take the colours every results figure uses
(:mod:`experiments.style`); the legal statuses and the flows on the map are the app's own.

Charts are built once per model run and updated every year (new data on the same lines, bars
and labels), because building axes and tick labels costs far more than drawing new data: a
chart that is only updated redraws several times faster, which keeps a step of the app well
under a second.
"""

from __future__ import annotations

import io

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from experiments.style import scenario_colour
from model.population import IRREGULAR, NATURALISED, PERMANENT, RETURNED, TEMPORARY

STATUS_COLOURS = {
    TEMPORARY: "#4c72b0",
    PERMANENT: "#55a868",
    IRREGULAR: "#c44e52",
    NATURALISED: "#8172b2",
    RETURNED: "#dd8452",
}
# This run is the first scenario after the baseline, as in a comparison.
SCENARIO_COLOUR = scenario_colour(1)
PEOPLE_COLOUR = "#1f5fa8"
MONEY_COLOUR = "#2e8b57"
RETURN_COLOUR = "#dd8452"
DPI = 80


def figure(width: float, height: float, **margins: float) -> Figure:
    """A blank figure of ``width`` x ``height`` inches with fixed margins (fast to redraw)."""
    fig = Figure(figsize=(width, height), dpi=DPI)
    fig.set_facecolor("white")
    layout = {"left": 0.07, "right": 0.98, "top": 0.9, "bottom": 0.12, "wspace": 0.3}
    layout.update(margins)
    fig.subplots_adjust(**layout)
    return fig


def tidy(ax: Axes, x_ticks: int = 5, y_ticks: int = 4) -> None:
    """Light axes with few ticks: no top or right spines, small labels."""
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=8)
    ax.xaxis.set_major_locator(MaxNLocator(x_ticks, integer=True))
    ax.yaxis.set_major_locator(MaxNLocator(y_ticks))


def fit_y(ax: Axes, *values: np.ndarray | float) -> None:
    """Set the y range to cover ``values`` with a margin (for artists ``relim`` ignores)."""
    finite = np.concatenate([np.atleast_1d(np.asarray(v, dtype=float)) for v in values])
    finite = finite[np.isfinite(finite)]
    low, high = (finite.min(), finite.max()) if finite.size else (0.0, 1.0)
    pad = 0.08 * (high - low) if high > low else max(abs(high), 1.0) * 0.1
    ax.set_ylim(low - pad, high + pad)


def to_png(fig: Figure) -> bytes:
    """A figure as PNG bytes."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()
