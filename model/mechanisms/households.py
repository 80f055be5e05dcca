"""Step 4: households receive remittances, consume, save, and invest in education and enterprise.

Consumption follows a buffer-stock rule (Deaton 1991): households protect a subsistence level,
consume a share of income above it and draw down a share of wealth; what is left is saved or
invested. Consumption is never below a destitution floor: what it costs beyond a household's
means is informal support from its community (Townsend 1994), levied on the other households'
wealth, or, where the community has none to share, social assistance from the origin state.
Education spending is a share of income per child (subsidised by the origin state).
Households able to afford the start-up capital open an enterprise with a small yearly chance
(returns of 20-33%: de Mel, McKenzie & Woodruff 2008); remittances put into a new enterprise are
matched by the origin state under ``diaspora_matching`` (Mexico's Tres por Uno).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from model import sectors
from model.population import RETURNED, residents

if TYPE_CHECKING:
    from model.model import TripleWinModel
    from model.scenario.behaviour import Households


def _income(model: TripleWinModel, persons: np.ndarray) -> np.ndarray:
    """Income before remittances: labour after tax, enterprise, interest, state transfers and the
    pensions returnees brought home; each booked from whoever pays it."""
    table = model.households
    params = model.params.households
    origin = table.origin
    n_origins = len(model.origins)
    books = model.money
    gdp = np.array([o.output / max(o.residents, 1.0) for o in model.origins])
    transfers = params.transfer * gdp[origin] * persons
    # The origin's account records the transfers paid here, to this year's residents.
    model.flows.transfers_paid = np.bincount(origin, transfers, n_origins)
    tax = model.markets.labour_income * model.origin_finances.tax_rate[origin]
    model.flows.origin_income_tax = np.bincount(origin, tax, n_origins)
    enterprise = (
        params.enterprise_return * table.enterprise_capital * model.shocks.income_multiplier
    )
    interest = model.params.world.world_interest_rate * table.wealth
    pensions = _pensions_brought_home(model)
    books.move_each(
        "transfers",
        sectors.ORIGIN_GOVERNMENT,
        sectors.ORIGIN_HOUSEHOLDS,
        model.flows.transfers_paid,
    )
    books.move_each(
        "income tax",
        sectors.ORIGIN_HOUSEHOLDS,
        sectors.ORIGIN_GOVERNMENT,
        model.flows.origin_income_tax,
    )
    books.move_each(
        "enterprise income",
        sectors.ORIGIN_FIRMS,
        sectors.ORIGIN_HOUSEHOLDS,
        np.bincount(origin, enterprise, n_origins),
    )
    world = books.index(sectors.REST_OF_WORLD)
    for o, account in enumerate(books.sector_indices(sectors.ORIGIN_HOUSEHOLDS)):
        books.move("interest", world, int(account), float(interest[origin == o].sum()))
    return model.markets.labour_income - tax + enterprise + interest + transfers + pensions


def _pensions_brought_home(model: TripleWinModel) -> np.ndarray:
    """Pensions the destinations pay to retired returnees at home, per household.

    Paid where the corridor's pensions are portable (``policy.pension_portability``); the
    returnee's ``pension`` is zero otherwise.
    """
    people, table = model.migrants, model.households
    rows = np.flatnonzero((people.status == RETURNED) & people.retired & (people.pension > 0))
    pension = people.pension[rows]
    model.flows.pensions_exported = np.bincount(
        people.destination[rows], pension, len(model.destinations)
    )
    model.money.move_pairs(
        "pensions",
        sectors.DESTINATION_GOVERNMENT,
        people.destination[rows],
        sectors.ORIGIN_HOUSEHOLDS,
        people.origin[rows],
        pension,
    )
    return np.bincount(people.household[rows], pension, table.size)


def receive_consume_save(model: TripleWinModel) -> None:
    """Income, consumption, education, enterprise and wealth of every household.

    Reads: households' members, ability, wealth, enterprise capital and ``remittances_received``
    (step 3); returnees (the migrant table); ``markets.labour_income`` and ``origin_wages``;
    ``shocks.income_multiplier``; ``origin_finances.tax_rate``; ``origin_parameters``
    (poverty line, education subsidy, diaspora matching); the origins' output and residents;
    retired returnees' pensions; ``params.households``.

    Writes: households' ``income``, ``consumption``, ``education_spending``, ``wealth`` and
    ``enterprise_capital``; ``flows`` (transfers, income tax, pensions brought home, remittances
    consumed, education subsidy, informal support, social assistance, diaspora matching); the
    money books.
    """
    table = model.households
    params = model.params.households
    origin = table.origin
    persons = residents(table, model.migrants)
    income = _income(model, persons)
    remittances = table.remittances_received
    subsistence = params.subsistence * model.origin_parameters.poverty_line[origin] * persons
    cash = income + remittances
    consumption = _consumption(cash, table.wealth, subsistence, params)
    without = _consumption(income, table.wealth, subsistence, params)
    model.flows.remittances_consumed = float((consumption - without).sum())
    # Consumption kept at the destitution floor beyond the household's cash income and wealth is
    # informal support from its community (Townsend 1994), not the household's debt.
    support = np.maximum(consumption - np.maximum(cash + np.maximum(table.wealth, 0.0), 0.0), 0.0)
    saving = cash - consumption + support
    education = np.minimum(
        np.maximum(saving, 0.0),
        params.education_share * np.maximum(income + remittances, 0.0) * table.youth,
    )
    subsidy = model.origin_parameters.education_subsidy[origin]
    table.education_spending[:] = education / (1.0 - subsidy)
    model.flows.education_subsidy_cost = np.bincount(
        origin, table.education_spending - education, len(model.origins)
    )
    table.wealth += saving - education
    table.income[:] = income
    table.consumption[:] = consumption
    _finance_support(model, support)
    _start_enterprises(model, remittances)
    _book_spending(model, consumption, education)


def _book_spending(model: TripleWinModel, consumption: np.ndarray, education: np.ndarray) -> None:
    """Book households' purchases and the origin state's programmes for them (docs/ODD.md §7.25)."""
    origin = model.households.origin
    n_origins = len(model.origins)
    books = model.money
    books.move_each(
        "consumption",
        sectors.ORIGIN_HOUSEHOLDS,
        sectors.ORIGIN_FIRMS,
        np.bincount(origin, consumption, n_origins),
    )
    books.move_each(
        "education",
        sectors.ORIGIN_HOUSEHOLDS,
        sectors.ORIGIN_FIRMS,
        np.bincount(origin, education, n_origins),
    )
    books.move_each(
        "education subsidy",
        sectors.ORIGIN_GOVERNMENT,
        sectors.ORIGIN_FIRMS,
        model.flows.education_subsidy_cost,
    )
    books.move_each(
        "social assistance",
        sectors.ORIGIN_GOVERNMENT,
        sectors.ORIGIN_HOUSEHOLDS,
        model.flows.social_assistance,
    )
    books.move_each(
        "diaspora matching",
        sectors.ORIGIN_GOVERNMENT,
        sectors.ORIGIN_HOUSEHOLDS,
        model.flows.diaspora_matching_cost,
    )


def _consumption(
    cash_income: np.ndarray, wealth: np.ndarray, subsistence: np.ndarray, params: Households
) -> np.ndarray:
    """Buffer-stock consumption: protect subsistence, consume a share of the rest and of wealth."""
    above = np.maximum(cash_income - subsistence, 0.0)
    desired = np.minimum(cash_income, subsistence) + params.consumption_propensity * above
    desired += params.wealth_drawdown * np.maximum(wealth, 0.0)
    floor = np.minimum(subsistence, cash_income + np.maximum(wealth, 0.0))
    destitution = params.destitution_floor / max(params.subsistence, 1e-9) * subsistence
    return np.maximum(np.maximum(desired, floor), destitution)


def _finance_support(model: TripleWinModel, support: np.ndarray) -> None:
    """Informal support is levied on the community's other households, in proportion to wealth.

    Villages share risk (Townsend 1994): what destitute households consume beyond their means is
    paid by the households of the same community with positive wealth, each in proportion to
    its wealth, so money is conserved. Supported households have no wealth left to levy. Where
    the community's wealth does not suffice, the origin state pays the rest as social assistance
    (``model.flows.social_assistance``, in the origin's account).
    """
    table = model.households
    n_communities = int(table.community.max()) + 1
    needed = np.bincount(table.community, support, n_communities)
    wealth = np.maximum(table.wealth, 0.0)
    pool = np.bincount(table.community, wealth, n_communities)
    rate = np.divide(needed, pool, out=np.zeros_like(needed), where=pool > 0)
    rate = np.minimum(rate, 1.0)
    table.wealth -= rate[table.community] * wealth
    unfunded = needed - rate * pool
    # Communities lie within one origin: the share unfunded is the same for all their households.
    unfunded_share = np.divide(unfunded, needed, out=np.zeros_like(needed), where=needed > 0)
    n_origins = len(model.origins)
    model.flows.informal_support = np.bincount(table.origin, support, n_origins)
    model.flows.social_assistance = np.bincount(
        table.origin, support * unfunded_share[table.community], n_origins
    )


def _start_enterprises(model: TripleWinModel, remittances: np.ndarray) -> None:
    table = model.households
    params = model.params.households
    cost = params.enterprise_cost * model.markets.origin_wages[table.origin, 0]
    able = (table.enterprise_capital == 0) & (table.wealth >= cost)
    start = able & model.draws.chance(
        "enterprise", model.household_keys, params.enterprise_propensity
    )
    match = (
        model.origin_parameters.diaspora_matching[table.origin]
        * np.minimum(remittances, cost)
        * start
    )
    table.wealth -= cost * start
    table.enterprise_capital += (cost + match) * start
    model.flows.diaspora_matching_cost = np.bincount(table.origin, match, len(model.origins))
