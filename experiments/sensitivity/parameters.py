"""The varied parameters: from a point of the unit hypercube to the values a scenario takes.

Every method samples the unit hypercube (SALib's samplers on a problem with unit bounds); each
column is then mapped to its parameter's values, so the analysis sees each parameter on its
probability scale and every method treats every distribution alike:

- **real numbers**: the inverse distribution function of the parameter's distribution
  (:class:`experiments.designs.Distribution`: uniform, normal, triangular, lognormal, each
  normal or lognormal truncated to ``[low, high]`` when a bound is given). A side without a bound
  maps the unit sample's extremes (0 and 1, which Morris grids reach) to the 0.1% and 99.9%
  quantiles (:data:`TAIL`);
- **whole numbers**: :data:`experiments.designs.INTEGER_RULE` (bounds widened by 0.5, rounded);
- **categorical** (yes/no levers, or any listed values): :data:`CATEGORICAL_RULE`, ``K``
  categories on ``K`` equal-probability bins of the unit interval.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import ValidationError

from experiments.designs import INTEGER_RULE, Distribution
from experiments.sensitivity.schema import ParameterSpec, SensitivityExperiment
from model.errors import InputError
from model.scenario.loader import describe
from model.scenario.paths import PathError, path_kind

TAIL = 0.001
CATEGORICAL_RULE = (
    "categorical parameters (yes/no levers and listed values): the unit interval is cut into "
    "as many equal bins as there are categories, in the order listed (no before yes), so each "
    "category is equally likely and a sample in bin k takes category k"
)
POSTERIOR_RULE = (
    "posterior parameters: the unit sample is mapped through the weighted empirical quantile "
    "function of the parameter's marginal in the calibration's posterior; each parameter is "
    "sampled independently, so correlations between parameters in the posterior are not kept "
    "(the sensitivity methods assume independent inputs)"
)
RULES = {"integer": INTEGER_RULE, "categorical": CATEGORICAL_RULE, "posterior": POSTERIOR_RULE}


@dataclass(frozen=True)
class Parameter:
    """One varied parameter, ready to map unit samples to values.

    Attributes:
        path: Its dotted path (or a test model's argument name).
        role: ``world`` (scenario and baseline) or ``policy`` (scenario only).
        group: Its SALib group, if any.
        kind: ``float``, ``int``, ``bool`` or ``other``.
        distribution: The distribution of a real or whole-number parameter.
        categories: The categories of a categorical parameter.
    """

    path: str
    role: str
    group: str | None
    kind: str
    distribution: Distribution | None = None
    categories: tuple[Any, ...] | None = None
    # Issue 18: a posterior marginal, as (values sorted, cumulative normalised weights).
    marginal: tuple[np.ndarray, np.ndarray] | None = None

    @property
    def rule(self) -> str | None:
        """Which documented rule maps this parameter (None for real numbers)."""
        if self.marginal is not None:
            return "posterior"
        if self.categories is not None:
            return "categorical"
        return "integer" if self.kind == "int" else None

    def values(self, unit: np.ndarray) -> list[Any]:
        """The parameter's values at the unit samples ``unit`` (one column of the sample)."""
        unit = np.asarray(unit, dtype=float)
        if self.marginal is not None:
            values, cumulative = self.marginal
            index = np.searchsorted(cumulative, unit * cumulative[-1], side="left")
            return [float(values[i]) for i in np.minimum(index, len(values) - 1)]
        if self.categories is not None:
            count = len(self.categories)
            bins = np.minimum(np.floor(unit * count), count - 1).astype(int)
            return [self.categories[b] for b in bins]
        assert self.distribution is not None
        if self.kind == "int":
            widened = self.distribution.widened(0.5)
            raw = widened.ppf(self._clipped(unit, widened))
            rounded = np.clip(np.floor(raw + 0.5), *self.distribution.bounds())
            return [int(v) for v in rounded]
        return [float(v) for v in self.distribution.ppf(self._clipped(unit, self.distribution))]

    @staticmethod
    def _clipped(unit: np.ndarray, distribution: Distribution) -> np.ndarray:
        low, high = distribution.bounds()
        bottom = 0.0 if math.isfinite(low) else TAIL
        top = 1.0 if math.isfinite(high) else 1.0 - TAIL
        return np.clip(unit, bottom, top)

    def extremes(self) -> list[Any]:
        """The smallest and largest values the parameter can take (each category if listed)."""
        if self.categories is not None:
            return list(self.categories)
        return self.values(np.array([0.0, 1.0]))

    def describe(self) -> dict[str, Any]:
        """The parameter for the manifest, with SALib's name of its distribution."""
        spec: dict[str, Any] = {"path": self.path, "role": self.role, "kind": self.kind}
        if self.group:
            spec["group"] = self.group
        if self.marginal is not None:
            spec.update(distribution="posterior", range=self.extremes())
        elif self.categories is not None:
            spec.update(distribution="categorical", values=list(self.categories))
        else:
            assert self.distribution is not None
            spec.update(self.distribution.model_dump(exclude_none=True))
            spec["salib_dist"] = salib_name(self.distribution)
            spec["range"] = self.extremes()
        if self.rule:
            spec["rule"] = RULES[self.rule]
        return spec


def salib_name(distribution: Distribution) -> str:
    """SALib's name of a distribution (``truncnorm`` for a bounded normal)."""
    if distribution.distribution == "normal" and (distribution.low, distribution.high) != (
        None,
        None,
    ):
        return "truncnorm"
    return {"uniform": "unif", "normal": "norm", "triangular": "triang"}.get(
        distribution.distribution, "lognorm"
    )


def categories_of(spec: ParameterSpec, kind: str, key: str, file: Path) -> tuple[Any, ...]:
    """The categories of a categorical parameter, checked against its kind."""
    if spec.values is None:
        if kind != "bool":
            raise InputError(str(file), key, "a categorical parameter lists its values")
        return (False, True)
    kinds: dict[str, type | tuple[type, ...]] = {"bool": bool, "int": int, "float": (int, float)}
    expected = kinds.get(kind)
    for value in spec.values:
        wrong = expected is not None and (
            not isinstance(value, expected) or (kind != "bool" and isinstance(value, bool))
        )
        if wrong:
            raise InputError(str(file), f"{key}.values", f"{value!r} is not a {kind} value")
    if len({repr(v) for v in spec.values}) != len(spec.values):
        raise InputError(str(file), f"{key}.values", "a value is listed twice")
    return tuple(float(v) if kind == "float" else v for v in spec.values)


def distribution_of(spec: ParameterSpec, kind: str, key: str, file: Path) -> Distribution:
    """The distribution of a real or whole-number parameter, validated."""
    if kind not in ("float", "int"):
        what = "a yes/no" if kind == "bool" else "a text or choice"
        raise InputError(
            str(file), key, f"{what} parameter takes distribution: categorical (equal bins)"
        )
    fields = spec.distribution_fields()
    if spec.distribution == "truncnorm" and (spec.low is None or spec.high is None):
        raise InputError(str(file), key, "a truncnorm distribution needs low and high")
    try:
        return Distribution.model_validate(fields)
    except ValidationError as error:
        first = error.errors()[0]
        raise InputError(str(file), key, describe(first, Distribution)) from None


def parameter_kind(path: str, scenarios: Mapping[str, dict], key: str, file: Path) -> str:
    """The kind of value a path names; it must name one value in each scenario it changes."""
    kinds = set()
    for data in scenarios.values():
        try:
            kind = path_kind(path, data)
        except PathError as error:
            raise InputError(str(file), key, str(error)) from None
        if kind == "section":
            raise InputError(str(file), key, "names a whole section; name one value inside it")
        kinds.add(kind)
    return kinds.pop()


def build_parameters(
    experiment: SensitivityExperiment, scenarios: dict[str, dict[str, Any]] | None, file: Path
) -> list[Parameter]:
    """Every varied parameter, checked against the scenarios it changes.

    Args:
        experiment: The validated sensitivity file.
        scenarios: ``{"scenario": base, "baseline": baseline}`` mappings, or None for a test
            model (whose parameters are real numbers or listed categories).
        file: The sensitivity file, named in errors.
    """
    found = []
    for path, spec in experiment.parameters.items():
        key = f"parameters.{path}"
        kind = "float"
        if scenarios is not None:
            changed = scenarios if spec.role == "world" else {"scenario": scenarios["scenario"]}
            kind = parameter_kind(path, changed, key, file)
        if spec.distribution == "posterior":  # issue 18
            marginal = posterior_marginal(experiment, path, kind, key, file)
            found.append(Parameter(path, spec.role, spec.group, kind, marginal=marginal))
        elif spec.distribution == "categorical":
            categories = categories_of(spec, kind if scenarios else "other", key, file)
            found.append(Parameter(path, spec.role, spec.group, kind, categories=categories))
        else:
            distribution = distribution_of(spec, kind, key, file)
            found.append(Parameter(path, spec.role, spec.group, kind, distribution=distribution))
    return found


def posterior_marginal(
    experiment: SensitivityExperiment, path: str, kind: str, key: str, file: Path
) -> tuple[np.ndarray, np.ndarray]:
    """A parameter's weighted marginal in the experiment's posterior file (issue 18)."""
    from experiments.calibration.posterior import read_posterior

    if experiment.posterior is None:
        raise InputError(str(file), key, "distribution: posterior needs the file's `posterior`")
    if kind != "float":
        raise InputError(str(file), key, f"a posterior samples real numbers; this is {kind}")
    posterior = read_posterior(file.parent / experiment.posterior, f"{file}: posterior")
    if path not in posterior.parameters:
        raise InputError(
            str(file), key, f"not in the posterior; it has {', '.join(posterior.parameters)}"
        )
    values = posterior.values[path].to_numpy(dtype=float)
    order = np.argsort(values, kind="stable")
    return values[order], np.cumsum(posterior.weights[order])


def point_values(parameters: list[Parameter], unit: np.ndarray) -> list[dict[str, Any]]:
    """The parameter values of every row of a unit sample (rows: points, columns: parameters)."""
    columns = [p.values(unit[:, i]) for i, p in enumerate(parameters)]
    return [{p.path: columns[i][row] for i, p in enumerate(parameters)} for row in range(len(unit))]
