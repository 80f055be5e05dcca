"""Means and 95% confidence intervals over replications, for levels and paired differences."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Estimate:
    """A mean over replications with its 95% confidence interval (Student's t)."""

    mean: float
    low: float
    high: float
    count: int

    @property
    def half_width(self) -> float:
        """Half the width of the interval (NaN with fewer than two replications)."""
        return (self.high - self.low) / 2.0

    def as_json(self) -> dict[str, object]:
        """``{"mean": X, "ci95": [LO, HI]}`` with JSON's null for undefined numbers."""
        return {"mean": _finite(self.mean), "ci95": [_finite(self.low), _finite(self.high)]}


def _finite(value: float) -> float | None:
    return float(value) if math.isfinite(value) else None


def estimate(values: np.ndarray | list[float]) -> Estimate:
    """Mean and t-interval of the finite values (replications where a quantity is undefined skip)."""
    data = np.asarray(values, dtype=float)
    data = data[np.isfinite(data)]
    count = int(data.size)
    if count == 0:
        return Estimate(math.nan, math.nan, math.nan, 0)
    mean = float(data.mean())
    if count == 1:
        return Estimate(mean, math.nan, math.nan, 1)
    spread = float(data.std(ddof=1))
    half = t_quantile(0.975, count - 1) * spread / math.sqrt(count)
    return Estimate(mean, mean - half, mean + half, count)


def t_quantile(probability: float, degrees_of_freedom: float) -> float:
    """Student's t quantile: ``scipy.stats.t.ppf``, which calls this very function of
    ``scipy.special`` (equal bit for bit), without importing ``scipy.stats`` (about 0.5 s)."""
    from scipy.special import stdtrit

    return float(stdtrit(degrees_of_freedom, probability))


def replications_needed(values: np.ndarray | list[float], half_width: float) -> int | None:
    """Replications for the 95% interval's half-width to shrink to ``half_width`` (normal approx.).

    Returns None where the spread is undefined (fewer than two finite values).
    """
    data = np.asarray(values, dtype=float)
    data = data[np.isfinite(data)]
    if data.size < 2 or half_width <= 0:
        return None
    spread = float(data.std(ddof=1))
    if spread == 0.0:
        return int(data.size)
    return max(2, math.ceil((1.96 * spread / half_width) ** 2))
