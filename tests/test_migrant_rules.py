"""Rules of life abroad: living costs, remittance needs, jobs by occupation and integration."""

from __future__ import annotations

import numpy as np
import pytest

from model.mechanisms import earnings, labour
from model.model import TripleWinModel
from model.population import NATURALISED, PERMANENT, RETURNED
from tests.conftest import small


def test_living_cost_follows_last_years_gdp_per_resident():
    scenario = small(destinations={"destination": {"tfp_growth": 0.03, "labour_force_trend": 0.0}})
    model = TripleWinModel(scenario, seed=2)
    for _ in range(10):
        model.step()
    economy = model.destinations[0]
    people = model.migrants
    rows = np.flatnonzero(people.abroad())
    grown = model.second_generation.people().sum()
    residents = economy.native_population + people.persons(rows).sum() + grown
    current = economy.output.sum() / residents
    assert current > 1.2 * scenario.destinations["destination"].gdp_per_capita  # it has grown
    needs = earnings._net_income_and_needs(model, rows).needs
    params = scenario.remittances
    size = 1.0 + params.dependant_weight * (people.persons(rows) - 1)
    np.testing.assert_allclose(needs / size, params.living_cost * current, rtol=1e-12)
    assert economy.gdp_per_resident == pytest.approx(current, rel=1e-12)


def model_after(years: int, seed: int = 3, **sections) -> TripleWinModel:
    model = TripleWinModel(small(**sections), seed=seed)
    for _ in range(years):
        model.step()
    model.year += 1  # the next year's draws
    model.draws.year = model.year
    return model


def jobs_after(model: TripleWinModel, change) -> np.ndarray:
    """Employment after this year's job finding and separation, with ``change`` applied first;
    the state is restored afterwards, so calls with different changes share their draws."""
    people = model.migrants
    saved = people.employed.copy(), people.unemployed_years.copy()
    restore = change(model)
    labour._migrant_jobs(model)
    result = people.employed.copy()
    people.employed[:], people.unemployed_years[:] = saved
    restore()
    return result


def test_job_finding_and_loss_follow_the_unemployment_of_the_migrants_occupation():
    model = model_after(8, policy={"skill_recognition": 0.6})
    economy = model.destinations[0]
    people = model.migrants
    rows = np.flatnonzero(people.abroad())
    skilled = rows[labour.skilled_job(model, rows)]
    others = rows[~labour.skilled_job(model, rows)]
    assert skilled.size > 10

    def skilled_slump(model):
        normal = economy.unemployment.copy()
        economy.unemployment[:, 1] = 0.4

        def restore():
            economy.unemployment[:] = normal

        return restore

    calm = jobs_after(model, lambda model: lambda: None)
    slump = jobs_after(model, skilled_slump)
    assert slump[skilled].sum() < calm[skilled].sum()
    np.testing.assert_array_equal(slump[others], calm[others])


def test_ties_to_natives_and_secure_status_raise_job_finding():
    model = model_after(8, integration={"job_finding": 0.15}, simulation={"households": 800})
    people = model.migrants
    rows = np.flatnonzero(people.abroad() & ~people.employed)
    secure = rows[np.isin(people.status[rows], [PERMANENT, NATURALISED])]
    assert secure.size > 0 and (people.ties[rows] > 0).any()

    def setting(**values):
        def change(model):
            params = model.params.integration
            old = {name: getattr(params, name) for name in values}
            for name, value in values.items():
                setattr(params, name, value)
            return lambda: [setattr(params, n, v) for n, v in old.items()]

        return change

    none = jobs_after(model, setting(ties_job_effect=0.0, status_job_effect=0.0))
    ties = jobs_after(model, setting(ties_job_effect=3.0, status_job_effect=0.0))
    status = jobs_after(model, setting(ties_job_effect=0.0, status_job_effect=3.0))
    assert (ties[rows] >= none[rows]).all() and ties[rows].sum() > none[rows].sum()
    assert (status[rows] >= none[rows]).all() and status[secure].sum() > none[secure].sum()
    insecure = np.setdiff1d(rows, secure)
    np.testing.assert_array_equal(status[insecure], none[insecure])


def test_remittance_need_counts_returnees_among_those_sharing_consumption():
    """One more returnee in a migrant's household lowers its consumption per resident, so the
    migrant's altruistic remittances rise."""
    model = model_after(6, remittances={"altruism": 0.1})
    people, table = model.migrants, model.households
    rows = np.flatnonzero(people.abroad())
    surplus = np.full(rows.size, 5000.0)
    before, _ = earnings._remittances(model, rows, surplus)
    i = int(np.argmax(table.consumption[people.household[rows]] > 0))
    extra = people.allocate(1)
    people.status[extra] = RETURNED
    people.household[extra] = people.household[rows[i]]
    people.origin[extra] = people.origin[rows[i]]
    after, _ = earnings._remittances(model, rows, surplus)
    assert after[i] > before[i]


def test_initial_stock_learnt_the_language_by_the_rule_used_abroad():
    """The stock at the start arrived speaking ``initial_language`` and learnt as migrants do
    every year abroad, programmes included."""
    languages = {}
    for spending in (0.0, 0.1):
        scenario = small(
            integration={"initial_language": 0.25}, policy={"integration_spending": spending}
        )
        model = TripleWinModel(scenario, seed=4)
        people = model.migrants
        rows = np.flatnonzero(people.abroad())
        years = people.years_abroad[rows]
        params = scenario.integration
        speed = min(params.language_speed * (1 + params.programme_effect * spending), 1.0)
        expected = 1.0 - 0.75 * (1.0 - speed) ** years
        np.testing.assert_allclose(people.language[rows], expected, rtol=1e-12)
        assert (people.language[rows][years == 0] == 0.25).all()
        languages[spending] = people.language[rows]
    assert (languages[0.1] >= languages[0.0]).all() and (languages[0.1] > languages[0.0]).any()
