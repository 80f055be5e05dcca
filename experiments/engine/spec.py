"""What the engine runs: run specifications and the plan that groups them.

A run is fully described by a base scenario (a plain, JSON-able mapping), the parameter values
that change it (dotted paths, as on the command line) and a seed. Nothing about a run depends on
where or when it is executed, which is what makes results identical whatever the number of
workers or the order in which runs finish.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

# Columns every row of ``runs.parquet`` starts with, in this order.
ID_COLUMNS = ("run_id", "point", "replication", "seed_entropy", "seed_spawn_key")
# Columns that measure the machine rather than the model: never compared across runs.
TIMING_PREFIX = "timing_"


@dataclass(frozen=True)
class RunSpec:
    """One run: which scenario, changed how, with which seed.

    Attributes:
        run_id: Unique number of the run in its plan; rows are sorted by it.
        point: The design point the run belongs to (0 is the reference: the base scenario).
        replication: Replication number within the point.
        scenario: Key of the base scenario in :attr:`Plan.scenarios`.
        overrides: Dotted parameter paths and the values they take in this run.
        entropy: Entropy of the run's ``numpy.random.SeedSequence``.
        spawn_key: Spawn key of that ``SeedSequence``.
        labels: Extra columns recorded in the run's row (point name, parameter values).
    """

    run_id: int
    point: int
    replication: int
    scenario: str
    overrides: dict[str, Any]
    entropy: int
    spawn_key: tuple[int, ...]
    labels: dict[str, Any] = field(default_factory=dict)

    def seed(self) -> np.random.SeedSequence:
        """A fresh ``SeedSequence`` for the run (never shared between models)."""
        return np.random.SeedSequence(self.entropy, spawn_key=self.spawn_key)

    def identifiers(self) -> dict[str, Any]:
        """The identifying columns of the run's row, then its labels."""
        return {
            "run_id": self.run_id,
            "point": self.point,
            "replication": self.replication,
            "seed_entropy": self.entropy,
            "seed_spawn_key": list(self.spawn_key),
            **self.labels,
        }

    def as_json(self) -> dict[str, Any]:
        """The whole specification as a JSON-able mapping."""
        return {
            **self.identifiers(),
            "scenario": self.scenario,
            "overrides": self.overrides,
        }


@dataclass(frozen=True)
class Plan:
    """Every run of an experiment and the scenarios they start from.

    Attributes:
        scenarios: Base scenarios by key, as plain mappings (``Scenario.model_dump(mode="json")``).
        runs: The runs, in ``run_id`` order.
        yearly: Whether each run's yearly series are kept as well as its window means.
        evaluator: ``"module:function"`` of a test model evaluated in place of the simulator
            (``function(overrides, seed) -> {output: value}``), or None for the simulator.
    """

    scenarios: dict[str, dict[str, Any]]
    runs: Sequence[RunSpec]
    yearly: bool = False
    evaluator: str | None = None

    def fingerprint(self) -> str:
        """A digest of everything that determines the results (not how they are computed)."""
        document = {
            "scenarios": self.scenarios,
            "runs": [run.as_json() for run in self.runs],
            "yearly": self.yearly,
        }
        if self.evaluator is not None:
            # Only when set, so that the fingerprints of simulator plans stay as they were.
            document["evaluator"] = self.evaluator
        text = json.dumps(document, sort_keys=True, separators=(",", ":"), default=_plain)
        return hashlib.sha256(text.encode()).hexdigest()


def _plain(value: Any) -> Any:
    if hasattr(value, "item"):
        return value.item()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
