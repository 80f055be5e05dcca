"""Figures of the estimation laboratory: errors and coverage, and their response to an error.

Errors are shown relative to the mean truth of the estimator (``(x_i - T_i) / |mean T|``), so
that estimators of persons, dollars and indicator points share an axis; coverage is shown
beside its nominal 0.95 with the band that 95% of honest intervals' coverage would fall in over
that many replications (binomial).
"""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from scipy import stats

NOMINAL = 0.95


def relative_errors(headlines: pd.DataFrame) -> dict[str, np.ndarray]:
    """Each estimator's errors over replications, relative to its mean truth."""
    errors = {}
    for name, group in headlines.groupby("estimator", sort=False):
        scale = abs(group["truth"].mean()) or 1.0
        errors[name] = ((group["estimate"] - group["truth"]) / scale).to_numpy()
    return errors


def coverage_band(replications: int) -> tuple[float, float]:
    """Where 95% of honest intervals' observed coverage falls over ``replications``."""
    low, high = stats.binom.interval(0.95, replications, NOMINAL)
    return low / replications, high / replications


def scores_figure(headlines: pd.DataFrame, scores: pd.DataFrame) -> Figure:
    """Left: relative errors by replication; right: coverage of the 95% intervals."""
    errors = relative_errors(headlines)
    names = list(scores["estimator"])
    figure, (left, right) = plt.subplots(
        1,
        2,
        figsize=(10, 0.42 * len(names) + 1.6),
        sharey=True,
        gridspec_kw={"width_ratios": [2.2, 1]},
    )
    positions = np.arange(len(names))[::-1]
    for y, name in zip(positions, names, strict=True):
        values = np.clip(errors[name], -2.0, 2.0)
        left.scatter(values, np.full(values.size, y), s=12, alpha=0.5, color="#4a6fa5")
        left.scatter([values.mean()], [y], marker="|", s=220, color="#1d2329")
    left.axvline(0.0, color="grey", lw=0.8)
    left.set_yticks(positions, names)
    left.set_xlabel("error relative to the mean truth (clipped at +/-2)")
    left.set_title("Errors over replications (dots) and their mean (bar)", fontsize=10)
    replications = int(scores["replications"].max())
    low, high = coverage_band(replications)
    right.axvspan(low, high, color="#d9e3f0")
    right.axvline(NOMINAL, color="grey", lw=0.8, ls="--")
    right.barh(positions, scores["coverage"], color="#4a6fa5", height=0.6)
    right.set_xlim(0.0, 1.02)
    right.set_xlabel("coverage of the 95% intervals")
    right.set_title(f"Coverage ({replications} replications)", fontsize=10)
    figure.tight_layout()
    return figure


def sweep_figure(sweep: pd.DataFrame) -> Figure:
    """Relative bias, relative RMSE and coverage of each estimator against the swept value."""
    parameter = str(sweep["parameter"].iloc[0])
    figure, axes = plt.subplots(1, 3, figsize=(13, 4.2))
    colours = matplotlib.color_sequences["tab20"]
    markers = "osD^v<>ph*"
    for i, (name, group) in enumerate(sweep.groupby("estimator", sort=False)):
        scale = abs(group["truth"].mean()) or 1.0
        style = {"color": colours[i % len(colours)], "marker": markers[i % len(markers)]}
        axes[0].plot(group["value"], group["bias"] / scale, label=name, **style)
        axes[1].plot(group["value"], group["rmse"] / scale, **style)
        axes[2].plot(group["value"], group["coverage"], **style)
    axes[0].axhline(0.0, color="grey", lw=0.8)
    axes[2].axhline(NOMINAL, color="grey", lw=0.8, ls="--")
    for axis, title in zip(
        axes, ("relative bias", "relative RMSE", "coverage of 95% intervals"), strict=True
    ):
        axis.set_xlabel(parameter)
        axis.set_title(title, fontsize=10)
    figure.legend(loc="lower center", ncol=5, fontsize=7, frameon=False)
    figure.tight_layout(rect=(0, 0.14, 1, 1))
    return figure
