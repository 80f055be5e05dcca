"""One estimate with its interval, beside the truth; and the intervals estimators report."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import pandas as pd
from scipy import stats

Z95 = float(stats.norm.ppf(0.975))
ALL = "all"


@dataclass(frozen=True)
class Estimate:
    """One estimate with its 95% interval, beside the truth.

    Attributes:
        estimator: The estimator's name in :data:`experiments.estimators.bank.BANK`.
        period: The year, or the years ``t0-t1`` of an interval.
        destination: Destination name (``all``: every destination together).
        origin: Origin name (``all``: every origin together).
        estimate: The estimate.
        low: Lower end of its 95% interval.
        high: Upper end.
        truth: The true value.
        se: Its standard error (NaN where the interval is not built from one).
    """

    estimator: str
    period: str
    destination: str
    origin: str
    estimate: float
    low: float
    high: float
    truth: float
    se: float = math.nan

    @property
    def error(self) -> float:
        """Estimate minus truth (negative: an underestimate)."""
        return self.estimate - self.truth

    @property
    def relative_error(self) -> float:
        """Error as a share of the truth (NaN when the truth is zero)."""
        return self.error / self.truth if self.truth != 0 else math.nan

    @property
    def covered(self) -> bool:
        """Whether the 95% interval holds the truth."""
        return bool(self.low <= self.truth <= self.high)

    def record(self) -> dict[str, object]:
        """A flat mapping, error, relative error and coverage included."""
        return {
            **asdict(self),
            "error": self.error,
            "relative_error": self.relative_error,
            "covered": self.covered,
        }


COLUMNS = [*Estimate.__dataclass_fields__, "error", "relative_error", "covered"]


def table(estimates: list[Estimate]) -> pd.DataFrame:
    """Estimates as a table, one row each."""
    return pd.DataFrame([e.record() for e in estimates], columns=COLUMNS)


def normal_interval(estimate: float, se: float, quantile: float = Z95) -> tuple[float, float]:
    """``estimate -/+ quantile x se``."""
    return estimate - quantile * se, estimate + quantile * se


def t_quantile(degrees: int) -> float:
    """The 97.5% quantile of Student's t (normal for infinite degrees of freedom)."""
    return float(stats.t.ppf(0.975, degrees)) if degrees > 0 else math.nan


def lognormal_interval(estimate: float, se: float, floor: float = 0.0) -> tuple[float, float]:
    """A 95% interval for a positive count: log-normal around ``estimate - floor``.

    With ``floor`` the number of people seen, this is Chao's (1987, Biometrics 43) interval for
    a population size, which never falls below the number observed.
    """
    excess = estimate - floor
    if not (excess > 0 and math.isfinite(se)):
        return floor + min(excess, 0.0), estimate + Z95 * (se if math.isfinite(se) else 0.0)
    factor = math.exp(Z95 * math.sqrt(math.log(1.0 + (se / excess) ** 2)))
    return floor + excess / factor, floor + excess * factor
