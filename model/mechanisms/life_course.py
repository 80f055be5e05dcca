"""Step 8d: the life course. Births, deaths at every age, retirement, children growing up abroad,
and households that lose their last resident.

At origin, working-age adults (returnees included) have children at ``demography.birth_rate``;
children, adults and the retired die at their ages' rates (UN World Population Prospects 2022);
working lives end at ``1 / demography.working_years`` a year in retirement at home, where the
retired live with their household. Abroad, couples (a migrant whose spouse joined) have children,
who grow up abroad with the children who joined: at ``1 / demography.youth_years`` a year they
leave the family as adults of the second generation (:mod:`model.mechanisms.second_generation`).
A migrant who dies abroad leaves savings to the household at home, where the surviving spouse
and children return. Retirement abroad is decided with the returns (step 7).

A household whose last resident has died, left or joined family abroad dissolves: its wealth and
enterprise go to its members abroad, shared equally, or, with none, to the other households of
its community, or, with none, to the state; it consumes, receives and counts for nothing until a
member comes home and re-founds it (docs/ODD.md §7.8).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from model import sectors
from model.events import snapshot
from model.mechanisms import moves, second_generation
from model.population import RETURNED, SPOUSE_HIGH, SPOUSE_LOW, residents

if TYPE_CHECKING:
    from model.model import TripleWinModel


def live_and_die(model: TripleWinModel) -> None:
    """Births, deaths and retirement at home, life abroad, the second generation, dissolution.

    Reads: households' members; migrant rows (status, family, retirement, savings, keys);
    ``params.demography``, ``params.integration`` (second generation).

    Writes: households' members, ``members_abroad``, ``wealth``, ``enterprise_capital`` and
    ``dissolved``; migrant rows (family, retirement; rows of the dead released);
    ``second_generation``; ``events.exited_abroad``; the people and money books.
    """
    _at_home(model)
    _returnees(model)
    _abroad(model)
    second_generation.age(model)
    dissolve_empty_households(model)


def _at_home(model: TripleWinModel) -> None:
    """Members who never migrated: births, deaths at every age, retirement at home."""
    table, people = model.households, model.migrants
    draws, keys = model.draws, model.household_keys
    params = model.params.demography
    n_origins = len(model.origins)
    working_returnees = (people.status == RETURNED) & ~people.retired
    adults = (
        table.workers_low
        + table.workers_high
        + np.bincount(people.household[working_returnees], minlength=table.size)
    )
    births = draws.poisson("births", keys, params.birth_rate * adults)
    youth_deaths = draws.binomial("deaths of children", keys, table.youth, params.child_mortality)
    low_deaths = draws.binomial(
        "deaths of low-skilled adults", keys, table.workers_low, params.adult_mortality
    )
    high_deaths = draws.binomial(
        "deaths of skilled adults", keys, table.workers_high, params.adult_mortality
    )
    elderly_deaths = draws.binomial(
        "deaths of the retired", keys, table.elderly, params.elderly_mortality
    )
    retire = 1.0 / params.working_years
    low_retire = draws.binomial(
        "end of working life, low-skilled", keys, table.workers_low - low_deaths, retire
    )
    high_retire = draws.binomial(
        "end of working life, skilled", keys, table.workers_high - high_deaths, retire
    )
    table.youth += (births - youth_deaths).astype(table.youth.dtype)
    table.workers_low -= (low_deaths + low_retire).astype(table.workers_low.dtype)
    table.workers_high -= (high_deaths + high_retire).astype(table.workers_high.dtype)
    table.elderly += (low_retire + high_retire - elderly_deaths).astype(table.elderly.dtype)
    deaths = youth_deaths + low_deaths + high_deaths + elderly_deaths
    by_origin = np.arange(n_origins)
    moves.book(
        model,
        "births",
        sectors.BORN,
        sectors.AT_ORIGIN,
        by_origin,
        np.bincount(table.origin, births, n_origins),
    )
    moves.book(
        model,
        "deaths",
        sectors.AT_ORIGIN,
        sectors.DIED,
        by_origin,
        np.bincount(table.origin, deaths, n_origins),
    )


def _returnees(model: TripleWinModel) -> None:
    """Returnees at home: deaths at their age's rate, and the end of their working lives."""
    people, params = model.migrants, model.params.demography
    rows = np.flatnonzero(people.status == RETURNED)
    keys = people.person_key[rows]
    retired = people.retired[rows]
    mortality = np.where(retired, params.elderly_mortality, params.adult_mortality)
    dies = model.draws.chance("deaths of returnees", keys, mortality)
    retiring = ~dies & ~retired
    retiring &= model.draws.chance("retirement of returnees", keys, 1.0 / params.working_years)
    people.retired[rows[retiring]] = True
    moves.book(
        model,
        "deaths",
        sectors.AT_ORIGIN,
        sectors.DIED,
        people.origin[rows[dies]],
        np.ones(int(dies.sum())),
    )
    people.release(rows[dies])


def _abroad(model: TripleWinModel) -> None:
    """Families abroad: children grow up or die, couples have children, spouses and migrants die."""
    people = model.migrants
    rows = np.flatnonzero(people.abroad())
    second_generation.grow_up(model, rows)
    _family_births_and_deaths(model, rows)
    _deaths_abroad(model, rows)


def _family_births_and_deaths(model: TripleWinModel, rows: np.ndarray) -> None:
    """Children die; couples of working age have children; spouses die."""
    people, table = model.migrants, model.households
    params = model.params.demography
    draws = model.draws
    keys = people.person_key[rows]
    status, origin = people.status[rows], people.origin[rows]
    joined_deaths = draws.binomial(
        "deaths of children who joined", keys, people.dependants[rows], params.child_mortality
    )
    born_deaths = draws.binomial(
        "deaths of children born abroad",
        keys,
        people.children_born_abroad[rows],
        params.child_mortality,
    )
    couple = (people.spouse[rows] > 0) & ~people.retired[rows]
    births = draws.poisson("births abroad", keys, 2.0 * params.birth_rate * couple)
    spouse_mortality = np.where(
        people.retired[rows], params.elderly_mortality, params.adult_mortality
    )
    spouse_dies = (people.spouse[rows] > 0) & draws.chance(
        "deaths of spouses abroad", keys, spouse_mortality
    )
    people.dependants[rows] -= joined_deaths.astype(np.int16)
    people.children_born_abroad[rows] += (births - born_deaths).astype(np.int16)
    people.spouse[rows[spouse_dies]] = 0
    change = births - joined_deaths - born_deaths - spouse_dies
    np.add.at(table.members_abroad, people.household[rows], change.astype(np.int16))
    moves.book_to_abroad(model, "births abroad", sectors.BORN, status, origin, births)
    deaths = joined_deaths + born_deaths + spouse_dies
    corridors = len(model.corridors)
    model.counts.births_abroad += np.bincount(people.corridor[rows], births, corridors).astype(
        np.int64
    )
    model.counts.deaths_abroad += np.bincount(people.corridor[rows], deaths, corridors).astype(
        np.int64
    )
    moves.book_from_abroad(model, "deaths abroad", sectors.DIED, status, origin, deaths)


def _deaths_abroad(model: TripleWinModel, rows: np.ndarray) -> None:
    """Migrants who die abroad: savings to the household, the family home, the row freed."""
    people, table = model.migrants, model.households
    params = model.params.demography
    mortality = np.where(people.retired[rows], params.elderly_mortality, params.adult_mortality)
    dying = rows[model.draws.chance("deaths abroad", people.person_key[rows], mortality)]
    model.events.exited_abroad = snapshot(people, model.year, dying)
    if dying.size == 0:
        return
    home = people.household[dying]
    status, origin = people.status[dying], people.origin[dying]
    children = people.children(dying)
    spouse = people.spouse[dying]
    retired = people.retired[dying]
    np.add.at(table.youth, home, children)
    np.add.at(table.workers_low, home[(spouse == SPOUSE_LOW) & ~retired], 1)
    np.add.at(table.workers_high, home[(spouse == SPOUSE_HIGH) & ~retired], 1)
    np.add.at(table.elderly, home[(spouse > 0) & retired], 1)
    np.subtract.at(table.members_abroad, home, people.persons(dying).astype(np.int16))
    table.dissolved[home] = False
    np.add.at(table.wealth, home, people.savings[dying])
    model.money.move_pairs(
        "bequests",
        sectors.MIGRANTS,
        people.destination[dying],
        sectors.ORIGIN_HOUSEHOLDS,
        origin,
        people.savings[dying],
    )
    moves.book_from_abroad(model, "deaths abroad", sectors.DIED, status, origin, np.ones(home.size))
    survivors = people.persons(dying) - 1
    corridor, corridors = people.corridor[dying], len(model.corridors)
    model.counts.deaths_abroad += np.bincount(corridor, minlength=corridors)
    model.counts.survivors_home += np.bincount(corridor, survivors, corridors).astype(np.int64)
    moves.book_from_abroad(
        model, "survivors coming home", sectors.AT_ORIGIN, status, origin, survivors
    )
    people.release(dying)


def dissolve_empty_households(model: TripleWinModel) -> None:
    """Households left without a resident dissolve; their estate goes to heirs.

    Heirs are the household's members abroad (their savings, shared equally); with none, the
    other households of the community that still have residents (their wealth, shared equally);
    with none, the origin state. Debts die with the household: its lenders, the rest of the
    world that charged it interest, write them off. A dissolved household keeps its row: a
    member who comes home re-founds it.
    """
    table, people = model.households, model.migrants
    empty = np.flatnonzero((residents(table, people) == 0) & ~table.dissolved)
    if empty.size == 0:
        return
    estate = table.wealth[empty] + table.enterprise_capital[empty]
    debts = np.bincount(table.origin[empty], np.maximum(-estate, 0.0), len(model.origins))
    world = model.money.index(sectors.REST_OF_WORLD)
    for o, account in enumerate(model.money.sector_indices(sectors.ORIGIN_HOUSEHOLDS)):
        model.money.move("debts written off", world, int(account), float(debts[o]))
    estate = np.maximum(estate, 0.0)
    table.wealth[empty] = 0.0
    table.enterprise_capital[empty] = 0.0
    table.dissolved[empty] = True
    to_abroad = _bequeath_abroad(model, empty, estate)
    rest = ~to_abroad
    _bequeath_to_community(model, empty[rest], estate[rest])


def _bequeath_abroad(model: TripleWinModel, homes: np.ndarray, estate: np.ndarray) -> np.ndarray:
    """Estates shared among the households' members abroad; which households had any."""
    people = model.migrants
    rows = np.flatnonzero(people.abroad() & np.isin(people.household, homes))
    heirs = np.bincount(people.household[rows], minlength=model.households.size)[homes]
    share = np.zeros(model.households.size)
    share[homes] = np.divide(estate, heirs, out=np.zeros_like(estate), where=heirs > 0)
    inherited = share[people.household[rows]]
    people.savings[rows] += inherited
    model.money.move_pairs(
        "inheritance",
        sectors.ORIGIN_HOUSEHOLDS,
        people.origin[rows],
        sectors.MIGRANTS,
        people.destination[rows],
        inherited,
    )
    return heirs > 0


def _bequeath_to_community(model: TripleWinModel, homes: np.ndarray, estate: np.ndarray) -> None:
    """Estates without heirs abroad go to the community's households, or else to the state."""
    if homes.size == 0:
        return
    table = model.households
    communities = int(table.community.max()) + 1
    living = ~table.dissolved
    members = np.bincount(table.community[living], minlength=communities)
    given = np.bincount(table.community[homes], estate, communities)
    per_household = np.divide(given, members, out=np.zeros(communities), where=members > 0)
    table.wealth[living] += per_household[table.community[living]]
    unclaimed = estate * (members[table.community[homes]] == 0)
    state = np.bincount(table.origin[homes], unclaimed, len(model.origins))
    model.flows.estates_to_state += state
    model.money.move_each(
        "estates without heirs", sectors.ORIGIN_HOUSEHOLDS, sectors.ORIGIN_GOVERNMENT, state
    )
