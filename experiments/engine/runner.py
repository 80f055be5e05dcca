"""Runs in chunks on a Dask client, each finished chunk written to the store as it arrives.

A task of a few runs lasts well over the scheduler's overhead per task (about a millisecond)
yet stays short enough to balance the load at the end of a sweep and to lose little when a
worker dies. Tasks are submitted with ``retries`` (a failing task is tried again) and the
scheduler reschedules the tasks of a worker that died (up to its ``allowed-failures``); both
kinds of retry rerun the same runs with the same seeds, so they cannot change a result.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from experiments.engine.spec import Plan, RunSpec
from experiments.engine.store import RunStore
from experiments.engine.tasks import run_chunk

TARGET_CHUNK_S = 1.0
CHUNKS_PER_WORKER = 8
# Cost of a run on one core, as measured for the default scenario (about 0.3 s for 2,000
# households over 40 years). Only the chunk size depends on it: an estimate off by a factor of
# a few just makes tasks somewhat longer or shorter than intended.
SECONDS_PER_HOUSEHOLD_YEAR = 3.5e-6
SECONDS_PER_RUN = 0.01


@dataclass
class Outcome:
    """What one session of runs did.

    Attributes:
        runs: Runs finished and written in this session.
        chunks: Tasks submitted.
        runs_per_chunk: Runs in each task (the last may hold fewer).
        seconds: Wall-clock seconds from the first submission to the last part written.
    """

    runs: int
    chunks: int
    runs_per_chunk: int
    seconds: float


def estimated_run_seconds(scenario: dict[str, Any]) -> float:
    """A rough cost of one run of a scenario mapping, from its households and years."""
    simulation = scenario.get("simulation", {})
    households = float(simulation.get("households", 2000))
    years = float(simulation.get("years", 40))
    return SECONDS_PER_RUN + SECONDS_PER_HOUSEHOLD_YEAR * households * years


def chunk_size(runs: int, workers: int, run_seconds: float) -> int:
    """Runs per task: about :data:`TARGET_CHUNK_S` of work, and enough tasks for every worker.

    Args:
        runs: Runs left to do.
        workers: Worker threads available.
        run_seconds: Estimated seconds of one run.
    """
    by_time = max(1, round(TARGET_CHUNK_S / max(run_seconds, 1e-6)))
    by_balance = max(1, math.ceil(runs / (CHUNKS_PER_WORKER * max(workers, 1))))
    return max(1, min(by_time, by_balance))


def chunked(runs: Sequence[RunSpec], size: int) -> list[list[RunSpec]]:
    """Consecutive runs in groups of ``size`` (replications of a point stay together)."""
    return [list(runs[start : start + size]) for start in range(0, len(runs), size)]


def submit_chunks(
    client: Any, plan: Plan, chunks: list[list[RunSpec]], retries: int
) -> dict[Any, int]:
    """Submit every chunk; returns the futures with their chunk numbers."""
    futures = {}
    for index, chunk in enumerate(chunks):
        needed = {spec.scenario: plan.scenarios[spec.scenario] for spec in chunk}
        # pure=False: a resubmitted chunk is new work, never a cached result of another session.
        future = client.submit(
            run_chunk, needed, chunk, plan.yearly, plan.evaluator, retries=retries, pure=False
        )
        futures[future] = index
    return futures


def run_plan(
    client: Any,
    plan: Plan,
    missing: Sequence[RunSpec],
    store: RunStore,
    *,
    session: int,
    workers: int,
    runs_per_chunk: int | None = None,
    retries: int = 3,
    advance: Callable[[int], None] = lambda n: None,
) -> Outcome:
    """Run the missing runs of a plan on ``client``, writing each chunk as it finishes.

    Args:
        client: A ``distributed.Client``.
        plan: The plan (its scenarios are sent with the chunks that need them).
        missing: The runs to do, in ``run_id`` order.
        store: Where finished chunks go.
        session: Number of this session (part files are named by it).
        workers: Worker threads available, for the chunk size.
        runs_per_chunk: Runs per task (default: from :func:`chunk_size`).
        retries: Times a failing task is tried again.
        advance: Called with the number of runs of each finished chunk.
    """
    from distributed import as_completed

    if not missing:
        return Outcome(0, 0, 0, 0.0)
    used = {spec.scenario for spec in missing}
    cost = sum(estimated_run_seconds(plan.scenarios[key]) for key in used) / len(used)
    size = runs_per_chunk or chunk_size(len(missing), workers, cost)
    chunks = chunked(missing, size)
    start = time.perf_counter()
    futures = submit_chunks(client, plan, chunks, retries)
    written = 0
    try:
        for future, result in as_completed(futures, loop=client.loop, with_results=True):
            store.write_chunk(session, futures.pop(future), result.rows, result.yearly)
            written += len(result.rows)
            advance(len(result.rows))
            future.release()
    finally:
        # Interrupted: unfinished tasks are cancelled; finished parts are already on disk.
        if futures:
            client.cancel(list(futures))
    return Outcome(written, len(chunks), size, time.perf_counter() - start)
