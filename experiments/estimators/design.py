"""Sampling variance: random groups for the census sample and the labour force survey, the
formulas of simple random sampling for the origin's household survey.

*Random groups* (Wolter 2007, Introduction to Variance Estimation, 2nd ed., ch. 2): the sources
mark each record with one of ``G`` random groups of its dwelling, each group a random sample of
its own with ``1/G`` of the fraction. The statistic is computed on each group (weights times
``G``), and ``v = (1 - f) sum_g (theta_g - mean)^2 / (G (G - 1))``, with the finite population
correction ``1 - f`` so that a complete sample (``f = 1``) has no sampling variance; intervals use
Student's t with ``G - 1`` degrees of freedom. It serves any statistic, linear or not (a ratio, a
dissimilarity index, flows from stocks), at the cost of ``G`` evaluations.

*Simple random sampling within origins* (Cochran 1977, Sampling Techniques, §§ 2.5 and 12.2, for
respondents taken as a random subsample of the sampled, the weighting-class assumption): a total
is ``N ybar`` with variance ``N^2 (1 - n/N) s^2 / n`` per origin, ``n`` the respondents.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from experiments.estimators.base import Z95, t_quantile
from model.observation.microdata.census_sample import RANDOM_GROUPS

# Passes the records of one random group (weights times ``G``), or all of them.
Choose = Callable[[pd.DataFrame], pd.DataFrame]


@dataclass(frozen=True)
class WithVariance:
    """A statistic, its standard error and the quantile its 95% interval uses."""

    value: float
    se: float
    quantile: float = Z95

    @property
    def interval(self) -> tuple[float, float]:
        """``value -/+ quantile x se``."""
        return self.value - self.quantile * self.se, self.value + self.quantile * self.se


def random_groups(statistic: Callable[[Choose], float], fraction: float) -> WithVariance:
    """A statistic of one or more samples, with its random-group standard error.

    Args:
        statistic: ``statistic(select)`` computes the statistic from samples passed through
            ``select``, which keeps one random group (weights times ``G``) or everything.
        fraction: The sampling fraction (for the finite population correction).
    """
    value = statistic(lambda frame: frame)
    if fraction >= 1.0:
        return WithVariance(value, 0.0)  # a complete sample has no sampling error
    replicates = np.array([statistic(_group(g)) for g in range(RANDOM_GROUPS)], dtype=float)
    replicates = replicates[np.isfinite(replicates)]
    if replicates.size < 2 or not math.isfinite(value):
        return WithVariance(value, math.nan)
    spread = replicates.var(ddof=1) / replicates.size
    se = math.sqrt(max(1.0 - fraction, 0.0) * spread)
    return WithVariance(value, se, t_quantile(replicates.size - 1))


def _group(group: int) -> Choose:
    def select(frame: pd.DataFrame) -> pd.DataFrame:
        mine = frame[frame["variance_group"] == group]
        return mine.assign(weight=mine["weight"] * RANDOM_GROUPS)

    return select


def survey_total(households: pd.DataFrame, values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Totals of ``values`` per origin from the respondents of the household survey, and variances.

    Args:
        households: The survey's households of one year (``origin``, ``responded``, ``weight``).
        values: The value of each household (respondents' values are used).
    """
    answered = households["responded"].to_numpy(dtype=bool)
    frame = pd.DataFrame(
        {
            "origin": households["origin"].to_numpy()[answered],
            "weight": households["weight"].to_numpy()[answered],
            "value": values.to_numpy(dtype=float)[answered],
        }
    )
    grouped = frame.groupby("origin", sort=False)
    population = grouped["weight"].sum()
    respondents = grouped.size()
    mean = grouped["value"].mean()
    spread = grouped["value"].var(ddof=1).fillna(0.0)
    variance = population**2 * (1.0 - respondents / population) * spread / respondents
    return population * mean, variance.clip(lower=0.0)
