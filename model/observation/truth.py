"""The truth the observers try to see: stocks, flows and remittances as the simulator knows them.

Stocks are persons living at the destinations at the end of the year, per corridor (docs/ODD.md
§7.8a for the life course behind them):

* ``temporary``, ``permanent``, ``naturalised``, ``irregular``: the foreign-born members of
  migrant families by the family's legal status: the migrant, the spouse and the children who
  joined;
* ``grown_children``: migrants' children who came as children and have grown up and left the
  family (foreign-born; citizens of the destination, with natives' rights);
* ``legal`` (the four legal groups) and ``foreign_born`` (everyone born at origin): the stock
  concept of the UN Recommendations on Statistics of International Migration, Rev. 1 (1998),
  foreign-born by country of birth, the census's concept;
* ``children_born_at_destination`` (living with their parents) and
  ``adults_born_at_destination`` (grown up): migrants' children born at the destination, not
  foreign-born;
* ``in_families``: everyone living with a migrant (``MigrantTable.persons``);
* ``migrant_origin``: the foreign-born and their children born at the destination (first and
  second generation, as register-based statistics count people with a migration background).

Flows are persons in the year: ``entries`` (migrants arriving, first-time or again),
``family_entries`` (spouses and children joining a migrant), ``births`` (children born to
migrant couples), ``returns`` (everyone going home with a returning migrant, and the survivors
of a migrant who died abroad), ``deaths`` (migrants, spouses and children living with them),
``grown_up`` (children who grew up and left the family for the second generation) and
``grown_deaths`` (deaths of grown children). They satisfy two balancing equations exactly, for
every corridor and year (UN 1998, §4; Preston, Heuveline & Guillot 2001, ch. 1):

    in_families(t) = in_families(t - 1) + entries + family_entries + births
                     - returns - deaths - grown_up
    migrant_origin(t) = migrant_origin(t - 1) + entries + family_entries + births
                        - returns - deaths - grown_deaths

The model does not say which of the deaths abroad were of children born at origin or at the
destination, nor which grown children died, so the foreign-born stock has no balancing
equation of its own here (``docs/integration_and_measurement.md`` §2).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from model.observation.microdata import snapshot, year_events
from model.observation.microdata.snapshot import BORN_ABROAD, CAME_AS_CHILD
from model.population import CHANNEL_NAMES, FAMILY, IRREGULAR, NATURALISED, PERMANENT, TEMPORARY

if TYPE_CHECKING:
    from model.model import TripleWinModel
    from model.observation.microdata.snapshot import Dwellings, GrownChildren, World

STATUS_COLUMNS = {
    "temporary": TEMPORARY,
    "permanent": PERMANENT,
    "naturalised": NATURALISED,
    "irregular": IRREGULAR,
}
LEGAL_COLUMNS = ("temporary", "permanent", "naturalised", "grown_children")


def world_frame(world: World, columns: dict[str, np.ndarray]) -> pd.DataFrame:
    """One row per corridor: year, destination and origin names, then ``columns`` by corridor."""
    names = {
        "year": np.full(world.corridor_origin.size, world.year),
        "destination": np.array(world.destinations)[world.corridor_destination],
        "origin": np.array(world.origins)[world.corridor_origin],
    }
    return pd.DataFrame({**names, **columns})


def corridor_frame(model: TripleWinModel, columns: dict[str, np.ndarray]) -> pd.DataFrame:
    """One row per corridor of ``model`` now, then ``columns`` by corridor."""
    return world_frame(snapshot.world(model), columns)


def persons_by_corridor(
    model: TripleWinModel, corridor: np.ndarray, persons: np.ndarray | None
) -> np.ndarray:
    """Persons summed per corridor, one per entry when ``persons`` is None (integers stay exact
    in float64)."""
    return np.bincount(corridor, persons, len(model.corridors))


def stock_table(world: World, families: Dwellings, grown: GrownChildren) -> pd.DataFrame:
    """The stocks of the module's docstring from the dwellings abroad and the grown children."""
    corridors = world.corridor_origin.size
    born_abroad = families.foreign_born.astype(float)
    columns = {
        name: np.bincount(families.corridor, born_abroad * (families.status == s), corridors)
        for name, s in STATUS_COLUMNS.items()
    }
    columns["grown_children"] = grown.by_corridor(world, CAME_AS_CHILD)
    columns["legal"] = sum((columns[name] for name in LEGAL_COLUMNS), start=np.zeros(corridors))
    columns["foreign_born"] = columns["legal"] + columns["irregular"]
    columns["children_born_at_destination"] = np.bincount(
        families.corridor, families.children_born_here.astype(float), corridors
    )
    columns["adults_born_at_destination"] = grown.by_corridor(world, BORN_ABROAD)
    columns["in_families"] = (
        sum(columns[name] for name in STATUS_COLUMNS) + columns["children_born_at_destination"]
    )
    columns["migrant_origin"] = (
        columns["foreign_born"]
        + columns["children_born_at_destination"]
        + columns["adults_born_at_destination"]
    )
    return world_frame(world, columns)


def stocks(model: TripleWinModel) -> pd.DataFrame:
    """People of migrant origin at the destinations at the end of the year, per corridor."""
    return stock_table(
        snapshot.world(model), snapshot.dwellings(model), snapshot.grown_children(model)
    )


def flows(model: TripleWinModel, grown_before: GrownChildren) -> pd.DataFrame:
    """Persons entering and leaving the populations abroad this year, per corridor.

    Args:
        model: The model at the end of the year.
        grown_before: Migrants' grown children at the end of the previous year (their deaths
            are the change in their number less the children who grew up).
    """
    people = model.migrants
    entered = year_events.arrivals(model)
    joined = model.events.reunified
    returned = model.events.returned
    counts = model.counts
    vital = year_events.vital_events_abroad(model, snapshot.world(model), grown_before)
    columns = {
        "entries": persons_by_corridor(model, people.corridor[entered], None),
        # The migrant was already abroad: only the spouse and children who joined enter.
        "family_entries": persons_by_corridor(model, joined.corridor, joined.persons - 1),
        "births": counts.births_abroad.astype(float),
        "returns": persons_by_corridor(model, returned.corridor, returned.persons)
        + counts.survivors_home,
        "deaths": counts.deaths_abroad.astype(float),
        "grown_up": counts.grown_up.astype(float),
        "grown_deaths": vital.grown_deaths,
    }
    return corridor_frame(model, columns)


def entries_by_channel(model: TripleWinModel) -> pd.DataFrame:
    """Persons entering this year per corridor and channel ('family' for those who joined)."""
    people = model.migrants
    entered = year_events.arrivals(model)
    joined = model.events.reunified
    n_channels = len(CHANNEL_NAMES)
    key = people.corridor[entered].astype(np.int64) * n_channels + people.channel[entered]
    flat = np.bincount(key, None, len(model.corridors) * n_channels).astype(float)
    counts = flat.reshape(-1, n_channels)
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
