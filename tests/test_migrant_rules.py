"""Rules of life abroad: living costs, remittance needs, jobs by occupation and integration."""

from __future__ import annotations

import numpy as np
import pytest

from model.mechanisms import earnings
from model.model import TripleWinModel
from tests.conftest import small


def test_living_cost_follows_last_years_gdp_per_resident():
    scenario = small(destinations={"destination": {"tfp_growth": 0.03, "labour_force_trend": 0.0}})
    model = TripleWinModel(scenario, seed=2)
    for _ in range(10):
        model.step()
    economy = model.destinations[0]
    people = model.migrants
    rows = np.flatnonzero(people.abroad())
    residents = economy.native_population + people.persons(rows).sum()
    current = economy.output.sum() / residents
    assert current > 1.2 * scenario.destinations["destination"].gdp_per_capita  # it has grown
    _, needs, _, _ = earnings._net_income_and_needs(model, rows)
    params = scenario.remittances
    size = 1.0 + params.dependant_weight * (people.persons(rows) - 1)
    np.testing.assert_allclose(needs / size, params.living_cost * current, rtol=1e-12)
    assert economy.gdp_per_resident == pytest.approx(current, rel=1e-12)
