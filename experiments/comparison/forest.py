"""Forest plot: each scenario's change in the three parties' welfare, with 95% intervals.

One panel per party, because their welfare is measured in different units; one row per scenario.
Each scenario keeps its colour of every figure of the page (:func:`experiments.style.scenario_colours`);
the party's outcome is the marker's shape (:func:`experiments.style.outcome_marker`): pointing
up for a gain (the interval lies above zero), down for a loss, hollow when uncertain, so a
triple win reads as a row of upward markers in all three panels.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter

import experiments.figures  # noqa: F401  (selects the Agg backend)
from experiments.figures import scenario_gid
from experiments.parties import PARTIES
from experiments.statistics import Estimate
from experiments.style import colour_of, outcome_marker, scenario_colours
from experiments.verdicts import GAIN, LOSS, OUTCOMES, UNCERTAIN, outcome

# A panel switches to a symmetric-log axis when its largest change exceeds its typical one by
# this factor, so that a drastic scenario (closed borders) does not flatten every policy to a dot.
SYMLOG_RATIO = 30.0
# On a symmetric-log axis the outermost interval ends this factor inside the limit.
LOG_MARGIN = 4.0


def colour(change: Estimate) -> str:
    """The colour of the outcome a change's interval gives (gain, loss, uncertain)."""
    return colour_of(outcome(change))


def scaled(change: Estimate, factor: float) -> tuple[float, float, float]:
    """Mean, low and high of a change times a display factor."""
    return change.mean * factor, change.low * factor, change.high * factor


def fit_scale(
    axis: Axes, rows: Iterable[tuple[float, float, float]], which: str = "x", centred: bool = False
) -> bool:
    """Fit an axis to changes: linear, or symmetric-log when one change dwarfs the others.

    On a symmetric-log axis the linear part is just wide enough for the small changes and their
    intervals, so they stay readable while the large ones are compressed. Ticks show plain
    numbers, and zero is always in view.

    Args:
        axis: The axes to fit.
        rows: (mean, low, high) of each change, as drawn.
        which: ``"x"`` or ``"y"``.
        centred: Make the limits symmetric about zero.

    Returns:
        Whether the axis is symmetric-log.
    """
    finite = [row for row in rows if math.isfinite(row[0])]
    values = [v for row in finite for v in row if math.isfinite(v)] or [0.0]
    largest = max((abs(row[0]) for row in finite), default=0.0)
    small = [row for row in finite if abs(row[0]) * SYMLOG_RATIO < largest]
    reach = max((abs(v) for row in small for v in row if math.isfinite(v)), default=0.0)
    logged = reach > 0.0
    low, high = min(*values, 0.0), max(*values, 0.0)
    if centred:
        low, high = -max(-low, high), max(-low, high)
    span = high - low or 1.0
    # Room beyond the outermost interval: a share of the span, or a factor on a log axis.
    low = low * LOG_MARGIN if logged and low < -reach else low - 0.08 * span
    high = high * LOG_MARGIN if logged and high > reach else high + 0.08 * span
    scale = (axis.set_xscale, axis.set_xlim) if which == "x" else (axis.set_yscale, axis.set_ylim)
    target = axis.xaxis if which == "x" else axis.yaxis
    if logged:
        scale[0]("symlog", linthresh=reach)
        target.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))
    scale[1](low, high)
    return logged


def forest_plot(
    welfare: Mapping[str, Mapping[str, Estimate]],
    verdicts: Mapping[str, str],
    title: str = "",
    colours: Mapping[str, str] | None = None,
) -> Figure:
    """One panel per party, one row per scenario: the mean change and its 95% interval.

    Args:
        welfare: For each scenario, the change in each party's welfare, by party key.
        verdicts: Each scenario's verdict, printed beside its name.
        title: The figure's title.
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
            _interval(axis, row, *shown[-1], colours[name], outcome(change), name)
        axis.axvline(0.0, color="0.25", linewidth=0.9, zorder=1)
        logged = fit_scale(axis, shown)
        axis.set_title(party.label, fontsize=11, fontweight="bold")
        axis.set_xlabel(
            party.change_unit + ("\n(symmetric log scale)" if logged else ""), fontsize=8
        )
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
OUTCOME_LEGEND = (GAIN, LOSS, UNCERTAIN)


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
