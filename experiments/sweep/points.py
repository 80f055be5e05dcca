"""The points of a sweep's design, each checked against the scenario schema before any run.

Point 0 is always the base scenario itself: the reference against which every other point's
welfare changes are paired (docs/ODD.md, section 7.19). The other points come from the design: a grid's
combinations, a Latin hypercube's or Sobol' sample's rows, or the listed scenario files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from experiments import designs
from experiments.designs import Distribution
from experiments.engine.tasks import scenario_data
from experiments.sweep.load import ScenarioInput
from experiments.sweep.schema import Experiment
from model.errors import InputError
from model.scenario.loader import describe
from model.scenario.paths import PathError, get_path, path_kind
from model.scenario.schema import Scenario

REFERENCE = "base"


@dataclass(frozen=True)
class Point:
    """One design point.

    Attributes:
        index: Its number (0 is the base scenario).
        name: How tables and figures label it.
        scenario: Key of the scenario it starts from.
        values: The design's parameter values at this point (empty for the reference).
    """

    index: int
    name: str
    scenario: str
    values: dict[str, Any] = field(default_factory=dict)


def coerce(value: Any, kind: str) -> Any:
    """A value as the scenario holds it: floats as float, whole numbers as int."""
    if kind == "float" and not isinstance(value, bool):
        return float(value)
    if kind == "int" and not isinstance(value, bool) and float(value).is_integer():
        return int(value)
    return value


def parameter_kinds(experiment: Experiment, base: ScenarioInput, file: Path) -> dict[str, str]:
    """The kind of each varied parameter; every path must name one value of the scenario."""
    kinds: dict[str, str] = {}
    for path in experiment.design.parameters:
        key = f"design.parameters.{path}"
        try:
            kind = path_kind(path, base.data)
        except PathError as error:
            raise InputError(str(file), key, str(error)) from None
        if kind == "section":
            raise InputError(str(file), key, "names a whole section; name one value inside it")
        if experiment.sampled and kind not in ("float", "int"):
            what = "a yes/no" if kind == "bool" else "a text or choice"
            raise InputError(
                str(file),
                key,
                f"{what} parameter cannot be sampled; vary it in a grid (kind: grid) or by "
                "listing scenario files (kind: scenarios)",
            )
        kinds[path] = kind
    return kinds


def grid_values(experiment: Experiment, kinds: dict[str, str], file: Path) -> list[dict]:
    """The combinations of a grid, values coerced to their parameters' kinds."""
    lists = {}
    for path, values in experiment.design.parameters.items():
        key = f"design.parameters.{path}"
        if not isinstance(values, list) or not values:
            raise InputError(str(file), key, "a grid lists one or more values, e.g. [0.03, 0.06]")
        coerced = [coerce(value, kinds[path]) for value in values]
        if len({repr(value) for value in coerced}) != len(coerced):
            raise InputError(str(file), key, f"a value is listed twice in {values}")
        lists[path] = coerced
    return designs.grid_points(lists)


def distributions(experiment: Experiment, file: Path) -> dict[str, Distribution]:
    """The distributions of a sampled design, each validated."""
    found = {}
    for path, value in experiment.design.parameters.items():
        key = f"design.parameters.{path}"
        if not isinstance(value, dict):
            raise InputError(
                str(file),
                key,
                f"an {experiment.design.kind} design takes a distribution, e.g. "
                "{distribution: uniform, low: 0.01, high: 0.1}",
            )
        try:
            found[path] = Distribution.model_validate(value)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            raise InputError(
                str(file), f"{key}.{where}" if where else key, describe(first, Distribution)
            ) from None
    return found


def sampled_values(experiment: Experiment, kinds: dict[str, str], file: Path) -> list[dict]:
    """The rows of a Latin hypercube or a Sobol' sample."""
    samples = experiment.design.samples
    if samples is None:
        raise InputError(
            str(file), "design.samples", f"a {experiment.design.kind} design needs its size"
        )
    integers = {path for path, kind in kinds.items() if kind == "int"}
    return designs.sampled_points(
        experiment.design.kind, distributions(experiment, file), integers, samples, experiment.seed
    )


def check_kind_fits(experiment: Experiment, file: Path) -> None:
    """Reject keys of the design that its kind does not use."""
    design = experiment.design
    if design.kind == "scenarios":
        if not design.scenarios:
            raise InputError(str(file), "design.scenarios", "list at least one scenario file")
        unused = [k for k in ("parameters", "samples") if getattr(design, k)]
    else:
        if not design.parameters:
            raise InputError(str(file), "design.parameters", "vary at least one parameter")
        unused = ["scenarios"] if design.scenarios else []
        if design.kind == "grid" and design.samples is not None:
            unused.append("samples")
    if unused:
        raise InputError(
            str(file), f"design.{unused[0]}", f"not used by a {design.kind} design; remove it"
        )


def point_name(experiment: Experiment, index: int, values: dict[str, Any]) -> str:
    """A grid point by its values (last part of each path); a sampled point by its number."""
    if experiment.sampled:
        return f"sample {index}"
    return ", ".join(f"{path.rsplit('.', 1)[-1]}={value}" for path, value in values.items())


def validate_point(base: dict[str, Any], point: Point, file: Path, hint: str = "") -> None:
    """Build the point's scenario once, so that no run can fail on its parameters."""
    try:
        Scenario.model_validate(scenario_data(base, point.values))
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        path = where if where in point.values else next(iter(point.values))
        raise InputError(
            str(file),
            f"design.parameters.{path}",
            f"point {point.index} ({path}={point.values.get(path)!r}) is not a valid scenario: "
            f"{describe(first, Scenario)}{hint}",
        ) from None


def design_points(experiment: Experiment, base: ScenarioInput, file: Path) -> list[Point]:
    """The reference point, then one point per grid combination or sample row."""
    check_kind_fits(experiment, file)
    kinds = parameter_kinds(experiment, base, file)
    sample = sampled_values if experiment.sampled else grid_values
    rows = sample(experiment, kinds, file)
    hint = "; bound the distribution with low and high" if experiment.sampled else ""
    points = [Point(0, REFERENCE, REFERENCE)]
    for index, values in enumerate(rows, start=1):
        point = Point(index, point_name(experiment, index, values), REFERENCE, values)
        validate_point(base.data, point, file, hint)
        points.append(point)
    return points


def scenario_points(listed: list[ScenarioInput]) -> list[Point]:
    """The reference point, then one point per listed scenario (its own scenario key)."""
    points = [Point(0, REFERENCE, REFERENCE)]
    for index, scenario in enumerate(listed, start=1):
        points.append(Point(index, scenario.name, str(index)))
    return points


def reference_values(base: ScenarioInput, parameters: list[str]) -> dict[str, Any]:
    """The base scenario's own values of the varied parameters (None where it leaves one unset)."""
    return {path: get_path(base.data, path) for path in parameters}
