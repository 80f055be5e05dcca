"""Sensitivity files, designs, pairing, replicate means, indices and PRIM, without a cluster.

Runs are evaluated in this process with the engine's own task function, so these tests check
the plan, the mapping of samples to values, the pairing of scenario and baseline runs, the
analysis and scenario discovery on test models with known answers, and one small simulation.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from experiments import cli
from experiments.designs import Distribution
from experiments.engine.tasks import run_chunk
from experiments.sensitivity.discovery import discover
from experiments.sensitivity.indices import output_indices
from experiments.sensitivity.parameters import TAIL, Parameter
from experiments.sensitivity.plan import load_sensitivity
from experiments.sensitivity.points import noise_shares, point_table
from experiments.statistics import estimate
from experiments.verdicts import outcome, verdict_of
from experiments.welfare import variation
from tests.conftest import ROOT

BASELINE = ROOT / "scenarios" / "baseline.yaml"
TOY = """model: toy_welfare
replications: 3
seed: 5
parameters:
  w: {role: world, distribution: uniform, low: 0, high: 1}
  p1: {role: policy, distribution: uniform, low: 0, high: 1}
  p2: {role: policy, distribution: triang, low: 0, mode: 0.5, high: 1}
  switch: {role: policy, distribution: categorical, values: [false, true]}
method: {kind: sobol, samples: 128}
outputs: {welfare: true, indicators: [emigration_rate]}
"""
LINEAR = """model: linear
replications: 1
seed: 1
parameters:
  x1: {role: policy, distribution: uniform, low: 0, high: 1}
  x2: {role: policy, distribution: uniform, low: 0, high: 1}
  x3: {role: policy, distribution: uniform, low: 0, high: 1}
  x4: {role: policy, distribution: uniform, low: 0, high: 1}
method: {kind: morris, samples: 8, levels: 4, resamples: 200}
outputs: {welfare: false, indicators: [y]}
"""


def write(tmp_path: Path, text: str, name: str = "experiment.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def evaluate(sensitivity) -> pd.DataFrame:
    """Every run of the plan, in this process, with the engine's task function."""
    plan = sensitivity.plan()
    return pd.DataFrame(run_chunk(plan.scenarios, plan.runs, False, plan.evaluator).rows)


def test_values_follow_the_integer_categorical_and_tail_rules():
    uniform = Distribution(distribution="uniform", low=1, high=4)
    whole = Parameter("policy.visa_years", "policy", None, "int", distribution=uniform)
    unit = (np.arange(4000) + 0.5) / 4000
    counts = pd.Series(whole.values(unit)).value_counts().sort_index()
    assert list(counts.index) == [1, 2, 3, 4] and set(counts) == {1000}
    switch = Parameter(
        "policy.family_reunification", "policy", None, "bool", categories=(False, True)
    )
    assert switch.values(np.array([0.0, 0.49, 0.5, 1.0])) == [False, False, True, True]
    normal = Distribution(distribution="normal", mean=0.0, sd=1.0)
    free = Parameter("x", "world", None, "float", distribution=normal)
    low, high = free.values(np.array([0.0, 1.0]))
    assert low == pytest.approx(-high) and high == pytest.approx(3.0902, abs=1e-4)
    assert TAIL == 0.001
    bounded = Parameter(
        "x", "world", None, "float", distribution=normal.model_copy(update={"low": -1.0})
    )
    assert bounded.values(np.array([0.0]))[0] == -1.0


def test_baselines_are_shared_by_points_of_the_same_world(tmp_path):
    toy = load_sensitivity(write(tmp_path, TOY))
    scenario, baseline = toy.pairs[:, 0], toy.pairs[:, 1]
    per_base_row = len(toy.points) // 128  # A, AB_w, AB_p1, AB_p2, AB_switch, B
    assert per_base_row == 6
    # Saltelli rows that move a lever keep the world of row A, hence its baseline.
    rows = toy.pairs.reshape(128, per_base_row, 2)
    assert (rows[:, 2, 1] == rows[:, 0, 1]).all() and (rows[:, 3, 1] == rows[:, 0, 1]).all()
    # AB_w takes B's only world parameter, so B's world and baseline.
    assert (rows[:, 1, 1] != rows[:, 0, 1]).all() and (rows[:, 1, 1] == rows[:, 5, 1]).all()
    # AB_switch is the very configuration of A where B's switch falls in A's category.
    switch = np.array([point["switch"] for point in toy.points]).reshape(128, per_base_row)
    same = switch[:, 4] == switch[:, 0]
    assert (rows[same, 4, 0] == rows[same, 0, 0]).all() and 0 < same.sum() < 128
    assert len(set(scenario)) == len(toy.points) - same.sum()
    assert len(set(baseline)) == 2 * 128  # the worlds of A and B
    for config in toy.configs:
        if config.role == "baseline":
            assert set(config.values) == {"w"}
    levers_only = load_sensitivity(write(tmp_path, TOY.replace("role: world", "role: policy")))
    assert len(set(levers_only.pairs[:, 1])) == 1  # one baseline, shared by every point
    plan = toy.plan()
    assert [run.run_id for run in plan.runs] == list(range(len(plan.runs)))
    assert {run.spawn_key for run in plan.runs} == {(0,), (1,), (2,)}


def test_paired_changes_and_the_known_triple_win_box(tmp_path):
    toy = load_sensitivity(write(tmp_path, TOY))
    points = point_table(toy, evaluate(toy))
    p1, p2 = points["p1"].to_numpy(), points["p2"].to_numpy()
    # The common noise and the world's own terms cancel in the paired changes.
    np.testing.assert_allclose(points["change_migrants"], p1 * (p1 - 0.5), atol=1e-12)
    np.testing.assert_allclose(points["change_origin"], p2 * (p2 - 0.3), atol=1e-12)
    expected = ((p1 > 0.5) & (p2 > 0.3)).astype(float)
    np.testing.assert_array_equal(points["triple_win"], expected)
    noise = noise_shares(toy, points).set_index("output")["noise_share"]
    assert noise["change_migrants"] < 1e-20 and 1e-6 < noise["change_destination"] < 0.01
    found = discover(toy, points)
    # P(p1 > 0.5) P(p2 > 0.3) = 0.5 x (1 - 0.3^2 / 0.5) = 0.41 under the file's distributions
    chance = found.probability
    assert chance["low"] < 0.41 < chance["high"] and chance["high"] - chance["low"] < 0.15
    first = found.boxes[found.boxes["box"] == 1].set_index("parameter")
    assert set(first.index) == {"p1", "p2"}
    assert first.loc["p1", "low"] == pytest.approx(0.5, abs=0.05)
    assert first.loc["p2", "low"] == pytest.approx(0.3, abs=0.05)
    assert found.summary[0]["density"] == 1.0 and found.summary[0]["coverage"] > 0.9


def test_morris_recovers_the_slopes_of_a_linear_function(tmp_path):
    linear = load_sensitivity(write(tmp_path, LINEAR))
    indices, skipped = output_indices(linear, point_table(linear, evaluate(linear)))
    assert not skipped
    full = indices[(indices["design"] == "N") & (indices["index"] == "mu_star")]
    values = full.set_index("factor")["value"]
    np.testing.assert_allclose(values[["x1", "x2", "x3", "x4"]], [1, 2, 4, 0], atol=1e-12)
    sigma = indices[(indices["design"] == "N") & (indices["index"] == "sigma")]
    np.testing.assert_allclose(sigma["value"], 0, atol=1e-12)
    half = indices[indices["design"] == "N/2"]
    assert set(half["size"]) == {4} and len(half) == len(full) * 3


def test_a_tiny_simulation_pairs_each_point_with_its_baseline(tmp_path):
    text = f"""base: {BASELINE}
set: {{simulation.households: 60}}
years: 4
replications: 2
seed: 11
parameters:
  migration.propensity: {{role: world, distribution: uniform, low: 0.03, high: 0.09}}
  policy.remittance_fee: {{role: policy, distribution: uniform, low: 0.01, high: 0.1}}
  policy.circular_reentry: {{role: policy, distribution: categorical}}
method: {{kind: morris, samples: 2, levels: 4, resamples: 50}}
"""
    tiny = load_sensitivity(write(tmp_path, text))
    runs = evaluate(tiny)
    assert set(runs["role"]) == {"scenario", "baseline"}
    baselines = runs[runs["role"] == "baseline"]
    assert baselines["policy.remittance_fee"].isna().all()
    points = point_table(tiny, runs)
    first = points.iloc[0]
    # Each party's change is its equivalent variation against the paired baseline run, read
    # from the two runs' welfare records by experiments.welfare, as run.py compare reads it.
    records = runs.set_index(["point", "replication"])
    for party in ("migrants", "origin", "destination"):
        changes = [
            variation(
                records.loc[(first["baseline_config"], r)].to_dict(),
                records.loc[(first["scenario_config"], r)].to_dict(),
                party,
            )
            for r in (0, 1)
        ]
        assert np.isfinite(changes).all()
        assert first[f"change_{party}"] == pytest.approx(np.mean(changes), rel=1e-12)
        assert first[f"outcome_{party}"] == outcome(estimate(changes), tiny.margin)
    assert tiny.margin == 25.0
    expected = verdict_of(first[f"outcome_{p}"] for p in ("migrants", "origin", "destination"))
    assert first["verdict"] == expected
    assert set(points["verdict"]) <= {"triple win", "loss", "negligible", "uncertain"}
    means = points[["change_migrants", "change_origin", "change_destination"]].to_numpy()
    np.testing.assert_array_equal(points["triple_win"], (means > 25.0).all(axis=1))


SOBOL, FAST = "method: {kind: sobol, samples: 128}", "method: {kind: fast, samples: 128}"
BAD_FILES = [
    # (text replaced, replacement, key named, words in the message)
    ("role: world", "role: wrld", "parameters.w.role", "world"),
    (SOBOL, "method: {kind: morris, samples: 4, levels: 3}", "method.levels", "even"),
    ("p2: {role", "p2: {group: g, role", "parameters.p2.group", "morris and sobol only"),
    ("model: toy_welfare", "model: nonesuch", "model", "registered"),
    ("model: toy_welfare", f"model: toy_welfare\nbase: {BASELINE}", "base", "not both"),
    ("values: [false, true]", "values: [false]", "parameters.switch", "at least two"),
    ("mode: 0.5, high: 1", "mode: 1.5, high: 1", "parameters.p2", "between low and high"),
]


@pytest.mark.parametrize(("old", "new", "key", "words"), BAD_FILES)
def test_bad_files_name_the_file_and_key(tmp_path, capsys, old, new, key, words):
    text = TOY.replace(old, new)
    if key == "parameters.p2.group":
        text = text.replace(SOBOL, FAST)
    path = write(tmp_path, text)
    assert cli.main(["sensitivity", str(path), "--out", str(tmp_path / "out")]) == 2
    message = capsys.readouterr().err.strip()
    assert message.startswith(f"error: {path}: {key}"), message
    assert "\n" not in message and words in message
    assert not (tmp_path / "out").exists()


def test_a_real_parameter_must_exist_and_suit_its_distribution(tmp_path, capsys):
    text = f"""base: {BASELINE}
parameters:
  policy.family_reunification: {{role: policy, distribution: uniform, low: 0, high: 1}}
method: {{kind: morris, samples: 4}}
"""
    path = write(tmp_path, text)
    assert cli.main(["sensitivity", str(path)]) == 2
    assert "takes distribution: categorical" in capsys.readouterr().err
    path.write_text(text.replace("policy.family_reunification", "policy.nonesuch"))
    assert cli.main(["sensitivity", str(path)]) == 2
    err = capsys.readouterr().err
    assert "parameters.policy.nonesuch" in err and "allowed" in err
    changed = text.replace("uniform, low: 0, high: 1", "categorical")
    path.write_text(changed + "outputs: {indicators: [nonesuch]}\n")
    assert cli.main(["sensitivity", str(path)]) == 2
    assert "outputs.indicators.0: 'nonesuch' is not a canonical" in capsys.readouterr().err


def test_a_sobol_size_not_a_power_of_two_is_warned_about(tmp_path):
    toy = load_sensitivity(write(tmp_path, TOY.replace("samples: 128", "samples: 100")))
    assert any("not a power of two" in note and "64 or 128" in note for note in toy.notes)


def test_groups_move_and_are_reported_as_one_factor(tmp_path):
    grouped = LINEAR.replace("x1: {role", "x1: {group: pair, role").replace(
        "x2: {role", "x2: {group: pair, role"
    )
    linear = load_sensitivity(write(tmp_path, grouped))
    assert len(linear.points) == 8 * 4  # three factors: a trajectory has four points
    indices, _ = output_indices(linear, point_table(linear, evaluate(linear)))
    full = indices[(indices["design"] == "N") & (indices["index"] == "mu_star")]
    values = full.set_index("factor")["value"]
    assert list(values.index) == ["pair", "x3", "x4"]
    np.testing.assert_allclose(values[["x3", "x4"]], [4, 0], atol=1e-12)
    assert values["pair"] > 0


@pytest.mark.parametrize(
    ("name", "runs", "kind"),
    [("morris_screening", 4608, "morris"), ("sobol_triple_win", 13824, "sobol")],
)
def test_the_shipped_files_plan_the_runs_their_comments_count(name, runs, kind):
    shipped = load_sensitivity(ROOT / "experiments" / f"{name}.yaml")
    assert shipped.experiment.method.kind == kind and not shipped.notes
    assert len(shipped.plan().runs) == runs
    assert f"{runs:,}" in (ROOT / "experiments" / f"{name}.yaml").read_text()
    roles = {p.role for p in shipped.parameters}
    assert roles == {"world", "policy"}


def test_the_screening_covers_every_behavioural_parameter_and_every_lever():
    """The screening's claim, kept true as parameters are added: each field of the behavioural
    sections is a world parameter and each policy lever a policy parameter."""
    from model.scenario.policy import levers
    from model.scenario.schema import Scenario

    shipped = load_sensitivity(ROOT / "experiments" / "morris_screening.yaml")
    screened = {p.path: p.role for p in shipped.parameters}
    behaviour = ("households", "migration", "remittances", "skills", "integration", "returns")
    expected = {
        f"{section}.{field}": "world"
        for section in behaviour
        for field in Scenario.model_fields[section].annotation.model_fields
    }
    expected |= {f"policy.{name}": "policy" for name in levers()}
    assert screened == expected


def test_prim_reports_range_whole_number_and_category_limits():
    from experiments.sensitivity.discovery import find_boxes
    from experiments.sensitivity.schema import Discovery

    rng = np.random.default_rng(0)
    size = 3000
    x = pd.DataFrame(
        {
            "share": rng.random(size),
            "count": rng.integers(0, 5, size),
            "regime": rng.choice(["open", "closed", "mixed"], size).astype(object),
        }
    )
    y = ((x["share"] > 0.5) & (x["count"] >= 2) & (x["regime"] == "open")).to_numpy(float)
    found = find_boxes(x, y, Discovery())
    first = found.boxes[found.boxes["box"] == 1].set_index("parameter")
    assert first.loc["share", "low"] == pytest.approx(0.5, abs=0.05)
    assert first.loc["count", "low"] == pytest.approx(2, abs=0.5)
    assert first.loc["regime", "categories"] == "open"
    assert found.summary[0]["density"] > 0.95 and found.summary[0]["coverage"] > 0.9
