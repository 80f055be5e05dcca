"""What each account holds, measured from the model's state (not from the flows booked).

The books close only if these stocks change by exactly the flows the rules booked
(:mod:`model.books`), so they are read from the columns and the economies directly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from model import sectors
from model.population import RETURNED

if TYPE_CHECKING:
    from model.model import TripleWinModel


def money(model: TripleWinModel) -> np.ndarray:
    """Each money account's stock (PPP $), in the order of :func:`sectors.money_accounts`.

    Origin households hold their wealth and enterprise capital; migrants abroad their savings;
    each state minus its debt; firms and capital owners the capital stock; the natives'
    households, remittance providers, recruiters and smugglers and the rest of the world hold
    what their flows leave them (derived by the books; natives consume their disposable income,
    so theirs is 0).
    """
    books = model.money
    stocks = np.zeros(len(books.accounts))
    n_origins, n_dest = len(model.origins), len(model.destinations)
    table, people = model.households, model.migrants
    holdings = table.wealth + table.enterprise_capital
    stocks[books.sector_indices(sectors.ORIGIN_HOUSEHOLDS)] = np.bincount(
        table.origin, holdings, n_origins
    )
    abroad = np.flatnonzero(people.abroad())
    stocks[books.sector_indices(sectors.MIGRANTS)] = np.bincount(
        people.destination[abroad], people.savings[abroad], n_dest
    )
    stocks[books.sector_indices(sectors.ORIGIN_GOVERNMENT)] = -model.origin_finances.debt
    stocks[books.sector_indices(sectors.DESTINATION_GOVERNMENT)] = -model.destination_finances.debt
    stocks[books.sector_indices(sectors.ORIGIN_FIRMS)] = [o.capital for o in model.origins]
    stocks[books.sector_indices(sectors.DESTINATION_FIRMS)] = [
        float(np.sum(d.capital)) for d in model.destinations
    ]
    return stocks


def people(model: TripleWinModel) -> np.ndarray:
    """Each demographic account's stock (persons), in the order of :func:`sectors.people_accounts`.

    ``born``, ``died`` and the natives' natural change keep what their flows leave them
    (derived by the books); the others are counted from the columns.
    """
    books = model.people
    stocks = np.zeros(len(books.accounts))
    n_origins = len(model.origins)
    table, migrants = model.households, model.migrants
    members = table.workers_low + table.workers_high + table.youth + table.elderly
    returned = migrants.status == RETURNED
    at_origin = np.bincount(table.origin, members, n_origins) + np.bincount(
        migrants.origin[returned], minlength=n_origins
    )
    stocks[books.sector_indices(sectors.AT_ORIGIN)] = at_origin
    abroad = np.flatnonzero(migrants.abroad())
    for status, sector in sectors.ABROAD_BY_STATUS.items():
        rows = abroad[migrants.status[abroad] == status]
        stocks[books.sector_indices(sector)] = np.bincount(
            migrants.origin[rows], migrants.persons(rows), n_origins
        )
    grown = model.second_generation.people().sum(axis=(0, 2, 3, 4))
    stocks[books.sector_indices(sectors.SECOND_GENERATION)] = grown
    stocks[books.sector_indices(sectors.NATIVES)] = [
        d.native_population for d in model.destinations
    ]
    return stocks
