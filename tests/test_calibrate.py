"""``calibrate``: the calibration file, the estimation on a test model, resume, outputs, and the
posterior's uses (``compare --posterior``, ``sensitivity``'s posterior distribution)."""

from __future__ import annotations

import io
import json
import math
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

from experiments.calibration import files
from experiments.calibration.posterior import Posterior, draw, read_posterior, weighted_quantile
from experiments.calibration.sampler import SeededDaskSampler
from experiments.calibration.targets import UNDEFINED_DISTANCE, BandDistance, select_targets
from experiments.calibration.testmodels import X_TRUE, Y_TRUE
from experiments.calibration.uncertainty import probability, replication_draws
from experiments.cli import main
from model.errors import InputError
from tests.conftest import ROOT

TOY = """\
name: toy
model: linear_targets
seed: 11
targets: [remittances_to_gdp, emigration_rate, origin_poverty_rate]
priors:
  x: {distribution: uniform, low: 0.0, high: 1.0}
  y: {distribution: triangular, low: 0.0, mode: 0.5, high: 1.0}
abc: {population: 20, generations: 3}
predictive: {draws: 8}
"""


def json_main(argv: list[str]) -> tuple[int, dict | None]:
    """Run the command line, returning its status and the JSON document it printed."""
    capture = pytest.MonkeyPatch()
    stdout = io.StringIO()
    capture.setattr(sys, "stdout", stdout)
    try:
        status = main(argv)
    finally:
        capture.undo()
    text = stdout.getvalue()
    return status, json.loads(text) if text.strip() else None


@pytest.fixture(scope="module")
def toy_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("toy") / "toy.yaml"
    path.write_text(TOY)
    return path


@pytest.fixture(scope="module")
def calibrated(toy_file: Path, tmp_path_factory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("calibrated") / "out"
    status, document = json_main(
        ["calibrate", str(toy_file), "--workers", "2", "--out", str(folder), "--json"]
    )
    assert status == 0 and document is not None
    return folder, document


def test_posterior_weights_sum_to_one_and_particles_lie_in_the_priors(calibrated) -> None:
    folder, document = calibrated
    posterior = pd.read_parquet(files.POSTERIOR.path(folder))
    assert len(posterior) == 20 and list(posterior.columns) == ["x", "y", "weight"]
    assert posterior["weight"].sum() == pytest.approx(1.0) and (posterior["weight"] > 0).all()
    assert posterior[["x", "y"]].to_numpy().min() >= 0.0
    assert posterior[["x", "y"]].to_numpy().max() <= 1.0
    # The test model meets every band at (0.3, 0.6): the posterior moved there from the prior.
    mean_x = float(posterior["x"] @ posterior["weight"])
    assert abs(mean_x - X_TRUE) < 0.15 and abs(document["posterior"]["y"]["mean"] - Y_TRUE) < 0.2
    diagnostics = pd.read_parquet(files.DIAGNOSTICS.path(folder))
    assert (
        list(diagnostics["generation"])
        == [0, 1, 2]
        == [d["generation"] for d in document["diagnostics"]]
    )
    assert (np.diff(diagnostics["epsilon"]) < 0).all()
    assert ((diagnostics["acceptance_rate"] > 0) & (diagnostics["acceptance_rate"] <= 1)).all()
    assert (diagnostics["effective_sample_size"] <= 20 + 1e-9).all()
    assert set(document["predictive_checks"]) == {
        "remittances_to_gdp",
        "emigration_rate",
        "origin_poverty_rate",
    }
    assert len(pd.read_parquet(files.PREDICTIVE.path(folder))) == 8
    manifest = json.loads(files.MANIFEST.path(folder).read_text())
    assert manifest["command"] == "calibrate" and manifest["seed"] == 11
    for item in (files.MARGINALS_FIGURE, files.PAIRS_FIGURE, files.PREDICTIVE_FIGURE):
        assert item.path(folder).stat().st_size > 10_000


def test_report_page_of_a_calibration(calibrated) -> None:
    folder, _ = calibrated
    assert main(["report", str(folder)]) == 0
    page = (folder / "report.html").read_text()
    assert page.count("<img") == 4 and "Posterior predictive checks" in page
    # Every file of the folder is listed with what it holds, the figures in their subfolder too.
    for item in files.FILES:
        assert f"<code>{item.name}</code>: " in page


def test_interrupted_then_resumed_finishes_the_same_generations(
    calibrated, tmp_path, monkeypatch
) -> None:
    """Cut in generation 1 and resumed on one worker with batches of 3: the same posterior as
    the uninterrupted run on two workers with batches of 1 (seeds depend on the generation and
    the evaluation's number only, never on workers, batches or timing)."""
    folder, document = calibrated
    toy_file = tmp_path / "toy.yaml"
    toy_file.write_text(TOY + "execution: {batch_size: 3}\n")
    out = tmp_path / "cut"
    original = SeededDaskSampler.sample_until_n_accepted

    def interrupted(self, n, simulate_one, t, **kwargs):
        if t == 1:  # Ctrl-C while generation 1 is being sampled
            raise KeyboardInterrupt
        return original(self, n, simulate_one, t, **kwargs)

    monkeypatch.setattr(SeededDaskSampler, "sample_until_n_accepted", interrupted)
    assert main(["calibrate", str(toy_file), "--workers", "2", "--out", str(out)]) == 130
    assert not files.POSTERIOR.path(out).exists() and files.HISTORY.path(out).is_file()
    monkeypatch.setattr(SeededDaskSampler, "sample_until_n_accepted", original)
    status, resumed = json_main(
        ["calibrate", str(toy_file), "--workers", "1", "--out", str(out), "--resume", "--json"]
    )
    assert status == 0 and resumed is not None
    assert resumed["generations"] == document["generations"] == 3
    assert resumed["generations_this_session"] == 2
    pd.testing.assert_frame_equal(
        pd.read_parquet(files.POSTERIOR.path(out)), pd.read_parquet(files.POSTERIOR.path(folder))
    )
    plan = json.loads(files.PLAN.path(out).read_text())
    assert len(plan["sessions"]) == 2


BAD_FILES = {
    "unknown key": ({"abc": {"population": 30, "generation": 3}}, "abc.generation"),
    "range": ({"abc": {"population": 3}}, "abc.population"),
    "prior": ({"priors": {"x": {"distribution": "uniform", "low": 2, "high": 1}}}, "priors.x"),
    "prior fields": (
        {"priors": {"x": {"distribution": "normal", "low": 0, "high": 1}}},
        "priors.x",
    ),
    "target": ({"targets": ["no_such_target"]}, "targets.0"),
    "identity": ({"targets": ["remittance_cost_share"]}, "targets.0"),
    "model": ({"model": "no_such_model"}, "model"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_calibration_files_are_one_line_and_status_2(case, tmp_path, capsys) -> None:
    change, key = BAD_FILES[case]
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump({**yaml.safe_load(TOY), **change}))
    assert main(["calibrate", str(path), "--out", str(tmp_path / "out")]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and key in lines[0]
    assert not (tmp_path / "out").exists()


SCENARIO_FILE = """\
name: bad
base: {base}
set: {{simulation.households: 100}}
priors:
  {path}: {{distribution: uniform, low: {low}, high: {high}}}
"""


@pytest.mark.parametrize(
    ("base", "path", "low", "high", "key"),
    [
        ("missing.yaml", "remittances.altruism", 0.5, 1.0, "base"),
        ("BASE", "remittances.no_such", 0.5, 1.0, "priors.remittances.no_such"),
        ("BASE", "policy.circular_reentry", 0.0, 1.0, "priors.policy.circular_reentry"),
        ("BASE", "remittances.altruism", 0.5, 1.5, "priors.remittances.altruism.high"),
    ],
)
def test_bad_priors_and_bases_name_the_key(base, path, low, high, key, tmp_path, capsys) -> None:
    file = tmp_path / "bad.yaml"
    base = str(ROOT / "scenarios/baseline.yaml") if base == "BASE" else base
    file.write_text(SCENARIO_FILE.format(base=base, path=path, low=low, high=high))
    assert main(["calibrate", str(file)]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and key in lines[0]


def test_band_distance_is_in_half_widths() -> None:
    targets = select_targets(["remittances_to_gdp", "emigration_rate"])
    distance = BandDistance.of(targets)
    centre = {"remittances_to_gdp": 0.075, "emigration_rate": 0.10}
    assert distance(centre) == pytest.approx(0.0, abs=1e-12)
    edge = {"remittances_to_gdp": 0.10, "emigration_rate": 0.05}
    assert distance(edge) == pytest.approx(1.0)
    assert distance({"remittances_to_gdp": math.nan, "emigration_rate": 0.1}) == UNDEFINED_DISTANCE
    with pytest.raises(InputError, match="restates"):
        select_targets(["place_premium"])


def test_weighted_draws_and_quantiles() -> None:
    posterior = Posterior(pd.DataFrame({"a": [1.0, 2.0, 3.0]}), np.array([0.0, 0.25, 0.75]))
    drawn = [d["a"] for d in draw(posterior, np.random.default_rng(0), 4000)]
    assert 1.0 not in drawn and np.mean(np.array(drawn) == 3.0) == pytest.approx(0.75, abs=0.03)
    assert weighted_quantile(np.array([1.0, 2.0, 3.0]), posterior.weights, 0.5) == 3.0
    first = replication_draws(posterior, 5, 6)
    assert first == replication_draws(posterior, 5, 6) and first[:3] == replication_draws(
        posterior, 5, 3
    )


def test_wilson_interval_of_the_triple_win_share() -> None:
    found = probability(np.array([True] * 7 + [False] * 3))
    assert found["triple_win_probability"] == 0.7 and found["triple_wins"] == 7
    low, high = found["triple_win_probability_ci95"]
    assert low == pytest.approx(0.3968, abs=1e-3) and high == pytest.approx(0.8922, abs=1e-3)
    assert probability(np.zeros(5, bool))["triple_win_probability_ci95"][0] == 0.0


@pytest.fixture(scope="module")
def posterior_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("posterior") / "posterior.parquet"
    table = pd.DataFrame(
        {
            "remittances.altruism": [0.7, 0.8, 0.9, 1.0],
            "origins.origin.returnee_knowledge": [0.0, 0.2, 0.4, 0.8],
            "weight": [0.1, 0.2, 0.3, 0.4],
        }
    )
    table.to_parquet(path, index=False)
    return path


TINY_COMPARE = ["--set", "simulation.households=150", "--years", "8", "--replications", "6"]


def test_compare_with_a_posterior_gives_a_probability_and_keeps_pairs(
    posterior_file, tmp_path
) -> None:
    baseline = str(ROOT / "scenarios/baseline.yaml")
    status, document = json_main(
        [
            "compare",
            baseline,
            str(ROOT / "scenarios/expanded_quotas.yaml"),
            baseline,
            *TINY_COMPARE,
            *["--posterior", str(posterior_file), "--json", "--out", str(tmp_path)],
        ]
    )
    assert status == 0 and document is not None
    entry = document["scenarios"]["expanded_quotas"]
    assert 0.0 <= entry["triple_win_probability"] <= 1.0
    low, high = entry["triple_win_probability_ci95"]
    assert 0.0 <= low <= entry["triple_win_probability"] <= high <= 1.0
    assert entry["verdict"] in ("triple win", "loss", "negligible", "uncertain")
    draws = document["posterior"]["draws"]
    assert len(draws) == 6 and len({json.dumps(d, sort_keys=True) for d in draws}) > 1
    # The baseline against itself: the same draw and seed in each pair, so every change is 0.
    changes = pd.read_parquet(tmp_path / "changes.parquet")
    itself = changes[changes["scenario"] == "baseline"]
    assert len(itself) == 6 and (itself["welfare_migrants"] == 0).all()
    assert document["scenarios"]["baseline"]["triple_win_probability"] == 0.0
    # The report puts the probability beside each verdict.
    assert main(["report", str(tmp_path)]) == 0
    page = (tmp_path / "report.html").read_text()
    wins = entry["triple_wins"]
    assert f"Triple win in {wins} of 6 worlds drawn from the posterior" in page
    assert "Each replication ran in one world drawn from the posterior" in page


def test_a_posterior_that_does_not_fit_the_scenario_is_refused(tmp_path, capsys) -> None:
    path = tmp_path / "posterior.parquet"
    pd.DataFrame({"policy.visa_years": [2, 3], "weight": [0.5, 0.5]}).to_parquet(path)
    baseline = str(ROOT / "scenarios/baseline.yaml")
    assert main(["compare", baseline, baseline, "--posterior", str(path), *TINY_COMPARE]) == 2
    assert "policy.visa_years" in capsys.readouterr().err
    pd.DataFrame({"remittances.altruism": [0.5], "weight": [0.7]}).to_parquet(path)
    with pytest.raises(InputError, match="sum to 1"):
        read_posterior(path)


def test_sensitivity_samples_world_parameters_from_a_posterior(posterior_file, tmp_path) -> None:
    from experiments.sensitivity.plan import load_sensitivity

    file = tmp_path / "sens.yaml"
    file.write_text(
        f"name: s\nbase: {ROOT / 'scenarios/baseline.yaml'}\nset: {{simulation.households: 100}}\n"
        f"posterior: {posterior_file}\nmethod: {{kind: morris, samples: 4, levels: 4}}\n"
        "parameters:\n"
        "  remittances.altruism: {role: world, distribution: posterior}\n"
        "  policy.return_bonus: {role: policy, distribution: uniform, low: 0, high: 1}\n"
    )
    sensitivity = load_sensitivity(file)
    parameter = sensitivity.parameters[0]
    assert parameter.rule == "posterior"
    assert parameter.values(np.array([0.0, 0.05, 0.25, 0.5, 0.99])) == [0.7, 0.7, 0.8, 0.9, 1.0]
    assert {p["remittances.altruism"] for p in sensitivity.points} <= {0.7, 0.8, 0.9, 1.0}


def test_the_simulator_reads_the_same_run_as_simulate_and_validate() -> None:
    """A particle's statistics are the one run loop's window means, cohorts and window cohorts."""
    from experiments.calibration.simulator import run_statistics
    from experiments.scenarios import load
    from experiments.seeds import replication_seed
    from experiments.validation.runner import run_once
    from model.simulation import simulate

    tiny = ["simulation.households=150", "simulation.years=14", "simulation.evaluation_years=4"]
    scenario = load(ROOT / "scenarios/baseline.yaml", tiny).scenario
    statistics = run_statistics(scenario, replication_seed(5, 0))
    plain = simulate(scenario, replication_seed(5, 0))
    for name, value in {**plain.indicators, **plain.cohorts}.items():
        assert statistics[name] == pytest.approx(value, nan_ok=True), name
    validated = run_once(scenario, replication_seed(5, 0), [])
    assert statistics["left_within_5y_window"] == pytest.approx(
        validated["left_within_5y_window"], nan_ok=True
    )


def test_the_shipped_posterior_is_the_full_calibration_s_and_fits_its_priors() -> None:
    """results/reference/calibration holds the posterior of experiments/calibration.yaml that
    docs/calibration.md reads; it must stay usable by compare --posterior and sensitivity."""
    from experiments.calibration.experiment import load_calibration

    shipped = ROOT / "results" / "reference" / "calibration"
    found = read_posterior(shipped / files.POSTERIOR.name)
    priors = load_calibration(ROOT / "experiments" / "calibration.yaml").priors
    assert sorted(found.parameters) == sorted(priors)
    for name, prior in priors.items():
        values = found.values[name]
        assert values.between(prior.low, prior.high).all(), name
    summary = json.loads((shipped / "calibration.json").read_text())
    assert summary["calibration"] == "calibration" and summary["population"] == len(found.weights)
    for name, described in summary["posterior"].items():
        mean = float(np.average(found.values[name], weights=found.weights))
        assert mean == pytest.approx(described["mean"], rel=1e-12), name
