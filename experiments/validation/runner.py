"""Running the validation experiments: every point, every replication, with probes attached.

Replication ``i`` of every point of every experiment runs on ``SeedSequence(seed, spawn_key=(i,))``
(common random numbers), so differences between the points of a sweep are paired. Runs go in
this process, one after the other: a whole validation is a few hundred runs of the default
scenario, minutes on one core.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from experiments import records
from experiments.calibration.targets import window_statistics
from experiments.scenarios import LoadedScenario, load
from experiments.seeds import replication_seed
from experiments.validation.probes import PROBES, Probe
from experiments.validation.registry import Experiment
from model.errors import InputError
from model.scenario.schema import Scenario
from model.simulation import run_model, summarise

RUN_COLUMNS = ("experiment", "point", "value", "replication")


@dataclass
class ExperimentData:
    """What one experiment produced.

    Attributes:
        experiment: The experiment as run (after ``--quick``, ``--set`` and ``--replications``).
        runs: One row per run: ``experiment``, ``point``, ``value`` (the swept value, NaN without
            a sweep), ``replication``, then every indicator's window mean, the cohort statistics,
            the probes' statistics and ``seconds``.
        loaded: The scenario of each point, for the manifest.
        seconds: Wall-clock time of all its runs.
    """

    experiment: Experiment
    runs: pd.DataFrame
    loaded: list[LoadedScenario]
    seconds: float


def make_probes(names: tuple[str, ...]) -> list[Probe]:
    """Fresh probes by name."""
    unknown = [name for name in names if name not in PROBES]
    if unknown:
        raise InputError(
            "checks.yaml", "probes", f"unknown probe {unknown[0]!r}; known: {list(PROBES)}"
        )
    return [PROBES[name]() for name in names]


def run_once(
    scenario: Scenario, seed: np.random.SeedSequence, probes: list[Probe]
) -> dict[str, float]:
    """One run with probes: every indicator's window mean, the cohort statistics, the probes'.

    The run goes through the one run loop (:func:`model.simulation.run_model`) with the probes
    as observers, so its record is :func:`experiments.records.run_record` of the same scenario
    and seed, plus the cohort statistics read in the evaluation window
    (:func:`experiments.calibration.targets.window_statistics`); the probes only watch.
    """
    start = time.perf_counter()
    finished = run_model(scenario, seed, observers=probes)
    record = records.run_record(summarise(finished))
    record.update(window_statistics(finished.model))
    for probe in probes:
        record.update(probe.finish(finished.model))
    record["seconds"] = time.perf_counter() - start
    return record


def load_points(experiment: Experiment) -> list[tuple[float | None, LoadedScenario]]:
    """The scenario of each design point, validated before any run starts."""
    return [
        (value, load(experiment.scenario, overrides)) for value, overrides in experiment.points()
    ]


def run_experiment(
    experiment: Experiment,
    seed: int,
    advance: Callable[[int], None] = lambda n: None,
) -> ExperimentData:
    """Every replication of every point of an experiment, calling ``advance(1)`` after each run."""
    start = time.perf_counter()
    points = load_points(experiment)
    rows = []
    for point, (value, loaded) in enumerate(points):
        for replication in range(experiment.replications):
            probes = make_probes(experiment.probes)
            record = run_once(loaded.scenario, replication_seed(seed, replication), probes)
            rows.append(
                {
                    "experiment": experiment.id,
                    "point": point,
                    "value": np.nan if value is None else value,
                    "replication": replication,
                    **record,
                }
            )
            advance(1)
    runs = pd.DataFrame(rows)
    return ExperimentData(experiment, runs, [p[1] for p in points], time.perf_counter() - start)


def total_runs(experiments: list[Experiment]) -> int:
    """Runs of all experiments together."""
    return sum(len(e.points()) * e.replications for e in experiments)
