"""Speed-up of a sweep on 2 workers over 1 worker (target: at least 1.8 times as fast; benchmarks/README.md).

``uv run python benchmarks/scaling.py`` times one sweep of 204 runs (a 4 x 4 grid over the
remittance fee and the temporary quota plus the base scenario, 12 replications each, 1,000
households over 40 years) on a local Dask cluster of 1 and then 2 single-threaded worker
processes, through the same engine as ``run.py sweep`` (chunks, streaming to Parquet). Starting
a cluster (processes, imports, a warm-up model on each worker) is timed apart and excluded from
the sweep's time. Both clusters are up together and their sweeps alternate, so that other load
on the machine weighs on both alike; ``--repeat K`` runs each sweep K times and keeps the
fastest (other load only ever slows a sweep down). "cores used" is the workers' CPU time over
the sweep's wall-clock time: below the number of workers, other load took the difference. The
two sweeps' rows are checked to be identical.
``--quick`` runs a tiny sweep to check the script works (CI), not to measure.
"""

from __future__ import annotations

import resource
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow.compute as pc
from _common import ROOT, benchmark_parser, machine, print_table

from experiments.engine import session
from experiments.engine.cluster import connect
from experiments.engine.runner import run_plan
from experiments.engine.spec import TIMING_PREFIX, Plan
from experiments.engine.store import identical
from experiments.sweep.plan import Sweep, load_sweep

TARGET = 1.8
EXPERIMENT = """name: scaling
base: {base}
set:
  simulation.households: {households}
years: {years}
replications: {replications}
seed: 8
design:
  kind: grid
  parameters:
    policy.remittance_fee: [0.01, 0.03, 0.062, 0.1]
    policy.temporary_quota: [3.5, 7.0, 14.0, 21.0]
"""


def scaling_sweep(folder: Path, households: int, years: int, replications: int) -> Sweep:
    """The benchmark's experiment, written to ``folder`` and loaded."""
    path = folder / "scaling.yaml"
    base = ROOT / "scenarios" / "baseline.yaml"
    text = EXPERIMENT.format(
        base=base, households=households, years=years, replications=replications
    )
    path.write_text(text)
    return load_sweep(path)


@dataclass
class Timing:
    """The fastest of a cluster's sweeps.

    Attributes:
        startup: Seconds to start the cluster (processes, imports, a warm-up model per worker).
        seconds: The fastest sweep's wall-clock seconds.
        cpu: CPU seconds this process (client, scheduler, nannies) spent in that sweep.
        worker_cpu: CPU seconds the workers spent in that sweep, all together.
        table: That sweep's runs table.
    """

    startup: float
    seconds: float = float("inf")
    cpu: float = 0.0
    worker_cpu: float = 0.0
    table: Any = None


def process_cpu() -> float:
    """CPU seconds used so far by the calling process (run on each worker)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def time_sweep(connection: Any, sweep: Sweep, plan: Plan, out: Path, timing: Timing) -> None:
    """Run the whole plan once into ``out`` on ``connection``; keep it in ``timing`` if fastest."""
    prepared = session.prepare(out, plan, sweep.context(), source=str(sweep.file), resume=False)
    workers_before = connection.client.run(process_cpu)
    start, start_cpu = time.perf_counter(), time.process_time()
    run_plan(
        connection.client,
        plan,
        prepared.missing,
        prepared.store,
        session=0,
        workers=connection.workers,
    )
    seconds, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    workers_after = connection.client.run(process_cpu)
    if seconds < timing.seconds:
        timing.seconds, timing.cpu = seconds, cpu
        timing.worker_cpu = sum(workers_after[w] - workers_before[w] for w in workers_after)
        timing.table = prepared.store.consolidate(plan.yearly)


def time_both(sweep: Sweep, plan: Plan, folder: Path, repeat: int) -> dict[int, Timing]:
    """Both clusters up at once, their sweeps interleaved, so that a change in the machine's
    other load during the benchmark weighs on both alike."""
    with ExitStack() as stack:
        connections = {n: stack.enter_context(connect(workers=n)) for n in (1, 2)}
        timings = {n: Timing(c.startup_s) for n, c in connections.items()}
        for attempt in range(repeat):
            for n, connection in connections.items():
                out = folder / f"workers-{n}-{attempt}"
                time_sweep(connection, sweep, plan, out, timings[n])
    return timings


def waiting_note(timing: Timing, workers: int) -> str:
    """Where the workers' time went: runs on the CPU, runs preempted by other load, idle."""
    columns = [c for c in timing.table.column_names if c.startswith(TIMING_PREFIX)]
    in_runs = sum(pc.sum(timing.table.column(c)).as_py() for c in columns)
    capacity = timing.seconds * workers
    preempted = max(in_runs - timing.worker_cpu, 0.0) / capacity
    idle = max(capacity - in_runs, 0.0) / capacity
    return (
        f"{workers} workers' time: {timing.worker_cpu / capacity:.0%} computing, {preempted:.0%} "
        f"in runs but preempted by other load on the machine, {idle:.0%} between runs"
    )


def main() -> None:
    parser = benchmark_parser(__doc__, "a tiny sweep")
    parser.add_argument("--repeat", type=int, default=1, help="sweeps per worker count (best kept)")
    args = parser.parse_args()
    households, years, replications = (200, 5, 2) if args.quick else (1_000, 40, 12)
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory(prefix="triplewin-scaling-") as scratch:
        folder = Path(scratch)
        sweep = scaling_sweep(folder, households, years, replications)
        plan = sweep.plan()
        print(
            f"sweep: {len(plan.runs)} runs ({len(sweep.points)} points x {replications} "
            f"replications), {households:,} households x {years} years"
        )
        timings = time_both(sweep, plan, folder, max(args.repeat, 1))
    rows = []
    for workers, timing in timings.items():
        rows.append(
            [
                str(workers),
                f"{timing.startup:.1f}",
                f"{timing.seconds:.2f}",
                f"{timing.cpu:.2f}",
                f"{timing.worker_cpu / timing.seconds:.2f}",
                f"{len(plan.runs) / timing.seconds:.1f}",
                f"{timings[1].seconds / timing.seconds:.2f}",
            ]
        )
    header = ["workers", "cluster start s", "sweep s", "client CPU s", "cores used", "runs/s"]
    header.append("speed-up")
    print_table(header, rows)
    print(waiting_note(timings[2], 2))
    same = identical(timings[1].table, timings[2].table, ignore_prefix=TIMING_PREFIX)
    print(f"rows identical on 1 and 2 workers: {'yes' if same else 'NO'}")
    speedup = timings[1].seconds / timings[2].seconds
    verdict = "meets" if speedup >= TARGET else "misses"
    print(
        f"scaling: 2 workers {speedup:.2f}x as fast as 1 on a sweep of {len(plan.runs)} runs "
        f"({verdict} the target of {TARGET}x)"
    )


if __name__ == "__main__":
    main()
