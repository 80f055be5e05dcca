"""The measurement layer: exact without errors, biased in the documented direction with them."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from experiments.cli import main
from experiments.estimation import all_estimates, remittance_scale_up, residual_method
from model.model import TripleWinModel
from model.observation import household_survey
from model.observation.observer import Observations, Observer, observe_run
from model.simulation import simulate
from tests.conftest import SCENARIOS, small

NO_ERRORS = {
    "census_interval": 5,
    "census_undercount_irregular": 0.0,
    "census_undercount_regular": 0.0,
    "survey_fraction": 1.0,
    "survey_nonresponse": 0.0,
    "survey_nonresponse_migrant": 0.0,
    "remittance_recall_bias": 0.0,
    "remittance_recall_sd": 0.0,
    "exit_unrecorded": 0.0,
    "death_unregistered": 0.0,
}
TWO_BY_TWO = {
    "origins": {"south": {"gdp_per_capita": 6000.0}, "east": {"gdp_per_capita": 11000.0}},
    "destinations": {
        "north": {"gdp_per_capita": 50000.0},
        "west": {"gdp_per_capita": 45000.0, "discrimination": 0.25},
    },
    "corridors": {
        "south_north": {"origin": "south", "destination": "north"},
        "south_west": {"origin": "south", "destination": "west"},
        "east_north": {"origin": "east", "destination": "north"},
        "east_west": {"origin": "east", "destination": "west"},
    },
}


@pytest.fixture(scope="module")
def exact() -> Observations:
    """Two origins and two destinations observed without any error."""
    return observe_run(small(replace=TWO_BY_TWO, measurement=NO_ERRORS), 11)


@pytest.fixture(scope="module")
def default() -> Observations:
    """The default scenario, smaller, observed with the default errors (a census every 5 years)."""
    return observe_run(small(measurement={"census_interval": 5}), 11)


def test_without_errors_every_estimator_recovers_the_truth(exact):
    estimates = all_estimates(exact)
    assert set(estimates["estimator"]) == {
        "residual method",
        "demographic accounting",
        "remittance scale-up",
    }
    assert len(estimates) == 3 * 4 + 2 * 4 + 3 * 2  # census years x corridors, ..., x origins
    counts = estimates[estimates["estimator"] != "remittance scale-up"]
    # Not a test of zeros against zeros: a corridor's irregular stock may be empty in a year.
    assert (counts["truth"] > 0).mean() > 0.9
    np.testing.assert_array_equal(counts["estimate"], counts["truth"])
    money = estimates[estimates["estimator"] == "remittance scale-up"]
    np.testing.assert_allclose(money["estimate"], money["truth"], rtol=1e-12)


def test_the_truth_balances_stocks_and_flows_every_year(exact):
    stocks = exact.truth["stocks"].set_index(["year", "destination", "origin"])["foreign_born"]
    flows = exact.truth["flows"].set_index(["year", "destination", "origin"])
    balance = flows["entries"] + flows["family_entries"] - flows["returns"] - flows["deaths"]
    change = stocks.groupby(level=["destination", "origin"]).diff().dropna()
    assert (flows["family_entries"] > 0).any() and (flows["deaths"] > 0).any()
    np.testing.assert_array_equal(change, balance.loc[change.index])


def test_with_default_errors_the_residual_method_undercounts(default):
    """Census undercounts and unrecorded exits can only lower the estimate (documented sign)."""
    estimates = all_estimates(default)
    residual = estimates[estimates["estimator"] == "residual method"]
    assert list(residual["period"]) == ["5", "10", "15"]
    assert (residual["error"] < 0).all()
    assert np.allclose(residual["error"], residual["estimate"] - residual["truth"])
    assert (residual["relative_error"] < 0).all()


def test_correcting_for_the_true_undercount_removes_most_of_its_bias():
    errors_only_in_census = {**NO_ERRORS, "census_undercount_irregular": 0.5}
    scenario = small(simulation={"households": 2000}, measurement=errors_only_in_census)
    observed = observe_run(scenario, 12)
    naive = [e.error for y in observed.census_years for e in residual_method(observed, y)]
    corrected = [e.error for y in observed.census_years for e in residual_method(observed, y, 0.5)]
    assert all(error < 0 for error in naive)
    assert abs(np.mean(corrected)) < abs(np.mean(naive)) / 2


def test_a_larger_undercount_misses_everyone_a_smaller_one_missed():
    counts = []
    for undercount in (0.1, 0.4):
        measurement = {"census_interval": 5, "census_undercount_irregular": undercount}
        census = observe_run(small(measurement=measurement), 13).observed["census"]
        counts.append(census["foreign_born"].to_numpy())
    assert np.all(counts[1] <= counts[0]) and counts[1].sum() < counts[0].sum()


def test_observing_never_changes_the_simulation():
    scenario = small(measurement={"census_interval": 3})
    plain = simulate(scenario, 21)
    model = TripleWinModel(scenario, seed=21)
    observer = Observer(model)
    for _ in range(model.horizon):
        model.step()
        observer.observe()
    pd.testing.assert_frame_equal(model.recorder.frame(), plain.yearly)


def test_register_keeps_ghosts_of_unrecorded_departures():
    never = {**NO_ERRORS, "exit_unrecorded": 1.0, "register_lapse_years": 100}
    observed = observe_run(small(measurement=never), 14)
    register = observed.observed["permit_stock"].set_index("year")["legal"]
    true = observed.truth["stocks"].set_index("year")["legal"]
    assert (register >= true).all() and register.iloc[-1] > true.iloc[-1]
    assert observed.observed["permit_exits"]["exits"].sum() == 0


def survey_estimates(model, params, draws: int) -> np.ndarray:
    """Remittance scale-ups of ``draws`` independent surveys of one model state."""
    returned = np.zeros((model.households.size, len(model.destinations)))
    totals = []
    for draw in range(draws):
        rng = np.random.default_rng(draw)
        households, _ = household_survey.interview(model, params, rng, returned)
        answered = households[households["responded"]]
        totals.append((answered["weight"] * answered["remittances_received"]).sum())
    return np.array(totals)


@pytest.fixture(scope="module")
def surveyed_model():
    model = TripleWinModel(small(), seed=15)
    for _ in range(model.horizon):
        model.step()
    return model


def test_survey_sampling_alone_is_unbiased_and_recall_bias_is_not(surveyed_model):
    model = surveyed_model
    truth = model.households.remittances_received.sum()
    sampling = model.params.measurement.model_copy(update={**NO_ERRORS, "survey_fraction": 0.2})
    totals = survey_estimates(model, sampling, 300)
    standard_error = totals.std(ddof=1) / np.sqrt(totals.size)
    assert abs(totals.mean() - truth) < 3 * standard_error
    assert totals.std() > 0
    biased = sampling.model_copy(update={"survey_fraction": 1.0, "remittance_recall_bias": -0.2})
    assert survey_estimates(model, biased, 1)[0] == pytest.approx(0.8 * truth, rel=1e-12)


def test_selective_non_response_lowers_the_scale_up(surveyed_model):
    model = surveyed_model
    truth = model.households.remittances_received.sum()
    params = model.params.measurement.model_copy(
        update={**NO_ERRORS, "survey_nonresponse_migrant": 0.5}
    )
    totals = survey_estimates(model, params, 200)
    standard_error = totals.std(ddof=1) / np.sqrt(totals.size)
    assert totals.mean() < truth - 3 * standard_error


def test_remittance_scale_up_uses_only_respondents(default):
    year = default.census_years[-1]
    survey = default.observed["household_survey"]
    survey = survey[survey["year"] == year]
    assert (~survey["responded"]).any()
    assert survey.loc[~survey["responded"], "remittances_received"].isna().all()
    weights = survey.loc[survey["responded"], "weight"]
    assert weights.sum() == pytest.approx(400)  # respondents stand for every household
    (estimate,) = remittance_scale_up(default, year)
    assert estimate.estimate == pytest.approx(
        (weights * survey.loc[survey["responded"], "remittances_received"]).sum()
    )


def test_bilateral_stock_table_has_the_un_desa_shape(exact):
    table = exact.observed["bilateral_stocks"]
    assert list(table.columns) == ["year", "destination", "total", "south", "east"]
    assert list(table["year"].unique()) == exact.census_years
    np.testing.assert_array_equal(table["total"], table["south"] + table["east"])
    census = exact.observed["census"].groupby(["year", "destination"])["foreign_born"].sum()
    np.testing.assert_array_equal(table.set_index(["year", "destination"])["total"], census)
    flows = exact.observed["bilateral_flows"]
    assert {"inflow", "outflow", "net"} <= set(flows.columns)


def test_survey_command_writes_observed_truth_estimates_and_manifest(tmp_path, capsys):
    """The issue's command: ``run.py survey scenarios/baseline.yaml --out DIR`` (in process)."""
    out = tmp_path / "survey"
    assert main(["survey", str(SCENARIOS / "baseline.yaml"), "--out", str(out), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["command"] == "survey" and manifest["census_years"] == [10, 20, 30, 40]
    for name in ("census", "household_survey", "permit_entries", "bilateral_stocks"):
        assert (out / "observed" / f"{name}.csv").is_file(), name
        assert f"observed/{name}.parquet" in manifest["outputs"], name
    for name in ("stocks", "flows", "remittances"):
        assert (out / "truth" / f"{name}.parquet").is_file(), name
    estimates = pd.read_parquet(out / "estimates.parquet")
    residual = estimates[estimates["estimator"] == "residual method"]
    assert len(residual) == 4 and (residual["error"] < 0).all()
    assert len(document["estimates"]) == len(estimates)
    assert document["measurement"]["census_undercount_irregular"] == 0.1


@pytest.mark.parametrize(
    ("arguments", "where", "key", "allowed"),
    [
        (
            ["--set", "measurement.census_undercount_irregular=1.5"],
            "--set measurement.census_undercount_irregular=1.5",
            "measurement.census_undercount_irregular",
            "at most 1",
        ),
        (["--years", "5"], "baseline.yaml", "measurement.census_interval", "at most 5"),
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
