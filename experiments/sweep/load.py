"""Reading an experiment file and the scenarios it names, with errors that name file and key.

Relative paths in an experiment file (``base``, the files of a ``scenarios`` design) are read
from the folder of the experiment file named on the command line, also when they come from a
file it ``extends``. The ``set`` changes and the experiment's ``years`` apply
to every scenario of the experiment, the base and each listed one, so that all points are run
at the same size and length.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from experiments.sweep.schema import Experiment
from model.errors import InputError
from model.scenario.loader import ScenarioError, extends_chain, load_scenario, resolve, validate
from model.scenario.paths import PathError, path_kind, set_path
from model.scenario.schema import Scenario


class Changes(Protocol):
    """What an experiment changes in every scenario it runs (a sweep's or a calibration's)."""

    @property
    def overrides(self) -> Mapping[str, Any]:
        """Values set by dotted path."""

    @property
    def years(self) -> int | None:
        """Simulated years of every run, if the experiment sets them."""


@dataclass(frozen=True)
class ScenarioInput:
    """A scenario of the experiment, resolved and validated.

    Attributes:
        path: The scenario file.
        data: Every parameter, as a JSON-able mapping (``set`` and ``years`` applied).
    """

    path: Path
    data: dict[str, Any]

    @property
    def name(self) -> str:
        """The scenario's name."""
        return str(self.data["name"])

    def describe(self, overrides: dict[str, Any]) -> dict[str, Any]:
        """Files, changes and resolved parameters, for the manifest."""
        return {
            "name": self.name,
            "file": str(self.path),
            "files": extends_chain(self.path),
            "overrides": [f"{path}={value}" for path, value in overrides.items()],
            "parameters": self.data,
        }


def load_experiment(path: Path) -> Experiment:
    """Read and validate an experiment file (``extends`` resolved)."""
    if not path.is_file():
        raise InputError(str(path), None, "no such experiment file")
    experiment = load_scenario(path, (), schema=Experiment)
    assert isinstance(experiment, Experiment)
    return experiment


def relative_file(experiment_file: Path, name: str, key: str) -> Path:
    """A file named in the experiment, relative to the experiment file's folder."""
    path = experiment_file.parent / name
    if not path.is_file():
        raise InputError(str(experiment_file), key, f"no such scenario file: {path}")
    return path


def load_input(path: Path, experiment: Changes, experiment_file: Path) -> ScenarioInput:
    """A scenario file with the experiment's changes applied, validated.

    Raises:
        InputError: Naming ``set.KEY`` or ``years`` in the experiment file when a change is at
            fault, else the scenario file and its key.
    """
    data = resolve(path, chain=())
    data.setdefault("name", path.stem)
    for key, value in experiment.overrides.items():
        try:
            path_kind(key, data)
        except PathError as error:
            raise InputError(str(experiment_file), f"set.{key}", str(error)) from None
        data = set_path(data, key, value)
    if experiment.years is not None:
        data = set_path(data, "simulation.years", experiment.years)
        window = (data.get("simulation") or {}).get("evaluation_years", 10)
        if isinstance(window, int) and window > experiment.years:
            data = set_path(data, "simulation.evaluation_years", experiment.years)
    try:
        scenario = validate(data, Scenario, str(path))
    except ScenarioError as error:
        raise _blame(error, experiment, experiment_file) from None
    return ScenarioInput(path, scenario.model_dump(mode="json"))


def _blame(error: ScenarioError, experiment: Changes, experiment_file: Path) -> InputError:
    """Point an invalid scenario at the experiment's change that caused it, if one did."""
    key = error.key or ""
    for changed in experiment.overrides:
        if key == changed or key.startswith(f"{changed}."):
            return InputError(str(experiment_file), f"set.{changed}", error.message)
    if experiment.years is not None and key.startswith("simulation"):
        return InputError(str(experiment_file), "years", error.message)
    return error


def load_base(experiment: Experiment, experiment_file: Path) -> ScenarioInput:
    """The experiment's base scenario."""
    return load_input(
        relative_file(experiment_file, experiment.base, "base"), experiment, experiment_file
    )


def load_listed(experiment: Experiment, experiment_file: Path) -> list[ScenarioInput]:
    """The scenarios of a ``scenarios`` design, each a point, with unique names."""
    listed = []
    for index, name in enumerate(experiment.design.scenarios):
        path = relative_file(experiment_file, name, f"design.scenarios.{index}")
        listed.append(load_input(path, experiment, experiment_file))
    names = [scenario.name for scenario in listed]
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise InputError(
            str(experiment_file),
            "design.scenarios",
            f"two scenarios are named '{repeated[0]}'; each point needs its own name",
        )
    return listed
