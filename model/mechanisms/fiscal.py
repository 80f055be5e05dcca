"""Step 9: public finances in both economies, and the human capital that feeds origin TFP.

Migrants pay income taxes when legal and consumption taxes always, draw unemployment benefits
when legal, and use public services per resident, dependants included, plus integration
programmes: their net fiscal contribution depends mostly on employment (OECD International
Migration Outlook 2013). These flows are recorded at step 3 for everyone then abroad
(:func:`record_migrant_flows`), enforcement at step 6 (:func:`record_enforcement`).
Migration-policy costs that natives bear (training partnerships, return bonuses, enforcement)
are accounted separately. At origin the state taxes labour income, pays
transfers, public services, education subsidies and diaspora matching, and collects emigration
bonds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from model.origin_economy import HumanCapital
from model.population import HIGH, RETURNED
from model.state import MigrantFiscalFlows

if TYPE_CHECKING:
    from model.model import TripleWinModel


def account(model: TripleWinModel) -> None:
    """Fill each economy's ``fiscal`` dictionary for this year; record GDP per resident.

    Reads: ``flows`` (migrants' fiscal flows, programme costs), ``markets.labour_income``,
    ``origin_parameters.income_tax`` and the economies' output and residents.

    Writes: every economy's ``fiscal``; destinations' ``gdp_per_resident``.
    """
    _destination_accounts(model)
    _origin_accounts(model)
    record_gdp_per_resident(model)


def record_gdp_per_resident(model: TripleWinModel) -> None:
    """Keep each destination's GDP per resident for next year's living costs (step 9).

    Migrants' living cost and the income needed for family reunification follow the
    destination's current income level; read at steps 3 and 6 of next year, it is last year's.
    """
    for economy in model.destinations:
        economy.gdp_per_resident = destination_gdp_per_capita(model, economy.index)


def gdp_per_resident(model: TripleWinModel) -> np.ndarray:
    """GDP per resident of every destination as recorded at the last step 9 (or at the start)."""
    return np.array([economy.gdp_per_resident for economy in model.destinations])


def record_migrant_flows(
    model: TripleWinModel, rows: np.ndarray, tax: np.ndarray, benefit: np.ndarray
) -> MigrantFiscalFlows:
    """Step 3: what migrants abroad (``rows``) pay and cost this year, by destination.

    Recorded when incomes and consumption are set, for everyone abroad at step 3, so the
    account covers one population: people who return or leave later in the year have paid and
    cost a full year; newcomers of the year (step 8) enter the account the next year.

    Reads: the migrants' ``destination``, ``corridor``, ``consumption`` and family size, the
    destinations' output and population, ``destination_parameters`` (consumption tax, public
    services) and ``corridors.integration_spending``.

    Args:
        model: The model.
        rows: Migrants abroad at step 3.
        tax: Income tax each pays (zero for irregular migrants).
        benefit: Unemployment benefit each draws (zero for irregular migrants).

    Returns:
        The flows by destination (the model keeps them as ``model.flows.migrant_fiscal``).
    """
    people = model.migrants
    n_dest = len(model.destinations)
    destination = people.destination[rows]
    gdp_per_capita = np.array([destination_gdp_per_capita(model, d) for d in range(n_dest)])
    persons = np.bincount(destination, people.persons(rows), n_dest)
    spending = model.corridors.integration_spending[people.corridor[rows]]
    consumption = np.bincount(destination, people.consumption[rows], n_dest)
    parameters = model.destination_parameters
    return MigrantFiscalFlows(
        income_tax=np.bincount(destination, tax, n_dest),
        consumption_tax=parameters.consumption_tax * consumption,
        benefits=np.bincount(destination, benefit, n_dest),
        services=persons * parameters.public_services * gdp_per_capita,
        integration=np.bincount(destination, spending, n_dest) * gdp_per_capita,
        gdp_per_capita=gdp_per_capita,
    )


def enforcement_spending(
    model: TripleWinModel, rows: np.ndarray, enforcement: np.ndarray
) -> np.ndarray:
    """Step 6b: spending on detecting the irregular migrants (``rows``) subject to removal.

    Each costs ``enforcement_cost x enforcement x`` GDP per capita, with the enforcement lever
    of the migrant's corridor, the same value that sets the chance of removal.

    Returns:
        Spending per destination (the model keeps it as ``model.flows.enforcement_spending``).
    """
    destination = model.migrants.destination[rows]
    n_dest = len(model.destinations)
    cost = (
        model.destination_parameters.enforcement_cost[destination]
        * enforcement
        * model.flows.migrant_fiscal.gdp_per_capita[destination]
    )
    return np.bincount(destination, cost, n_dest)


def _destination_accounts(model: TripleWinModel) -> None:
    flows = model.flows.migrant_fiscal
    for economy in model.destinations:
        i = economy.index
        taxes = flows.income_tax[i] + flows.consumption_tax[i]
        net = taxes - flows.benefits[i] - flows.services[i] - flows.integration[i]
        economy.fiscal = {
            "migrant_taxes": float(taxes),
            "migrant_benefits": float(flows.benefits[i]),
            "migrant_services": float(flows.services[i]),
            "integration_programmes": float(flows.integration[i]),
            "migrant_net_contribution": float(net),
            "training_partnership": float(model.flows.training_cost[i]),
            "return_bonuses": float(model.flows.return_bonus_paid[i]),
            "enforcement": float(model.flows.enforcement_spending[i]),
        }


def _origin_accounts(model: TripleWinModel) -> None:
    table = model.households
    n_origins = len(model.origins)
    tax = (
        np.bincount(table.origin, model.markets.labour_income, n_origins)
        * model.origin_parameters.income_tax
    )
    for economy in model.origins:
        i = economy.index
        gdp_per_capita = economy.output / max(economy.residents, 1.0)
        transfers = float(model.flows.transfers_paid[i])
        economy.fiscal = {
            "income_tax": float(tax[i]),
            "emigration_bonds": float(model.flows.emigration_bonds[i]),
            "public_services": float(
                economy.config.public_services * gdp_per_capita * economy.residents
            ),
            "transfers": float(transfers),
            "education_subsidy": float(model.flows.education_subsidy_cost[i]),
            "diaspora_matching": float(model.flows.diaspora_matching_cost[i]),
            "social_assistance": float(model.flows.social_assistance[i]),
        }
        economy.fiscal["balance"] = (
            economy.fiscal["income_tax"]
            + economy.fiscal["emigration_bonds"]
            - economy.fiscal["public_services"]
            - transfers
            - economy.fiscal["education_subsidy"]
            - economy.fiscal["diaspora_matching"]
            - economy.fiscal["social_assistance"]
        )


def destination_gdp_per_capita(model: TripleWinModel, destination: int) -> float:
    """GDP over natives and migrants (with dependants) living in the destination."""
    economy = model.destinations[destination]
    people = model.migrants
    rows = np.flatnonzero(people.abroad() & (people.destination == destination))
    return float(economy.output.sum() / (economy.native_population + people.persons(rows).sum()))


def human_capital(model: TripleWinModel, origin: int) -> HumanCapital:
    """Skilled, returnee and diaspora shares of one origin, from the population columns."""
    table, people = model.households, model.migrants
    mine = table.origin == origin
    returned = (people.status == RETURNED) & (people.origin == origin)
    returnees = float(returned.sum())
    skilled = float(table.workers_high[mine].sum()) + float((people.skill[returned] == HIGH).sum())
    adults = float(table.workers_low[mine].sum() + table.workers_high[mine].sum()) + returnees
    residents = adults + float(table.youth[mine].sum())
    abroad = np.flatnonzero(people.abroad() & (people.origin == origin))
    emigrants = float(people.persons(abroad).sum())
    return HumanCapital(
        skilled=skilled / max(adults, 1.0),
        returnees=returnees / max(adults, 1.0),
        diaspora=emigrants / max(residents + emigrants, 1.0),
        residents=residents,
    )


def origin_human_capital(model: TripleWinModel, origin: int) -> HumanCapital:
    """Step 9: the origin's shares for the TFP update (and its resident count)."""
    return human_capital(model, origin)
