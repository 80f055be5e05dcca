"""Where runs execute: a local Dask cluster sized to the machine, or an existing scheduler.

A local cluster has one single-threaded worker process per core (or ``--workers N``): a run is
numpy-heavy Python, so threads would contend for the interpreter lock, and processes also keep
one run's memory from another's. ``--scheduler ADDRESS`` connects to a cluster someone else
started (``dask scheduler`` and ``dask worker``, dask-jobqueue on an HPC system, ...) and uses it
unchanged: nothing is scaled, restarted or configured there.

A local cluster starts in a few seconds because its workers import nothing themselves. Dask
starts each worker as a new interpreter by default (``spawn``), which then imports distributed,
pandas and the model, a few seconds of work per worker, all at once on a small machine. Where
the system has it (Linux, macOS), the workers are instead forked from a server process that has
imported those once (multiprocessing's ``forkserver``, with Dask's
``distributed.worker.multiprocessing-method``); the server starts first, importing while the
scheduler starts, and a worker restarted after a death is forked from it too. The server holds
no thread and no model, so the forked workers start as clean as spawned ones.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from model.errors import InputError

CONNECT_TIMEOUT_S = 30


@dataclass
class Connection:
    """A Dask client and what it is connected to.

    Attributes:
        client: The ``distributed.Client``.
        workers: Worker threads available when the connection was made (at least 1).
        description: For the manifest: ``kind`` (local or scheduler), ``address``, ``workers``.
        startup_s: Seconds spent starting (or reaching) the cluster and warming its workers.
    """

    client: Any
    workers: int
    description: dict[str, Any] = field(default_factory=dict)
    startup_s: float = 0.0


def machine_cores() -> int:
    """Cores this process may use (the affinity mask where the system has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def warm_worker() -> None:
    """Import the simulator and run a tiny model, so the first chunk is not charged for either.

    The first model in a process also loads (or compiles) the model's compiled kernels.
    """
    import experiments.engine.tasks
    import experiments.records  # noqa: F401
    from model.scenario.schema import Scenario
    from model.simulation import simulate

    tiny = {"households": 20, "years": 2, "evaluation_years": 1}
    # Only a head start: a model that fails here fails again in the first chunk, where the
    # error is reported with the run that raised it.
    with contextlib.suppress(Exception):
        simulate(Scenario.model_validate({"simulation": tiny}), 0)


def local_worker_plugin() -> Any:
    """A plugin that prepares each worker of a local cluster, restarted ones included."""
    from distributed import WorkerPlugin

    class LocalWorker(WorkerPlugin):
        name = "triplewin-local-worker"

        def setup(self, worker: Any) -> None:
            # Ctrl-C in a terminal reaches every process of the group. The command closes the
            # cluster itself; workers that also took the interrupt would each print a traceback.
            if threading.current_thread() is threading.main_thread():
                signal.signal(signal.SIGINT, signal.SIG_IGN)
            warm_worker()

    return LocalWorker()


@contextmanager
def connect(workers: int | None = None, scheduler: str | None = None) -> Iterator[Connection]:
    """A client on a new local cluster, or on the scheduler at ``scheduler``; closed on exit.

    Args:
        workers: Worker processes of a local cluster (default: one per core).
        scheduler: Address of an existing scheduler, e.g. ``tcp://10.0.0.5:8786``.
    """
    if scheduler:
        with _existing(scheduler) as connection:
            yield connection
    else:
        with _local(workers or machine_cores()) as connection:
            yield connection


# A local cluster's workers only run models: the statistical profiler (a thread sampling each
# worker's stack every 10 ms) and frequent system monitoring would take CPU from the runs.
LOCAL_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.interval": "2s",
}
# What every worker imports, once, in the fork server (warm_worker imports the same).
WORKER_MODULES = ("distributed", "experiments.engine.tasks", "experiments.records")


@contextmanager
def _local(workers: int) -> Iterator[Connection]:
    method = start_method()
    if method == "forkserver":
        # First: the server imports while this process imports Dask and starts the scheduler.
        start_fork_server()
    import dask
    import distributed  # noqa: F401  (its defaults must be loaded before they are overridden)

    # Kept for the cluster's life, so that a worker restarted after a death inherits it too.
    config = {**LOCAL_CONFIG, "distributed.worker.multiprocessing-method": method}
    with dask.config.set(config), _local_cluster(workers) as connection:
        yield connection


def start_method() -> str:
    """``forkserver`` where the system has it, else ``spawn`` (Windows)."""
    import multiprocessing

    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def start_fork_server() -> None:
    """Start the server the workers will be forked from, importing ``WORKER_MODULES`` once.

    It starts in the background (this returns at once) and lives as long as this process; a
    server already running (an earlier cluster of this process) is kept.
    """
    import multiprocessing
    from multiprocessing import forkserver

    multiprocessing.get_context("forkserver").set_forkserver_preload(list(WORKER_MODULES))
    forkserver.ensure_running()


@contextmanager
def _local_cluster(workers: int) -> Iterator[Connection]:
    from distributed import Client, LocalCluster

    start = time.perf_counter()
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        # No dashboard; the scheduler's small HTTP server takes any free port, so that two
        # sweeps at once never compete for (and warn about) the dashboard's usual 8787.
        scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
        host="127.0.0.1",
        # Dask's own logs stay off stderr: a task that fails raises in this process with its
        # traceback, and what workers log as they die with an interrupted sweep is noise.
        silence_logs=logging.CRITICAL,
    )
    client = Client(cluster, set_as_default=False)
    try:
        client.register_plugin(local_worker_plugin())
        description = {"kind": "local", "address": cluster.scheduler_address, "workers": workers}
        yield Connection(client, workers, description, time.perf_counter() - start)
    finally:
        _close(client, cluster)


@contextmanager
def _existing(address: str) -> Iterator[Connection]:
    from distributed import Client

    start = time.perf_counter()
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT_S, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise InputError(
            "--scheduler",
            None,
            f"cannot reach a Dask scheduler at {address!r} ({reason}); expected an address "
            "such as tcp://HOST:8786 of a running `dask scheduler`",
        ) from None
    try:
        threads = sum(client.nthreads().values())
        description = {"kind": "scheduler", "address": address, "workers": threads}
        description["numpy_simd"] = check_code_paths(client)
        yield Connection(client, max(threads, 1), description, time.perf_counter() - start)
    finally:
        _close(client, None)


def check_code_paths(client: Any) -> dict[str, list[str]]:
    """numpy's SIMD code path on each worker of an existing cluster, warned about if mixed.

    A local cluster's workers inherit the client's pinned path (``model/numerics.py``); workers
    someone else started have theirs from their own environment. Runs on different paths may
    differ in the last digits (docs/cluster.md).
    """
    from model.numerics import VARIABLE, pinned_environment, simd_in_use

    paths = client.run(simd_in_use)
    mine = simd_in_use()
    differing = sorted(w for w, path in paths.items() if path != mine)
    if differing:
        setting = pinned_environment({}).get(VARIABLE, "")
        print(
            f"warning: {len(differing)} of {len(paths)} workers compute on another numpy code "
            f"path than this process ({', '.join(mine) or 'baseline'}), so their runs may "
            f"differ in the last digits; start workers with {VARIABLE}='{setting}' as run.py "
            "does (docs/cluster.md)",
            file=sys.stderr,
        )
    return {worker: list(path) for worker, path in paths.items()}


def _close(client: Any, cluster: Any) -> None:
    # Closing can itself be interrupted by a second Ctrl-C; the parts on disk are safe anyway.
    try:
        client.close()
        if cluster is not None:
            cluster.close()
    except (KeyboardInterrupt, OSError, RuntimeError, TimeoutError):
        pass
