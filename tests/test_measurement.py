"""The measurement layer: exact without errors, biased in the documented direction with them."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from experiments.estimators.bank import BANK, all_estimates, headline
from experiments.estimators.remittances import remittance_scale_up
from experiments.estimators.stocks import emigrant_stock, residual_method
from model import sectors
from model.model import TripleWinModel
from model.observation import household_survey
from model.observation.microdata import snapshot
from model.observation.observer import Observations, Observer, observe_run, observe_variants
from model.scenario.measurement import ERRORS, INSTRUMENT_SETTINGS, Measurement, without_errors
from model.simulation import run_model, simulate
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
    assert set(ERRORS) | set(INSTRUMENT_SETTINGS) == set(Measurement.model_fields)
    assert not set(ERRORS) & set(INSTRUMENT_SETTINGS)
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
    """Families abroad and the population of migrant origin each change by their flows."""
    stocks = exact.truth["stocks"].set_index(["year", "destination", "origin"])
    flows = exact.truth["flows"].set_index(["year", "destination", "origin"])
    balance = flows["entries"] + flows["family_entries"] + flows["births"]
    balance -= flows["returns"] + flows["deaths"]
    for population, leaving in (("in_families", "grown_up"), ("migrant_origin", "grown_deaths")):
        change = stocks[population].groupby(level=["destination", "origin"]).diff().dropna()
        np.testing.assert_array_equal(change, (balance - flows[leaving]).loc[change.index])
    moved = flows[["family_entries", "births", "deaths", "grown_up", "returns"]]
    assert (moved > 0).any().all() and (stocks["adults_born_at_destination"] > 0).any()
    # The foreign-born: those living with migrants but the children born there, and the grown
    # children who came as children.
    np.testing.assert_array_equal(
        stocks["foreign_born"],
        stocks["in_families"] - stocks["children_born_at_destination"] + stocks["grown_children"],
    )


def test_grown_childrens_deaths_are_those_of_the_demographic_books():
    """Counted by the change in their number, they match the deaths the model books."""
    observer = Observer()
    run_model(small(replace=TWO_BY_TWO, simulation={"years": 25}), 11, observers=[observer])
    model = observer.model
    flows = observer.observations().truth["flows"]
    counted = flows.groupby("origin", sort=False)["grown_deaths"].sum()
    books = model.people
    source = books.sector_indices(sectors.SECOND_GENERATION)
    target = books.sector_indices(sectors.DIED)
    booked = sum(books.matrix(year)[source, target] for year in range(1, model.year + 1))
    assert booked.sum() > 0
    np.testing.assert_array_equal(counted.loc[model.origin_names].to_numpy(), booked)


def test_a_full_census_and_complete_registers_see_the_true_populations(exact):
    """Place of birth and parents' place of birth split people of migrant origin as the truth."""
    stocks = exact.truth["stocks"].set_index(["year", "destination", "origin"])
    sample = exact.microdata["census_sample"]
    abroad = sample["place_of_birth"] != sample["destination"]
    origin_kin = sample["parents_birthplace"] != sample["destination"]

    censused = stocks[stocks.index.get_level_values("year").isin(exact.census_years)]
    for column, records, birthplace in (
        ("foreign_born", sample[abroad], "place_of_birth"),
        ("migrant_origin", sample[origin_kin], "parents_birthplace"),
    ):
        counted = records.groupby(["year", "destination", birthplace])["weight"].sum()
        counted = counted.rename_axis(censused.index.names).reindex(censused.index)
        np.testing.assert_array_equal(counted, censused[column])
    born_here = sample[origin_kin & ~abroad]
    assert set(born_here["relationship"]) == {"child", "reference person"}
    assert (born_here["year_of_arrival"] == -1).all()
    # Civil registration: every birth and death of people of migrant origin.
    flows = exact.truth["flows"].set_index(["year", "destination", "origin"])
    deaths = exact.observed["deaths"].set_index(["year", "destination", "origin"])["deaths"]
    np.testing.assert_array_equal(deaths, flows["deaths"] + flows["grown_deaths"])
    births = exact.observed["births"].set_index(["year", "destination", "origin"])["births"]
    np.testing.assert_array_equal(births, flows["births"])
    legal = exact.observed["permit_stock"].set_index(["year", "destination", "origin"])["legal"]
    np.testing.assert_array_equal(legal, stocks["legal"])


def test_households_that_left_whole_are_missed_unless_a_relative_answers():
    scenario = small(simulation={"households": 800}, measurement=NO_ERRORS)
    proxies, vacant = observe_variants(
        scenario,
        16,
        [
            scenario.measurement,
            scenario.measurement.model_copy(update={"survey_emptied_missed": 1}),
        ],
    )
    year = proxies.census_years[-1]
    answered = stock_estimate(proxies, year)
    assert answered.estimate == pytest.approx(answered.truth, abs=1e-9)
    missed = stock_estimate(vacant, year)
    survey = vacant.observed["household_survey"]
    empty = survey[survey["vacant"] & (survey["year"] == year)]
    assert len(empty) > 0 and (empty[["members_abroad", "remittances_received"]] == 0).all().all()
    assert missed.estimate < answered.estimate and missed.truth == answered.truth


def stock_estimate(observations: Observations, year: int):
    """The emigrant stock of all origins together in a survey year."""
    return emigrant_stock(observations, year)[-1]


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
    dwellings = snapshot.dwellings(model)
    totals = []
    for draw in range(draws):
        rng = np.random.default_rng(draw)
        households, _ = household_survey.interview(model, dwellings, params, rng, returned)
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
