"""Step 2: labour markets clear in every economy, region and skill.

At origin, residents' labour (returnees with their premium, Wahba 2015) sets wages through the
origin's production function. Abroad, unemployed migrants find jobs faster with language, networks
(Munshi 2003), ties to natives (Kalter & Kogan 2014), secure status (Kogan 2011) and less
discrimination, and lose them when natives of their occupation's skill are out of work; skilled migrants work in
skilled jobs only once their credentials are recognised and their language suffices (brain waste:
Mattoo, Neagu & Özden 2008). Their wages are marginal products in the destination's nested CES,
reduced by language, discrimination and irregular status.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from model import sectors
from model.mechanisms import second_generation
from model.population import HIGH, IRREGULAR, NATURALISED, PERMANENT, RETURNED

if TYPE_CHECKING:
    from model.model import TripleWinModel


def clear_markets(model: TripleWinModel) -> None:
    """Set origin wages and labour incomes, migrants' jobs and wages abroad.

    Reads: households' members, ability and ``origin``; returnees (the migrant table);
    ``shocks``; migrants abroad (skill, language, ties, status, recognition, region, network);
    ``origin_parameters.unemployment_rate``, ``destination_parameters`` (natural unemployment,
    discrimination); the economies' production.

    Writes: ``markets`` (origin wages, labour income, migrant labour, region network, migrant
    wage bill); households' ``shock_loss``; returnees' ``income`` and ``wage``; migrants'
    ``employed``, ``unemployed_years``, ``occupation`` and ``wage``;
    ``second_generation.employed``; the economies' wages, output, unemployment and natives'
    capital income; the money books (wages and capital income paid by firms).
    """
    _clear_origins(model)
    _migrant_jobs(model)
    update_migrant_labour(model)
    grown = second_generation.employ(model)
    for economy in model.destinations:
        regions = len(economy.region_names)
        economy.clear_labour_market(
            model.markets.migrant_labour[economy.index],
            model.shocks.cycle[economy.index],
            grown[economy.index, :regions].astype(float),
        )
    _migrant_wages(model)
    _pay_factor_incomes(model)


def _clear_origins(model: TripleWinModel) -> None:
    table, people = model.households, model.migrants
    n_origins = len(model.origins)
    employment = 1.0 - model.origin_parameters.unemployment_rate
    effort = table.ability * employment[table.origin] * model.shocks.income_multiplier
    returned = np.flatnonzero((people.status == RETURNED) & ~people.retired)
    home = people.household[returned]
    returnee_effort = (
        people.ability[returned]
        * (1.0 + model.params.skills.returnee_premium)
        * employment[people.origin[returned]]
        * model.shocks.income_multiplier[home]
    )
    skill = people.skill[returned]
    labour = np.column_stack(
        [
            np.bincount(table.origin, effort * table.workers_low, n_origins)
            + np.bincount(people.origin[returned], returnee_effort * (skill == 0), n_origins),
            np.bincount(table.origin, effort * table.workers_high, n_origins)
            + np.bincount(people.origin[returned], returnee_effort * (skill == HIGH), n_origins),
        ]
    )
    for economy in model.origins:
        economy.clear_labour_market(labour[economy.index])
    model.markets.origin_wages = np.array([o.wages for o in model.origins])
    wages = model.markets.origin_wages
    returnee_income = wages[people.origin[returned], skill] * returnee_effort
    retired = (people.status == RETURNED) & people.retired
    people.income[retired] = people.pension[retired]
    people.wage[retired] = 0.0
    people.income[returned] = returnee_income
    people.wage[returned] = returnee_income
    income = effort * (
        wages[table.origin, 0] * table.workers_low + wages[table.origin, 1] * table.workers_high
    )
    income += np.bincount(home, returnee_income, table.size)
    model.markets.labour_income = income
    table.shock_loss[:] = income * np.maximum(0.0, 1.0 / model.shocks.income_multiplier - 1.0)


def _migrant_jobs(model: TripleWinModel) -> None:
    """Job finding and separation of migrants abroad.

    Both follow the natives' unemployment in the migrant's region at the skill level of the job
    the migrant can hold (:func:`skilled_job`). Language, ties to natives (Kalter & Kogan 2014;
    Lancee 2012), secure status (Kogan 2011; OECD 2018) and compatriots (Munshi 2003) raise job
    finding; discrimination lowers it (Quillian et al. 2019).
    """
    people = model.migrants
    rows = np.flatnonzero(people.abroad() & ~people.retired)
    params = model.params.integration
    destination = people.destination[rows]
    region = people.region[rows]
    status = people.status[rows]
    irregular = status == IRREGULAR
    level = skilled_job(model, rows).astype(np.intp)
    regional_unemployment = np.zeros(rows.size)
    for economy in model.destinations:
        mine = destination == economy.index
        regional_unemployment[mine] = economy.unemployment[region[mine], level[mine]]
    natural = model.destination_parameters.natural_unemployment[destination]
    # Numerical guard: a natural rate of zero is allowed by the schema.
    pressure = regional_unemployment / np.maximum(natural, 1e-3)
    separation = np.where(irregular, params.irregular_separation, params.job_separation) * pressure
    network = model.markets.region_network[people.origin[rows], destination, region]
    finding = (
        params.job_finding
        * (1.0 - model.destination_parameters.discrimination[destination])
        * (1.0 - params.language_job_effect * (1.0 - people.language[rows]))
        * (1.0 + model.params.migration.network_job_effect * np.log1p(network))
        * (1.0 + params.ties_job_effect * people.ties[rows])
        * (1.0 + params.status_job_effect * ((status == PERMANENT) | (status == NATURALISED)))
        * (1.0 - regional_unemployment)
        / (1.0 - natural)
    )
    draw = model.draws.uniform("job", people.person_key[rows])
    employed = people.employed[rows]
    people.employed[rows] = np.where(employed, draw >= separation, draw < finding)
    people.unemployed_years[rows] = np.where(
        people.employed[rows], 0, people.unemployed_years[rows] + 1
    )


def efficiency(model: TripleWinModel, rows: np.ndarray) -> np.ndarray:
    """Efficiency units a migrant supplies: ability, less a penalty for weak language."""
    people = model.migrants
    penalty = model.params.integration.language_productivity
    return people.ability[rows] * (1.0 - penalty * (1.0 - people.language[rows]))


def skilled_job(model: TripleWinModel, rows: np.ndarray) -> np.ndarray:
    """Whether each migrant can hold a skilled job: skilled, recognised, with enough language.

    Otherwise a skilled migrant works below skill (brain waste: Mattoo, Neagu & Özden 2008;
    Chiswick & Miller 2009).
    """
    people = model.migrants
    return (
        (people.skill[rows] == HIGH)
        & people.recognised[rows]
        & (people.language[rows] >= model.params.skills.language_for_skilled_job)
    )


def update_migrant_labour(model: TripleWinModel) -> None:
    """Occupations, employed migrant labour by destination, region and occupation, and networks.

    Writes: migrants' ``occupation``; ``markets.migrant_labour`` and ``markets.region_network``.
    """
    people = model.migrants
    rows = np.flatnonzero(people.abroad())
    people.occupation[rows] = skilled_job(model, rows)
    n_regions = max(len(d.region_names) for d in model.destinations)
    n_dest = len(model.destinations)
    destination, region = people.destination[rows], people.region[rows]
    cell = (destination * n_regions + region) * 2 + people.occupation[rows]
    units = efficiency(model, rows) * people.employed[rows]
    labour = np.bincount(cell, units, n_dest * n_regions * 2).reshape(n_dest, n_regions, 2)
    model.markets.migrant_labour = [
        labour[d.index, : len(d.region_names)] for d in model.destinations
    ]
    n_origins = len(model.origins)
    key = (people.origin[rows] * n_dest + destination) * n_regions + region
    model.markets.region_network = np.bincount(
        key, minlength=n_origins * n_dest * n_regions
    ).reshape(n_origins, n_dest, n_regions)


def _migrant_wages(model: TripleWinModel) -> None:
    people = model.migrants
    rows = np.flatnonzero(people.abroad())
    destination = people.destination[rows]
    price = np.zeros(rows.size)
    for economy in model.destinations:
        mine = destination == economy.index
        price[mine] = economy.migrant_wages[
            people.region[rows[mine]], people.occupation[rows[mine]]
        ]
    penalty = 1.0 - model.destination_parameters.discrimination[destination]
    penalty = penalty * np.where(
        people.status[rows] == IRREGULAR, 1.0 - model.params.integration.irregular_wage_penalty, 1.0
    )
    people.marginal_product[rows] = price * efficiency(model, rows) * people.employed[rows]
    people.wage[rows] = people.marginal_product[rows] * penalty
    # Recorded when paid, so natives' income (step 10) leaves out exactly the wages that went to
    # migrants this year, including those who return or leave the model later in the year.
    model.markets.migrant_wage_bill = np.bincount(
        destination, people.wage[rows], len(model.destinations)
    )
    model.flows.discrimination_rent = np.bincount(
        destination, people.marginal_product[rows] - people.wage[rows], len(model.destinations)
    )


def _pay_factor_incomes(model: TripleWinModel) -> None:
    """Firms pay this year's wages and capital income (booked in the money accounts).

    At origin, workers (returnees included) earn the labour share of output and the capital
    owners, investors outside the simulated households, the rest. At destination, natives,
    migrants and migrants' grown children earn their wages; the rest of output is capital
    income: natives own the capital their own labour would hold at the world interest rate, and
    the user cost of the capital installed because of migrants goes to its owners in the rest of
    the world (:meth:`DestinationEconomy.migrant_capital_rent`).
    """
    books = model.money
    world = books.index(sectors.REST_OF_WORLD)
    table = model.households
    labour_income = np.bincount(table.origin, model.markets.labour_income, len(model.origins))
    books.move_each("wages", sectors.ORIGIN_FIRMS, sectors.ORIGIN_HOUSEHOLDS, labour_income)
    for economy in model.origins:
        firms = books.index(sectors.ORIGIN_FIRMS, economy.name)
        books.move("capital income", firms, world, economy.output - labour_income[economy.index])
    for economy in model.destinations:
        d, name = economy.index, economy.name
        firms = books.index(sectors.DESTINATION_FIRMS, name)
        natives = float((economy.native_wages * economy.employed_natives).sum())
        grown = float((economy.native_wages * economy.second_generation_labour).sum())
        migrants = float(model.markets.migrant_wage_bill[d])
        rent = economy.migrant_capital_rent()
        capital_income = float(economy.output.sum()) - natives - grown - migrants
        economy.natives_capital_income = capital_income - rent
        books.move("wages", firms, books.index(sectors.DESTINATION_HOUSEHOLDS, name), natives)
        books.move("wages", firms, books.index(sectors.MIGRANTS, name), migrants + grown)
        households = books.index(sectors.DESTINATION_HOUSEHOLDS, name)
        books.move("capital income", firms, households, economy.natives_capital_income)
        books.move("capital income", firms, world, rent)
