"""pyabc's Dask sampler, made reproducible: every particle seeded from the calibration's seed.

pyabc's ``DaskDistributedSampler`` reseeds numpy and ``random`` from the operating system in
every task, so its proposals, and so the posterior, differ from one run to the next. Here each
evaluation ``j`` of generation ``t`` (``t = -1`` is pyabc's calibration sample from the prior)
is seeded from ``SeedSequence(seed, spawn_key=(t + 1, j))`` instead: the proposal (drawn by
pyabc's transition from numpy's global generator) and the simulation's seed
(:func:`experiments.calibration.simulator.particle_seed`) depend on the seed, the generation and
the evaluation's number alone. pyabc keeps, in evaluation-number order, every evaluation up to
the one that completes the population, whatever finished first; so the accepted particles, their
weights and the next threshold are the same whatever the number of workers, the batch size or
the timing, and a generation resumed after an interruption repeats exactly the one that was cut.
The number of evaluations a generation needed is counted the same way (up to the one that
completed it), not as pyabc counts it (every evaluation started, which depends on timing).

Workers must run one task at a time (one thread each, as the local cluster's do): the seed lives
in numpy's global generator, as it does in pyabc itself.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import cloudpickle
import numpy as np
from pyabc.sampler import DaskDistributedSampler


def evaluation_seed(seed: int, generation: int, evaluation: int) -> np.random.SeedSequence:
    """The seed of evaluation ``evaluation`` of generation ``generation`` (-1: the prior sample)."""
    return np.random.SeedSequence(seed, spawn_key=(generation + 1, evaluation))


def seed_globals(sequence: np.random.SeedSequence) -> None:
    """Seed numpy's and Python's global generators, which pyabc's transitions draw from."""
    state = sequence.generate_state(4)
    np.random.seed(state)  # noqa: NPY002 (pyabc draws from the legacy global generator)
    random.seed(int.from_bytes(state.tobytes(), "little"))


def seeded_batch(
    simulate_one_pickle: bytes, job_ids: list[int], seed: int, generation: int
) -> list[tuple[Any, bool, int]]:
    """A Dask task: evaluate the particles ``job_ids``, each from its own seed."""
    simulate_one = cloudpickle.loads(simulate_one_pickle)
    batch = []
    for job in job_ids:
        seed_globals(evaluation_seed(seed, generation, job))
        result = simulate_one()
        batch.append((result, result.accepted, job))
    return batch


class RecordingFuture:
    """A Dask future that reports its batch to the sampler when pyabc collects it."""

    def __init__(self, future: Any, record: Callable[[list[tuple[Any, bool, int]]], None]):
        self.future = future
        self.record = record

    def done(self) -> bool:
        return self.future.done()

    def cancel(self) -> None:
        self.future.cancel()

    def result(self) -> list[tuple[Any, bool, int]]:
        batch = self.future.result()
        self.record(batch)
        return batch


class SeededClient:
    """The Dask client as pyabc's sampler sees it: tasks are seeded, batches recorded."""

    def __init__(self, client: Any, seed: int) -> None:
        self.client = client
        self.seed = seed
        self.generation = 0
        self.accepted: list[int] = []
        self.evaluated = 0
        self.on_batch: Callable[[int, int], None] = lambda accepted, evaluated: None
        self._pickled: bytes | None = None
        self._scattered: Any = None

    def begin(self, generation: int) -> None:
        """Start collecting a generation."""
        self.generation = generation
        self.accepted = []
        self.evaluated = 0

    def submit(
        self, function: Any, simulate_one_pickle: bytes, batch_size: int, job_ids: list[int]
    ) -> RecordingFuture:
        del function, batch_size  # pyabc's own task reseeds from the system: replaced
        if simulate_one_pickle is not self._pickled:
            # The same function for every task of a generation: sent to the workers once.
            self._pickled = simulate_one_pickle
            self._scattered = self.client.scatter(simulate_one_pickle, broadcast=True, hash=False)
        future = self.client.submit(
            seeded_batch, self._scattered, list(job_ids), self.seed, self.generation, pure=False
        )
        return RecordingFuture(future, self._record)

    def _record(self, batch: list[tuple[Any, bool, int]]) -> None:
        self.accepted.extend(job for _, accepted, job in batch if accepted)
        self.evaluated += len(batch)
        self.on_batch(len(self.accepted), self.evaluated)

    def ncores(self) -> dict[str, int]:
        return self.client.ncores()


class SeededDaskSampler(DaskDistributedSampler):
    """pyabc's Dask sampler with every evaluation seeded from the calibration's seed."""

    def __init__(self, client: Any, seed: int, batch_size: int = 1) -> None:
        # pyabc pickles the simulation function itself; the seeded task replaces its wrapper.
        super().__init__(dask_client=SeededClient(client, seed), batch_size=batch_size)

    @property
    def seeded(self) -> SeededClient:
        """The client wrapper (its ``on_batch`` hook shows progress)."""
        return self.client

    def sample_until_n_accepted(
        self, n: int, simulate_one: Callable[[], Any], t: int, **kwargs: Any
    ) -> Any:
        self.seeded.begin(t)
        sample = super().sample_until_n_accepted(n, simulate_one, t, **kwargs)
        # Evaluations up to and including the n-th accepted, in evaluation order: the ones
        # pyabc kept, whatever else was started before the population was complete.
        self.nr_evaluations_ = sorted(self.seeded.accepted)[n - 1] + 1
        return sample
