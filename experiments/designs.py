"""Experimental designs: grids over listed values, Latin hypercubes and Sobol' samples over ranges.

A design yields *points*: mappings from dotted parameter paths to values. Sampled designs draw a
unit hypercube with :mod:`scipy.stats.qmc` (``LatinHypercube``, or scrambled ``Sobol``) from the
experiment's seed, then map each column through the inverse distribution function of its
parameter's distribution (uniform, normal, triangular or lognormal; any of them may be truncated
to ``[low, high]``, by mapping the unit sample into ``[F(low), F(high)]`` first).

Whole-number parameters follow one rule (:data:`INTEGER_RULE`): the range is widened by a half
on each side, the sample is drawn as a real number and rounded to the nearest whole number, so
every whole number from ``low`` to ``high`` is as likely under a uniform distribution. Yes/no
parameters can only be varied in grids or by listing scenario files.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, model_validator
from scipy import stats
from scipy.stats import qmc

INTEGER_RULE = (
    "whole-number parameters: the distribution's bounds are widened by 0.5 on each side, the "
    "sample is rounded to the nearest whole number (halves up) and kept within the bounds, so "
    "each whole number from low to high is equally likely under a uniform distribution"
)
SAMPLED_KINDS = ("lhs", "sobol")
NEEDS = {
    "uniform": ("low", "high"),
    "normal": ("mean", "sd"),
    "triangular": ("low", "mode", "high"),
    "lognormal": ("median", "sigma"),
}
FIELDS = ("low", "high", "mean", "sd", "mode", "median", "sigma")
ALLOWED = {
    "uniform": {"low", "high"},
    "normal": {"mean", "sd", "low", "high"},
    "triangular": {"low", "mode", "high"},
    "lognormal": {"median", "sigma", "low", "high"},
}


class Distribution(BaseModel):
    """The distribution of one sampled parameter.

    ``uniform`` needs ``low`` and ``high``; ``normal`` needs ``mean`` and ``sd``; ``triangular``
    needs ``low``, ``mode`` and ``high``; ``lognormal`` needs ``median`` and ``sigma`` (the
    standard deviation of the logarithm). ``normal`` and ``lognormal`` may be truncated to
    ``[low, high]`` by giving either bound.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    distribution: Literal["uniform", "normal", "triangular", "lognormal"]
    low: float | None = None
    high: float | None = None
    mean: float | None = None
    sd: float | None = None
    mode: float | None = None
    median: float | None = None
    sigma: float | None = None

    @model_validator(mode="after")
    def _complete(self) -> Distribution:
        given = {k for k in FIELDS if getattr(self, k) is not None}
        missing = [k for k in NEEDS[self.distribution] if getattr(self, k) is None]
        if missing:
            raise ValueError(f"a {self.distribution} distribution needs {', '.join(missing)}")
        extra = sorted(given - ALLOWED[self.distribution])
        if extra:
            allowed = ", ".join(sorted(ALLOWED[self.distribution]))
            raise ValueError(
                f"{', '.join(extra)} not used by a {self.distribution} distribution "
                f"(it takes {allowed})"
            )
        self._check_values()
        return self

    def _check_values(self) -> None:
        if self.low is not None and self.high is not None and not self.low < self.high:
            raise ValueError(f"low ({self.low}) must be below high ({self.high})")
        for name in ("sd", "sigma", "median"):
            value = getattr(self, name)
            if value is not None and not value > 0:
                raise ValueError(f"{name} must be above 0 (got {value})")
        if self.distribution == "triangular" and not (
            self.given("low") <= self.given("mode") <= self.given("high")
        ):
            raise ValueError(f"mode ({self.mode}) must lie between low and high")

    def given(self, name: str) -> float:
        """A parameter the distribution needs (the validator made sure it is given)."""
        value = getattr(self, name)
        if value is None:
            raise ValueError(f"a {self.distribution} distribution needs {name}")
        return float(value)

    def frozen(self) -> Any:
        """The untruncated ``scipy.stats`` distribution."""
        if self.distribution == "normal":
            return stats.norm(loc=self.given("mean"), scale=self.given("sd"))
        if self.distribution == "lognormal":
            return stats.lognorm(s=self.given("sigma"), scale=self.given("median"))
        low, high = self.given("low"), self.given("high")
        if self.distribution == "uniform":
            return stats.uniform(loc=low, scale=high - low)
        return stats.triang(c=(self.given("mode") - low) / (high - low), loc=low, scale=high - low)

    def widened(self, margin: float) -> Distribution:
        """The same distribution with ``low`` and ``high`` (when given) moved out by ``margin``."""
        update = {}
        if self.low is not None:
            update["low"] = self.low - margin
        if self.high is not None:
            update["high"] = self.high + margin
        return self.model_copy(update=update)

    def ppf(self, unit: np.ndarray) -> np.ndarray:
        """Values at the quantiles ``unit`` (in [0, 1)), truncated to ``[low, high]`` if given."""
        base = self.frozen()
        bottom = base.cdf(self.low) if self.low is not None else 0.0
        top = base.cdf(self.high) if self.high is not None else 1.0
        values = base.ppf(bottom + np.asarray(unit, dtype=float) * (top - bottom))
        # Guards against rounding in the tails only: the quantiles already lie within bounds.
        return np.clip(values, *self.bounds())

    def bounds(self) -> tuple[float, float]:
        """``(low, high)`` with missing bounds as infinities."""
        low = self.low if self.low is not None else -np.inf
        high = self.high if self.high is not None else np.inf
        return low, high


def grid_points(values: Mapping[str, Sequence[Any]]) -> list[dict[str, Any]]:
    """Every combination of the listed values; the last parameter varies fastest."""
    names = list(values)
    return [dict(zip(names, combo, strict=True)) for combo in itertools.product(*values.values())]


def unit_sample(kind: str, dimensions: int, samples: int, seed: int) -> np.ndarray:
    """``samples`` points of the unit hypercube from a Latin hypercube or a scrambled Sobol' set.

    The sampler's generator is ``default_rng(SeedSequence(seed))``: the root of the experiment's
    seed, independent of the replications' seeds, which are its children.
    """
    rng = np.random.default_rng(np.random.SeedSequence(seed))
    if kind == "lhs":
        return qmc.LatinHypercube(d=dimensions, rng=rng).random(samples)
    if kind == "sobol":
        sampler = qmc.Sobol(d=dimensions, scramble=True, rng=rng)
        if is_power_of_two(samples):
            return sampler.random_base2(int(math.log2(samples)))
        import warnings

        # The caller reports the loss of balance once, in its own words (sobol_note).
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            return sampler.random(samples)
    raise ValueError(f"unknown sampled design {kind!r}; expected one of {SAMPLED_KINDS}")


def sampled_points(
    kind: str,
    distributions: Mapping[str, Distribution],
    integers: set[str],
    samples: int,
    seed: int,
) -> list[dict[str, Any]]:
    """Points of a sampled design, with whole-number parameters per :data:`INTEGER_RULE`.

    Args:
        kind: ``lhs`` or ``sobol``.
        distributions: Each parameter's distribution, in column order.
        integers: The parameters that take whole numbers.
        samples: Number of points.
        seed: The experiment's seed.
    """
    unit = unit_sample(kind, len(distributions), samples, seed)
    columns: dict[str, list[int] | list[float]] = {}
    for index, (name, distribution) in enumerate(distributions.items()):
        if name in integers:
            values = distribution.widened(0.5).ppf(unit[:, index])
            rounded = np.clip(np.floor(values + 0.5), *distribution.bounds())
            columns[name] = [int(v) for v in rounded]
        else:
            columns[name] = [float(v) for v in distribution.ppf(unit[:, index])]
    return [{name: columns[name][i] for name in columns} for i in range(samples)]


def is_power_of_two(number: int) -> bool:
    """Whether ``number`` is 1, 2, 4, 8, ..."""
    return number > 0 and number & (number - 1) == 0


def sobol_note(samples: int) -> str | None:
    """A warning when a Sobol' design's size loses the sequence's balance properties."""
    if is_power_of_two(samples):
        return None
    below = 2 ** int(math.log2(samples))
    return (
        f"a Sobol' design of {samples} points is not balanced; use a power of two "
        f"({below} or {below * 2})"
    )
