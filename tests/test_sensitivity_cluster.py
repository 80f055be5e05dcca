"""``run.py sensitivity`` end to end on local Dask clusters, with test models of known answers.

The Ishigami function goes through the same plan, engine, analysis and outputs as a simulation
and must give SALib's reference indices within their bootstrap intervals (this proves the
plumbing, not SALib). An interrupted and resumed analysis must give the same tables as an
uninterrupted one, and the folder must make a report.
"""

from __future__ import annotations

import json
import math
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from experiments import cli
from experiments.engine import session
from experiments.engine.runner import chunked
from experiments.engine.tasks import run_chunk
from experiments.sensitivity.plan import load_sensitivity
from experiments.sensitivity.testmodels import NOISE_SD, ishigami_variance
from tests.conftest import ROOT

PI = math.pi
ISHIGAMI = f"""name: ishigami_check
model: ishigami
replications: 2
seed: 3
parameters:
  x1: {{role: policy, distribution: uniform, low: {-PI}, high: {PI}}}
  x2: {{role: policy, distribution: unif, low: {-PI}, high: {PI}}}
  x3: {{role: policy, distribution: uniform, low: {-PI}, high: {PI}}}
method: {{kind: sobol, samples: 1024, resamples: 500}}
outputs: {{welfare: false, indicators: [y, y_noisy]}}
execution: {{runs_per_chunk: 2048}}
"""
# SALib's published values for Ishigami (a = 7, b = 0.1), as in its documentation and tests.
REFERENCE = {
    "S1": {"x1": 0.314, "x2": 0.442, "x3": 0.0},
    "ST": {"x1": 0.558, "x2": 0.442, "x3": 0.244},
}
TOY = """name: toy_resume
model: toy_welfare
replications: 2
seed: 8
parameters:
  w: {role: world, distribution: uniform, low: 0, high: 1}
  p1: {role: policy, distribution: uniform, low: 0, high: 1}
  p2: {role: policy, distribution: uniform, low: 0, high: 1}
  switch: {role: policy, distribution: categorical, values: [false, true]}
method: {kind: sobol, samples: 64, resamples: 200}
outputs: {welfare: true, indicators: [emigration_rate]}
execution: {runs_per_chunk: 100}
"""
TABLES = (
    "points.parquet",
    "indices.parquet",
    "noise.parquet",
    "prim_boxes.parquet",
    "prim_trajectories.parquet",
)


def run(experiment: Path, out: Path, capsys, *options: str) -> dict:
    """The command in this process; its --json document."""
    code = cli.main(["sensitivity", str(experiment), "--out", str(out), "--json", *options])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return json.loads(captured.out)


def test_ishigami_through_the_runner_gives_salibs_reference_indices(tmp_path, capsys):
    experiment = tmp_path / "ishigami.yaml"
    experiment.write_text(ISHIGAMI)
    document = run(experiment, tmp_path / "out", capsys, "--workers", "2")
    indices = pd.read_parquet(tmp_path / "out" / "indices.parquet")
    full = indices[(indices["output"] == "y") & (indices["design"] == "N")]
    for row in full.itertuples():
        expected = REFERENCE[row.index][row.factor]
        assert row.low <= expected <= row.high, (row.index, row.factor, row.value)
        assert row.high - row.low < 0.25, (row.index, row.factor)
    half = indices[(indices["output"] == "y") & (indices["design"] == "N/2")]
    assert set(half["size"]) == {512} and len(half) == len(full)
    assert [entry["factor"] for entry in document["top"]["y"]] == ["x1", "x2", "x3"]
    # The noise of the replicate means: NOISE_SD^2 / 2 of a total of V + NOISE_SD^2 / 2.
    noise = document["noise_share"]
    expected = NOISE_SD**2 / 2 / (ishigami_variance() + NOISE_SD**2 / 2)
    assert noise["y"] == 0.0 and noise["y_noisy"] == pytest.approx(expected, rel=0.25)
    assert document["runs"] == 1024 * 5 * 2 and document["triple_win_probability"] is None
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["command"] == "sensitivity" and manifest["outputs"][-1] == "summary.json"
    assert not (tmp_path / "out" / "parts").exists()


def finished(experiment: Path, out: Path, *options: str) -> dict:
    """The command in this process (no --json); the folder's summary."""
    assert cli.main(["sensitivity", str(experiment), "--out", str(out), *options]) == 0
    return json.loads((out / "summary.json").read_text())


@pytest.fixture(scope="module")
def toy(tmp_path_factory) -> tuple[Path, Path, dict]:
    """The toy experiment's file, and its uninterrupted results folder and summary."""
    folder = tmp_path_factory.mktemp("toy")
    experiment = folder / "toy.yaml"
    experiment.write_text(TOY)
    return experiment, folder / "whole", finished(experiment, folder / "whole", "--workers", "1")


def assert_same_results(folder: Path, reference: Path) -> None:
    """Identical analysis tables (values bit for bit) and summaries."""
    for name in TABLES:
        pd.testing.assert_frame_equal(
            pd.read_parquet(folder / name), pd.read_parquet(reference / name), check_exact=True
        )
    summary = json.loads((folder / "summary.json").read_text())
    assert summary == json.loads((reference / "summary.json").read_text())


def interrupted_folder(experiment: Path, folder: Path, chunks_done: int) -> None:
    """A folder left by a session stopped after ``chunks_done`` chunks were written."""
    sensitivity = load_sensitivity(experiment)
    plan = sensitivity.plan()
    prepared = session.prepare(
        folder, plan, sensitivity.context(), source=str(experiment), resume=False
    )
    for number, chunk in enumerate(chunked(prepared.missing, 100)[:chunks_done]):
        result = run_chunk(plan.scenarios, chunk, False, plan.evaluator)
        prepared.store.write_chunk(0, number, result.rows, None)
    (prepared.store.parts / ".runs-000-00099.parquet.x.part").write_bytes(b"half a part")


def test_resumed_after_a_crash_gives_the_same_results_and_a_report(toy, tmp_path):
    experiment, whole, summary = toy
    interrupted_folder(experiment, tmp_path / "resumed", chunks_done=3)
    assert finished(experiment, tmp_path / "resumed", "--workers", "1", "--resume") == summary
    assert_same_results(tmp_path / "resumed", whole)
    assert summary["prim_boxes"] and summary["triple_win_probability"]["estimate"] > 0
    sessions = json.loads((tmp_path / "resumed" / "manifest.json").read_text())["sessions"]
    assert [s["runs_done_before"] for s in sessions] == [0, 300]
    assert cli.main(["report", str(tmp_path / "resumed")]) == 0
    page = (tmp_path / "resumed" / "report.html").read_text()
    for heading in ("Which parameters matter", "Replicate noise", "Convergence",
                    "How likely is a triple win, and where", "Caveats"):  # fmt: skip
        assert heading in page
    assert page.count("data:image/png;base64,") >= 7


def test_interrupted_by_ctrl_c_and_resumed_gives_the_same_results(toy, tmp_path):
    whole = toy[1]
    one_run_tasks = tmp_path / "toy.yaml"
    one_run_tasks.write_text(TOY.replace("runs_per_chunk: 100", "runs_per_chunk: 1"))
    out = tmp_path / "interrupted"
    command = [sys.executable, str(ROOT / "run.py"), "sensitivity", str(one_run_tasks)]
    process = subprocess.Popen(
        [*command, "--workers", "1", "--out", str(out)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while len(list((out / "parts").glob("runs-*.parquet"))) < 20:
        assert process.poll() is None and time.monotonic() < deadline, process.communicate()
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert not (out / "manifest.json").exists()
    finished(one_run_tasks, out, "--workers", "1", "--resume")
    assert_same_results(out, whole)
