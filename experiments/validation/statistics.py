"""The statistics of the validation checks, each a named function of an experiment's runs.

A statistic takes the runs of its experiment (one row per run: ``point``, ``value``,
``replication`` and the run's statistics, :mod:`experiments.validation.runner`) and the check's
options, and returns an :class:`Outcome`: the estimate, its 95% interval over replications and
the per-replication values behind them. Sweep statistics are *paired*: a slope, an elasticity or
a change is computed within each replication, across the points that share its seed (common
random numbers), and only then averaged, so that the noise the points share cancels.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from experiments.statistics import Estimate, estimate
from model.errors import InputError


@dataclass(frozen=True)
class Outcome:
    """A check's statistic.

    Attributes:
        estimate: Mean over replications with its 95% interval (Student's t).
        per_replication: The statistic of each replication, in replication order.
        extra: Secondary statistics shown beside the main one (figures, report).
    """

    estimate: Estimate
    per_replication: np.ndarray
    extra: dict[str, Estimate] = field(default_factory=dict)

    @property
    def value(self) -> float:
        """The statistic: the mean over replications."""
        return self.estimate.mean

    @property
    def interval(self) -> tuple[float, float] | None:
        """The 95% interval, or None where it is undefined (fewer than two replications)."""
        if not (math.isfinite(self.estimate.low) and math.isfinite(self.estimate.high)):
            return None
        return (self.estimate.low, self.estimate.high)


def ols_slope(x: np.ndarray, y: np.ndarray) -> float:
    """Least-squares slope of ``y`` on ``x`` (NaN pairs dropped; NaN with fewer than two points)."""
    x, y = np.asarray(x, float), np.asarray(y, float)
    keep = np.isfinite(x) & np.isfinite(y)
    x, y = x[keep], y[keep]
    if x.size < 2 or np.ptp(x) == 0:
        return math.nan
    dx = x - x.mean()
    return float((dx * (y - y.mean())).sum() / (dx * dx).sum())


def _column(runs: pd.DataFrame, name: str) -> pd.Series:
    if name not in runs.columns:
        raise InputError("checks.yaml", "options", f"the runs have no statistic {name!r}")
    return runs[name]


def _by_replication(runs: pd.DataFrame, compute: Callable[[pd.DataFrame], float]) -> np.ndarray:
    """``compute`` applied to the points of each replication, in replication order."""
    groups = runs.sort_values(["replication", "point"]).groupby("replication", sort=True)
    return np.array([compute(group) for _, group in groups], dtype=float)


def replication_mean(runs: pd.DataFrame, column: str, extra: tuple[str, ...] = ()) -> Outcome:
    """Mean over replications of one run statistic (an experiment without a sweep)."""
    values = _column(runs, column).to_numpy(dtype=float)
    more = {name: estimate(_column(runs, name).to_numpy(dtype=float)) for name in extra}
    return Outcome(estimate(values), values, more)


def _transform(values: np.ndarray, log: bool) -> np.ndarray:
    """The values, or their logarithms (non-positive values become NaN)."""
    values = np.asarray(values, dtype=float)
    if not log:
        return values
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(values > 0, np.log(np.where(values > 0, values, 1.0)), np.nan)


def paired_slope(
    runs: pd.DataFrame,
    x: str,
    y: str,
    log_x: bool = False,
    log_y: bool = False,
    extra: tuple[str, ...] = (),
) -> Outcome:
    """Slope of ``y`` on ``x`` across the sweep's points, within each replication.

    With ``log_x`` and ``log_y`` it is an elasticity; with ``log_y`` alone a semi-elasticity.
    ``extra`` names more columns whose slopes (same transformations) are shown beside it.
    """
    _column(runs, x), _column(runs, y)

    def slopes(column: str) -> np.ndarray:
        return _by_replication(
            runs,
            lambda g: ols_slope(
                _transform(g[x].to_numpy(), log_x), _transform(g[column].to_numpy(), log_y)
            ),
        )

    values = slopes(y)
    more = {f"slope of {name}": estimate(slopes(name)) for name in extra}
    return Outcome(estimate(values), values, more)


def peak_position(x: np.ndarray, y: np.ndarray) -> float:
    """Where a quadratic in ``log x`` fitted to ``y`` peaks (in units of ``x``).

    NaN when the fitted parabola opens upwards or is flat (no peak: no hump), or when the peak
    lies outside the range of ``x`` (the data show only a rise or only a fall).
    """
    logs = _transform(x, True)
    keep = np.isfinite(logs) & np.isfinite(y)
    if keep.sum() < 3:
        return math.nan
    curvature, slope, _ = np.polyfit(logs[keep], np.asarray(y, float)[keep], 2)
    if curvature >= 0:
        return math.nan
    peak = -slope / (2.0 * curvature)
    if not logs[keep].min() <= peak <= logs[keep].max():
        return math.nan
    return float(math.exp(peak))


def paired_peak(runs: pd.DataFrame, x: str, y: str) -> Outcome:
    """The value of ``x`` at which ``y`` peaks across the sweep, within each replication.

    The estimate is the mean peak over the replications that show one (a parabola opening
    downwards with its top inside the swept range); undefined, so failing, when fewer than half
    of the replications show a hump.
    """
    _column(runs, x), _column(runs, y)
    values = _by_replication(runs, lambda g: peak_position(g[x].to_numpy(), g[y].to_numpy()))
    humped = np.isfinite(values)
    more = {"share of replications with a hump": estimate(humped.astype(float))}
    if humped.mean() < 0.5:
        return Outcome(estimate(np.full(2, np.nan)), values, more)
    return Outcome(estimate(values[humped]), values, more)


def paired_ratio(runs: pd.DataFrame, x: str, y: str, scale: float = 1.0) -> Outcome:
    """``scale`` times the change in ``y`` over the change in ``x``, from the lowest swept value
    to the highest, within each replication (a Wald ratio of paired differences)."""
    _column(runs, x), _column(runs, y)

    def ratio(group: pd.DataFrame) -> float:
        ordered = group.sort_values("value")
        dx = ordered[x].iloc[-1] - ordered[x].iloc[0]
        dy = ordered[y].iloc[-1] - ordered[y].iloc[0]
        return scale * float(dy / dx) if dx != 0 else math.nan

    values = _by_replication(runs, ratio)
    return Outcome(estimate(values), values)


STATISTICS: dict[str, Callable[..., Outcome]] = {
    "replication_mean": replication_mean,
    "paired_slope": paired_slope,
    "paired_peak": paired_peak,
    "paired_ratio": paired_ratio,
}


def compute(name: str, runs: pd.DataFrame, options: dict[str, Any]) -> Outcome:
    """The statistic ``name`` of ``runs`` with the check's options."""
    if name not in STATISTICS:
        raise InputError("checks.yaml", "statistic", f"unknown {name!r}; known: {list(STATISTICS)}")
    arguments = {k: tuple(v) if isinstance(v, list) else v for k, v in options.items()}
    try:
        return STATISTICS[name](runs, **arguments)
    except TypeError as error:
        raise InputError("checks.yaml", "options", f"{name}: {error}") from None


def inside(value: float, band: tuple[float | None, float | None]) -> bool:
    """Whether ``value`` lies in the inclusive band (None is an open end; NaN never lies inside)."""
    if not math.isfinite(value):
        return False
    low, high = band
    return (low is None or value >= low) and (high is None or value <= high)


def passes(outcome: Outcome, band: tuple[float | None, float | None], rule: str) -> bool:
    """The pass rule: the estimate in the band, or (``interval``) its whole 95% interval."""
    if rule == "interval":
        interval = outcome.interval
        return interval is not None and inside(interval[0], band) and inside(interval[1], band)
    return inside(outcome.value, band)
