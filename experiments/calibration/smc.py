"""Running (or resuming) the ABC-SMC estimation with pyabc on a Dask cluster.

The estimation is pyabc's ``ABCSMC`` (Toni et al. 2009; Beaumont et al. 2009; Klinger, Rickert
& Hasenauer 2018): generation 0 samples the priors; each later generation proposes particles by
perturbing the previous generation's (a multivariate normal kernel fitted to it), keeps those
whose distance to the targets is below the threshold, and weights them by prior over proposal
density. The threshold of each generation is a weighted quantile of the previous generation's
distances (pyabc's ``QuantileEpsilon``; the first from a sample of the prior). pyabc records
every generation in its database (``history.db``) as soon as it is complete; ``--resume`` loads
that history and runs the generations still missing, so an interrupted calibration finishes with
the generations it was asked for, and, seeded as :mod:`experiments.calibration.sampler` does it,
with the same particles.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from experiments.calibration import files
from experiments.calibration.experiment import Calibration
from experiments.calibration.sampler import SeededDaskSampler, seed_globals
from experiments.calibration.schema import PriorSpec
from experiments.calibration.simulator import SimulatorModel, TestModel
from experiments.calibration.targets import BandDistance, observed


def prior_variable(prior: PriorSpec) -> Any:
    """The prior as a pyabc random variable (scipy.stats distributions under pyabc's ``RV``)."""
    import pyabc

    width = prior.high - prior.low
    if prior.distribution == "uniform":
        return pyabc.RV("uniform", prior.low, width)
    if prior.distribution == "triangular":
        assert prior.mode is not None
        return pyabc.RV("triang", (prior.mode - prior.low) / width, prior.low, width)
    assert prior.mean is not None and prior.sd is not None
    a, b = (prior.low - prior.mean) / prior.sd, (prior.high - prior.mean) / prior.sd
    return pyabc.RV("truncnorm", a, b, prior.mean, prior.sd)


def pyabc_model(calibration: Calibration) -> SimulatorModel | TestModel:
    """What pyabc calls with each particle: the simulator, or a registered test model."""
    experiment = calibration.experiment
    replications = experiment.abc.replications
    if experiment.model is not None:
        return TestModel(experiment.model, calibration.statistics, replications)
    return SimulatorModel(calibration.scenario, calibration.statistics, replications)


def build_abc(calibration: Calibration, sampler: SeededDaskSampler) -> Any:
    """pyabc's ABCSMC for this calibration."""
    import pyabc

    experiment = calibration.experiment
    prior = pyabc.Distribution(
        **{path: prior_variable(spec) for path, spec in calibration.priors.items()}
    )
    return pyabc.ABCSMC(
        pyabc_model(calibration),
        prior,
        BandDistance.of(calibration.targets),
        population_size=experiment.abc.population,
        eps=pyabc.epsilon.QuantileEpsilon(alpha=experiment.abc.quantile),
        sampler=sampler,
    )


def database(folder: Path) -> str:
    """The SQLAlchemy address of the folder's pyabc history."""
    return f"sqlite:///{files.HISTORY.path(folder).resolve()}"


def quiet_pyabc() -> None:
    """pyabc's own log lines stay off stderr: the progress display says the same, shorter."""
    for name in ("ABC", "ABC.History", "ABC.Sampler", "ABC.Distance", "ABC.Epsilon"):
        logging.getLogger(name).setLevel(logging.WARNING)


@dataclass
class Session:
    """What this session of the calibration did.

    Attributes:
        generations_before: Generations already in the history when the session started.
        generations: Generations in the history when it ended.
        evaluations: Model evaluations of the generations run in this session.
    """

    generations_before: int
    generations: int
    evaluations: int


def stored_generations(history: Any) -> int:
    """Complete generations in a pyabc history (0 when only the prior sample is there)."""
    return max(int(history.max_t) + 1, 0)


def has_run(folder: Path) -> bool:
    """Whether the folder's database holds a started calibration."""
    import sqlalchemy

    path = files.HISTORY.path(folder)
    if not path.is_file():
        return False
    engine = sqlalchemy.create_engine(database(folder))
    try:
        with engine.connect() as connection:
            tables = sqlalchemy.inspect(connection).get_table_names()
            if "abc_smc" not in tables:
                return False
            count = connection.execute(sqlalchemy.text("SELECT COUNT(*) FROM abc_smc")).scalar()
            return bool(count)
    finally:
        engine.dispose()


@contextmanager
def generation_hooks(
    sampler: SeededDaskSampler, show: Callable[[int, int, int], None]
) -> Iterator[None]:
    """Report particles accepted (``show(t, accepted, evaluated)``) as batches come back."""
    seeded = sampler.seeded
    seeded.on_batch = lambda accepted, evaluated: show(seeded.generation, accepted, evaluated)
    try:
        yield
    finally:
        seeded.on_batch = lambda accepted, evaluated: None


def estimate(
    calibration: Calibration,
    folder: Path,
    client: Any,
    show: Callable[[int, int, int], None] = lambda t, accepted, evaluated: None,
) -> Session:
    """Run the generations missing from the folder's history (all of them in a new folder).

    Args:
        calibration: The checked calibration file.
        folder: The results folder (its ``history.db`` is created or continued).
        client: A ``distributed.Client``.
        show: Called as particles come back: generation, accepted so far, evaluated so far.
    """
    quiet_pyabc()
    experiment = calibration.experiment
    # Anything pyabc draws in this process (it draws little) starts from the seed too.
    seed_globals(np.random.SeedSequence(experiment.seed))
    sampler = SeededDaskSampler(client, experiment.seed, experiment.execution.batch_size)
    abc = build_abc(calibration, sampler)
    if has_run(folder):
        history = abc.load(database(folder), 1)
    else:
        files.HISTORY.path(folder).unlink(missing_ok=True)
        history = abc.new(database(folder), observed(calibration.targets))
    before = stored_generations(history)
    evaluations_before = int(history.total_nr_simulations) if before else 0
    remaining = experiment.abc.generations - before
    if remaining > 0 and not reached_minimum(history, experiment.abc.minimum_epsilon):
        with generation_hooks(sampler, show):
            history = abc.run(
                minimum_epsilon=experiment.abc.minimum_epsilon, max_nr_populations=remaining
            )
    after = stored_generations(history)
    evaluations = int(history.total_nr_simulations) - evaluations_before
    return Session(before, after, evaluations)


def reached_minimum(history: Any, minimum_epsilon: float) -> bool:
    """Whether the last stored generation's threshold already met ``minimum_epsilon``."""
    if stored_generations(history) == 0:
        return False
    populations = history.get_all_populations()
    last = populations[populations["t"] == history.max_t]["epsilon"].iloc[0]
    return bool(last <= minimum_epsilon)
