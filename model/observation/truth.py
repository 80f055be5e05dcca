"""The truth the observers try to see: stocks, flows and remittances as the simulator knows them.

Stocks are persons living abroad (a migrant with the spouse and children who joined), by
destination and country of birth (the origin), at the end of the year: the stock concept of the UN
Recommendations on Statistics of International Migration, Rev. 1 (1998), foreign-born by country
of birth. Flows are persons in the year. They satisfy the demographic balancing equation exactly,
for every corridor and year (UN 1998, §4; Preston, Heuveline & Guillot 2001, ch. 1):

    stock(t) = stock(t - 1) + entries(t) + family entries(t) - returns(t) - deaths(t)

where entries are migrants arriving (first-time or again), family entries are spouses and children
joining a settled migrant, returns are persons coming home with a returning migrant, and deaths are
persons leaving the population abroad at the end of a migrant's working life.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from model.population import CHANNEL_NAMES, FAMILY, IRREGULAR, NATURALISED, PERMANENT, TEMPORARY

if TYPE_CHECKING:
    from model.model import TripleWinModel

STATUS_COLUMNS = {
    "temporary": TEMPORARY,
    "permanent": PERMANENT,
    "naturalised": NATURALISED,
    "irregular": IRREGULAR,
}


def corridor_frame(model: TripleWinModel, columns: dict[str, np.ndarray]) -> pd.DataFrame:
    """One row per corridor: year, destination and origin names, then ``columns`` by corridor."""
    corridors = model.corridors
    names = {
        "year": np.full(len(corridors), model.year),
        "destination": np.array(model.destination_names)[corridors.destination],
        "origin": np.array(model.origin_names)[corridors.origin],
    }
    return pd.DataFrame({**names, **columns})


def persons_by_corridor(model: TripleWinModel, corridor: np.ndarray, persons) -> np.ndarray:
    """Persons summed per corridor (integers stay exact in float64)."""
    return np.bincount(corridor, persons, len(model.corridors))


def arrivals(model: TripleWinModel) -> np.ndarray:
    """Rows of the migrants who arrived this year, including any who left the model since.

    ``departure_year`` is set only on arrival, and a row freed later in the year keeps its columns
    until it is reused in a later year, so the rows whose departure year is this year are this
    year's arrivals, whatever their status now.
    """
    return np.flatnonzero(model.migrants.departure_year == model.year)


def stocks(model: TripleWinModel) -> pd.DataFrame:
    """Persons abroad at the end of the year, per corridor, by legal status and in all."""
    people = model.migrants
    rows = np.flatnonzero(people.abroad())
    persons = people.persons(rows).astype(float)
    columns = {
        name: persons_by_corridor(
            model, people.corridor[rows], persons * (people.status[rows] == s)
        )
        for name, s in STATUS_COLUMNS.items()
    }
    columns["legal"] = columns["temporary"] + columns["permanent"] + columns["naturalised"]
    columns["foreign_born"] = columns["legal"] + columns["irregular"]
    return corridor_frame(model, columns)


def flows(model: TripleWinModel) -> pd.DataFrame:
    """Persons entering and leaving the population abroad this year, per corridor.

    The population abroad is the migrants with the spouses and children who live with them; it
    grows by entries, family entries and births abroad, and shrinks by returns (survivors of a
    migrant who died included), deaths, and children who grow up and leave the family (they join
    the second generation).
    """
    people = model.migrants
    entered = arrivals(model)
    joined = model.events.reunified
    returned = model.events.returned
    counts = model.counts
    columns = {
        "entries": persons_by_corridor(model, people.corridor[entered], None),
        # The migrant was already abroad: only the spouse and children who joined enter.
        "family_entries": persons_by_corridor(model, joined.corridor, joined.persons - 1),
        "births": counts.births_abroad.astype(float),
        "returns": persons_by_corridor(model, returned.corridor, returned.persons)
        + counts.survivors_home,
        "deaths": counts.deaths_abroad.astype(float),
        "grown_up": counts.grown_up.astype(float),
    }
    return corridor_frame(model, columns)


def entries_by_channel(model: TripleWinModel) -> pd.DataFrame:
    """Persons entering this year per corridor and channel ('family' for those who joined)."""
    people = model.migrants
    entered = arrivals(model)
    joined = model.events.reunified
    n_channels = len(CHANNEL_NAMES)
    key = people.corridor[entered].astype(np.int64) * n_channels + people.channel[entered]
    counts = np.bincount(key, None, len(model.corridors) * n_channels).astype(float)
    counts = counts.reshape(-1, n_channels)
    counts[:, FAMILY] += persons_by_corridor(model, joined.corridor, joined.persons - 1)
    frame = corridor_frame(model, {}).loc[np.repeat(np.arange(len(model.corridors)), n_channels)]
    frame["channel"] = np.tile(CHANNEL_NAMES, len(model.corridors))
    frame["persons"] = counts.ravel()
    return frame.reset_index(drop=True)


def remittances(model: TripleWinModel) -> pd.DataFrame:
    """Remittances sent (fees included) and received this year, per corridor (PPP $)."""
    sent, received = model.flows.remittances_by_corridor
    return corridor_frame(model, {"sent": sent, "received": received})


def household_remittances(model: TripleWinModel) -> pd.DataFrame:
    """Remittances received this year by the households of each origin, as their columns hold them."""
    table = model.households
    received = [
        table.remittances_received[table.origin == o].sum() for o in range(len(model.origins))
    ]
    return pd.DataFrame({"year": model.year, "origin": model.origin_names, "received": received})
