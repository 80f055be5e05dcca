"""The engine's parts without a cluster: tasks, Parquet parts, resume checks, summaries, figures."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

from experiments import cli
from experiments.engine import session
from experiments.engine.store import RunStore
from experiments.engine.tasks import run_chunk
from experiments.sweep.outputs import write_outputs
from experiments.sweep.plan import load_sweep
from experiments.sweep.summary import point_summary
from model.scenario.schema import Scenario
from model.simulation import simulate
from tests.conftest import ROOT

BASELINE = ROOT / "scenarios" / "baseline.yaml"
GRID = f"""base: {BASELINE}
set:
  simulation.households: 100
years: 4
replications: 2
seed: 9
design:
  kind: grid
  parameters:
    policy.remittance_fee: [0.02, 0.2]
    policy.visa_years: [2, 5]
"""


@pytest.fixture
def grid_file(tmp_path) -> Path:
    path = tmp_path / "grid.yaml"
    path.write_text(GRID)
    return path


def test_a_task_builds_each_run_from_its_parameters_and_seed(grid_file):
    plan = load_sweep(grid_file).plan()
    specs = [plan.runs[0], plan.runs[9]]  # the base, then fee 0.2 and 5-year visas
    result = run_chunk(plan.scenarios, specs, yearly=True)
    assert [row["run_id"] for row in result.rows] == [0, 9]
    row = result.rows[1]
    assert (row["policy.remittance_fee"], row["policy.visa_years"]) == (0.2, 5)
    assert row["seed_spawn_key"] == [1] and row["seed_entropy"] == 9
    changed = Scenario.model_validate(plan.scenarios["base"]).model_copy(deep=True)
    changed.policy.remittance_fee, changed.policy.visa_years = 0.2, 5
    direct = simulate(changed, np.random.SeedSequence(9, spawn_key=(1,)))
    for name, value in direct.indicators.items():
        assert row[name] == value or (np.isnan(value) and np.isnan(row[name])), name
    assert set(result.yearly["run_id"]) == {0, 9} and len(result.yearly) == 8


def test_store_keeps_whole_parts_and_merges_each_run_once(tmp_path):
    store = RunStore(tmp_path)
    rows = [{"run_id": i, "value": float(i) / 3} for i in range(6)]
    yearly = pd.DataFrame({"run_id": [4, 4, 5, 5], "year": [2, 1, 1, 2], "x": [0.0, 1, 2, 3]})
    store.write_chunk(0, 1, rows[4:], yearly)
    store.write_chunk(0, 0, rows[:3], None)
    store.write_chunk(1, 0, rows[2:4], None)  # run 2 finished twice (a retried chunk)
    (store.parts / ".runs-001-00001.parquet.x.part").write_bytes(b"half a file")
    orphan = store.part_path("yearly", 1, 1)  # its runs part never arrived
    orphan.write_bytes(b"whatever")
    removed = {p.name for p in store.clean()}
    assert removed == {".runs-001-00001.parquet.x.part", orphan.name}
    assert store.done_ids() == set(range(6)) and store.next_session() == 2
    runs = store.consolidate(yearly=True)
    assert runs.column("run_id").to_pylist() == list(range(6))
    assert runs.column("value").to_pylist() == [r["value"] for r in rows]
    series = pq.read_table(tmp_path / "yearly.parquet").to_pandas()
    assert list(zip(series["run_id"], series["year"], strict=True)) == [
        (4, 1),
        (4, 2),
        (5, 1),
        (5, 2),
    ]
    store.discard_parts()
    assert store.done_ids() == set(range(6))


def prepared_folder(grid_file: Path, folder: Path) -> None:
    sweep = load_sweep(grid_file)
    session.prepare(folder, sweep.plan(), sweep.context(), source=str(grid_file), resume=False)


def test_resume_refuses_a_changed_experiment(grid_file, tmp_path, capsys):
    folder = tmp_path / "out"
    prepared_folder(grid_file, folder)
    grid_file.write_text(GRID.replace("[0.02, 0.2]", "[0.02, 0.3]"))
    assert cli.main(["sweep", str(grid_file), "--resume", "--out", str(folder)]) == 2
    message = capsys.readouterr().err.strip()
    assert str(grid_file) in message and "design.parameters.policy.remittance_fee" in message
    assert "differs from the experiment being resumed" in message
    grid_file.write_text(GRID.replace("households: 100", "households: 120"))
    assert cli.main(["sweep", str(grid_file), "--resume", "--out", str(folder)]) == 2
    assert "set.simulation.households" in capsys.readouterr().err


def test_a_folder_is_never_overwritten_and_resume_needs_a_plan(grid_file, tmp_path, capsys):
    folder = tmp_path / "out"
    prepared_folder(grid_file, folder)
    assert cli.main(["sweep", str(grid_file), "--out", str(folder)]) == 2
    assert "already holds a sweep; add --resume" in capsys.readouterr().err
    empty = tmp_path / "empty"
    empty.mkdir()
    assert cli.main(["sweep", str(grid_file), "--resume", "--out", str(empty)]) == 2
    assert "nothing to resume" in capsys.readouterr().err


def synthetic_runs(plan, effects: dict[int, tuple[float, float, float]]) -> pd.DataFrame:
    """Runs whose welfare is the base's noise plus a fixed effect per point: present values
    over one person-year (PPP $), so each party's equivalent variation is the effect."""
    noise = np.random.default_rng(0).normal(size=(100, 3))
    rows = []
    for run in plan.runs:
        effect = effects.get(run.point, (0.0, 0.0, 0.0))
        welfare = 1000.0 + noise[run.replication] * 10.0 + np.asarray(effect)
        parties = ("migrants", "origin", "destination")
        rows.append(
            {
                **run.identifiers(),
                **{f"pv_{p}_end": w for p, w in zip(parties, welfare, strict=True)},
                **{f"years_{p}_end": 1.0 for p in parties},
                "welfare_migrants": welfare[0],
                "emigration_rate": 0.1 + welfare[0] / 1e5,
                "timing_run_s": 0.1,
            }
        )
    return pd.DataFrame(rows)


def test_point_summary_pairs_replications_and_gives_verdicts(grid_file):
    grid_file.write_text(GRID.replace("replications: 2", "replications: 8"))
    sweep = load_sweep(grid_file)
    effects = {
        1: (100.0, 100.0, 100.0),
        2: (-100.0, 100.0, 100.0),
        3: (100.0, 100.0, 0.0),
        4: (5.0, -3.0, 1.0),
    }
    runs = synthetic_runs(sweep.plan(), effects)
    points = point_summary(runs, sweep.parameters, margin=25.0)
    # The rule of run.py compare, with the margin: 0 and +-5 dollars are negligible.
    assert points["verdict"].tolist() == [
        "reference",
        "triple win",
        "loss",
        "uncertain",
        "negligible",
    ]
    assert points.loc[3, ["outcome_migrants", "outcome_destination"]].tolist() == [
        "gain",
        "negligible",
    ]
    # Paired on common noise, the changes are the effects exactly, with zero-width intervals.
    assert points["change_origin"].tolist() == pytest.approx([0, 100, 100, 100, -3])
    assert points.loc[4, "change_migrants_high"] == pytest.approx(5.0)
    # Without a margin the small changes are decided: gain, loss, gain.
    strict = point_summary(runs, sweep.parameters, margin=0.0)
    assert strict.loc[4, "verdict"] == "loss" and strict.loc[3, "verdict"] == "uncertain"
    assert points["emigration_rate"].iloc[1] == pytest.approx(
        runs[runs.point == 1].emigration_rate.mean()
    )
    assert "timing_run_s" not in points


@pytest.mark.parametrize(
    ("design", "files"),
    [
        (
            "kind: lhs\n  samples: 16\n  parameters:\n    migration.propensity: {distribution: "
            "uniform, low: 0.03, high: 0.09}\n",
            {"distributions.png", "parameters.png"},
        ),
        (
            "kind: grid\n  parameters:\n    policy.circular_reentry: [true, false]\n",
            {"welfare.png"},
        ),
        (
            "kind: grid\n  parameters:\n    policy.remittance_fee: [0.01, 0.1]\n"
            "    policy.visa_years: [2, 4]\n    policy.enforcement: [0.0, 0.1]\n",
            {"heatmaps-1.png", "levels-1.png", "heatmaps-2.png", "levels-2.png"},
        ),
        (
            f"kind: scenarios\n  scenarios: [{ROOT / 'scenarios/no_migration.yaml'}]\n",
            {"welfare.png"},
        ),
    ],
    ids=["lhs", "one-lever", "three-levers", "scenarios"],
)
def test_each_design_gets_its_figures(tmp_path, design, files):
    path = tmp_path / "exp.yaml"
    path.write_text(f"base: {BASELINE}\nreplications: 3\ndesign:\n  {design}")
    sweep = load_sweep(path)
    runs = synthetic_runs(sweep.plan(), {p.index: (0.1, -0.1, 0.0) for p in sweep.points[1:]})
    points, figures = write_outputs(tmp_path, sweep, runs)
    assert {f["file"] for f in figures} == files
    assert all((tmp_path / name).stat().st_size > 10_000 for name in files)
    assert len(pd.read_parquet(tmp_path / "points.parquet")) == len(sweep.points) == len(points)


def test_unreachable_scheduler_exits_2_and_leaves_no_folder(
    grid_file, tmp_path, capsys, monkeypatch
):
    from experiments.engine import cluster

    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT_S", 1)
    folder = tmp_path / "out"
    code = cli.main(
        ["sweep", str(grid_file), "--scheduler", "tcp://127.0.0.1:9", "--out", str(folder)]
    )
    assert code == 2
    message = capsys.readouterr().err.strip().splitlines()[-1]
    assert message.startswith(
        "error: --scheduler: cannot reach a Dask scheduler at 'tcp://127.0.0.1:9'"
    )
    assert not folder.exists()


def test_resume_without_out_finds_the_experiments_latest_folder(
    grid_file, tmp_path, capsys, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["sweep", str(grid_file), "--resume"]) == 2
    assert "no folder of 'grid' under results/sweep" in capsys.readouterr().err
    folder = Path("results/sweep/grid-20260101-000000")
    prepared_folder(grid_file, folder)
    grid_file.write_text(GRID.replace("seed: 9", "seed: 10"))
    assert cli.main(["sweep", str(grid_file), "--resume"]) == 2
    message = capsys.readouterr().err
    assert f"seed: differs from the experiment being resumed in {folder}" in message


def test_workers_on_another_numpy_code_path_are_warned_about(capsys):
    """A worker someone started without run.py's setting may round a last bit otherwise."""
    from experiments.engine.cluster import check_code_paths
    from model.numerics import simd_in_use

    class Workers:
        def __init__(self, paths):
            self.paths = paths

        def run(self, function):
            assert function is simd_in_use
            return self.paths

    mine = simd_in_use()
    same = check_code_paths(Workers({"tcp://a": mine, "tcp://b": mine}))
    assert same == {"tcp://a": mine, "tcp://b": mine}
    assert capsys.readouterr().err == ""
    check_code_paths(Workers({"tcp://a": mine, "tcp://b": [*mine, "X86_V4"]}))
    warning = capsys.readouterr().err
    assert "1 of 2 workers compute on another numpy code path" in warning
    assert "NPY_DISABLE_CPU_FEATURES=" in warning and "docs/cluster.md" in warning
