"""Steps 1 and 9: both states' budgets, financed by taxes and by debt with interest.

Every programme is paid from a named state's account (docs/ODD.md §7.15): at origin, transfers,
social assistance, education subsidies, diaspora matching, public services and other spending,
financed by the income tax and emigration bonds; at destination, public services for every
resident, unemployment benefits, pensions and old-age health care, integration programmes,
enforcement, training partnerships, return bonuses and other spending, financed by income and
consumption taxes on natives, migrants and their grown children. What taxes do not cover is
borrowed from the rest of the world at the world interest rate.

The fiscal rule: each year the income tax rate is the scenario's rate plus
``public_finance.tax_response`` times the gap between last year's debt-to-GDP ratio and the
starting ratio (``*.public_debt``), so debt is steered back to where it started (a fiscal
reaction function: Bohn 1998; Ghosh et al. 2013). A programme a scenario adds is therefore paid,
sooner or later, by the taxpayers of the state that runs it. Spending not modelled item by item
is a fixed share of GDP (``*.other_public_spending``), calibrated so that the baseline's budget
covers its interest at the start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from model import channels, sectors
from model.state import PublicFinances

if TYPE_CHECKING:
    from model.model import TripleWinModel

# Bounds of the tax rate the rule may set: a rate outside them is no longer a policy choice.
TAX_FLOOR, TAX_CEILING = 0.0, 0.95


def opening(model: TripleWinModel) -> tuple[PublicFinances, PublicFinances]:
    """Both kinds of states at the start: debt at its starting ratio, taxes at their base rates."""
    origin_gdp = np.array([o.output for o in model.origins])
    destination_gdp = np.array([float(d.output.sum()) for d in model.destinations])
    origin_ratio = np.array([c.public_debt for c in model.params.origins.values()])
    destination_ratio = np.array([c.public_debt for c in model.params.destinations.values()])
    return (
        PublicFinances(
            debt=origin_ratio * origin_gdp,
            debt_target=origin_ratio,
            tax_rate=model.origin_parameters.income_tax.copy(),
            gdp=origin_gdp,
        ),
        PublicFinances(
            debt=destination_ratio * destination_gdp,
            debt_target=destination_ratio,
            tax_rate=model.destination_parameters.income_tax.copy(),
            gdp=destination_gdp,
        ),
    )


def set_tax_rates(model: TripleWinModel) -> None:
    """Step 1: this year's income tax rates, from last year's debt by the fiscal rule.

    Reads: both states' debt, debt target and GDP; the base rates (``*.income_tax``);
    ``public_finance.tax_response``.

    Writes: ``origin_finances.tax_rate``, ``destination_finances.tax_rate``.
    """
    response = model.params.public_finance.tax_response
    pairs = (
        (model.origin_finances, model.origin_parameters.income_tax),
        (model.destination_finances, model.destination_parameters.income_tax),
    )
    for finances, base in pairs:
        gap = finances.debt / np.maximum(finances.gdp, 1.0) - finances.debt_target
        finances.tax_rate = np.clip(base + response * gap, TAX_FLOOR, TAX_CEILING)


def settle(model: TripleWinModel) -> None:
    """Step 9: the natives' incomes, the states' remaining items, interest and new debt.

    Reads: this year's flows (``flows``), the destinations' wages, employment and output,
    ``second_generation``, the origins' output and residents, both states' debt and tax rates.

    Writes: both states' ``debt`` and ``gdp``; every economy's ``fiscal``; destinations'
    ``gdp_per_resident``; the money books (natives' incomes, taxes and consumption, public
    services, health care, other spending, interest).
    """
    for economy in model.destinations:
        _settle_destination(model, economy.index)
    for economy in model.origins:
        _settle_origin(model, economy.index)
    for economy in model.destinations:
        economy.gdp_per_resident = destination_gdp_per_capita(model, economy.index)


def destination_gdp_per_capita(model: TripleWinModel, destination: int) -> float:
    """GDP over the destination's residents: natives, migrants with family, grown children."""
    economy = model.destinations[destination]
    people = model.migrants
    rows = np.flatnonzero(people.abroad() & (people.destination == destination))
    grown = model.second_generation.people()[:, :, destination].sum()
    residents = economy.native_population + people.persons(rows).sum() + grown
    return float(economy.output.sum() / residents)


def _natives(model: TripleWinModel, d: int, tax_rate: float) -> dict[str, float]:
    """The natives' households: wages and capital income (paid at step 2), benefits, taxes and
    consumption of what is left, all booked here."""
    economy = model.destinations[d]
    books = model.money
    natives = books.index(sectors.DESTINATION_HOUSEHOLDS, economy.name)
    state = books.index(sectors.DESTINATION_GOVERNMENT, economy.name)
    firms = books.index(sectors.DESTINATION_FIRMS, economy.name)
    parameters = model.destination_parameters
    wages = float((economy.native_wages * economy.employed_natives).sum())
    unemployed = float((economy.natives - economy.employed_natives).sum())
    benefits = unemployed * parameters.unemployment_benefit[d] * low_skilled_wage(model, d)
    income_tax = tax_rate * wages
    disposable = wages + economy.natives_capital_income + benefits - income_tax
    consumption_tax = parameters.consumption_tax[d] * disposable
    books.move("unemployment benefits", state, natives, benefits)
    books.move("income tax", natives, state, income_tax)
    books.move("consumption tax", natives, state, consumption_tax)
    books.move("consumption", natives, firms, disposable - consumption_tax)
    _natives_welfare(model, d, tax_rate, benefits)
    return {
        "revenue": income_tax + consumption_tax,
        "spending": benefits,
        "native_taxes": income_tax + consumption_tax,
        "native_benefits": benefits,
    }


def _natives_welfare(model: TripleWinModel, d: int, tax_rate: float, benefits: float) -> None:
    """The natives' consumption by welfare channel, and its shares by the workers' skill.

    Capital income is net of the rent on migrants paid below their marginal product, which is
    its own channel (``discrimination``). Low- and skilled workers' shares: their own wages,
    benefits and taxes, and capital income per native worker.
    """
    economy = model.destinations[d]
    welfare = model.flows.welfare
    rent = float(model.flows.discrimination_rent[d])
    wages = (economy.native_wages * economy.employed_natives).sum(axis=0)
    unemployed = (economy.natives - economy.employed_natives).sum(axis=0)
    benefit = model.destination_parameters.unemployment_benefit[d] * low_skilled_wage(model, d)
    workers = economy.natives.sum(axis=0)
    channels.add(welfare.natives, channels.WAGES, wages.sum())
    channels.add(welfare.natives, channels.CAPITAL_INCOME, economy.natives_capital_income - rent)
    channels.add(welfare.natives, channels.DISCRIMINATION, rent)
    channels.add(welfare.natives, channels.FISCAL, benefits - tax_rate * wages.sum())
    capital = economy.natives_capital_income * workers / workers.sum()
    welfare.natives_by_skill += wages * (1.0 - tax_rate) + unemployed * benefit + capital
    welfare.native_workers_by_skill += workers


def low_skilled_wage(model: TripleWinModel, d: int) -> float:
    """The destination's low-skilled native wage, averaged over regions by native workers."""
    economy = model.destinations[d]
    return float(np.average(economy.native_wages[:, 0], weights=economy.natives[:, 0]))


def _second_generation(model: TripleWinModel, d: int, tax_rate: float) -> dict[str, float]:
    """Migrants' grown children: taxes and benefits like natives', pensions in retirement, and
    consumption of what is left (their wages are paid at step 2)."""
    economy = model.destinations[d]
    books = model.money
    families = books.index(sectors.MIGRANTS, economy.name)
    state = books.index(sectors.DESTINATION_GOVERNMENT, economy.name)
    firms = books.index(sectors.DESTINATION_FIRMS, economy.name)
    parameters = model.destination_parameters
    grown = model.second_generation
    regions = len(economy.region_names)
    adults = grown.adults[:, :, d, :regions].sum(axis=(0, 1))
    employed = grown.employed[:, :, d, :regions].sum(axis=(0, 1))
    retirees = grown.retirees[:, :, d, :regions].sum(axis=(0, 1))
    wages = float((employed * economy.native_wages).sum())
    benefits = float((adults - employed).sum()) * parameters.unemployment_benefit[d]
    benefits *= low_skilled_wage(model, d)
    pensions = parameters.pension_replacement[d] * float((retirees * economy.native_wages).sum())
    income_tax = tax_rate * wages
    disposable = wages + benefits + pensions - income_tax
    consumption_tax = parameters.consumption_tax[d] * disposable
    books.move("unemployment benefits", state, families, benefits)
    books.move("pensions", state, families, pensions)
    books.move("income tax", families, state, income_tax)
    books.move("consumption tax", families, state, consumption_tax)
    books.move("consumption", families, firms, disposable - consumption_tax)
    welfare = model.flows.welfare.second_generation
    channels.add(welfare, channels.WAGES, wages)
    channels.add(welfare, channels.FISCAL, benefits + pensions - income_tax)
    return {
        "revenue": income_tax + consumption_tax,
        "spending": benefits + pensions,
        "retirees": float(retirees.sum()),
    }


def _services_of_residents(
    model: TripleWinModel, d: int, grown_retirees: float
) -> tuple[float, float, float]:
    """The public services used by natives and by migrants' grown children, and the grown
    children's old-age health care (migrants' own are in ``model.flows.migrant_fiscal``)."""
    economy = model.destinations[d]
    parameters = model.destination_parameters
    per_capita = model.flows.migrant_fiscal.gdp_per_capita[d]
    native_services = parameters.public_services[d] * per_capita * economy.native_population
    grown_services = parameters.public_services[d] * per_capita * grown_retirees
    grown_services += (
        parameters.public_services[d]
        * per_capita
        * float(model.second_generation.adults[:, :, d].sum())
    )
    grown_health = parameters.elderly_health_cost[d] * per_capita * grown_retirees
    return native_services, grown_services, grown_health


def _migrants_taxes_and_costs(model: TripleWinModel, d: int) -> tuple[float, float]:
    """What migrants paid the destination's state this year, and what they cost it (benefits,
    services, integration, pensions paid there and abroad, health care)."""
    flows, migrant = model.flows, model.flows.migrant_fiscal
    migrant_taxes = migrant.income_tax[d] + migrant.consumption_tax[d]
    migrant_costs = (
        migrant.benefits[d] + migrant.services[d] + migrant.integration[d] + migrant.pensions[d]
    )
    migrant_costs += migrant.health[d] + flows.pensions_exported[d]
    return migrant_taxes, migrant_costs


def _settle_destination(model: TripleWinModel, d: int) -> None:
    economy = model.destinations[d]
    finances = model.destination_finances
    books = model.money
    state = books.index(sectors.DESTINATION_GOVERNMENT, economy.name)
    firms = books.index(sectors.DESTINATION_FIRMS, economy.name)
    flows, migrant = model.flows, model.flows.migrant_fiscal
    tax_rate = float(finances.tax_rate[d])
    natives = _natives(model, d, tax_rate)
    grown = _second_generation(model, d, tax_rate)
    gdp = float(economy.output.sum())
    native_services, grown_services, grown_health = _services_of_residents(
        model, d, grown["retirees"]
    )
    other = model.params.destinations[economy.name].other_public_spending * gdp
    interest = model.params.world.world_interest_rate * finances.debt[d]
    purchases = {
        "public services": native_services + grown_services + migrant.services[d],
        "integration programmes": migrant.integration[d],
        "health care of the elderly": migrant.health[d] + grown_health,
        "other public spending": other,
    }
    for item, amount in purchases.items():
        books.move(item, state, firms, amount)
    books.move("interest on public debt", state, books.index(sectors.REST_OF_WORLD), interest)
    migrant_taxes, migrant_costs = _migrants_taxes_and_costs(model, d)
    programmes = flows.training_cost[d] + flows.return_bonus_paid[d]
    programmes += flows.enforcement_spending[d]
    revenue = migrant_taxes + natives["revenue"] + grown["revenue"]
    spending = (
        migrant_costs
        + natives["spending"]
        + grown["spending"]
        + native_services
        + grown_services
        + grown_health
        + programmes
        + other
        + interest
    )
    finances.debt[d] += spending - revenue
    finances.gdp[d] = gdp
    economy.fiscal = {
        "migrant_taxes": float(migrant_taxes),
        "migrant_benefits": float(migrant.benefits[d]),
        "migrant_services": float(migrant.services[d]),
        "integration_programmes": float(migrant.integration[d]),
        "migrant_pensions": float(migrant.pensions[d] + flows.pensions_exported[d]),
        "migrant_health": float(migrant.health[d]),
        "migrant_net_contribution": float(migrant_taxes - migrant_costs),
        "training_partnership": float(flows.training_cost[d]),
        "return_bonuses": float(flows.return_bonus_paid[d]),
        "enforcement": float(flows.enforcement_spending[d]),
        "native_taxes": float(natives["native_taxes"]),
        "native_benefits": float(natives["native_benefits"]),
        "interest": float(interest),
        "balance": float(revenue - spending),
        "debt": float(finances.debt[d]),
        "tax_rate": tax_rate,
    }


def _settle_origin(model: TripleWinModel, o: int) -> None:
    economy = model.origins[o]
    finances = model.origin_finances
    books = model.money
    state = books.index(sectors.ORIGIN_GOVERNMENT, economy.name)
    firms = books.index(sectors.ORIGIN_FIRMS, economy.name)
    flows = model.flows
    gdp = float(economy.output)
    # Public services per resident, a share of GDP per resident: a share of GDP in all.
    services = economy.config.public_services * gdp
    other = economy.config.other_public_spending * gdp
    interest = model.params.world.world_interest_rate * finances.debt[o]
    books.move("public services", state, firms, services)
    books.move("other public spending", state, firms, other)
    books.move("interest on public debt", state, books.index(sectors.REST_OF_WORLD), interest)
    revenue = flows.origin_income_tax[o] + flows.emigration_bonds[o] + flows.estates_to_state[o]
    transfers = flows.transfers_paid[o] + flows.social_assistance[o]
    levers = flows.education_subsidy_cost[o] + flows.diaspora_matching_cost[o]
    spending = transfers + levers + services + other + interest
    finances.debt[o] += spending - revenue
    finances.gdp[o] = gdp
    economy.fiscal = {
        "income_tax": float(flows.origin_income_tax[o]),
        "emigration_bonds": float(flows.emigration_bonds[o]),
        "public_services": float(services),
        "transfers": float(flows.transfers_paid[o]),
        "education_subsidy": float(flows.education_subsidy_cost[o]),
        "diaspora_matching": float(flows.diaspora_matching_cost[o]),
        "social_assistance": float(flows.social_assistance[o]),
        "other_spending": float(other),
        "interest": float(interest),
        "balance": float(revenue - spending),
        "debt": float(finances.debt[o]),
        "tax_rate": float(finances.tax_rate[o]),
    }
