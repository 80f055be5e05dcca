"""Determinism, policy responses, closed borders, several countries, agents as live handles."""

from __future__ import annotations

import itertools

import mesa
import numpy as np
import pandas as pd

from model.agents import Household, Migrant
from model.indicators import CANONICAL
from model.model import TripleWinModel
from model.population import MigrantTable
from model.simulation import simulate
from tests.conftest import small


def test_same_seed_gives_identical_numbers_and_other_seeds_differ():
    scenario = small()
    first = simulate(scenario, np.random.SeedSequence(42))
    second = simulate(scenario, np.random.SeedSequence(42))
    pd.testing.assert_frame_equal(first.yearly, second.yearly)
    other = simulate(scenario, np.random.SeedSequence(43))
    assert not first.yearly.equals(other.yearly)


def test_every_canonical_indicator_is_reported_and_finite():
    result = simulate(small(), 7)
    for name in CANONICAL:
        assert np.isfinite(result.indicators[name]), name
    assert 0 < result.indicators["emigration_rate"] < 1
    assert 0 <= result.indicators["migrant_employment_rate"] <= 1


def received_with_fee(fee: float, seed: int) -> float:
    scenario = small(policy={"remittance_fee": fee})
    return simulate(scenario, np.random.SeedSequence(seed)).yearly["remittances_received"].sum()


def test_higher_remittance_fee_gives_households_less():
    seeds = range(3)
    cheap = np.mean([received_with_fee(0.02, s) for s in seeds])
    dear = np.mean([received_with_fee(0.15, s) for s in seeds])
    assert dear < cheap


def test_received_falls_with_the_fee_for_the_same_migrants():
    """With identical migrants (same seed, one year), the fee alone lowers what arrives."""
    amounts = []
    for fee in (0.0, 0.05, 0.1, 0.2):
        model = TripleWinModel(small(policy={"remittance_fee": fee}), seed=9)
        model.step()
        amounts.append(model.money.item_total(1, "remittances"))
    assert all(a > b for a, b in itertools.pairwise(amounts))


def closed_borders():
    return small(
        policy={"temporary_quota": 0.0, "permanent_quota": 0.0},
        destinations={"destination": {"study_quota": 0.0, "humanitarian_quota": 0.0}},
        corridors={"main": {"initial_emigration_rate": 0.0}},
        migration={"propensity": 0.0, "irregular_propensity": 0.0},
    )


def test_closed_borders_have_no_migrants_and_no_remittances():
    model = TripleWinModel(closed_borders(), seed=1)
    for _ in range(model.horizon):
        model.step()
        assert not model.migrants.abroad().any()
        assert model.money.item_total(model.year, "remittances") == 0.0
        assert model.households.remittances_received.sum() == 0.0
    frame = model.recorder.frame()
    assert (frame["migrants_abroad"] == 0).all() and (frame["remittances_to_gdp"] == 0).all()
    assert (frame["welfare_migrants"] == 0).all()


def two_by_two():
    return small(
        replace={
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
    )


def test_two_origins_and_two_destinations_report_each_country():
    result = simulate(two_by_two(), 4)
    assert set(result.by_country) == {
        "origin:south",
        "origin:east",
        "destination:north",
        "destination:west",
    }
    south, east = result.by_country["origin:south"], result.by_country["origin:east"]
    assert east["origin_gdp_per_capita"] > south["origin_gdp_per_capita"]
    for key, values in result.by_country.items():
        assert values["migrants_abroad"] > 0, key
    pooled = result.indicators["migrants_abroad"]
    by_destination = (
        result.by_country["destination:north"]["migrants_abroad"]
        + result.by_country["destination:west"]["migrants_abroad"]
    )
    assert np.isclose(pooled, by_destination)


def test_migrants_flow_along_all_four_corridors():
    model = TripleWinModel(two_by_two(), seed=2)
    for _ in range(model.horizon):
        model.step()
    people = model.migrants
    abroad = people.abroad()
    used = {
        (int(o), int(d))
        for o, d in zip(people.origin[abroad], people.destination[abroad], strict=True)
    }
    assert used == {(0, 0), (0, 1), (1, 0), (1, 1)}


def test_agents_are_mesa_agents_reading_live_columns():
    model = TripleWinModel(small(), seed=8)
    households = model.agents_by_type[Household]
    assert len(households) == model.households.size
    handle = model.household_handles[3]
    model.households.wealth[3] = 1234.5
    assert handle.wealth == 1234.5
    handle.wealth = 99.0
    assert model.households.wealth[3] == 99.0
    for _ in range(3):
        model.step()
    alive = model.migrants_alive
    assert len(alive) == int(model.migrants.alive().sum())
    wages = alive.get("wage")
    rows = np.flatnonzero(model.migrants.alive())
    np.testing.assert_allclose(wages, model.migrants.wage[rows])
    migrant = alive.to_list()[0]
    assert isinstance(migrant, Migrant)
    assert migrant.status in {"temporary", "permanent", "irregular", "naturalised", "returned"}
    assert migrant in model.household_handles[migrant.household].migrants


def test_migrant_handles_exist_exactly_for_rows_ever_allocated(monkeypatch):
    allocated: set[int] = set()
    original = MigrantTable.allocate

    def recording(table, count):
        rows = original(table, count)
        allocated.update(int(r) for r in rows)
        return rows

    monkeypatch.setattr(MigrantTable, "allocate", recording)
    model = TripleWinModel(small(), seed=8)
    for _ in range(model.horizon + 1):
        assert [h.row for h in model.migrant_handles] == sorted(allocated)
        assert len(model.agents_by_type[Migrant]) == len(allocated)
        if model.year < model.horizon:
            model.step()
    assert model.migrants.size > len(allocated)  # spare capacity has no handles


def test_headless_runs_register_no_handles_until_an_agent_is_asked_for():
    model = TripleWinModel(small(), seed=8)
    for _ in range(3):
        model.step()
    economies = len(model.origins) + len(model.destinations)
    registered = mesa.Model.agents.fget(model)  # Mesa's registry, without making handles
    assert len(registered) == economies
    everyone = len(model.agents)
    assert everyone == economies + model.households.size + model.migrants.rows_used
    model.step()  # rows first taken from now on get their handle at once
    assert len(mesa.Model.agents.fget(model)) == (
        economies + model.households.size + model.migrants.rows_used
    )
