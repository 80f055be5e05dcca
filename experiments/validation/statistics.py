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


def elasticity(share_kept: np.ndarray, amount: np.ndarray) -> float:
    """Elasticity of ``amount`` to ``share_kept``: the slope of log amount on log share.

    With ``share_kept = 1 - fee`` this is the elasticity of remittances to the share of each dollar
    sent that survives the fee, which is minus the elasticity to the price of delivering a dollar,
    ``1 / (1 - fee)``. Non-positive amounts are dropped.
    """
    share_kept, amount = np.asarray(share_kept, float), np.asarray(amount, float)
    keep = (share_kept > 0) & (amount > 0)
    return ols_slope(np.log(share_kept[keep]), np.log(amount[keep]))


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


def paired_slope(runs: pd.DataFrame, x: str, y: str) -> Outcome:
    """Slope of ``y`` on ``x`` across the sweep's points, within each replication."""
    _column(runs, x), _column(runs, y)
    slopes = _by_replication(runs, lambda g: ols_slope(g[x].to_numpy(), g[y].to_numpy()))
    return Outcome(estimate(slopes), slopes)


def paired_elasticity(runs: pd.DataFrame, y: str) -> Outcome:
    """Elasticity of ``y`` to one minus the swept value (``1 - fee``), within each replication."""
    _column(runs, y)
    values = _by_replication(
        runs, lambda g: elasticity(1.0 - g["value"].to_numpy(), g[y].to_numpy())
    )
    return Outcome(estimate(values), values)


def paired_change(runs: pd.DataFrame, y: str) -> Outcome:
    """Per cent change in ``y`` from the highest swept value to the lowest, within each replication."""
    _column(runs, y)

    def change(group: pd.DataFrame) -> float:
        ordered = group.sort_values("value")
        low, high = ordered[y].iloc[0], ordered[y].iloc[-1]
        return 100.0 * (low / high - 1.0) if high != 0 else math.nan

    values = _by_replication(runs, change)
    return Outcome(estimate(values), values)


STATISTICS: dict[str, Callable[..., Outcome]] = {
    "replication_mean": replication_mean,
    "paired_slope": paired_slope,
    "paired_elasticity": paired_elasticity,
    "paired_change": paired_change,
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
