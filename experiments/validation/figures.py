"""One figure per validation check: the statistic beside its band and its source.

Each figure kind is a function ``(check, outcome, runs) -> Figure`` named in ``checks.yaml``.
Every figure carries, below the plot, the statistic with its 95% interval, the accepted band,
whether the check passes, and the source, so that a figure read on its own says what it shows.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from experiments.statistics import Estimate, estimate
from experiments.validation.probes import COHORT_YEARS, TRIP_CLASSES
from experiments.validation.registry import Check
from experiments.validation.statistics import Outcome, passes

PASS_COLOUR, FAIL_COLOUR, BAND_COLOUR, MODEL_COLOUR = "#1e8449", "#c0392b", "#b7d7e8", "#1f4e79"


def number(value: float | None) -> str:
    """A number to four significant digits, or '-' when undefined."""
    if value is None or not math.isfinite(value):
        return "-"
    return f"{value:.4g}"


def band_text(band: tuple[float | None, float | None]) -> str:
    """``[LO, HI]``, ``at least LO`` or ``at most HI``."""
    low, high = band
    if low is None and high is None:
        return "any value"
    if high is None:
        return f"at least {number(low)}"
    if low is None:
        return f"at most {number(high)}"
    return f"[{number(low)}, {number(high)}]"


def verdict(check: Check, outcome: Outcome) -> str:
    """``PASS`` or ``FAIL`` under the check's rule."""
    return "PASS" if passes(outcome, check.band, check.rule) else "FAIL"


def caption(check: Check, outcome: Outcome) -> str:
    """Statistic, interval, band, verdict and source in one paragraph."""
    interval = outcome.interval
    ci = f" (95% interval {number(interval[0])} to {number(interval[1])})" if interval else ""
    what = "its 95% interval" if check.rule == "interval" else "the estimate"
    return (
        f"{verdict(check, outcome)}: statistic {number(outcome.value)}{ci}; accepted band "
        f"{band_text(check.band)} ({what} must lie in it). Source: {check.cite}."
    )


def _finish(figure: Figure, check: Check, outcome: Outcome) -> Figure:
    colour = PASS_COLOUR if verdict(check, outcome) == "PASS" else FAIL_COLOUR
    figure.suptitle(check.title, fontsize=11, fontweight="bold")
    text = textwrap.fill(caption(check, outcome), 110)
    figure.text(0.01, 0.01, text, fontsize=7.5, color=colour, va="bottom", ha="left")
    figure.subplots_adjust(bottom=0.24, top=0.88)
    return figure


def _shade(axis: Axes, band: tuple[float | None, float | None], *, vertical: bool = False) -> None:
    """The accepted band as a shaded stripe (open ends run to the edge of the axes)."""
    low, high = band
    limits = axis.get_xlim() if vertical else axis.get_ylim()
    span = limits[1] - limits[0]
    bottom = low if low is not None else limits[0] - span
    top = high if high is not None else limits[1] + span
    shade = axis.axvspan if vertical else axis.axhspan
    shade(bottom, top, color=BAND_COLOUR, alpha=0.5, zorder=0, label="accepted band")
    (axis.set_xlim if vertical else axis.set_ylim)(*limits)


def _pad_limits(axis: Axes, band: tuple[float | None, float | None], values: list[float]) -> None:
    finite = [v for v in (*values, *band) if v is not None and math.isfinite(v)]
    if not finite:
        return
    low, high = min(finite), max(finite)
    margin = 0.15 * (high - low) if high > low else 0.1 * max(abs(high), 1e-6)
    axis.set_ylim(low - margin, high + margin)


def level_figure(check: Check, outcome: Outcome, runs: pd.DataFrame) -> Figure:
    """Per-replication values (dots), their mean with 95% interval, and the band."""
    columns = [check.options["column"], *check.options.get("extra", [])]
    figure, axis = plt.subplots(figsize=(7.5, 4.2))
    rng = np.random.default_rng(0)
    shown = []
    for i, column in enumerate(columns):
        values = runs[column].to_numpy(dtype=float)
        value = estimate(values)
        shown += [float(np.nanmin(values)), float(np.nanmax(values))]
        axis.scatter(
            i + rng.uniform(-0.12, 0.12, values.size),
            values,
            s=12,
            alpha=0.5,
            color="#7f8c8d",
            zorder=2,
        )
        error = [[value.mean - value.low], [value.high - value.mean]] if value.count > 1 else None
        axis.errorbar(i, value.mean, yerr=error, fmt="o", color=MODEL_COLOUR, capsize=6, zorder=3)
    axis.set_xticks(range(len(columns)), columns, fontsize=8)
    axis.set_xlim(-0.6, len(columns) - 0.4)
    _pad_limits(axis, check.band, shown)
    _shade(axis, check.band)
    axis.set_ylabel("value (dots: replications; bar: mean, 95%)", fontsize=8)
    axis.legend(fontsize=7, loc="best")
    return _finish(figure, check, outcome)


def cohort_figure(check: Check, outcome: Outcome, runs: pd.DataFrame) -> Figure:
    """Share of arrival cohorts gone by years since arrival, with the band at five years."""
    figure, axis = plt.subplots(figsize=(7.5, 4.2))
    series = (
        ("left_within", "left (returned or left the model)", "o-"),
        ("returned_within", "returned home", "s--"),
    )
    for prefix, label, style in series:
        years = [k for k in range(COHORT_YEARS + 1) if f"{prefix}_{k}y" in runs.columns]
        values = [estimate(runs[f"{prefix}_{k}y"].to_numpy(dtype=float)) for k in years]
        if not years:
            continue
        axis.fill_between(years, [v.low for v in values], [v.high for v in values], alpha=0.25)
        axis.plot(years, [v.mean for v in values], style, label=label)
    low, high = check.band
    if low is not None and high is not None:
        axis.vlines(
            5,
            low,
            high,
            color="#2e86c1",
            linewidth=10,
            alpha=0.4,
            label="accepted band at five years",
        )
    axis.set_xlabel("years since arrival", fontsize=9)
    axis.set_ylabel("share of the arrival cohort (95% band)", fontsize=9)
    axis.set_ylim(0, 1)
    axis.legend(fontsize=7, loc="upper left")
    return _finish(figure, check, outcome)


def trips_figure(check: Check, outcome: Outcome, runs: pd.DataFrame) -> Figure:
    """Trips per person under circular permits: distribution, and the share with two or more."""
    groups = {"circular_permit": "first trip on a temporary work permit", "all": "every migrant"}
    figure, (left, right) = plt.subplots(1, 2, figsize=(9, 4.2))
    width = 0.38
    for j, (key, label) in enumerate(groups.items()):
        shares = [
            estimate(runs[f"trips_{k}_{key}"].to_numpy(dtype=float)).mean for k in TRIP_CLASSES
        ]
        positions = np.arange(len(TRIP_CLASSES)) + (j - 0.5) * width
        left.bar(positions, shares, width, label=label, alpha=0.8)
    left.set_xticks(
        range(len(TRIP_CLASSES)), [*map(str, TRIP_CLASSES[:-1]), f"{TRIP_CLASSES[-1]}+"]
    )
    left.set_xlabel("trips abroad per person", fontsize=9)
    left.set_ylabel("share of people", fontsize=9)
    left.legend(fontsize=7)
    for j, key in enumerate(groups):
        value = estimate(runs[f"repeat_share_{key}"].to_numpy(dtype=float))
        error = [[value.mean - value.low], [value.high - value.mean]] if value.count > 1 else None
        right.errorbar(j, value.mean, yerr=error, fmt="o", color=MODEL_COLOUR, capsize=6)
    right.set_xticks([0, 1], [textwrap.fill(v, 18) for v in groups.values()], fontsize=8)
    right.set_xlim(-0.6, 1.6)
    right.set_ylim(0, 1)
    _shade(right, check.band)
    right.set_ylabel("share with two or more trips", fontsize=9)
    right.legend(fontsize=7, loc="upper right")
    return _finish(figure, check, outcome)


def _point_estimates(runs: pd.DataFrame, column: str) -> list:
    return [estimate(group[column].to_numpy(dtype=float)) for _, group in runs.groupby("point")]


def _errorbars(
    axis: Axes, xs: list[Estimate], ys: list[Estimate], label: str, colour: str = MODEL_COLOUR
) -> None:
    """Each point's mean and 95% interval over replications, in both directions."""
    axis.errorbar(
        [v.mean for v in xs],
        [v.mean for v in ys],
        xerr=[[v.mean - v.low for v in xs], [v.high - v.mean for v in xs]],
        yerr=[[v.mean - v.low for v in ys], [v.high - v.mean for v in ys]],
        fmt="o",
        color=colour,
        capsize=4,
        label=label,
    )


def _label_points(axis: Axes, xs: list[Estimate], ys: list[Estimate], runs: pd.DataFrame) -> None:
    levels = runs.groupby("point")["value"].first().to_numpy()
    for x, y, level in zip(xs, ys, levels, strict=True):
        axis.annotate(
            f"{level:g}", (x.mean, y.mean), textcoords="offset points", xytext=(6, -10), fontsize=7
        )


def hump_figure(check: Check, outcome: Outcome, runs: pd.DataFrame) -> Figure:
    """The outcome against the sweep's measured x, with the accepted band of the peak."""
    x_name, y_name = check.options["x"], check.options["y"]
    xs, ys = _point_estimates(runs, x_name), _point_estimates(runs, y_name)
    figure, axis = plt.subplots(figsize=(7.5, 4.2))
    _errorbars(axis, xs, ys, "model: mean and 95% interval per point")
    _label_points(axis, xs, ys, runs)
    if math.isfinite(outcome.value):
        axis.axvline(outcome.value, color="#c0392b", ls="--", label="model's mean peak")
    axis.set_xscale("log")
    shown = [v.mean for v in xs if math.isfinite(v.mean) and v.mean > 0]
    shown += [end for end in check.band if end is not None]
    axis.set_xlim(0.8 * min(shown), 1.25 * max(shown))
    _shade(axis, check.band, vertical=True)
    axis.set_xlabel(f"{x_name} (log scale; labels: swept value)", fontsize=9)
    axis.set_ylabel(y_name, fontsize=9)
    axis.legend(fontsize=7, loc="best")
    return _finish(figure, check, outcome)


def response_figure(check: Check, outcome: Outcome, runs: pd.DataFrame) -> Figure:
    """The outcome against the sweep's measured x, per point, with the paired statistic."""
    x_name, y_name = check.options["x"], check.options["y"]
    xs, ys = _point_estimates(runs, x_name), _point_estimates(runs, y_name)
    figure, axis = plt.subplots(figsize=(7.5, 4.2))
    _errorbars(
        axis, xs, ys, f"model: mean and 95% interval per point; statistic {number(outcome.value)}"
    )
    _label_points(axis, xs, ys, runs)
    if check.options.get("log_x"):
        axis.set_xscale("log")
    if check.options.get("log_y"):
        axis.set_yscale("log")
    axis.set_xlabel(f"{x_name} (labels: swept value)", fontsize=9)
    axis.set_ylabel(y_name, fontsize=9)
    axis.legend(fontsize=7, loc="best")
    return _finish(figure, check, outcome)


FIGURES: dict[str, Callable[[Check, Outcome, pd.DataFrame], Figure]] = {
    "level": level_figure,
    "cohort": cohort_figure,
    "trips": trips_figure,
    "hump": hump_figure,
    "response": response_figure,
}
