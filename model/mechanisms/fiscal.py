"""Steps 3 and 6: what migrants abroad pay and cost the destination's state.

Migrants pay income taxes when legal and consumption taxes always, draw unemployment benefits
when legal and out of work, pensions when retired abroad, use public services per resident
(their family included), integration programmes and, when retired, old-age health care: their
net fiscal contribution depends mostly on employment and on age (OECD International Migration
Outlook 2013). These flows are recorded at step 3 for everyone then abroad; enforcement against
irregular migrants at step 6. The state's whole budget, natives included, is settled at step 9
(:mod:`model.mechanisms.public_finance`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from model import sectors
from model.mechanisms.public_finance import destination_gdp_per_capita
from model.state import MigrantFiscalFlows

if TYPE_CHECKING:
    from model.mechanisms.earnings import MigrantIncome
    from model.model import TripleWinModel


def gdp_per_resident(model: TripleWinModel) -> np.ndarray:
    """GDP per resident of every destination as recorded at the last step 9 (or at the start)."""
    return np.array([economy.gdp_per_resident for economy in model.destinations])


def record_migrant_flows(
    model: TripleWinModel, rows: np.ndarray, income: MigrantIncome
) -> MigrantFiscalFlows:
    """Step 3: what migrants abroad (``rows``) pay and cost this year, by destination.

    Recorded when incomes and consumption are set, for everyone abroad at step 3, so the
    account covers one population: people who return or leave later in the year have paid and
    cost a full year; newcomers of the year (step 8) enter the account the next year. Taxes,
    benefits, pensions and consumption are booked here; the state's purchases of services at
    step 9.

    Reads: the migrants' ``destination``, ``corridor``, ``consumption``, retirement and family
    size, the destinations' output and population, ``destination_parameters`` (consumption tax,
    public services, old-age health care) and ``corridors.integration_spending``.

    Returns:
        The flows by destination (the model keeps them as ``model.flows.migrant_fiscal``).
    """
    people = model.migrants
    n_dest = len(model.destinations)
    destination = people.destination[rows]
    gdp_per_capita = np.array([destination_gdp_per_capita(model, d) for d in range(n_dest)])
    persons = np.bincount(destination, people.persons(rows), n_dest)
    retired = people.retired[rows]
    retired_persons = np.bincount(destination, retired * (1 + (people.spouse[rows] > 0)), n_dest)
    spending = model.corridors.integration_spending[people.corridor[rows]]
    consumption = np.bincount(destination, people.consumption[rows], n_dest)
    parameters = model.destination_parameters
    flows = MigrantFiscalFlows(
        income_tax=np.bincount(destination, income.tax, n_dest),
        consumption_tax=parameters.consumption_tax * consumption,
        benefits=np.bincount(destination, income.benefit, n_dest),
        services=persons * parameters.public_services * gdp_per_capita,
        integration=np.bincount(destination, spending, n_dest) * gdp_per_capita,
        pensions=np.bincount(destination, income.pension, n_dest),
        health=retired_persons * parameters.elderly_health_cost * gdp_per_capita,
        gdp_per_capita=gdp_per_capita,
    )
    books = model.money
    books.move_each(
        "income tax", sectors.MIGRANTS, sectors.DESTINATION_GOVERNMENT, flows.income_tax
    )
    books.move_each(
        "unemployment benefits", sectors.DESTINATION_GOVERNMENT, sectors.MIGRANTS, flows.benefits
    )
    books.move_each("pensions", sectors.DESTINATION_GOVERNMENT, sectors.MIGRANTS, flows.pensions)
    books.move_each(
        "consumption tax", sectors.MIGRANTS, sectors.DESTINATION_GOVERNMENT, flows.consumption_tax
    )
    books.move_each(
        "consumption",
        sectors.MIGRANTS,
        sectors.DESTINATION_FIRMS,
        consumption - flows.consumption_tax,
    )
    return flows


def enforcement_spending(
    model: TripleWinModel, rows: np.ndarray, enforcement: np.ndarray
) -> np.ndarray:
    """Step 6b: spending on detecting the irregular migrants (``rows``) subject to removal.

    Each costs ``enforcement_cost x enforcement x`` GDP per capita, with the enforcement lever
    of the migrant's corridor, the same value that sets the chance of removal. The state buys it
    from the destination's firms (police, courts and detention as services).

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
    spending = np.bincount(destination, cost, n_dest)
    model.money.move_each(
        "enforcement", sectors.DESTINATION_GOVERNMENT, sectors.DESTINATION_FIRMS, spending
    )
    return spending
