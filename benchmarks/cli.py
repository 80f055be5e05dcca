"""The command line as a user meets it, and the run rate of sweeps against an earlier commit.

``uv run python benchmarks/cli.py`` measures, each as the median of several whole processes
started the way users start them (``uv run``), after one untimed start that leaves Python's
bytecode caches (``.pyc``) and numba's cache written, as any first use does:

- ``run.py --help``;
- ``run.py run scenarios/baseline.yaml --replications 1`` (into a temporary folder);
- a 2-worker local Dask cluster started by ``experiments.engine.cluster.connect`` (the one that
  sweeps, sensitivity analyses and calibrations start): the time from the process's start to the
  cluster being up, and the whole process (the cluster closed, the process ended);

with the share of each that imports take (one more start with ``python -X importtime``: the
top-level imports' time over that start's wall time). The same figures are measured for each
reference commit (``--reference``, repeatable; default ``75b744c``, the commit before issue 20),
checked out in a temporary ``git worktree`` that is removed at the end and run with this
checkout's environment; and so is the run rate of the sensitivity experiments' runs (1,000
households, 30 years, no yearly series where the code has that option, numba's kernels loaded,
warm process): runs per second of every checkout, in rounds that take each in turn (forwards,
then backwards) so that other load weighs on all alike, as a multiple of the first reference's.
One more start of ``run`` without bytecode caches shows what a start costs where none may be
written (``PYTHONDONTWRITEBYTECODE`` and no ``.pyc``: every module compiled from source at every
start; ``uv sync --compile-bytecode`` writes them once for the installed packages).
``--quick`` checks the script works (one start of each, two without bytecode caches, a tiny
run-rate comparison), not the figures.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from _common import ROOT, benchmark_parser, machine, print_table

TARGETS_S = {"help": 0.5, "run": 1.5, "cluster": 5.0}
TARGET_RATIO = 1.3
DEFAULT_REFERENCE = "75b744c"

CLUSTER_CODE = """
import sys, time
sys.path.insert(0, ".")

def main():
    from experiments.engine.cluster import connect

    with connect(2):
        print(time.time(), flush=True)

if __name__ == "__main__":
    main()
"""

RATE_CODE = """
import inspect, json, sys, time
sys.path.insert(0, "benchmarks")
from _common import default_scenario
from model.simulation import simulate
try:
    from model.randomness import use_kernels
    use_kernels("compiled")
except ImportError:
    pass
scenario = default_scenario({households}, {years})
options = {{"yearly": False}} if "yearly" in inspect.signature(simulate).parameters else {{}}
for seed in range(2):
    simulate(scenario, 10_000 + seed, **options)
start, cpu = time.perf_counter(), time.process_time()
for seed in range({runs}):
    simulate(scenario, seed, **options)
wall, cpu = time.perf_counter() - start, time.process_time() - cpu
print(json.dumps({{"wall": wall, "cpu": cpu, "yearly_off": bool(options)}}))
"""


@dataclass
class Tree:
    """A checkout whose command line is measured: this one, or a reference commit's worktree."""

    label: str
    path: Path


def environment() -> dict[str, str]:
    """The children's environment: bytecode caches written and read, as on a user's machine."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTHONPYCACHEPREFIX", None)
    return env


def python_command() -> list[str]:
    """How a child Python starts: through ``uv run`` with this checkout's environment (as users
    type it), or this interpreter where ``uv`` is not on the path."""
    uv = shutil.which("uv")
    if uv is None:
        return [sys.executable]
    return [uv, "run", "--no-sync", "--project", str(ROOT), "python"]


def timed(arguments: Sequence[str], tree: Tree, env: dict[str, str]) -> float:
    """Wall-clock seconds of one whole process ``python ARGUMENTS`` (it must succeed)."""
    start = time.perf_counter()
    done = subprocess.run(
        [*python_command(), *arguments], cwd=tree.path, env=env, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(arguments)} failed in {tree.path}:\n{done.stderr[-2000:]}")
    return seconds


def import_share(arguments: Sequence[str], tree: Tree, env: dict[str, str]) -> float:
    """Top-level imports' share of one start's wall time (``python -X importtime``)."""
    start = time.perf_counter()
    done = subprocess.run(
        [*python_command(), "-X", "importtime", *arguments],
        cwd=tree.path,
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    imports = 0
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = line.split("|")
            if not name.startswith("  ") and cumulative.strip().isdigit():
                imports += int(cumulative)
    return imports / 1e6 / seconds


def cluster_start(tree: Tree, env: dict[str, str]) -> tuple[float, float]:
    """Seconds from a process's start to its 2-worker local cluster being up, and in all."""
    start = time.time()
    done = subprocess.run(
        [*python_command(), "-c", CLUSTER_CODE],
        cwd=tree.path,
        env=env,
        capture_output=True,
        text=True,
    )
    whole = time.time() - start
    if done.returncode != 0:
        raise RuntimeError(f"cluster start failed in {tree.path}:\n{done.stderr[-2000:]}")
    return float(done.stdout.split()[-1]) - start, whole


@dataclass
class Starts:
    """Median wall seconds (and import shares) of one checkout's command line."""

    help_s: float
    help_imports: float
    run_s: float
    run_imports: float
    cluster_up_s: float
    cluster_whole_s: float


def measure_starts(tree: Tree, repeats: int, cluster_repeats: int, out: Path) -> Starts:
    """Every whole-process figure of one checkout, after an untimed warm-up start of each."""
    env = environment()
    folder = out / tree.label
    help_command = ["run.py", "--help"]
    run_command = ["run.py", "run", "scenarios/baseline.yaml", "--replications", "1"]
    run_command += ["--out", str(folder)]

    def timed_run() -> float:
        # run refuses a folder that holds results: each start writes into an empty one.
        shutil.rmtree(folder, ignore_errors=True)
        return timed(run_command, tree, env)

    timed(help_command, tree, env)
    timed_run()
    helps = [timed(help_command, tree, env) for _ in range(repeats)]
    runs = [timed_run() for _ in range(repeats)]
    clusters = [cluster_start(tree, env) for _ in range(cluster_repeats)]
    shutil.rmtree(folder, ignore_errors=True)
    return Starts(
        help_s=statistics.median(helps),
        help_imports=import_share(help_command, tree, env),
        run_s=statistics.median(runs),
        run_imports=import_share(run_command, tree, env),
        cluster_up_s=statistics.median(up for up, _ in clusters),
        cluster_whole_s=statistics.median(whole for _, whole in clusters),
    )


def without_bytecode(tree: Tree, out: Path, repeats: int) -> float:
    """Median wall seconds of ``run`` where no ``.pyc`` exists or may be written."""
    env = environment()
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    with tempfile.TemporaryDirectory(prefix="pycache-") as empty:
        env["PYTHONPYCACHEPREFIX"] = empty
        folder = out / "no-bytecode"
        command = ["run.py", "run", "scenarios/baseline.yaml", "--replications", "1"]
        command += ["--out", str(folder)]

        def timed_run() -> float:
            # run refuses a folder that holds results: each start writes into an empty one.
            shutil.rmtree(folder, ignore_errors=True)
            return timed(command, tree, env)

        return statistics.median(timed_run() for _ in range(repeats))


def run_rate(tree: Tree, households: int, years: int, runs: int) -> dict[str, float]:
    """Runs per second of warm runs in one process of ``tree`` (wall and CPU)."""
    code = RATE_CODE.format(households=households, years=years, runs=runs)
    done = subprocess.run(
        [*python_command(), "-c", code],
        cwd=tree.path,
        env=environment(),
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise RuntimeError(f"run rate failed in {tree.path}:\n{done.stderr[-2000:]}")
    measured = json.loads(done.stdout.strip().splitlines()[-1])
    return {
        "wall": runs / measured["wall"],
        "cpu": runs / measured["cpu"],
        "yearly_off": measured["yearly_off"],
    }


@contextmanager
def worktree(commit: str) -> Iterator[Tree | None]:
    """A temporary ``git worktree`` of ``commit`` (None if it cannot be made), removed after."""
    folder = Path(tempfile.mkdtemp(prefix=f"triplewin-{commit}-"))
    path = folder / "tree"
    made = subprocess.run(
        ["git", "worktree", "add", "--detach", str(path), commit],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    try:
        yield Tree(commit, path) if made.returncode == 0 else None
    finally:
        if made.returncode == 0:
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(path)], cwd=ROOT, capture_output=True
            )
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def worktrees(commits: Sequence[str]) -> Iterator[list[Tree]]:
    """Temporary worktrees of the commits that exist here (the others named and skipped)."""
    with ExitStack() as stack:
        trees = []
        for commit in commits:
            tree = stack.enter_context(worktree(commit))
            if tree is None:
                print(f"reference {commit}: no such commit here, skipped")
            else:
                trees.append(tree)
        yield trees


def rates_by_round(
    trees: Sequence[Tree], households: int, years: int, runs: int, rounds: int
) -> list[dict[str, dict[str, float]]]:
    """Each round, every checkout's run rate, one after the other, in turn first and last
    (after a first untimed run, in which numba compiles a new checkout's kernels)."""
    for tree in trees:
        run_rate(tree, households, years, 1)
    measured = []
    for round_number in range(rounds):
        order = trees if round_number % 2 == 0 else list(reversed(trees))
        measured.append({tree.label: run_rate(tree, households, years, runs) for tree in order})
    return [{tree.label: rates[tree.label] for tree in trees} for rates in measured]


def rate_rows(measured: list[dict[str, dict[str, float]]], first: str) -> list[list[str]]:
    """Every checkout's runs per second, and as a multiple of the first reference's (medians
    over rounds of each round's ratio)."""
    rows = []
    for label in measured[0]:
        yearly = "off" if measured[0][label]["yearly_off"] else "kept (no option)"
        row = [label, yearly]
        for clock in ("wall", "cpu"):
            row.append(f"{statistics.median(r[label][clock] for r in measured):.2f}")
            ratio = statistics.median(r[label][clock] / r[first][clock] for r in measured)
            row.append(f"{ratio:.2f}x")
        rows.append(row)
    return rows


def load() -> str:
    """The machine's load averages over 1, 5 and 15 minutes."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def starts_rows(starts: dict[str, Starts]) -> list[list[str]]:
    """One table row per figure, one column per checkout."""
    figures = [
        ("run.py --help, s", lambda s: f"{s.help_s:.2f}"),
        ("  imports", lambda s: f"{100 * s.help_imports:.0f}%"),
        ("run.py run (1 replication), s", lambda s: f"{s.run_s:.2f}"),
        ("  imports", lambda s: f"{100 * s.run_imports:.0f}%"),
        ("2-worker cluster up, s", lambda s: f"{s.cluster_up_s:.1f}"),
        ("  whole process, s", lambda s: f"{s.cluster_whole_s:.1f}"),
    ]
    return [[name, *(show(s) for s in starts.values())] for name, show in figures]


def main() -> None:
    parser = benchmark_parser(__doc__, "one start of each, a tiny run-rate comparison")
    parser.add_argument(
        "--reference",
        action="append",
        help=f"a commit to compare with (repeatable; default {DEFAULT_REFERENCE})",
    )
    parser.add_argument("--repeats", type=int, default=5, help="starts of --help and run")
    parser.add_argument("--rounds", type=int, default=4, help="run-rate rounds per checkout")
    args = parser.parse_args()
    references = args.reference or [DEFAULT_REFERENCE]
    repeats, cluster_repeats = (1, 1) if args.quick else (args.repeats, 3)
    households, years, runs = (100, 5, 2) if args.quick else (1_000, 30, 12)
    rounds = 1 if args.quick else args.rounds
    print(f"machine: {machine()}; load average at the start {load()}")
    this = Tree("this checkout", ROOT)
    with tempfile.TemporaryDirectory(prefix="cli-benchmark-") as scratch:
        out = Path(scratch)
        starts = {this.label: measure_starts(this, repeats, cluster_repeats, out)}
        no_bytecode = without_bytecode(this, out, 2 if args.quick else 3)
        with worktrees(references) as trees:
            if not args.quick:
                for tree in trees:
                    starts[tree.label] = measure_starts(tree, repeats, cluster_repeats, out)
            measured = rates_by_round([*trees, this], households, years, runs, rounds)
    through = "uv run" if shutil.which("uv") else sys.executable
    print(
        f"whole processes started through {through}, medians of {repeats} starts "
        f"({cluster_repeats} for the cluster), bytecode cached:"
    )
    print_table(["figure", *starts], starts_rows(starts))
    if no_bytecode is not None:
        print(f"run.py run without bytecode caches (every module compiled): {no_bytecode:.2f} s")
    size = f"{households:,} households x {years} years"
    first = next(iter(measured[0]))
    print(f"run rate at {size}, {runs} warm runs a round, {rounds} rounds alternating:")
    print_table(
        ["checkout", "yearly series", "runs/s", f"x {first}", "CPU runs/s", f"x {first}"],
        rate_rows(measured, first),
    )
    print(f"load average at the end {load()}")
    mine = starts[this.label]
    figures = {"help": mine.help_s, "run": mine.run_s, "cluster": mine.cluster_up_s}
    missed = [name for name, value in figures.items() if value > TARGETS_S[name]]
    if first == this.label:
        rate, ratio = "n/a (no reference)", 0.0
    else:
        ratio = statistics.median(r[this.label]["wall"] / r[first]["wall"] for r in measured)
        rate = f"{ratio:.2f}x {first}"
    met = "meets" if not missed and ratio >= TARGET_RATIO else "misses"
    print(
        f"command line: --help {mine.help_s:.2f} s, run {mine.run_s:.2f} s, 2-worker cluster up "
        f"{mine.cluster_up_s:.1f} s; runs/s at {size} {rate} ({met} the targets 0.5 s, 1.5 s, "
        f"5 s and {TARGET_RATIO}x)"
    )


if __name__ == "__main__":
    main()
