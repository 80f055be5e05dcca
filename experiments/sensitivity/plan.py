"""From a sensitivity file to the engine's plan: sample points, the configurations they need, runs.

Each sample point needs its scenario (the base with every sampled value) and, when welfare is
analysed, its paired baseline (the baseline scenario with the *world* values only; policy levers
keep the baseline's values). Both are *configurations*; identical configurations are run once
and shared: every point with the same world shares one baseline (all points do when only
levers vary), and Morris steps or Saltelli columns that move a lever reuse their neighbour's
baseline. Each configuration is run ``replications`` times, replication ``r`` with
``SeedSequence(seed, spawn_key=(r,))`` (common random numbers: scenario and baseline runs of a
point, and all points, share the replications' seeds), as run ``configuration * replications +
r``; so run ids depend on the design alone, never on scheduling.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import ValidationError

from experiments.engine.spec import Plan, RunSpec
from experiments.engine.tasks import scenario_data
from experiments.seeds import describe_seed, entropy_of, replication_seed
from experiments.sensitivity import design as designs
from experiments.sensitivity import testmodels
from experiments.sensitivity.checks import check_experiment, check_paired_settings
from experiments.sensitivity.parameters import Parameter, build_parameters, point_values
from experiments.sensitivity.schema import SensitivityExperiment
from experiments.sweep import load
from model.errors import InputError
from model.scenario.loader import describe, load_scenario
from model.scenario.schema import Scenario

SCENARIO, BASELINE = "scenario", "baseline"


@dataclass(frozen=True)
class Config:
    """One distinct configuration of the model: which scenario, with which values.

    Attributes:
        index: Its number (runs ``index * replications + r``).
        role: ``scenario`` (a sample point) or ``baseline`` (a point's paired baseline).
        values: The parameter values set on the scenario (world values only for baselines).
    """

    index: int
    role: str
    values: dict[str, Any]


@dataclass
class Sensitivity:
    """A validated sensitivity file and everything derived from it before any run.

    Attributes:
        file: The sensitivity file.
        experiment: Its validated content.
        scenarios: The scenario mappings runs start from (``scenario`` and ``baseline``).
        parameters: The varied parameters, in the file's order.
        design: The method's unit sample.
        points: The parameter values of each sample point.
        configs: The distinct configurations to run.
        pairs: For each point, its scenario configuration and baseline configuration (-1: none).
        notes: Warnings (on stderr and in the manifest).
    """

    file: Path
    experiment: SensitivityExperiment
    scenarios: dict[str, dict[str, Any]]
    parameters: list[Parameter]
    design: designs.Design
    points: list[dict[str, Any]]
    configs: list[Config]
    pairs: np.ndarray
    notes: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The experiment's name."""
        return self.experiment.name

    @property
    def margin(self) -> float:
        """The margin of a negligible change: the baseline scenario's ``welfare.margin`` (0 for
        a test model, which has no scenario)."""
        welfare = self.scenarios[BASELINE].get("welfare") or {}
        return float(welfare.get("margin", 0.0))

    @property
    def paired(self) -> bool:
        """Whether points have paired baseline runs (welfare changes are analysed)."""
        return self.experiment.outputs.welfare

    def plan(self) -> Plan:
        """Every run: configuration-major, replications in order."""
        replications = self.experiment.replications
        runs = []
        for config in self.configs:
            labels: dict[str, Any] = {"role": config.role}
            labels.update({p.path: config.values.get(p.path) for p in self.parameters})
            for replication in range(replications):
                seed = replication_seed(self.experiment.seed, replication)
                runs.append(
                    RunSpec(
                        run_id=config.index * replications + replication,
                        point=config.index,
                        replication=replication,
                        scenario=config.role,
                        overrides=dict(config.values),
                        entropy=entropy_of(seed),
                        spawn_key=tuple(seed.spawn_key),
                        labels=labels,
                    )
                )
        evaluator = testmodels.evaluator(self.experiment.model) if self.experiment.model else None
        return Plan(self.scenarios, runs, evaluator=evaluator)

    def context(self) -> dict[str, Any]:
        """The experiment's resolved content, compared key by key when resuming."""
        return self.experiment.content()

    def seeds(self) -> list[dict[str, object]]:
        """The seed of each replication (shared by every configuration)."""
        return [
            {"replication": r, **describe_seed(replication_seed(self.experiment.seed, r))}
            for r in range(self.experiment.replications)
        ]


def pair_configs(
    parameters: list[Parameter], points: list[dict[str, Any]], paired: bool
) -> tuple[list[Config], np.ndarray]:
    """The distinct configurations of the points and each point's pair of them."""
    world = [p.path for p in parameters if p.role == "world"]
    found: dict[tuple[str, str], Config] = {}
    pairs = np.full((len(points), 2), -1, dtype=np.int64)

    def config(role: str, values: dict[str, Any]) -> int:
        key = (role, repr(sorted(values.items())))
        if key not in found:
            found[key] = Config(len(found), role, values)
        return found[key].index

    for row, values in enumerate(points):
        pairs[row, 0] = config(SCENARIO, dict(values))
        if paired:
            pairs[row, 1] = config(BASELINE, {path: values[path] for path in world})
    return list(found.values()), pairs


def validate_configs(
    configs: list[Config], scenarios: dict[str, dict[str, Any]], file: Path
) -> None:
    """Build every configuration's scenario once, so that no run fails on its parameters."""
    for config in configs:
        try:
            Scenario.model_validate(scenario_data(scenarios[config.role], config.values))
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            path = where if where in config.values else next(iter(config.values), where)
            raise InputError(
                str(file),
                f"parameters.{path}",
                f"{config.role} {config.index} ({path}={config.values.get(path)!r}) is not a "
                f"valid scenario: {describe(first, Scenario)}; bound the distribution with "
                "low and high",
            ) from None


def load_scenarios(experiment: SensitivityExperiment, file: Path) -> dict[str, dict[str, Any]]:
    """The scenario and baseline mappings (``set`` and ``years`` applied), or empty mappings."""
    if experiment.model is not None:
        return {SCENARIO: {}, BASELINE: {}}
    assert experiment.base is not None
    base = load.load_input(load.relative_file(file, experiment.base, "base"), experiment, file)
    if experiment.baseline is None:
        return {SCENARIO: base.data, BASELINE: base.data}
    other = load.relative_file(file, experiment.baseline, "baseline")
    return {SCENARIO: base.data, BASELINE: load.load_input(other, experiment, file).data}


def load_experiment(file: Path) -> SensitivityExperiment:
    """Read and validate a sensitivity file (``extends`` resolved)."""
    if not file.is_file():
        raise InputError(str(file), None, "no such sensitivity file")
    experiment = load_scenario(file, (), schema=SensitivityExperiment)
    assert isinstance(experiment, SensitivityExperiment)
    return experiment


def load_sensitivity(file: Path) -> Sensitivity:
    """Read and check a sensitivity file, its scenarios, its sample and every configuration."""
    experiment = load_experiment(file)
    check_experiment(experiment, file)
    scenarios = load_scenarios(experiment, file)
    check_paired_settings(experiment, scenarios, file)
    simulated = experiment.model is None
    parameters = build_parameters(experiment, scenarios if simulated else None, file)
    design = designs.sample(parameters, experiment.method, experiment.seed)
    points = point_values(parameters, design.unit)
    configs, pairs = pair_configs(parameters, points, experiment.outputs.welfare)
    if simulated:
        validate_configs(configs, scenarios, file)
    return Sensitivity(
        file, experiment, scenarios, parameters, design, points, configs, pairs, design.notes
    )
