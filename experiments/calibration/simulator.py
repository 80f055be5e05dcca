"""The model pyabc calls: parameters in, the targets' statistics out.

pyabc proposes a particle (a value for every estimated parameter) and calls the model with it;
the model builds the scenario with those values (dotted paths, as ``--set`` does), runs it and
returns the target statistics, read in the evaluation window. It is a small picklable object:
pyabc sends it to the Dask workers once per generation, and the model itself is built inside the
worker. Its seed comes from numpy's global generator, which
:mod:`experiments.calibration.sampler` seeds from the calibration's ``SeedSequence`` before each
particle, so every simulation is reproducible from the seed alone.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from experiments.calibration.targets import window_statistics
from experiments.engine.tasks import scenario_data

if TYPE_CHECKING:
    from model.scenario.schema import Scenario


def run_statistics(scenario: Scenario, seed: np.random.SeedSequence) -> dict[str, float]:
    """One run's record: every indicator's window mean and the cohort statistics.

    The same numbers as :func:`model.simulation.simulate` reports (``left_within_1y``,
    ``left_within_5y``) plus the cohort statistics read in the evaluation window.
    """
    from model.simulation import run_model, summarise

    finished = run_model(scenario, seed, yearly=False)
    result = summarise(finished)
    record = {**result.indicators, **result.cohorts}
    record.update(window_statistics(finished.model))
    return record


def particle_seed() -> np.random.SeedSequence:
    """The seed of one particle's simulations, drawn from numpy's global generator.

    The sampler seeds that generator from the calibration's seed, the generation and the
    particle's number before pyabc proposes the particle, so this seed is reproducible.
    """
    entropy = np.random.randint(0, 2**32, size=4, dtype=np.uint64)  # noqa: NPY002 (seeded per particle)
    return np.random.SeedSequence([int(value) for value in entropy])


def mean_statistics(
    records: Sequence[Mapping[str, float]], names: tuple[str, ...]
) -> dict[str, float]:
    """Each statistic's mean over the records (NaN values skipped; NaN when none is defined)."""
    found = {}
    for name in names:
        values = np.array([float(record[name]) for record in records])
        finite = values[np.isfinite(values)]
        found[name] = float(finite.mean()) if finite.size else math.nan
    return found


@dataclass(frozen=True)
class SimulatorModel:
    """The simulator as pyabc's model.

    Attributes:
        scenario: The base scenario as a plain mapping (``set`` and ``years`` applied).
        statistics: The target statistics returned.
        replications: Runs per particle, each on its own seed; their statistics are averaged.
    """

    scenario: dict[str, Any]
    statistics: tuple[str, ...]
    replications: int = 1

    def scenario_for(self, parameters: Mapping[str, float]) -> Any:
        """The validated scenario with the particle's values set."""
        from model.scenario.schema import Scenario

        values = {path: float(value) for path, value in parameters.items()}
        return Scenario.model_validate(scenario_data(self.scenario, values))

    def __call__(self, parameters: Mapping[str, float]) -> dict[str, float]:
        scenario = self.scenario_for(parameters)
        seeds = particle_seed().spawn(self.replications)
        records = [run_statistics(scenario, seed) for seed in seeds]
        return mean_statistics(records, self.statistics)


@dataclass(frozen=True)
class TestModel:
    """A registered test model as pyabc's model (see :mod:`experiments.calibration.testmodels`)."""

    name: str
    statistics: tuple[str, ...]
    replications: int = 1

    def __call__(self, parameters: Mapping[str, float]) -> dict[str, float]:
        from experiments.calibration.testmodels import MODELS

        function: Callable[..., dict[str, float]] = MODELS[self.name]
        values = {path: float(value) for path, value in parameters.items()}
        seeds = particle_seed().spawn(self.replications)
        records = [function(values, seed, self.statistics) for seed in seeds]
        return mean_statistics(records, self.statistics)
