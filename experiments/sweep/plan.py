"""From an experiment file to the engine's plan: every run of every point, with its seed.

Replication ``r`` of *every* point, the reference included, uses the seed
``SeedSequence(seed, spawn_key=(r,))``: common random numbers, so that the difference between a
point and the base scenario in replication ``r`` is a paired difference and the welfare changes
are estimated with far less noise than from independent runs. Run ``point * replications + r``
is the run id, so ids depend on the design alone, never on scheduling.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from experiments.designs import INTEGER_RULE, sobol_note
from experiments.engine.spec import Plan, RunSpec
from experiments.scenarios import PAIRED_SETTINGS, unpaired_settings
from experiments.seeds import describe_seed, entropy_of, replication_seed
from experiments.sweep import load, points
from experiments.sweep.points import REFERENCE, Point
from experiments.sweep.schema import Experiment
from model.scenario.paths import get_path


@dataclass
class Sweep:
    """A validated experiment and everything derived from it before any run.

    Attributes:
        file: The experiment file.
        experiment: Its validated content.
        base: The base scenario, with the experiment's changes.
        listed: The scenarios of a ``scenarios`` design (empty otherwise).
        points: The design points, the reference (point 0) first.
        parameters: The varied parameter paths, in the file's order.
        notes: Warnings about the design (shown on stderr, kept in the manifest).
    """

    file: Path
    experiment: Experiment
    base: load.ScenarioInput
    listed: list[load.ScenarioInput]
    points: list[Point]
    parameters: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The experiment's name."""
        return self.experiment.name

    @property
    def runs(self) -> int:
        """Runs in all: points times replications."""
        return len(self.points) * self.experiment.replications

    def scenarios(self) -> dict[str, dict[str, Any]]:
        """The scenario mappings runs start from, by key."""
        found = {REFERENCE: self.base.data}
        found.update({str(i): s.data for i, s in enumerate(self.listed, start=1)})
        return found

    def plan(self) -> Plan:
        """Every run: point-major, replications in order."""
        replications = self.experiment.replications
        reference = points.reference_values(self.base, self.parameters)
        runs = []
        for point in self.points:
            labels = {"point_name": point.name, **reference, **point.values}
            for replication in range(replications):
                seed = replication_seed(self.experiment.seed, replication)
                runs.append(
                    RunSpec(
                        run_id=point.index * replications + replication,
                        point=point.index,
                        replication=replication,
                        scenario=point.scenario,
                        overrides=dict(point.values),
                        entropy=entropy_of(seed),
                        spawn_key=tuple(seed.spawn_key),
                        labels=labels,
                    )
                )
        return Plan(self.scenarios(), runs, yearly=self.experiment.outputs.yearly)

    def context(self) -> dict[str, Any]:
        """The experiment's resolved content, compared key by key when resuming."""
        return self.experiment.content()

    def seeds(self) -> list[dict[str, object]]:
        """The seed of each replication (shared by every point)."""
        return [
            {"replication": r, **describe_seed(replication_seed(self.experiment.seed, r))}
            for r in range(self.experiment.replications)
        ]

    def unpaired_points(self) -> dict[int, list[str]]:
        """Points whose simulation settings differ from the base's, with the settings.

        Their runs are no pair with the base scenario's (:data:`PAIRED_SETTINGS`), so they
        get no paired welfare change and no verdict.
        """
        found = {}
        for point in self.points[1:]:
            data = self.scenarios()[point.scenario]
            changed = [p for p in PAIRED_SETTINGS if p in point.values]
            differing = [p for p in changed if point.values[p] != get_path(self.base.data, p)]
            differing += unpaired_settings(self.base.data, data)
            if differing:
                found[point.index] = differing
        return found

    def design_record(self) -> dict[str, Any]:
        """The design for the manifest: kind, parameters, points, rules and warnings."""
        design = self.experiment.design
        return {
            "kind": design.kind,
            "parameters": self.parameters,
            "points": [
                {"point": p.index, "name": p.name, "scenario": p.scenario, "values": p.values}
                for p in self.points
            ],
            "reference": "point 0 is the base scenario, run with the same seeds",
            "integer_rule": INTEGER_RULE if self.experiment.sampled else None,
            "notes": self.notes,
        }


def load_sweep(file: Path) -> Sweep:
    """Read and check an experiment file and every scenario and point it implies."""
    experiment = load.load_experiment(file)
    base = load.load_base(experiment, file)
    if experiment.design.kind == "scenarios":
        points.check_kind_fits(experiment, file)
        listed = load.load_listed(experiment, file)
        sweep = Sweep(file, experiment, base, listed, points.scenario_points(listed))
        unpaired = sweep.unpaired_points()
        if unpaired:
            sweep.notes.append(unpaired_note(sorted({p for d in unpaired.values() for p in d})))
        return sweep
    found = points.design_points(experiment, base, file)
    notes = [unpaired_note(experiment.design.parameters)] if _varies_settings(experiment) else []
    if experiment.design.kind == "sobol":
        note = sobol_note(experiment.design.samples or 0)
        notes += [note] if note else []
    return Sweep(file, experiment, base, [], found, list(experiment.design.parameters), notes)


def _varies_settings(experiment: Experiment) -> bool:
    return any(path in PAIRED_SETTINGS for path in experiment.design.parameters)


def unpaired_note(paths: Iterable[str]) -> str:
    """The warning of a sweep whose points differ from the base in simulation settings."""
    settings = ", ".join(p for p in paths if p in PAIRED_SETTINGS)
    return (
        f"{settings} varies: points that differ from the base scenario in it are not paired "
        "with its runs, so they get no welfare change and no verdict (only their levels)"
    )
