"""The measurement layer: exact without errors, biased in the documented direction with them."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from experiments.estimators.bank import BANK, all_estimates, headline
from experiments.estimators.remittances import remittance_scale_up
from experiments.estimators.stocks import residual_method
from model.model import TripleWinModel
from model.observation import household_survey
from model.observation.observer import Observations, Observer, observe_run, observe_variants
from model.scenario.measurement import DESIGN, ERRORS, Measurement, without_errors
from model.simulation import simulate
from tests.conftest import small

NO_ERRORS = {
    "census_interval": 5,
    **dict.fromkeys(ERRORS, 0.0),
    "census_sample_fraction": 1.0,
    "survey_fraction": 1.0,
    "lfs_fraction": 1.0,
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
    """Two origins and two destinations observed without any error and with complete samples."""
    return observe_run(small(replace=TWO_BY_TWO, measurement=NO_ERRORS), 11)


@pytest.fixture(scope="module")
def default() -> Observations:
    """The default scenario, smaller, observed with the default errors (a census every 5 years)."""
    return observe_run(small(measurement={"census_interval": 5}), 11)


def test_every_measurement_parameter_is_an_error_or_a_design_choice():
    assert set(ERRORS) | set(DESIGN) == set(Measurement.model_fields)
    assert not set(ERRORS) & set(DESIGN)
    switched_off = without_errors(Measurement(), full_samples=True)
    assert all(getattr(switched_off, name) == 0 for name in ERRORS)
    # The defaults make errors: a bank scored at defaults is not scored on perfect data.
    assert sum(getattr(Measurement(), name) != 0 for name in ERRORS) >= len(ERRORS) - 1


def test_without_errors_the_exact_estimators_recover_the_truth(exact):
    """Every census year and interval, every corridor: exact, or to rounding for natives' rates."""
    estimates = all_estimates(exact)
    exact_names = {e.name for e in BANK if e.exact}
    assert exact_names <= set(estimates["estimator"]) and len(exact_names) >= 9
    counts = estimates[
        estimates["estimator"].isin(["residual method", "demographic accounting", "emigrant stock"])
    ]
    # Not a test of zeros against zeros: a corridor's irregular stock may be empty in a year.
    assert (counts["truth"] > 0).mean() > 0.9 and len(counts) == 3 * 5 + 2 * 5 + 3 * 3
    np.testing.assert_allclose(counts["estimate"], counts["truth"], rtol=1e-12, atol=1e-9)
    money = estimates[estimates["estimator"] == "remittance scale-up"]
    np.testing.assert_allclose(money["estimate"], money["truth"], rtol=1e-12)
    shares = estimates[estimates["estimator"].isin(["language shift"])]
    np.testing.assert_allclose(shares["estimate"], shares["truth"], rtol=1e-12)
    # Natives are fractional counts in the model and whole persons in the census: rounding.
    rates = estimates[
        estimates["estimator"].isin(
            ["employment gap", "unemployment gap", "wage gap", "dissimilarity index"]
        )
    ]
    np.testing.assert_allclose(rates["estimate"], rates["truth"], atol=5e-3)
    # Complete samples have no sampling error: the intervals shrink to the estimate.
    exact_rows = estimates[estimates["estimator"].isin(exact_names)]
    np.testing.assert_allclose(exact_rows["high"] - exact_rows["low"], 0.0, atol=1e-6)


def test_the_truth_balances_stocks_and_flows_every_year(exact):
    stocks = exact.truth["stocks"].set_index(["year", "destination", "origin"])["foreign_born"]
    flows = exact.truth["flows"].set_index(["year", "destination", "origin"])
    balance = flows["entries"] + flows["family_entries"] + flows["births"]
    balance -= flows["returns"] + flows["deaths"] + flows["grown_up"]
    change = stocks.groupby(level=["destination", "origin"]).diff().dropna()
    assert (flows["family_entries"] > 0).any() and (flows["deaths"] > 0).any()
    np.testing.assert_array_equal(change, balance.loc[change.index])


def test_with_undercounts_and_ghosts_alone_the_residual_method_undercounts():
    """Census undercounts and unrecorded exits can only lower the estimate (documented sign)."""
    errors = {
        **NO_ERRORS,
        "census_undercount_irregular": 0.1,
        "census_undercount_regular": 0.02,
        "exit_unrecorded": 0.2,
    }
    observed = observe_run(small(measurement=errors), 11)
    residual = [e for y in observed.census_years for e in residual_method(observed, y)]
    assert [e.period for e in residual if e.destination == "all"] == ["5", "10", "15"]
    assert all(e.error < 0 and e.relative_error < 0 for e in residual)


def test_correcting_for_the_true_undercount_removes_most_of_its_bias():
    errors_only_in_census = {**NO_ERRORS, "census_undercount_irregular": 0.5}
    scenario = small(simulation={"households": 2000}, measurement=errors_only_in_census)
    observed = observe_run(scenario, 12)
    naive = [e.error for y in observed.census_years for e in residual_method(observed, y)]
    corrected = [e.error for y in observed.census_years for e in residual_method(observed, y, 0.5)]
    assert all(error < 0 for error in naive)
    assert abs(np.mean(corrected)) < abs(np.mean(naive)) / 2


def test_a_larger_undercount_misses_everyone_a_smaller_one_missed():
    scenario = small(measurement={"census_interval": 5})
    settings = [
        scenario.measurement.model_copy(update={"census_undercount_irregular": u})
        for u in (0.1, 0.4)
    ]
    smaller, larger = (
        o.observed["census"]["foreign_born"].to_numpy()
        for o in observe_variants(scenario, 13, settings)
    )
    assert np.all(larger <= smaller) and larger.sum() < smaller.sum()


def test_observing_never_changes_the_simulation():
    scenario = small(measurement={"census_interval": 3})
    plain = simulate(scenario, 21)
    observers = [Observer(), Observer(without_errors(scenario.measurement))]
    watched = simulate(scenario, 21, observers=observers)
    assert all(o.observations().census_years for o in observers), "no census was taken"
    pd.testing.assert_frame_equal(watched.yearly, plain.yearly)


def test_observers_of_one_run_share_its_truth_and_differ_in_what_they_see():
    scenario = small(measurement={"census_interval": 5})
    noisy, clean = observe_variants(
        scenario, 22, [scenario.measurement, without_errors(scenario.measurement)]
    )
    for name in ("stocks", "flows", "integration"):
        pd.testing.assert_frame_equal(noisy.truth[name], clean.truth[name])
    assert not noisy.observed["permit_stock"].equals(clean.observed["permit_stock"])


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
    estimate = remittance_scale_up(default, year)[-1]
    assert estimate.estimate == pytest.approx(
        (weights * survey.loc[survey["responded"], "remittances_received"]).sum()
    )
    assert estimate.low < estimate.estimate < estimate.high


def test_bilateral_stock_table_has_the_un_desa_shape(exact):
    table = exact.observed["bilateral_stocks"]
    assert list(table.columns) == ["year", "destination", "total", "south", "east"]
    assert list(table["year"].unique()) == exact.census_years
    np.testing.assert_array_equal(table["total"], table["south"] + table["east"])
    census = exact.observed["census"].groupby(["year", "destination"])["foreign_born"].sum()
    np.testing.assert_array_equal(table.set_index(["year", "destination"])["total"], census)
    flows = exact.observed["bilateral_flows"]
    assert {"inflow", "outflow", "net"} <= set(flows.columns)


def test_headline_is_the_last_period_for_all_places(default):
    estimates = all_estimates(default, every_census=False)
    lines = headline(estimates)
    assert list(lines["estimator"]) == [e.name for e in BANK]
    assert set(lines["destination"]) == {"all"} and set(lines["origin"]) == {"all"}
    last = str(default.census_years[-1])
    assert all(p in (last, f"{default.census_years[-2]}-{last}") for p in lines["period"])
    assert np.isfinite(lines[["estimate", "low", "high", "truth"]].to_numpy()).all()
