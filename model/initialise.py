"""Initial state: households, the initial stock of migrants abroad, wealth and labour markets.

The start is stylised, not a snapshot: runs begin with a corridor's migrant stock already abroad
(statuses, years abroad and integration drawn around plausible values) and the evaluation window
comes after a burn-in (``simulation.years - simulation.evaluation_years``) in which the model
settles into its own dynamics.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from model.mechanisms import earnings, labour, public_finance
from model.population import (
    HIGH,
    IRREGULAR,
    IRREGULAR_ROUTE,
    NATURALISED,
    PERMANENT,
    PERMANENT_WORK,
    PERSONS_PER_HOUSEHOLD,
    TEMPORARY,
    TEMPORARY_WORK,
)
from model.scenario.schema import Scenario
from model.state import Markets

if TYPE_CHECKING:
    from model.model import TripleWinModel

# Statuses of the initial stock, in the order of ``InitialStock.status_weights``.
INITIAL_STATUSES = np.array([TEMPORARY, PERMANENT, IRREGULAR, NATURALISED], dtype=np.int8)


def split_households(params: Scenario) -> np.ndarray:
    """Households per origin, proportional to ``household_share`` (largest remainder)."""
    weights = np.array([o.household_share for o in params.origins.values()])
    exact = params.simulation.households * weights / weights.sum()
    counts = np.floor(exact).astype(int)
    shortfall = params.simulation.households - counts.sum()
    counts[np.argsort(counts - exact, kind="stable")[:shortfall]] += 1
    return counts


def populate_households(model: TripleWinModel, counts: np.ndarray) -> None:
    """Draw household composition, skills, ability and exposure to drought."""
    rng = model.streams.init
    table = model.households
    start = 0
    community_offset = 0
    for origin, (count, config) in enumerate(
        zip(counts, model.params.origins.values(), strict=True)
    ):
        rows = slice(start, start + count)
        table.origin[rows] = origin
        table.community[rows] = community_offset + np.arange(count) // config.community_size
        community_offset += -(-count // config.community_size)
        workers = 1 + rng.poisson(config.household_workers - 1.0, count)
        table.workers_high[rows] = rng.binomial(workers, config.skilled_share)
        table.workers_low[rows] = workers - table.workers_high[rows]
        table.youth[rows] = rng.poisson(config.household_youth, count)
        sigma = config.productivity_dispersion
        table.ability[rows] = rng.lognormal(-0.5 * sigma**2, sigma, count)
        table.drought_exposed[rows] = rng.random(count) < config.drought_exposure
        start += count


def origin_labour(model: TripleWinModel) -> np.ndarray:
    """Labour supply ``[low, high]`` in efficiency units, per origin (rows)."""
    table = model.households
    n_origins = len(model.origin_names)
    employment = np.array([1.0 - o.unemployment_rate for o in model.params.origins.values()])
    effective = table.ability * employment[table.origin]
    low = np.bincount(table.origin, effective * table.workers_low, n_origins)
    high = np.bincount(table.origin, effective * table.workers_high, n_origins)
    return np.column_stack([low, high])


def _choose_senders(model: TripleWinModel, origin: int, count: int) -> np.ndarray:
    """Households that had sent a member: those with two or more workers, abler ones more often.

    Drawn without replacement with probability proportional to ``ability^sender_selection``
    (the largest keys ``sender_selection ln(ability) + Gumbel``).
    """
    rng = model.streams.init
    table = model.households
    selection = model.params.initial_stock.sender_selection
    eligible = (table.origin == origin) & (table.workers_low + table.workers_high >= 2)
    keys = np.where(
        eligible, selection * np.log(table.ability) + rng.gumbel(size=table.size), -np.inf
    )
    count = min(count, int(eligible.sum()))
    if count <= 0:
        return np.zeros(0, dtype=int)
    # Sorted: argpartition's order depends on numpy's SIMD code, and senders are placed in order.
    return np.sort(np.argpartition(-keys, count - 1)[:count])


def populate_migrants(model: TripleWinModel) -> None:
    """Place each corridor's initial stock abroad, taking one worker from each sending household."""
    rng = model.streams.init
    table = model.households
    corridors = model.corridors
    for c in range(len(corridors)):
        origin, destination = int(corridors.origin[c]), int(corridors.destination[c])
        persons = (table.workers_low + table.workers_high + table.youth)[
            table.origin == origin
        ].sum()
        senders = _choose_senders(
            model, origin, round(corridors.initial_emigration_rate[c] * persons)
        )
        rows = model.migrants.allocate(senders.size)
        _describe_initial_migrants(model, rows, senders, c, origin, destination, rng)


def _describe_initial_migrants(
    model: TripleWinModel,
    rows: np.ndarray,
    senders: np.ndarray,
    corridor: int,
    origin: int,
    destination: int,
    rng: np.random.Generator,
) -> None:
    table, people = model.households, model.migrants
    n = rows.size
    skilled = (
        rng.random(n) * (table.workers_low[senders] + table.workers_high[senders])
        < table.workers_high[senders]
    )
    table.workers_high[senders] -= skilled
    table.workers_low[senders] -= ~skilled
    table.members_abroad[senders] += 1
    people.person_key[rows] = (
        senders.astype(np.int64) * PERSONS_PER_HOUSEHOLD + table.emigrants[senders]
    )
    table.emigrants[senders] += 1
    stock = model.params.initial_stock
    shares = stock.status_weights()
    people.status[rows] = rng.choice(INITIAL_STATUSES, size=n, p=shares / shares.sum())
    people.household[rows] = senders
    people.origin[rows] = origin
    people.destination[rows] = destination
    people.corridor[rows] = corridor
    people.skill[rows] = skilled
    people.ability[rows] = table.ability[senders]
    years = rng.integers(0, stock.max_years_abroad + 1, n)
    people.years_abroad[rows] = years
    people.departure_year[rows] = -years
    people.residence_years[rows] = years
    people.trips[rows] = 1
    people.channel[rows] = np.select(
        [people.status[rows] == TEMPORARY, people.status[rows] == IRREGULAR],
        [TEMPORARY_WORK, IRREGULAR_ROUTE],
        PERMANENT_WORK,
    )
    policy = model.corridors.policies[corridor]
    people.permit_left[rows] = rng.integers(1, policy.visa_years + 1, n)
    people.return_plan[rows] = people.status[rows] != NATURALISED
    _integrate_initial_migrants(model, rows, years, corridor, destination, rng)


def _integrate_initial_migrants(
    model: TripleWinModel,
    rows: np.ndarray,
    years: np.ndarray,
    corridor: int,
    destination: int,
    rng: np.random.Generator,
) -> None:
    """Language, ties, recognition, jobs and region of the initial stock after ``years`` abroad.

    Occupations follow from these in ``settle_initial_state`` (``update_migrant_labour``).
    """
    people, stock = model.migrants, model.params.initial_stock
    n = rows.size
    policy = model.corridors.policies[corridor]
    # Language as if learnt abroad from arrival, by the yearly rule of integration.integrate.
    integration = model.params.integration
    boost = 1.0 + integration.programme_effect * policy.integration_spending
    speed = min(integration.language_speed * boost, 1.0)
    start = integration.initial_language
    people.language[rows] = 1.0 - (1.0 - start) * (1.0 - speed) ** years
    people.ties[rows] = stock.ties_per_language * people.language[rows]
    people.recognised[rows] = (people.skill[rows] == HIGH) & (
        rng.random(n) < 1.0 - (1.0 - policy.skill_recognition) ** years
    )
    people.employed[rows] = rng.random(n) < stock.employment
    economy = model.destinations[destination]
    natives = economy.natives.sum(axis=1)
    people.region[rows] = rng.choice(natives.size, size=n, p=natives / natives.sum())


def _initial_destination_output(model: TripleWinModel) -> None:
    """Output at natural unemployment with the initial stock at work, and GDP per resident."""
    for economy in model.destinations:
        natives = economy.natives * (1.0 - economy.config.natural_unemployment)
        economy.output = economy.clearing_wages(
            natives, model.markets.migrant_labour[economy.index]
        )[2]
    for economy in model.destinations:
        economy.gdp_per_resident = public_finance.destination_gdp_per_capita(model, economy.index)


def opening_markets(model: TripleWinModel) -> Markets:
    """The labour markets before the first year: the origins' calibrated wages, nobody abroad yet.

    :func:`settle_initial_state` then places the initial stock in the destinations' markets.
    """
    n_origins, n_dest = len(model.origins), len(model.destinations)
    n_regions = max(len(d.region_names) for d in model.destinations)
    return Markets(
        origin_wages=np.array([o.wages for o in model.origins]),
        labour_income=np.zeros(model.households.size),
        migrant_labour=[np.zeros((len(d.region_names), 2)) for d in model.destinations],
        region_network=np.zeros((n_origins, n_dest, n_regions), dtype=np.int64),
        migrant_wage_bill=np.zeros(n_dest),
    )


def settle_initial_state(model: TripleWinModel) -> None:
    """Initial wealth, savings of the initial stock, migrant labour and destination output."""
    rng = model.streams.init
    table = model.households
    wages = model.markets.origin_wages
    income = table.ability * (
        wages[table.origin, 0] * table.workers_low + wages[table.origin, HIGH] * table.workers_high
    )
    # Keyed to the household, so a scenario with another initial stock abroad (no_migration, say)
    # starts its households with the same wealth draws.
    sigma = model.params.households.initial_wealth_dispersion
    z = model.draws.normal("initial wealth", model.household_keys)
    luck = np.exp(sigma * z - 0.5 * sigma**2)  # log-normal with mean one
    table.wealth[:] = model.params.households.initial_wealth * income * luck
    people = model.migrants
    abroad = np.flatnonzero(people.abroad())
    people.savings_target[abroad] = earnings.savings_targets(
        model, people.household[abroad], rng.standard_normal(abroad.size)
    )
    people.savings[abroad] = (
        model.params.initial_stock.savings_share
        * people.savings_target[abroad]
        * rng.random(abroad.size)
    )
    labour.update_migrant_labour(model)
    _initial_destination_output(model)
