"""The microdata sources: designs that do what they say, errors that act in their direction."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from model.observation.microdata.labour_force_survey import rotation
from model.observation.observer import observe_variants
from model.scenario.measurement import ERRORS, Measurement, without_errors
from tests.conftest import small

NO_ERRORS = dict.fromkeys(ERRORS, 0.0)


@pytest.fixture(scope="module")
def paired():
    """One run seen with the default errors, without errors (also in full), and unlinked lists."""
    scenario = small(simulation={"households": 800}, measurement={"census_interval": 5})
    defaults = scenario.measurement
    settings = [
        defaults,
        without_errors(defaults),
        without_errors(defaults, full_samples=True),
        without_errors(defaults).model_copy(update={"list_linkage_error": 1.0}),
    ]
    names = ("default", "clean", "full", "unlinked")
    return dict(zip(names, observe_variants(scenario, 31, settings), strict=True))


def test_the_full_census_sample_holds_every_person_the_census_counted(paired):
    full = paired["full"]
    sample = full.microdata["census_sample"]
    foreign = sample[sample["place_of_birth"] != sample["destination"]]
    counted = full.observed["census"].groupby("year")["foreign_born"].sum()
    np.testing.assert_array_equal(foreign.groupby("year")["weight"].sum(), counted)
    # Household links: one reference person per dwelling, spouses and children beside them.
    first = foreign[foreign["line"] == 1]
    assert (first["relationship"] == "reference person").all()
    assert first.groupby(["year", "dwelling"]).size().max() == 1
    assert {"spouse", "child"} <= set(foreign["relationship"])


def test_a_census_sample_weights_up_to_the_census_without_bias(paired):
    sample = paired["clean"].microdata["census_sample"]
    fraction = Measurement().census_sample_fraction
    assert set(sample["weight"]) == {1 / fraction}
    foreign = sample[sample["place_of_birth"] != sample["destination"]]
    weighted = foreign.groupby("year")["weight"].sum()
    counted = paired["clean"].observed["census"].groupby("year")["foreign_born"].sum()
    # Dwellings are sampled whole, so the error is about the dwellings' sampling error.
    assert np.all(np.abs(weighted / counted - 1) < 0.35)
    assert sample["variance_group"].between(0, 9).all()


def test_the_census_asks_legal_status_and_some_irregular_migrants_hide_it(paired):
    declared = paired["default"].microdata["census_sample"]["legal_status"]
    clean = paired["full"].microdata["census_sample"]
    assert set(declared) <= {"citizen", "permanent", "temporary", "irregular"}
    assert (clean["legal_status"] == "irregular").sum() > 0


def test_the_panel_rotates_one_group_a_year_and_keeps_the_sampling_fraction():
    params = Measurement(lfs_fraction=0.2, lfs_waves=4)
    prn = np.random.default_rng(0).random(200_000)
    years = [rotation(prn, year, params) for year in range(1, 9)]
    for in_sample, wave in years:
        assert in_sample.mean() == pytest.approx(0.2, abs=0.005)
        assert set(np.unique(wave[in_sample])) == {1, 2, 3, 4}
    # Three quarters of a year's sample are interviewed again the next year, one wave later.
    for (now, wave), (then, next_wave) in itertools.pairwise(years):
        stay = now & then
        assert stay.sum() / now.sum() == pytest.approx(0.75, abs=0.01)
        np.testing.assert_array_equal(next_wave[stay], wave[stay] + 1)


def test_the_survey_misses_irregular_migrants_only_through_its_errors(paired):
    def irregular_share(observations):
        survey = observations.microdata["labour_force_survey"]
        born_abroad = survey[survey["born_abroad"] & (survey["relationship"] == "reference person")]
        return born_abroad["dwelling"].nunique()

    # Without errors and with the whole frame, every foreign-born person of working age (migrants
    # and spouses not retired, grown children who came as children) is interviewed: as many as
    # the full census counts in its years.
    full = paired["full"].microdata["labour_force_survey"]
    interviewed = full[full["born_abroad"]].groupby("year").size()
    census = paired["full"].microdata["census_sample"]
    working_age = ~census["labour_status"].isin(["not working age", "retired"])
    adults = (
        census[(census["place_of_birth"] != census["destination"]) & working_age]
        .groupby("year")
        .size()
    )
    np.testing.assert_array_equal(interviewed.loc[adults.index], adults)
    assert irregular_share(paired["default"]) < irregular_share(paired["clean"])


def test_registers_see_everyone_but_irregular_entries_when_they_make_no_error(paired):
    clean = paired["clean"]
    flows = clean.observed["register_flows"].set_index(["year", "destination", "origin"])
    true = clean.truth["flows"].set_index(["year", "destination", "origin"])
    entries = true["entries"] + true["family_entries"]
    np.testing.assert_array_equal(flows["origin_emigration"], entries)
    irregular = clean.truth["entries"]
    irregular = irregular[irregular["channel"] == "irregular route"]
    irregular = irregular.set_index(["year", "destination", "origin"])["persons"]
    np.testing.assert_array_equal(flows["destination_immigration"], entries - irregular)
    noisy = paired["default"].observed["register_flows"]
    assert (noisy["origin_emigration"] <= flows["origin_emigration"].to_numpy()).all()
    assert noisy["origin_emigration"].sum() < 0.6 * flows["origin_emigration"].sum()


def test_the_lists_hold_only_irregular_residents_and_linkage_errors_split_people(paired):
    clean = paired["clean"].microdata["irregular_lists"]
    noisy = paired["default"].microdata["irregular_lists"]
    irregular = paired["clean"].truth["stocks"].groupby("year")["irregular"].sum()
    per_year = clean.groupby("year").size()
    assert (per_year <= irregular.loc[per_year.index]).all()
    assert (clean["on_police_list"] | clean["on_health_list"]).all()
    assert ((clean["apprehensions"] > 0) == clean["on_police_list"]).all()
    both = clean["on_police_list"] & clean["on_health_list"]
    assert both.sum() > 0
    # Missed links turn people on both lists into two records, one on each.
    unlinked = paired["unlinked"].microdata["irregular_lists"]
    assert not (unlinked["on_police_list"] & unlinked["on_health_list"]).any()
    assert len(unlinked) == len(clean) + both.sum()
    assert unlinked["apprehensions"].sum() == clean["apprehensions"].sum()
    assert len(noisy) > 0
