"""People and money are conserved, every year, whatever the policy: the books close.

The stocks each account holds are measured from the model's state (``model/stocks.py``),
independently of the flows the rules book; the books close when, for every account and year,
inflows minus outflows equal the change of the stock (money to a relative 1e-9, people exactly).
"""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from model import sectors
from model.model import TripleWinModel
from model.population import PARTNERSHIP, residents
from tests.conftest import small

MONEY_TOLERANCE = 1e-9


def assert_books_close(model: TripleWinModel) -> None:
    """Every account of both books, every year run so far."""
    years = model.year
    money = model.money.relative_residuals()[:years]
    worst = np.unravel_index(np.argmax(money), money.shape)
    account = model.money.accounts[worst[1]].name
    assert money.max() <= MONEY_TOLERANCE, f"year {worst[0] + 1}, {account}: {money.max():.3g}"
    people = model.people.residuals()[:years]
    assert np.abs(people).max() < 1e-6, model.people.stock_table(years).query("residual != 0")
    # The matrix sums to zero: what all accounts receive is what all pay, and the world's
    # stocks change by nothing in all (nothing is created).
    net = model.money.inflows()[:years] - model.money.outflows()[:years]
    scale = model.money.inflows()[:years].sum(axis=1)
    assert (np.abs(net.sum(axis=1)) <= MONEY_TOLERANCE * scale).all()
    changes = model.money.stock_changes()[:years]
    assert (np.abs(changes.sum(axis=1)) <= MONEY_TOLERANCE * scale).all()


def assert_population_is_consistent(model: TripleWinModel) -> None:
    """Households' own counters agree with the migrant rows; no count is negative."""
    table, people = model.households, model.migrants
    abroad = np.flatnonzero(people.abroad())
    counted = np.bincount(people.household[abroad], people.persons(abroad), table.size)
    np.testing.assert_array_equal(table.members_abroad, counted)
    for column in (table.workers_low, table.workers_high, table.youth, table.elderly):
        assert (column >= 0).all()
    assert (people.dependants[abroad] >= 0).all()
    assert (people.children_born_abroad[abroad] >= 0).all()
    np.testing.assert_allclose(
        model.households.remittances_received.sum(),
        model.money.item_total(model.year, "remittances"),
        rtol=1e-12,
    )


def test_people_and_money_are_conserved_every_year():
    model = TripleWinModel(small(), seed=11)
    for _ in range(model.horizon):
        model.step()
        assert_books_close(model)
        assert_population_is_consistent(model)
    books = model.people
    born = books.sector_indices(sectors.BORN)
    died = books.sector_indices(sectors.DIED)
    assert (books.stocks[-1, born] < 0).all() and (books.stocks[-1, died] > 0).all()
    assert model.money.item_total(model.horizon, "remittance fees") > 0


def test_the_origin_population_is_its_start_plus_births_less_deaths():
    model = TripleWinModel(small(), seed=2)
    books = model.people
    living = [
        books.index(sector, "origin")
        for sector in sectors.PEOPLE_OF_ORIGINS
        if sector not in (sectors.BORN, sectors.DIED)
    ]
    start = books.stocks[0, living].sum()
    for _ in range(model.horizon):
        model.step()
    births = -books.stocks[model.year, books.index(sectors.BORN, "origin")]
    deaths = books.stocks[model.year, books.index(sectors.DIED, "origin")]
    table, people = model.households, model.migrants
    counted = residents(table, people).sum()
    abroad = np.flatnonzero(people.abroad())
    counted += people.persons(abroad).sum() + model.second_generation.people().sum()
    assert counted == start + births - deaths
    assert births > 0 and deaths > 0


def test_no_household_without_residents_survives_a_year():
    scenario = small(integration={"reunification": 0.9}, simulation={"years": 20})
    model = TripleWinModel(scenario, seed=4)
    dissolved = 0
    empty = model.households.dissolved.copy()
    for _ in range(model.horizon):
        model.step()
        persons = residents(model.households, model.migrants)
        ghosts = (persons == 0) & ~model.households.dissolved
        assert not ghosts.any()
        # Households empty all year (dissolved at the end of the last) had nothing this year.
        assert (model.households.consumption[empty] == 0).all()
        assert (model.households.remittances_received[empty] == 0).all()
        still = empty & model.households.dissolved
        assert (model.households.wealth[still] == 0).all()
        empty = model.households.dissolved.copy()
        dissolved = max(dissolved, int(empty.sum()))
    assert dissolved > 0, "the test needs households that dissolve"


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
    portable=st.booleans(),
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
    portable=True,
)
def test_conservation_holds_for_any_policy(
    fee, quota, enforcement, circular, reunification, bonus, partnership, portable
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
            "pension_portability": portable,
            "education_subsidy": 0.5,
            "diaspora_matching": 1.0,
        },
    )
    model = TripleWinModel(scenario, seed=3)
    for _ in range(model.horizon):
        model.step()
        assert_population_is_consistent(model)
    assert_books_close(model)


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
        assert_population_is_consistent(model)
    assert_books_close(model)
    channels = model.migrants.channel[model.migrants.alive()]
    assert (channels == PARTNERSHIP).sum() > 0


def test_a_books_error_is_caught():
    """Money that appears without a flow makes the households' account fail to close."""
    model = TripleWinModel(small(simulation={"years": 3, "evaluation_years": 2}), seed=1)
    model.step()
    model.households.wealth[0] += 1000.0  # created from nothing
    model.step()
    relative = model.money.relative_residuals()[1]
    households = model.money.index(sectors.ORIGIN_HOUSEHOLDS, "origin")
    assert relative[households] > MONEY_TOLERANCE
