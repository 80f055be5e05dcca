"""People and money are conserved, every year, whatever the policy."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from model.model import TripleWinModel
from model.population import PARTNERSHIP, residents
from tests.conftest import small


def people_by_origin(model: TripleWinModel) -> tuple[np.ndarray, np.ndarray]:
    """Residents and persons abroad per origin, counted from the columns."""
    table, people = model.households, model.migrants
    n = len(model.origins)
    home = np.bincount(table.origin, residents(model.households, model.migrants), n)
    abroad = np.flatnonzero(people.abroad())
    return home, np.bincount(people.origin[abroad], people.persons(abroad), n)


def assert_conserved(model: TripleWinModel) -> None:
    home, abroad = people_by_origin(model)
    np.testing.assert_array_equal(model.ledger.origin_born, home + abroad)
    ledger = model.ledger
    assert np.isclose(
        ledger.remittances_sent, ledger.remittances_received + ledger.remittance_fees, rtol=1e-12
    )
    np.testing.assert_allclose(
        model.households.remittances_received.sum(), ledger.remittances_received, rtol=1e-12
    )
    assert (model.households.workers_low >= 0).all() and (model.households.workers_high >= 0).all()
    assert (model.households.youth >= 0).all() and (model.households.members_abroad >= 0).all()


def test_people_and_money_are_conserved_every_year():
    model = TripleWinModel(small(), seed=11)
    assert_conserved_start = people_by_origin(model)
    np.testing.assert_array_equal(model.ledger.origin_born, sum(assert_conserved_start))
    for _ in range(model.horizon):
        model.step()
        assert_conserved(model)
    assert model.ledger.remittance_fees > 0
    assert model.ledger.births.sum() > 0 and model.ledger.exits_abroad.sum() > 0


def test_members_abroad_match_the_migrant_rows():
    model = TripleWinModel(small(), seed=5)
    for _ in range(10):
        model.step()
    people = model.migrants
    abroad = np.flatnonzero(people.abroad())
    counted = np.bincount(people.household[abroad], people.persons(abroad), model.households.size)
    np.testing.assert_array_equal(model.households.members_abroad, counted)


@settings(
    max_examples=8, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    fee=st.floats(0.0, 0.3),
    quota=st.floats(0.0, 30.0),
    enforcement=st.floats(0.0, 1.0),
    circular=st.booleans(),
    reunification=st.booleans(),
    bonus=st.floats(0.0, 3.0),
    partnership=st.floats(0.0, 50.0),
)
# A household that sent a trainee and also applied once left twice (negative workers).
@example(
    fee=0.0,
    quota=0.0,
    enforcement=0.5,
    circular=False,
    reunification=True,
    bonus=1.0,
    partnership=43.0,
)
def test_conservation_holds_for_any_policy(
    fee, quota, enforcement, circular, reunification, bonus, partnership
):
    scenario = small(
        simulation={"households": 200, "years": 8, "evaluation_years": 3},
        policy={
            "remittance_fee": fee,
            "temporary_quota": quota,
            "enforcement": enforcement,
            "circular_reentry": circular,
            "family_reunification": reunification,
            "return_bonus": bonus,
            "training_partnership": partnership,
        },
    )
    model = TripleWinModel(scenario, seed=3)
    for _ in range(model.horizon):
        model.step()
        assert_conserved(model)


def test_two_partner_destinations_never_train_or_take_one_youth_twice():
    scenario = small(
        replace={
            "origins": {"south": {}},
            "destinations": {"north": {}, "west": {}},
            "corridors": {
                "south_north": {"origin": "south", "destination": "north"},
                "south_west": {"origin": "south", "destination": "west"},
            },
        },
        policy={"training_partnership": 200.0},
        skills={"training_away_share": 1.0},
    )
    model = TripleWinModel(scenario, seed=12)
    for _ in range(model.horizon):
        model.step()
        assert_conserved(model)
    channels = model.migrants.channel[model.migrants.alive()]
    assert (channels == PARTNERSHIP).sum() > 0
