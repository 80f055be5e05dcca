"""Forest plot: each scenario's equivalent variation for the three parties, with 95% intervals.

One panel per party (per origin-born person for migrants and origin, per native for the
destination), each on its own linear axis in PPP $ per person per year, so a change reads at
its size; the grey band is plus or minus the margin of a negligible change. One row per
scenario. Each scenario keeps its colour of every figure of the page
(:func:`experiments.style.scenario_colours`); the party's outcome is the marker's shape
(:func:`experiments.style.outcome_marker`): pointing up for a gain (the interval lies above
zero), down for a loss, a diamond when negligible (inside the margin), hollow when uncertain, so
a triple win reads as a row of upward markers in all three panels.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

import experiments.figures  # noqa: F401  (selects the Agg backend)
from experiments.figures import scenario_gid
from experiments.parties import PARTIES
from experiments.statistics import Estimate
from experiments.style import colour_of, outcome_marker, scenario_colours
from experiments.verdicts import GAIN, LOSS, NEGLIGIBLE, OUTCOMES, UNCERTAIN, outcome

# Room beyond the outermost interval, as a share of the span shown.
PADDING = 0.08
MARGIN_SHADE = "0.88"


def colour(change: Estimate, margin: float = 0.0) -> str:
    """The colour of the outcome a change's interval gives (gain, loss, negligible, uncertain)."""
    return colour_of(outcome(change, margin))


def scaled(change: Estimate, factor: float) -> tuple[float, float, float]:
    """Mean, low and high of a change times a display factor."""
    return change.mean * factor, change.low * factor, change.high * factor


def fit_scale(
    axis: Axes,
    rows: Iterable[tuple[float, float, float]],
    which: str = "x",
    centred: bool = False,
    margin: float = 0.0,
) -> None:
    """Fit a linear axis to changes, their intervals, zero and the margin's band.

    Args:
        axis: The axes to fit.
        rows: (mean, low, high) of each change, as drawn.
        which: ``"x"`` or ``"y"``.
        centred: Make the limits symmetric about zero.
        margin: The margin of a negligible change, kept in view.
    """
    values = [v for row in rows for v in row if math.isfinite(v)]
    low, high = min(*values, -margin, 0.0), max(*values, margin, 0.0)
    if centred:
        low, high = -max(-low, high), max(-low, high)
    span = high - low or 1.0
    limits = (low - PADDING * span, high + PADDING * span)
    (axis.set_xlim if which == "x" else axis.set_ylim)(*limits)


def margin_band(axis: Axes, margin: float, which: str = "x") -> None:
    """Shade plus or minus the margin around zero: changes too small to matter."""
    if margin > 0:
        shade = axis.axvspan if which == "x" else axis.axhspan
        shade(-margin, margin, color=MARGIN_SHADE, alpha=0.6, linewidth=0, zorder=0)


def forest_plot(
    welfare: Mapping[str, Mapping[str, Estimate]],
    verdicts: Mapping[str, str],
    title: str = "",
    margin: float = 0.0,
    colours: Mapping[str, str] | None = None,
) -> Figure:
    """One panel per party, one row per scenario: the mean variation and its 95% interval.

    Args:
        welfare: For each scenario, each party's equivalent variation, by party key.
        verdicts: Each scenario's verdict, printed beside its name.
        title: The figure's title.
        margin: The margin of a negligible change (shaded, and the outcomes).
        colours: Each scenario's colour on the page (default: by position after a baseline).
    """
    names = list(welfare)
    colours = colours or scenario_colours(["", *names])
    rows = np.arange(len(names))[::-1]
    figure, axes = plt.subplots(
        1, 3, figsize=(12.5, 1.3 + 0.42 * len(names)), sharey=True, squeeze=False
    )
    for axis, party in zip(axes[0], PARTIES, strict=True):
        shown = []
        for row, name in zip(rows, names, strict=True):
            change = welfare[name][party.key]
            shown.append(scaled(change, party.factor))
            _interval(axis, row, *shown[-1], colours[name], outcome(change, margin), name)
        axis.axvline(0.0, color="0.25", linewidth=0.9, zorder=1)
        margin_band(axis, margin)
        fit_scale(axis, shown, margin=margin)
        axis.set_title(party.label, fontsize=11, fontweight="bold")
        axis.set_xlabel(party.change_unit, fontsize=8)
        axis.tick_params(labelsize=8)
        axis.grid(axis="x", alpha=0.3)
    axes[0][0].set_yticks(rows, [f"{n}\n({verdicts.get(n, '')})" for n in names], fontsize=8)
    axes[0][0].set_ylim(-0.7, len(names) - 0.3)
    figure.legend(
        handles=outcome_legend(), loc="lower center", ncol=len(OUTCOME_LEGEND), fontsize=8
    )
    if title:
        figure.suptitle(title, fontsize=11)
    figure.tight_layout(rect=(0, 0.1 if len(names) < 4 else 0.06, 1, 1))
    return figure


# The outcomes as the markers show them, in the legend's order.
OUTCOME_LEGEND = (GAIN, LOSS, NEGLIGIBLE, UNCERTAIN)


def outcome_legend() -> list[Line2D]:
    """A legend entry per outcome: its marker, in neutral grey (colours are the scenarios')."""
    entries = []
    for name in OUTCOME_LEGEND:
        shape, filled = outcome_marker(name)
        entries.append(
            Line2D(
                [], [], marker=shape, linestyle="", color="0.35",
                markerfacecolor="0.35" if filled else "none", label=f"{name}: {_MEANING[name]}",
            )
        )  # fmt: skip
    return entries


_MEANING = {o.name: o.meaning for o in OUTCOMES}


def _interval(
    axis: Axes, row: float, mean: float, low: float, high: float, tint: str, result: str, name: str
) -> None:
    if math.isfinite(low) and math.isfinite(high):
        axis.hlines(row, low, high, color=tint, linewidth=2.2, zorder=2)
        axis.vlines([low, high], row - 0.15, row + 0.15, color=tint, linewidth=1.2, zorder=2)
    if math.isfinite(mean):
        shape, filled = outcome_marker(result)
        axis.plot(
            [mean], [row], shape, color=tint, markersize=8, zorder=3, gid=scenario_gid(name),
            markerfacecolor=tint if filled else "white", markeredgewidth=1.6,
        )  # fmt: skip
