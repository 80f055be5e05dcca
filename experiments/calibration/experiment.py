"""Reading a calibration file: the schema, then every check it cannot make, before any run.

Bad input is one :class:`~model.errors.InputError` naming the file and the key: an unknown key
or a value out of range (the schema), a base scenario that does not exist, a prior on a path that
is not a real-valued parameter of the scenario, a prior whose range the scenario rejects, an
unknown target or test model.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from experiments.calibration import testmodels
from experiments.calibration.schema import CalibrationExperiment, PriorSpec
from experiments.calibration.targets import select_targets
from experiments.engine.tasks import scenario_data
from experiments.sweep import load
from model.calibration import Target
from model.errors import InputError
from model.scenario.loader import describe, load_scenario
from model.scenario.paths import PathError, path_kind
from model.scenario.schema import Scenario


@dataclass(frozen=True)
class Calibration:
    """A checked calibration file and what follows from it.

    Attributes:
        file: The calibration file.
        experiment: Its validated content.
        scenario: The base scenario mapping (``set`` and ``years`` applied); empty for a test
            model.
        targets: The calibration targets matched.
    """

    file: Path
    experiment: CalibrationExperiment
    scenario: dict[str, Any]
    targets: list[Target]

    @property
    def name(self) -> str:
        """The calibration's name."""
        return self.experiment.name

    @property
    def priors(self) -> dict[str, PriorSpec]:
        """The estimated parameters and their priors, in the file's order."""
        return self.experiment.priors

    @property
    def statistics(self) -> tuple[str, ...]:
        """The target statistics, in order."""
        return tuple(target.statistic for target in self.targets)

    def content(self) -> dict[str, Any]:
        """Everything that determines the results: the file's content, the scenario, the bands."""
        return {
            "experiment": self.experiment.content(),
            "scenario": self.scenario,
            "targets": [
                {"statistic": t.statistic, "band": list(t.band), "source": t.source}
                for t in self.targets
            ],
        }


def read_file(file: Path) -> CalibrationExperiment:
    """The calibration file, validated against its schema (``extends`` resolved)."""
    if not file.is_file():
        raise InputError(str(file), None, "no such calibration file")
    experiment = load_scenario(file, (), schema=CalibrationExperiment)
    assert isinstance(experiment, CalibrationExperiment)
    return experiment


def check_source(experiment: CalibrationExperiment, file: Path) -> None:
    """Exactly one of ``base`` and ``model``; a test model takes no scenario settings."""
    if (experiment.base is None) == (experiment.model is None):
        raise InputError(
            str(file), "base", "name a base scenario file, or a test model under model (not both)"
        )
    if not experiment.priors:
        raise InputError(str(file), "priors", "name at least one parameter to estimate")
    if experiment.model is None:
        return
    if experiment.model not in testmodels.MODELS:
        allowed = ", ".join(sorted(testmodels.MODELS))
        raise InputError(str(file), "model", f"unknown test model; registered: {allowed}")
    if experiment.overrides or experiment.years is not None:
        raise InputError(str(file), "set", "not used with a test model; remove set and years")


def check_priors(experiment: CalibrationExperiment, scenario: dict[str, Any], file: Path) -> None:
    """Every prior names a real-valued parameter, and both ends of its range make a scenario."""
    for path, prior in experiment.priors.items():
        key = f"priors.{path}"
        try:
            kind = path_kind(path, scenario)
        except PathError as error:
            raise InputError(str(file), key, str(error)) from None
        if kind != "float":
            raise InputError(
                str(file), key, f"calibrate estimates real numbers; this parameter is {kind}"
            )
        for end in ("low", "high"):
            value = getattr(prior, end)
            try:
                Scenario.model_validate(scenario_data(scenario, {path: value}))
            except ValidationError as error:
                raise InputError(
                    str(file), f"{key}.{end}", describe(error.errors()[0], Scenario)
                ) from None


def load_calibration(file: Path) -> Calibration:
    """Read and check a calibration file, its scenario, priors and targets."""
    experiment = read_file(file)
    check_source(experiment, file)
    targets = select_targets(experiment.targets, where=str(file))
    scenario: dict[str, Any] = {}
    if experiment.base is not None:
        base = load.relative_file(file, experiment.base, "base")
        scenario = load.load_input(base, experiment, file).data
        check_priors(experiment, scenario, file)
    return Calibration(file, experiment, scenario, targets)
