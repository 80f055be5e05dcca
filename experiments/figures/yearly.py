"""Yearly paths of indicators: the mean over replications with its 95% band, per scenario.

Each scenario is drawn in its colour (:func:`experiments.style.scenario_colour`); the panels are
titled with the indicators' plain-words labels (:mod:`model.catalogue`).
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from scipy.special import stdtrit

from experiments.figures import scenario_gid  # (also selects the Agg backend)
from experiments.style import scenario_colour
from model.catalogue import label

MAIN_SERIES = (
    "welfare_migrants",
    "welfare_origin",
    "welfare_destination",
    "emigration_rate",
    "remittances_to_gdp",
    "migrant_share_labour_force",
    "migrant_employment_rate",
    "origin_poverty_rate",
    "native_wage_low",
)


def mean_band(frame: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """Per year: mean over replications and the 95% t-interval of the mean."""
    grouped = frame.groupby("year")[indicator]
    mean, spread, count = grouped.mean(), grouped.std(ddof=1), grouped.count()
    # scipy.stats.t.ppf is this function (equal bit for bit), without scipy.stats's import.
    quantile = stdtrit(np.maximum(count - 1, 1), 0.975)
    half = np.where(count > 1, quantile * spread / np.sqrt(np.maximum(count, 1)), np.nan)
    return pd.DataFrame({"mean": mean, "low": mean - half, "high": mean + half})


def yearly_bands(
    frames: dict[str, pd.DataFrame],
    indicators: tuple[str, ...] = MAIN_SERIES,
    title: str = "",
    evaluation_years: int | None = None,
    positions: dict[str, int] | None = None,
) -> Figure:
    """One panel per indicator, one line with its band per scenario.

    Args:
        frames: Yearly tables (``replication``, ``year`` and indicator columns) by scenario label.
        indicators: The indicators to draw.
        title: The figure's title.
        evaluation_years: Shade the evaluation window (the last years) when given.
        positions: Each scenario's position in the command's list, which decides its colour
            (0: a baseline); by default the scenarios are numbered from 1 in order.
    """
    if positions is None:
        positions = {name: i for i, name in enumerate(frames, start=1)}
    columns = 3 if len(indicators) > 4 else len(indicators)
    rows = math.ceil(len(indicators) / columns)
    figure, axes = plt.subplots(
        rows, columns, figsize=(4.2 * columns, 2.9 * rows), squeeze=False, sharex=True
    )
    for axis, indicator in zip(axes.flat, indicators, strict=False):
        for scenario, frame in frames.items():
            band = mean_band(frame, indicator)
            tint = scenario_colour(positions[scenario])
            axis.plot(
                band.index, band["mean"], label=scenario, linewidth=1.6, color=tint,
                gid=scenario_gid(scenario),
            )  # fmt: skip
            axis.fill_between(band.index, band["low"], band["high"], alpha=0.22, color=tint)
        if evaluation_years:
            last = max(int(f["year"].max()) for f in frames.values())
            axis.axvspan(last - evaluation_years + 0.5, last + 0.5, color="0.9", zorder=0)
        axis.set_title(label(indicator), fontsize=9)
        axis.tick_params(labelsize=8)
        axis.grid(alpha=0.3)
    for axis in axes.flat[len(indicators) :]:
        axis.set_visible(False)
    for axis in axes[-1]:
        axis.set_xlabel("year", fontsize=8)
    if len(frames) > 1:
        handles, names = axes.flat[0].get_legend_handles_labels()
        figure.legend(handles, names, loc="lower center", ncol=min(len(frames), 5), fontsize=9)
    if title:
        figure.suptitle(title, fontsize=11)
    figure.tight_layout(rect=(0, 0.05 if len(frames) > 1 else 0, 1, 0.97 if title else 1))
    return figure
