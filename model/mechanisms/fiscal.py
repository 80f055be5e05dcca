"""Step 9: public finances in both economies, and the human capital that feeds origin TFP.

Migrants pay income taxes when legal and consumption taxes always, draw unemployment benefits
when legal, and use public services per resident, dependants included, plus integration
programmes: their net fiscal contribution depends mostly on employment (OECD International
Migration Outlook 2013). Migration-policy costs that natives bear (training partnerships, return
bonuses, enforcement) are accounted separately. At origin the state taxes labour income, pays
transfers, public services, education subsidies and diaspora matching, and collects emigration
bonds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from model.mechanisms.common import destination_values, origin_values
from model.population import HIGH, IRREGULAR, RETURNED

if TYPE_CHECKING:
    from model.model import TripleWinModel


def account(model: TripleWinModel) -> None:
    """Fill each economy's ``fiscal`` dictionary for this year."""
    _destination_accounts(model)
    _origin_accounts(model)


def _destination_accounts(model: TripleWinModel) -> None:
    people = model.migrants
    rows = np.flatnonzero(people.abroad())
    n_dest = len(model.destinations)
    destination = people.destination[rows]
    persons = people.persons(rows)
    gdp_per_capita = np.array(
        [destination_gdp_per_capita(model, d.index) for d in model.destinations]
    )
    consumption_tax = destination_values(model, "consumption_tax")
    spending = model.corridors.integration_spending[people.corridor[rows]]
    services = (
        np.bincount(destination, persons, n_dest)
        * destination_values(model, "public_services")
        * gdp_per_capita
    )
    integration = np.bincount(destination, spending, n_dest) * gdp_per_capita
    taxes = model.migrant_income_tax + consumption_tax * np.bincount(
        destination, people.consumption[rows], n_dest
    )
    irregular = np.bincount(destination, people.status[rows] == IRREGULAR, n_dest)
    enforcement = np.array([d.policy.enforcement for d in model.destinations])
    enforcement_cost = (
        destination_values(model, "enforcement_cost") * enforcement * irregular * gdp_per_capita
    )
    for economy in model.destinations:
        i = economy.index
        economy.fiscal = {
            "migrant_taxes": float(taxes[i]),
            "migrant_benefits": float(model.migrant_benefits[i]),
            "migrant_services": float(services[i]),
            "integration_programmes": float(integration[i]),
            "migrant_net_contribution": float(
                taxes[i] - model.migrant_benefits[i] - services[i] - integration[i]
            ),
            "training_partnership": float(model.training_cost[i]),
            "return_bonuses": float(model.return_bonus_paid[i]),
            "enforcement": float(enforcement_cost[i]),
        }


def _origin_accounts(model: TripleWinModel) -> None:
    table = model.households
    n_origins = len(model.origins)
    tax = np.bincount(table.origin, model.labour_income, n_origins) * origin_values(
        model, "income_tax"
    )
    for economy in model.origins:
        i = economy.index
        gdp_per_capita = economy.output / max(economy.residents, 1.0)
        transfers = model.params.households.transfer * gdp_per_capita * economy.residents
        economy.fiscal = {
            "income_tax": float(tax[i]),
            "emigration_bonds": float(model.emigration_bonds[i]),
            "public_services": float(
                economy.config.public_services * gdp_per_capita * economy.residents
            ),
            "transfers": float(transfers),
            "education_subsidy": float(model.education_subsidy_cost[i]),
            "diaspora_matching": float(model.diaspora_matching_cost[i]),
        }
        economy.fiscal["balance"] = (
            economy.fiscal["income_tax"]
            + economy.fiscal["emigration_bonds"]
            - economy.fiscal["public_services"]
            - transfers
            - economy.fiscal["education_subsidy"]
            - economy.fiscal["diaspora_matching"]
        )


def destination_gdp_per_capita(model: TripleWinModel, destination: int) -> float:
    """GDP over natives and migrants (with dependants) living in the destination."""
    economy = model.destinations[destination]
    people = model.migrants
    rows = np.flatnonzero(people.abroad() & (people.destination == destination))
    return float(economy.output.sum() / (economy.native_population + people.persons(rows).sum()))


def origin_human_capital(model: TripleWinModel, origin: int) -> tuple[float, float]:
    """Skilled share and returnee share of the origin's resident working-age adults."""
    table, people = model.households, model.migrants
    mine = table.origin == origin
    returned = (people.status == RETURNED) & (people.origin == origin)
    returnees = float(returned.sum())
    skilled = float(table.workers_high[mine].sum()) + float((people.skill[returned] == HIGH).sum())
    adults = float(table.workers_low[mine].sum() + table.workers_high[mine].sum()) + returnees
    economy = model.origins[origin]
    economy.residents = float(
        (table.workers_low[mine].sum() + table.workers_high[mine].sum() + table.youth[mine].sum())
        + returnees
    )
    return skilled / max(adults, 1.0), returnees / max(adults, 1.0)
