"""Sweeps on real Dask clusters: any number of workers, an existing scheduler, interruptions.

Every test compares its rows with one reference sweep on a single local worker: identical
values (``timing_*`` columns aside, which measure the machine) whatever the number of workers,
the scheduler, or the interruptions and resumptions on the way.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq
import pytest

from tests.conftest import ROOT

DASK = Path(sys.executable).parent / "dask"
RUNS, POINTS, REPLICATIONS = 50, 5, 10
EXPERIMENT = f"""name: cluster_test
base: {ROOT / "scenarios" / "baseline.yaml"}
set:
  simulation.households: 300
years: 10
replications: {REPLICATIONS}
seed: 17
design:
  kind: grid
  parameters:
    policy.remittance_fee: [0.01, 0.1]
    policy.temporary_quota: [3.5, 14.0]
outputs:
  yearly: true
execution:
  runs_per_chunk: 2
"""


def sweep(experiment: Path, out: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            str(ROOT / "run.py"),
            "sweep",
            str(experiment),
            "--out",
            str(out),
            *options,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


def start_sweep(experiment: Path, out: Path, *options: str) -> subprocess.Popen[str]:
    """A sweep in its own process group, as a terminal would run it."""
    return subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "run.py"),
            "sweep",
            str(experiment),
            "--out",
            str(out),
            *options,
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def wait_for_parts(out: Path, count: int, process: subprocess.Popen, timeout: float = 300) -> int:
    """Block until ``count`` chunks are on disk; returns how many there are."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = len(list((out / "parts").glob("runs-*.parquet")))
        if done >= count:
            return done
        assert process.poll() is None, process.communicate()[1]
        time.sleep(0.02)
    raise AssertionError(f"no {count} parts in {out} after {timeout} s")


def rows(folder: Path, table: str = "runs.parquet") -> dict[str, list]:
    """A results table as columns of Python values, the machine's timings left out."""
    data = pq.read_table(folder / table).to_pydict()
    return {name: values for name, values in data.items() if not name.startswith("timing_")}


def assert_same(folder: Path, reference: Path) -> None:
    """Bit-identical rows and yearly series (NaN equal to NaN, nothing else forgiven)."""
    for table in ("runs.parquet", "yearly.parquet"):
        got, want = rows(folder, table), rows(reference, table)
        assert list(got) == list(want), table
        for name in want:
            a, b = got[name], want[name]
            if name == "seed_spawn_key" or not isinstance(b[0], float):
                assert a == b, (table, name)
            else:
                bits = np.array(a, dtype=float).view(np.int64)
                assert np.array_equal(bits, np.array(b, dtype=float).view(np.int64)), (table, name)


@pytest.fixture(scope="module")
def experiment(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("experiment") / "cluster_test.yaml"
    path.write_text(EXPERIMENT)
    return path


@pytest.fixture(scope="module")
def reference(experiment, tmp_path_factory) -> Path:
    """The sweep on one local worker, uninterrupted."""
    out = tmp_path_factory.mktemp("one_worker") / "results"
    done = sweep(experiment, out, "--workers", "1")
    assert done.returncode == 0, done.stderr
    return out


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(arguments: list[str], log: Path) -> subprocess.Popen:
    handle = log.open("w")
    return subprocess.Popen(arguments, cwd=ROOT, stdout=handle, stderr=subprocess.STDOUT)


def stop(processes: list[subprocess.Popen]) -> None:
    """Kill the test's own cluster processes (a worker's own children exit with it)."""
    for process in reversed(processes):
        if process.poll() is None:
            process.kill()
        process.wait(timeout=60)


@pytest.fixture
def dask_cluster(tmp_path) -> Iterator[tuple[str, list[subprocess.Popen]]]:
    """A real ``dask scheduler`` and two ``dask worker`` processes on 127.0.0.1.

    The workers run without a nanny, so a killed worker stays dead and the sweep must finish
    on the other one.
    """
    from distributed import Client

    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    processes = [
        start(
            [str(DASK), "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
            tmp_path / "scheduler.log",
        )
    ]
    try:
        for number in range(2):
            arguments = [str(DASK), "worker", address, "--nthreads", "1", "--no-dashboard"]
            arguments += ["--host", "127.0.0.1", "--name", f"worker-{number}", "--no-nanny"]
            arguments += ["--local-directory", str(tmp_path / f"worker-{number}")]
            processes.append(start(arguments, tmp_path / f"worker-{number}.log"))
        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        yield address, processes
    finally:
        stop(processes)


def test_two_workers_give_the_same_rows_as_one(experiment, reference, tmp_path):
    out = tmp_path / "two_workers"
    done = sweep(experiment, out, "--workers", "2")
    assert done.returncode == 0, done.stderr
    assert_same(out, reference)
    runs = pq.read_table(out / "runs.parquet")
    assert runs.column("run_id").to_pylist() == list(range(RUNS))
    assert pq.read_table(out / "yearly.parquet").num_rows == RUNS * 10
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["command"] == "sweep" and manifest["runs"] == RUNS
    assert manifest["cluster"]["kind"] == "local" and manifest["cluster"]["workers"] == 2
    assert [s["spawn_key"] for s in manifest["seeds"]] == [[r] for r in range(REPLICATIONS)]
    assert not (out / "parts").exists()
    points = pq.read_table(out / "points.parquet").to_pydict()
    assert points["point"] == list(range(POINTS)) and points["verdict"][0] == "reference"
    assert (out / "heatmaps.png").stat().st_size > 10_000
    assert f"{RUNS} runs of {POINTS} points" in done.stdout


def test_existing_scheduler_with_a_worker_killed_mid_sweep(
    experiment, reference, dask_cluster, tmp_path
):
    """Through ``--scheduler``, one of two workers killed mid-sweep: all runs, same values."""
    address, processes = dask_cluster
    out = tmp_path / "scheduler"
    process = start_sweep(experiment, out, "--scheduler", address)
    chunks_at_kill = wait_for_parts(out, 3, process)
    processes[1].send_signal(signal.SIGKILL)
    _, stderr = process.communicate(timeout=600)
    assert process.returncode == 0, stderr
    assert processes[1].poll() is not None and processes[2].poll() is None
    assert chunks_at_kill < RUNS // 2, "the sweep had finished before the worker was killed"
    assert_same(out, reference)
    manifest = json.loads((out / "manifest.json").read_text())
    paths = manifest["cluster"].pop("numpy_simd")
    assert manifest["cluster"] == {"kind": "scheduler", "address": address, "workers": 2}
    # Workers started from the tests' environment share run.py's numpy code path: no warning.
    assert len(paths) == 2 and all(
        path == manifest["machine"]["numpy_simd"] for path in paths.values()
    )
    assert "numpy code path" not in stderr


def interrupt(out: Path, process: subprocess.Popen, how: signal.Signals, after: int) -> set[int]:
    """Send ``how`` once ``after`` chunks are on disk; returns the run ids on disk then."""
    wait_for_parts(out, after, process)
    if how == signal.SIGINT:
        os.killpg(process.pid, how)  # Ctrl-C in a terminal: the whole process group
    else:
        os.kill(process.pid, how)
    _, stderr = process.communicate(timeout=120)
    expected = 130 if how == signal.SIGINT else -how
    assert process.returncode == expected, stderr
    assert "Traceback" not in stderr, stderr
    left = {p.name for p in out.iterdir()}
    assert "manifest.json" not in left and "runs.parquet" not in left
    return {
        i for p in (out / "parts").glob("runs-*") for i in pq.read_table(p)["run_id"].to_pylist()
    }


def test_interrupted_and_killed_sweep_resumes_without_loss_or_duplicates(
    experiment, reference, tmp_path
):
    """Ctrl-C, then resume and SIGKILL, then resume to the end: every run once, same values."""
    out = tmp_path / "interrupted"
    first = interrupt(out, start_sweep(experiment, out, "--workers", "1"), signal.SIGINT, 3)
    assert 0 < len(first) < RUNS
    resumed = start_sweep(experiment, out, "--workers", "1", "--resume")
    second = interrupt(out, resumed, signal.SIGKILL, len(first) // 2 + 3)
    assert first < second and len(second) < RUNS
    done = sweep(experiment, out, "--workers", "2", "--resume")
    assert done.returncode == 0, done.stderr
    assert f"{len(second)} of {RUNS} runs already done" in done.stderr
    assert pq.read_table(out / "runs.parquet")["run_id"].to_pylist() == list(range(RUNS))
    assert_same(out, reference)
    manifest = json.loads((out / "manifest.json").read_text())
    sessions = [s["runs_done_before"] for s in manifest["sessions"]]
    assert sessions == [0, len(first), len(second)]
    assert not (out / "parts").exists()
    assert not any(p.name.endswith(".part") for p in out.rglob("*"))


def test_report_renders_a_sweep_folder(reference, tmp_path):
    page = tmp_path / "report.html"
    done = subprocess.run(
        [sys.executable, str(ROOT / "run.py"), "report", str(reference), "--out", str(page)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    text = page.read_text()
    assert "cluster_test" in text and "data:image/png;base64" in text
    assert text.count("<tr") >= POINTS + 1 and "reference" in text
