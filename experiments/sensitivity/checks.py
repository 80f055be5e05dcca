"""Checks of a sensitivity file that its schema alone cannot make, each naming the key at fault."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from experiments.scenarios import PAIRED_SETTINGS, unpaired_settings
from experiments.sensitivity import testmodels
from experiments.sensitivity.schema import SensitivityExperiment
from model.errors import InputError
from model.indicators import CANONICAL, INTEGRATION_INDICATORS

GROUPED_METHODS = ("morris", "sobol")
MIN_DELTA_SAMPLES = 32


def check_source(experiment: SensitivityExperiment, file: Path) -> None:
    """Exactly one of ``base`` (a scenario) and ``model`` (a registered test model)."""
    if (experiment.base is None) == (experiment.model is None):
        raise InputError(
            str(file), "base", "name a base scenario file, or a test model under model (not both)"
        )
    if experiment.model is None:
        return
    if experiment.model not in testmodels.MODELS:
        allowed = ", ".join(sorted(testmodels.MODELS))
        raise InputError(str(file), "model", f"unknown test model; registered: {allowed}")
    for key in ("baseline", "years"):
        if getattr(experiment, key) is not None:
            raise InputError(str(file), key, "not used with a test model; remove it")
    if experiment.overrides:
        raise InputError(str(file), "set", "not used with a test model; remove it")


def check_method(experiment: SensitivityExperiment, file: Path) -> None:
    """The method's settings: grid levels, sizes, and groups where SALib supports them."""
    method = experiment.method
    grouped = [path for path, spec in experiment.parameters.items() if spec.group]
    if grouped and method.kind not in GROUPED_METHODS:
        raise InputError(
            str(file),
            f"parameters.{grouped[0]}.group",
            f"groups are supported by morris and sobol only, not {method.kind}",
        )
    if method.kind == "morris":
        if method.levels % 2:
            raise InputError(str(file), "method.levels", "Morris levels must be even (e.g. 4)")
        chosen = method.optimal_trajectories
        if chosen is not None and chosen >= method.samples:
            raise InputError(
                str(file),
                "method.optimal_trajectories",
                f"must be below method.samples ({method.samples}), the trajectories chosen from",
            )
    if method.kind == "fast" and method.samples <= 4 * method.interference**2:
        raise InputError(
            str(file),
            "method.samples",
            f"eFAST needs more than 4 M^2 = {4 * method.interference**2} samples per parameter",
        )
    if method.kind == "delta" and method.samples < MIN_DELTA_SAMPLES:
        raise InputError(
            str(file), "method.samples", f"the delta measure needs at least {MIN_DELTA_SAMPLES}"
        )


def check_outputs(experiment: SensitivityExperiment, file: Path) -> None:
    """Listed indicators must be canonical (test models name their own outputs)."""
    if not experiment.parameters:
        raise InputError(str(file), "parameters", "vary at least one parameter")
    if experiment.model is not None:
        return
    known = (*CANONICAL, *INTEGRATION_INDICATORS)
    for index, name in enumerate(experiment.outputs.indicators):
        if name not in known:
            raise InputError(
                str(file),
                f"outputs.indicators.{index}",
                f"'{name}' is not a canonical indicator (see docs/ODD.md §7.18)",
            )
    if not experiment.outputs.welfare and not experiment.outputs.indicators:
        raise InputError(
            str(file), "outputs", "analyse the welfare changes or list at least one indicator"
        )


def check_experiment(experiment: SensitivityExperiment, file: Path) -> None:
    """Every check, in the order a reader meets the keys."""
    check_source(experiment, file)
    check_outputs(experiment, file)
    check_method(experiment, file)


def check_paired_settings(
    experiment: SensitivityExperiment, scenarios: dict[str, dict[str, Any]], file: Path
) -> None:
    """Paired welfare changes need scenario and baseline runs at the same simulation settings.

    A setting of :data:`~experiments.scenarios.PAIRED_SETTINGS` may vary as a ``world``
    parameter (both runs of a pair get it) but not as a ``policy`` one, and the baseline file
    may not differ from the base in one: the change would be the size's, read as the policy's.
    """
    if not experiment.outputs.welfare or experiment.model is not None:
        return
    for path, spec in experiment.parameters.items():
        if path in PAIRED_SETTINGS and spec.role != "world":
            raise InputError(
                str(file),
                f"parameters.{path}.role",
                "a simulation setting varies as role world (scenario and baseline alike); as "
                f"role {spec.role} a paired change would compare runs of different settings",
            )
    differing = unpaired_settings(scenarios["scenario"], scenarios["baseline"])
    if differing:
        raise InputError(
            str(file),
            "baseline",
            f"differs from the base in {differing[0]}; paired changes compare runs of the same "
            "simulation settings: make them equal, or set them for both under set",
        )
