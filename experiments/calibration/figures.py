"""Figures of a calibration: marginal and pairwise posteriors, diagnostics, predictive checks."""

from __future__ import annotations

import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from experiments.calibration.posterior import Posterior
from experiments.calibration.schema import PriorSpec

POSTERIOR_COLOUR, PRIOR_COLOUR, BAND_COLOUR = "#1f4e79", "#b0b7bf", "#b7d7e8"


def _grid(count: int, columns: int = 3) -> tuple[int, int]:
    return math.ceil(count / columns), min(count, columns)


def marginals_figure(posterior: Posterior, priors: dict[str, PriorSpec]) -> Figure:
    """Each parameter's weighted posterior histogram over its prior's range."""
    names = posterior.parameters
    rows, columns = _grid(len(names))
    figure, axes = plt.subplots(rows, columns, figsize=(3.6 * columns, 2.6 * rows), squeeze=False)
    for axis, name in zip(axes.flat, names, strict=False):
        prior = priors[name]
        bins = np.linspace(prior.low, prior.high, 21)
        axis.hist(
            posterior.values[name],
            bins=bins,
            weights=posterior.weights,
            density=True,
            color=POSTERIOR_COLOUR,
            alpha=0.8,
            label="posterior",
        )
        axis.axhline(1.0 / (prior.high - prior.low), color=PRIOR_COLOUR, linestyle="--", lw=1)
        axis.axvline(float(posterior.mean()[name]), color="#c0392b", lw=1, label="mean")
        axis.set_title(name, fontsize=8)
        axis.set_xlim(prior.low, prior.high)
        axis.tick_params(labelsize=7)
    for axis in list(axes.flat)[len(names) :]:
        axis.set_visible(False)
    figure.suptitle(
        "Marginal posteriors (bars; dashed: a uniform density over the prior's range; red: mean)",
        fontsize=10,
    )
    figure.tight_layout()
    return figure


def pairs_figure(posterior: Posterior, priors: dict[str, PriorSpec]) -> Figure:
    """Every pair of parameters: particles sized by weight, with the weighted correlation."""
    names = posterior.parameters
    count = len(names)
    size = max(1.6, 10.0 / max(count, 1))
    figure, axes = plt.subplots(count, count, figsize=(size * count, size * count), squeeze=False)
    weights = posterior.weights
    scale = 200.0 / max(weights.max(), 1e-12) / max(len(weights), 1) ** 0.5
    for i, y_name in enumerate(names):
        for j, x_name in enumerate(names):
            axis = axes[i, j]
            axis.tick_params(labelsize=5)
            x = posterior.values[x_name].to_numpy(dtype=float)
            if i == j:
                axis.hist(x, bins=15, weights=weights, color=POSTERIOR_COLOUR, alpha=0.8)
                axis.set_xlim(priors[x_name].low, priors[x_name].high)
            elif i > j:
                y = posterior.values[y_name].to_numpy(dtype=float)
                axis.scatter(x, y, s=weights * scale, color=POSTERIOR_COLOUR, alpha=0.4)
                axis.set_xlim(priors[x_name].low, priors[x_name].high)
                axis.set_ylim(priors[y_name].low, priors[y_name].high)
            else:
                y = posterior.values[y_name].to_numpy(dtype=float)
                axis.text(
                    0.5,
                    0.5,
                    f"r = {weighted_correlation(x, y, weights):.2f}",
                    ha="center",
                    va="center",
                    fontsize=8,
                    transform=axis.transAxes,
                )
                axis.set_xticks([])
                axis.set_yticks([])
            if i == count - 1:
                axis.set_xlabel(x_name.split(".")[-1], fontsize=6)
            if j == 0:
                axis.set_ylabel(y_name.split(".")[-1], fontsize=6)
    figure.suptitle("Pairwise posterior (below: particles sized by weight; above: correlation)")
    figure.tight_layout()
    return figure


def weighted_correlation(x: np.ndarray, y: np.ndarray, weights: np.ndarray) -> float:
    """Pearson correlation of a weighted sample."""
    mx, my = weights @ x, weights @ y
    cov = weights @ ((x - mx) * (y - my))
    vx, vy = weights @ ((x - mx) ** 2), weights @ ((y - my) ** 2)
    return float(cov / math.sqrt(vx * vy)) if vx > 0 and vy > 0 else math.nan


def diagnostics_figure(table: pd.DataFrame) -> Figure:
    """Threshold and distances, acceptance rate and effective sample size by generation."""
    figure, (left, middle, right) = plt.subplots(1, 3, figsize=(11, 3.4))
    generation = table["generation"]
    left.plot(generation, table["epsilon"], "o-", label="threshold (epsilon)")
    left.plot(generation, table["distance_median"], "s--", label="weighted median distance")
    left.axhline(1.0, color="#999", lw=0.8, label="every target on its band's edge")
    left.set_yscale("log")
    left.set_xlabel("generation")
    left.legend(fontsize=7)
    middle.plot(generation, table["acceptance_rate"], "o-", color="#7d3c98")
    middle.set_ylim(0, 1)
    middle.set_xlabel("generation")
    middle.set_ylabel("acceptance rate")
    right.plot(generation, table["effective_sample_size"], "o-", color="#1e8449")
    right.plot(generation, table["particles"], ":", color="#999", label="particles")
    right.set_ylim(0, None)
    right.set_xlabel("generation")
    right.set_ylabel("effective sample size")
    right.legend(fontsize=7)
    figure.suptitle("ABC-SMC diagnostics by generation", fontsize=10)
    figure.tight_layout()
    return figure


def predictive_figure(sample: pd.DataFrame, checks: pd.DataFrame) -> Figure:
    """Each target's posterior predictive distribution beside its band."""
    count = len(checks)
    rows, columns = _grid(count)
    figure, axes = plt.subplots(rows, columns, figsize=(3.6 * columns, 2.6 * rows), squeeze=False)
    for axis, (_, check) in zip(axes.flat, checks.iterrows(), strict=False):
        values = sample[check["statistic"]].to_numpy(dtype=float)
        values = values[np.isfinite(values)]
        low, high = check["band_low"], check["band_high"]
        span = [v for v in (*values.tolist(), low, high) if math.isfinite(v)]
        margin = 0.1 * (max(span) - min(span) or 1.0)
        axis.axvspan(low, high, color=BAND_COLOUR, alpha=0.6, label="band")
        axis.hist(values, bins=15, color=POSTERIOR_COLOUR, alpha=0.8)
        axis.set_xlim(min(span) - margin, max(span) + margin)
        verdict = "median in band" if check["median_in_band"] else "median OUTSIDE band"
        axis.set_title(
            f"{check['statistic']}\n{check['share_in_band']:.0%} of runs in band; {verdict}",
            fontsize=7,
            color="#1e8449" if check["median_in_band"] else "#c0392b",
        )
        axis.tick_params(labelsize=7)
    for axis in list(axes.flat)[count:]:
        axis.set_visible(False)
    figure.suptitle("Posterior predictive checks: each target against its band", fontsize=10)
    figure.tight_layout()
    return figure
