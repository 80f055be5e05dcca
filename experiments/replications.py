"""Replications of one scenario in this process, seeded from one ``SeedSequence``."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from experiments import records
from experiments.scenarios import LoadedScenario
from experiments.seeds import describe_seed, replication_seeds
from experiments.statistics import Estimate, estimate
from model.simulation import RunResult, simulate


@dataclass
class Replications:
    """The replications of one scenario and what they report.

    Attributes:
        loaded: The scenario and where it came from.
        seed: The experiment's seed; replication ``i`` used ``SeedSequence(seed, spawn_key=(i,))``.
        results: One result per replication, in replication order.
        seconds: Wall-clock time of all replications.
    """

    loaded: LoadedScenario
    seed: int
    results: list[RunResult]
    seconds: float

    @property
    def name(self) -> str:
        """The scenario's name."""
        return self.loaded.name

    def summary(self) -> dict[str, Estimate]:
        """Mean and 95% interval of every statistic over replications."""
        names = records.run_record(self.results[0])
        return {name: estimate(records.column(self.results, name)) for name in names}

    def country_summary(self) -> dict[str, dict[str, Estimate]]:
        """The same per country (``origin:NAME``, ``destination:NAME``)."""
        frame = records.country_table(self.results)
        return {
            country: {
                name: estimate(group[name].to_numpy())
                for name in group.columns
                if name not in ("replication", "country")
            }
            for country, group in frame.groupby("country", sort=False)
        }

    def table(self) -> pd.DataFrame:
        """One row per replication."""
        return records.replication_table(self.results, self.seed)

    def seeds(self) -> list[dict[str, object]]:
        """Every replication's seed, for the manifest."""
        return [
            {"replication": i, **describe_seed(s)}
            for i, s in enumerate(replication_seeds(self.seed, len(self.results)))
        ]

    def timings(self) -> dict[str, float]:
        """Seconds building and running models, and in all."""
        return {
            "build_s": sum(r.timings["build_s"] for r in self.results),
            "run_s": sum(r.timings["run_s"] for r in self.results),
            "total_s": self.seconds,
        }


def run_replications(
    loaded: LoadedScenario,
    seed: int,
    replications: int,
    advance: Callable[[int], None] = lambda n: None,
) -> Replications:
    """Run ``replications`` of a scenario, calling ``advance(1)`` after each."""
    start = time.perf_counter()
    results = []
    for sequence in replication_seeds(seed, replications):
        results.append(simulate(loaded.scenario, sequence))
        advance(1)
    return Replications(loaded, seed, results, time.perf_counter() - start)
