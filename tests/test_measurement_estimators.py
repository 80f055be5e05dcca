"""The estimators on data whose truth is known by construction, and the laboratory that scores them."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest

from experiments.cli import main
from experiments.estimators import capture_recapture, combined_flows, files, flows_from_stocks
from experiments.estimators.bank import BANK
from experiments.estimators.laboratory import parse_sweep, run_laboratory
from experiments.estimators.scoring import score
from experiments.scenarios import load
from model.errors import InputError
from tests.conftest import SCENARIOS


def test_flows_from_stocks_recover_a_one_way_move_and_keep_the_tables():
    # Places A, B, C; people born in A move to B, people born in C to A, nobody dies or is born.
    start = np.array([[100.0, 0.0, 0.0], [0.0, 50.0, 0.0], [5.0, 0.0, 80.0]])
    end = np.array([[70.0, 30.0, 0.0], [0.0, 50.0, 0.0], [15.0, 0.0, 70.0]])
    flows = flows_from_stocks.transitions(start, end, np.zeros(3), np.zeros(3))
    moves = flows.sum(axis=2) * (1 - np.eye(3))
    expected = np.zeros((3, 3))
    expected[0, 1], expected[2, 0] = 30.0, 10.0
    np.testing.assert_allclose(moves, expected, atol=1e-6)
    # Every birthplace's flows start where its people lived and end where they live.
    np.testing.assert_allclose(flows.sum(axis=1).T, start, atol=1e-6)
    np.testing.assert_allclose(flows.sum(axis=0).T, end, atol=1e-6)


def test_flows_from_stocks_see_net_change_not_the_moves_behind_it():
    """Migrants who leave and others who come back net out: transitions are a lower bound."""
    start = np.array([[1000.0, 200.0], [0.0, 5000.0]])
    end = np.array([[990.0, 210.0], [0.0, 5000.0]])  # 50 left, 40 came back
    flows = flows_from_stocks.transitions(start, end, np.zeros(2), np.zeros(2))
    assert flows[0, 1].sum() == pytest.approx(10.0, abs=1e-6)
    assert flows[1, 0].sum() == pytest.approx(0.0, abs=1e-6)


def test_combined_flows_recover_the_truth_when_the_experts_are_right():
    rng = np.random.default_rng(3)
    covered = 0
    for _ in range(40):
        truth = rng.poisson(400, 10).astype(float)
        destination = rng.binomial(truth.astype(int), 0.9)
        origin = rng.binomial(truth.astype(int), 0.5)
        mean, covariance = combined_flows.fit(np.array([destination, origin], dtype=float))
        value, se = combined_flows.total_entries(mean, covariance)
        low, high = value - 1.96 * se, value + 1.96 * se
        covered += low <= truth.sum() <= high
        assert abs(value / truth.sum() - 1) < 0.3
    assert covered >= 34  # 85% of 40 at least, for a nominal 95%


def test_combined_flows_inherit_the_experts_view_of_the_better_source():
    truth = np.full(10, 500.0)
    counts = np.array([truth * 0.6, truth * 0.5])  # the destination's register misses 40%
    value, _ = combined_flows.total_entries(*combined_flows.fit(counts))
    assert value < 0.8 * truth.sum()  # believed to miss 10%, so the total is too low


def simulated_lists(rng, size: int, heterogeneity: float = 0.0) -> pd.DataFrame:
    """Irregular residents with a job or not, apprehensions and health records as documented."""
    employed = rng.random(size) < 0.6
    years = rng.integers(0, 10, size)
    rate = 0.6 * np.where(employed, 1.0, 0.6) * np.exp(-0.08 * years)
    if heterogeneity:
        rate = rate * rng.gamma(1 / heterogeneity, heterogeneity, size)
    apprehensions = rng.poisson(rate)
    health = rng.random(size) < 0.4 * np.where(employed, 0.5, 1.0)
    frame = pd.DataFrame(
        {
            "role": "reference person",
            "employed": employed,
            "years_abroad": years,
            "apprehensions": apprehensions,
            "on_police_list": apprehensions > 0,
            "on_health_list": health,
        }
    )
    return frame[frame["on_police_list"] | frame["on_health_list"]]


def test_truncated_poisson_regression_covers_a_poisson_population():
    rng = np.random.default_rng(4)
    covered, estimates = 0, []
    for _ in range(30):
        estimate, se, _seen = capture_recapture.truncated_poisson(simulated_lists(rng, 1500))
        covered += abs(estimate - 1500) <= 1.96 * se
        estimates.append(estimate)
    # Consistent but, with a few hundred people seen, biased upwards by some percent: 1 / p is
    # convex in the estimated parameters (van der Heijden et al. 2003 find the same).
    assert abs(np.mean(estimates) / 1500 - 1) < 0.15
    assert covered >= 25


def test_unobserved_heterogeneity_makes_the_poisson_estimate_too_low():
    rng = np.random.default_rng(5)
    low = [
        capture_recapture.truncated_poisson(simulated_lists(rng, 1500, 1.0))[0] for _ in range(10)
    ]
    assert np.mean(low) < 0.9 * 1500


def test_two_lists_independent_given_covariates_recover_the_population():
    rng = np.random.default_rng(6)
    estimates = [capture_recapture.two_lists(simulated_lists(rng, 1500))[0] for _ in range(20)]
    assert abs(np.mean(estimates) / 1500 - 1) < 0.05


def test_thin_lists_fall_back_on_finite_estimates():
    frame = pd.DataFrame(
        {
            "role": ["reference person"] * 3,
            "employed": [True, False, True],
            "years_abroad": [1, 2, 3],
            "apprehensions": [1, 1, 0],
            "on_police_list": [True, True, False],
            "on_health_list": [False, False, True],
        }
    )
    for method in (capture_recapture.truncated_poisson, capture_recapture.two_lists):
        estimate, se, seen = method(frame)
        assert math.isfinite(estimate) and math.isfinite(se) and estimate >= seen


def test_scores_are_bias_rmse_and_coverage_over_replications():
    estimates = pd.DataFrame(
        {
            "estimator": "residual method",
            "estimate": [10.0, 14.0, 6.0, 12.0],
            "truth": [10.0, 10.0, 10.0, 10.0],
            "low": [8.0, 11.0, 0.0, 11.0],
            "high": [12.0, 13.0, 7.0, 13.0],
            "covered": [True, False, False, True],
        }
    )
    (row,) = score(estimates).to_dict(orient="records")
    assert row["bias"] == pytest.approx(0.5) and row["relative_bias"] == pytest.approx(0.05)
    assert row["rmse"] == pytest.approx(math.sqrt((0 + 16 + 16 + 4) / 4))
    assert row["coverage"] == 0.5 and row["replications"] == 4


def test_a_sweep_sees_the_same_runs_and_the_error_grows_the_bias():
    loaded = load(
        SCENARIOS / "baseline.yaml",
        ["simulation.households=800", "simulation.years=20", "measurement.census_interval=10"],
    )
    laboratory = run_laboratory(loaded, 3, 2, parse_sweep("measurement.exit_unrecorded=0,0.6"))
    sweep = laboratory.sweep
    residual = sweep[sweep["estimator"] == "residual method"].set_index("value")
    assert residual.loc[0.6, "bias"] < residual.loc[0.0, "bias"]
    assert residual.loc[0.6, "truth"] == residual.loc[0.0, "truth"]  # paired: same runs
    untouched = sweep[sweep["estimator"] == "remittance scale-up"].set_index("value")
    assert untouched.loc[0.6, "bias"] == untouched.loc[0.0, "bias"]
    assert set(laboratory.estimates["setting"]) == {
        "scenario",
        "measurement.exit_unrecorded=0",
        "measurement.exit_unrecorded=0.6",
    }


@pytest.mark.parametrize(
    "text", ["measurement.exit_unrecorded", "policy.enforcement=0,0.1", "measurement.x=1"]
)
def test_a_sweep_must_name_a_measurement_parameter_and_two_values(text):
    with pytest.raises(InputError, match="--sweep"):
        parse_sweep(text)


@pytest.fixture(scope="module")
def surveyed(tmp_path_factory):
    """``run.py survey scenarios/baseline.yaml --replications 4 --seed 1 --json`` in process."""
    out = tmp_path_factory.mktemp("survey") / "out"
    arguments = ["survey", str(SCENARIOS / "baseline.yaml"), "--replications", "4"]
    return out, [*arguments, "--seed", "1", "--json", "--out", str(out)]


def test_survey_json_lists_every_estimator_with_finite_scores(surveyed, capsys):
    out, arguments = surveyed
    assert main(arguments) == 0
    captured = capsys.readouterr()
    document = json.loads(captured.out)
    assert document["scenario"] == "baseline" and document["replications"] == 4
    estimators = document["estimators"]
    assert list(estimators) == [e.name for e in BANK] and len(estimators) >= 7
    assert {"capture-recapture, truncated poisson", "flows from stocks"} <= set(estimators)
    for name, entry in estimators.items():
        numbers = [entry[k] for k in ("estimate", "truth", "bias", "rmse", "coverage")]
        assert all(isinstance(v, float) and math.isfinite(v) for v in numbers), name
        low, high = entry["ci95"]
        assert low <= entry["estimate"] <= high, name
        assert entry["target"] and entry["unit"]
    assert "4/4" in captured.err  # the progress bar, on stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["command"] == "survey" and manifest["census_years"] == [10, 20, 30, 40]
    assert len(manifest["seeds"]) == 4
    for name in (
        "scores.parquet",
        "estimates.csv",
        "scores.png",
        "summary.json",
        "observed/census.csv",
        "microdata/census_sample.parquet",
        "truth/stocks.csv",
    ):
        assert (out / name).is_file() and name in manifest["outputs"], name


def test_survey_report_page_has_the_estimate_table(surveyed, capsys):
    out, _ = surveyed
    assert main(["report", str(out)]) == 0
    page = (out / "report.html").read_text()
    for text in (
        "what is estimated",
        "unit",
        "coverage",
        "capture-recapture, two lists",
        "data:image/png;base64",
    ):
        assert text in page, text
    # The folder's files, by family: the sweep's only with --sweep.
    for item in files.FILES:
        listed = f"<code>{item.shown}</code>: " in page
        assert listed == (item not in (files.SWEEP, files.SWEEP_FIGURE)), item.name


@pytest.mark.parametrize(
    ("arguments", "where", "key", "allowed"),
    [
        (
            ["--set", "measurement.census_undercount_irregular=1.5"],
            "--set measurement.census_undercount_irregular=1.5",
            "measurement.census_undercount_irregular",
            "at most 1",
        ),
        (["--years", "15"], "baseline.yaml", "measurement.census_interval", "at most 7"),
        (
            ["--sweep", "measurement.lfs_attrition=0,1.5"],
            "--sweep measurement.lfs_attrition=1.5",
            "measurement.lfs_attrition",
            "less than 1",
        ),
    ],
)
def test_survey_command_rejects_bad_measurement_settings(
    tmp_path, capsys, arguments, where, key, allowed
):
    scenario = str(SCENARIOS / "baseline.yaml")
    assert main(["survey", scenario, "--out", str(tmp_path / "out"), *arguments]) == 2
    message = capsys.readouterr().err.strip().splitlines()[-1]
    assert where in message and key in message and allowed in message
    assert not (tmp_path / "out").exists()
