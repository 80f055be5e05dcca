"""Experiment files and designs: points, seeds, sampling rules, and errors that name file and key."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from scipy import stats

from experiments import cli
from experiments.designs import Distribution, grid_points, sampled_points, sobol_note, unit_sample
from experiments.engine.runner import chunk_size, chunked
from experiments.seeds import replication_seed
from experiments.sweep.plan import load_sweep
from tests.conftest import ROOT

BASELINE = ROOT / "scenarios" / "baseline.yaml"


def experiment(folder: Path, body: str, name: str = "exp.yaml") -> Path:
    path = folder / name
    path.write_text(f"base: {BASELINE}\nset:\n  simulation.households: 100\nyears: 5\n{body}")
    return path


GRID = """replications: 3
seed: 11
design:
  kind: grid
  parameters:
    policy.remittance_fee: [0.01, 0.1]
    policy.visa_years: [2, 4, 6]
"""


def test_grid_points_are_the_cartesian_product_last_fastest():
    points = grid_points({"a": [1, 2], "b": ["x", "y", "z"]})
    assert points == [{"a": a, "b": b} for a in (1, 2) for b in ("x", "y", "z")]


def test_plan_has_reference_then_grid_with_common_seeds(tmp_path):
    sweep = load_sweep(experiment(tmp_path, GRID))
    plan = sweep.plan()
    assert [p.index for p in sweep.points] == list(range(7))
    assert sweep.points[0].values == {} and sweep.points[0].name == "base"
    assert sweep.points[1].values == {"policy.remittance_fee": 0.01, "policy.visa_years": 2}
    assert isinstance(sweep.points[1].values["policy.visa_years"], int)
    assert [r.run_id for r in plan.runs] == list(range(21))
    for run in plan.runs:
        assert run.run_id == run.point * 3 + run.replication
        seed = replication_seed(11, run.replication)
        assert (run.entropy, run.spawn_key) == (seed.entropy, seed.spawn_key)
    reference = [r for r in plan.runs if r.point == 0]
    assert all(r.overrides == {} for r in reference)
    # The reference row carries the base scenario's own values of the varied levers.
    assert reference[0].labels["policy.remittance_fee"] == 0.062
    assert plan.scenarios["base"]["simulation"] == {
        "households": 100,
        "years": 5,
        "evaluation_years": 5,
        "replications": 10,
    }


def test_plan_fingerprint_changes_with_a_value(tmp_path):
    first = load_sweep(experiment(tmp_path, GRID)).plan().fingerprint()
    again = load_sweep(experiment(tmp_path, GRID)).plan().fingerprint()
    changed = load_sweep(experiment(tmp_path, GRID.replace("0.1]", "0.2]"))).plan().fingerprint()
    assert first == again != changed


def test_lhs_stratifies_every_dimension_and_follows_the_seed():
    unit = unit_sample("lhs", 3, 50, seed=4)
    for column in unit.T:
        assert sorted(np.floor(column * 50).astype(int)) == list(range(50))
    assert np.array_equal(unit, unit_sample("lhs", 3, 50, seed=4))
    assert not np.array_equal(unit, unit_sample("lhs", 3, 50, seed=5))


def test_sobol_power_of_two_is_balanced_and_others_warned():
    unit = unit_sample("sobol", 2, 64, seed=1)
    for column in unit.T:
        assert sorted(np.floor(column * 64).astype(int)) == list(range(64))
    assert sobol_note(64) is None
    assert "64 or 128" in sobol_note(100)


def test_integer_rule_makes_every_whole_number_equally_likely():
    uniform = Distribution(distribution="uniform", low=3, high=10)
    points = sampled_points("lhs", {"n": uniform}, {"n"}, 80, seed=2)
    counts = Counter(p["n"] for p in points)
    assert counts == {year: 10 for year in range(3, 11)}
    assert all(isinstance(p["n"], int) for p in points)


def test_distributions_map_quantiles_through_their_inverse_cdf():
    quantiles = (np.arange(2000) + 0.5) / 2000
    normal = Distribution(distribution="normal", mean=1.0, sd=0.5, low=0.5, high=2.5)
    values = normal.ppf(quantiles)
    assert values.min() >= 0.5 and values.max() <= 2.5
    truncated = stats.truncnorm((0.5 - 1.0) / 0.5, (2.5 - 1.0) / 0.5, loc=1.0, scale=0.5)
    assert np.median(values) == pytest.approx(truncated.median(), abs=1e-3)
    lognormal = Distribution(distribution="lognormal", median=4.0, sigma=0.3)
    assert np.median(lognormal.ppf(quantiles)) == pytest.approx(4.0, rel=1e-3)
    triangle = Distribution(distribution="triangular", low=0.0, mode=0.2, high=1.0)
    assert triangle.ppf(np.array([0.2]))[0] == pytest.approx(0.2)


def test_sampled_plan_validates_points_and_records_the_integer_rule(tmp_path):
    body = """replications: 2
seed: 3
design:
  kind: lhs
  samples: 16
  parameters:
    migration.propensity: {distribution: uniform, low: 0.03, high: 0.09}
    integration.naturalisation_years: {distribution: uniform, low: 3, high: 6}
"""
    sweep = load_sweep(experiment(tmp_path, body))
    assert len(sweep.points) == 17 and sweep.runs == 34
    fees = [p.values["migration.propensity"] for p in sweep.points[1:]]
    assert all(0.03 <= f <= 0.09 for f in fees)
    assert "whole-number" in sweep.design_record()["integer_rule"]


def test_scenarios_design_runs_each_file_as_a_point(tmp_path):
    listed = ["no_migration.yaml", "cheap_remittances.yaml"]
    body = "replications: 2\ndesign:\n  kind: scenarios\n  scenarios:\n" + "".join(
        f"    - {ROOT / 'scenarios' / name}\n" for name in listed
    )
    sweep = load_sweep(experiment(tmp_path, body))
    plan = sweep.plan()
    assert [p.name for p in sweep.points] == ["base", "no_migration", "cheap_remittances"]
    assert set(plan.scenarios) == {"base", "1", "2"}
    # The experiment's size and length apply to every listed scenario.
    assert plan.scenarios["1"]["simulation"]["households"] == 100
    assert (
        plan.scenarios["2"]["policy"]["remittance_fee"]
        != plan.scenarios["base"]["policy"]["remittance_fee"]
    )


def test_chunks_last_seconds_but_leave_work_for_every_worker():
    assert chunk_size(runs=1000, workers=2, run_seconds=0.2) == 5
    assert chunk_size(runs=40, workers=2, run_seconds=0.01) == 3
    assert chunk_size(runs=5, workers=8, run_seconds=0.01) == 1
    assert [len(c) for c in chunked(list(range(7)), 3)] == [3, 3, 1]


@pytest.mark.parametrize(
    ("body", "key", "allowed"),
    [
        (
            "design:\n  kind: grid\n  parameters:\n    policy.remitance_fee: [0.1]\n",
            "design.parameters.policy.remitance_fee",
            "allowed: circular_reentry",
        ),
        (
            "design:\n  kind: grid\n  parameters:\n    policy.remittance_fee: [0.1, 0.9]\n",
            "design.parameters.policy.remittance_fee",
            "at most 0.5",
        ),
        (
            "design:\n  kind: grid\n  parameters:\n    origins.mars.gdp_per_capita: [1000]\n",
            "design.parameters.origins.mars.gdp_per_capita",
            "declared: origin",
        ),
        (
            "design:\n  kind: lhs\n  samples: 4\n  parameters:\n    policy.circular_reentry:"
            " {distribution: uniform, low: 0, high: 1}\n",
            "design.parameters.policy.circular_reentry",
            "cannot be sampled",
        ),
        (
            "design:\n  kind: lhs\n  parameters:\n    policy.remittance_fee:"
            " {distribution: uniform, low: 0, high: 0.1}\n",
            "design.samples",
            "needs its size",
        ),
        (
            "design:\n  kind: lhs\n  samples: 4\n  parameters:\n    policy.remittance_fee:"
            " {distribution: uniform, low: 0.01}\n",
            "design.parameters.policy.remittance_fee",
            "needs high",
        ),
        (
            "design:\n  kind: lhs\n  samples: 8\n  parameters:\n    policy.remittance_fee:"
            " {distribution: normal, mean: 0.3, sd: 0.5}\n",
            "design.parameters.policy.remittance_fee",
            "is not a valid scenario",
        ),
        ("design:\n  kind: cube\n", "design.kind", "must be one of"),
        (
            "replications: 0\ndesign:\n  kind: grid\n  parameters:\n    policy.visa_years: [2]\n",
            "replications",
            "at least 1",
        ),
        (
            "design:\n  kind: grid\n  parameters:\n    policy.visa_years: [2]\n  colour: red\n",
            "design.colour",
            "allowed keys here",
        ),
        (
            "set:\n  policy.visa_year: 2\ndesign:\n  kind: grid\n  parameters:\n"
            "    policy.visa_years: [2]\n",
            "set.policy.visa_year",
            "not a key of policy",
        ),
        (
            "design:\n  kind: grid\n  parameters:\n    policy.visa_years: [2, 2]\n",
            "design.parameters.policy.visa_years",
            "listed twice",
        ),
    ],
)
def test_bad_experiment_exits_2_naming_file_and_key(tmp_path, capsys, body, key, allowed):
    path = tmp_path / "bad.yaml"
    path.write_text(f"base: {BASELINE}\n{body}")
    assert cli.main(["sweep", str(path), "--out", str(tmp_path / "out")]) == 2
    message = capsys.readouterr().err.strip().splitlines()[-1]
    assert str(path) in message and key in message and allowed in message, message
    assert not (tmp_path / "out").exists()


def test_missing_base_and_missing_file_exit_2(tmp_path, capsys):
    path = tmp_path / "exp.yaml"
    path.write_text("base: nowhere.yaml\ndesign:\n  kind: grid\n  parameters:\n    a.b: [1]\n")
    assert cli.main(["sweep", str(path)]) == 2
    assert "base: no such scenario file" in capsys.readouterr().err
    assert cli.main(["sweep", str(tmp_path / "none.yaml")]) == 2
    assert "no such experiment file" in capsys.readouterr().err


def test_shipped_experiments_are_valid():
    grid = load_sweep(ROOT / "experiments" / "fee_by_quota_grid.yaml")
    assert grid.parameters == ["policy.remittance_fee", "policy.temporary_quota"]
    assert len(grid.points) == 17
    lhs = load_sweep(ROOT / "experiments" / "uncertainty_lhs.yaml")
    assert lhs.experiment.design.kind == "lhs" and len(lhs.points) == 65
    years = {p.values["integration.naturalisation_years"] for p in lhs.points[1:]}
    assert years <= set(range(3, 11)) and len(years) == 8


def test_experiment_files_extend_others_and_sobol_sizes_are_checked(tmp_path):
    parent = experiment(
        tmp_path,
        "replications: 2\ndesign:\n  kind: sobol\n  samples: 16\n  parameters:\n"
        "    migration.propensity: {distribution: uniform, low: 0.03, high: 0.09}\n",
        "parent.yaml",
    )
    child = tmp_path / "child.yaml"
    child.write_text(f"extends: {parent.name}\ndesign:\n  samples: 12\n")
    sweep = load_sweep(child)
    assert sweep.name == "child" and sweep.experiment.replications == 2
    assert len(sweep.points) == 13
    assert sweep.notes and "not balanced" in sweep.notes[0]
    assert not load_sweep(parent).notes
