"""Events of the year: who returned, left the model abroad, naturalised, or was joined by family.

A mechanism that moves people keeps a snapshot of them at the moment of the event, because the
columns change right after: a returnee's status becomes 'returned' and the family that came home
with them is no longer counted abroad; a row whose person left the model is freed. The indicators
and the measurement layer read these snapshots (``model.events``) instead of reconstructing the
events from later state.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace

import numpy as np

from model.population import MigrantTable


@dataclass(frozen=True)
class Events:
    """People concerned by one kind of event this year, as they were when it happened.

    Attributes:
        year: The year of the events.
        rows: Their rows in the migrant table.
        household: Origin household of each.
        origin: Origin country index.
        destination: Destination country index.
        corridor: Corridor index.
        region: Region of residence abroad.
        status: Legal status just before the event (permanent for a naturalisation).
        channel: Channel of the latest entry.
        permit_left: Years left on a temporary permit at the event.
        departure_year: Year of the latest departure (the arrival cohort abroad).
        persons: People the row stood for (the migrant, spouse and children abroad): before a
            return or an exit, and after the family joined for a reunification.
        person_key: The person's key for keyed draws (§4.10 of docs/ODD.md).
        spouse: The spouse abroad (0 none, or the spouse's skill code).
        dependants: Children of the household who had joined the migrant abroad.
        children_born_abroad: Children born abroad to the migrant and spouse.
    """

    year: int
    rows: np.ndarray
    household: np.ndarray
    origin: np.ndarray
    destination: np.ndarray
    corridor: np.ndarray
    region: np.ndarray
    status: np.ndarray
    channel: np.ndarray
    permit_left: np.ndarray
    departure_year: np.ndarray
    persons: np.ndarray
    person_key: np.ndarray
    spouse: np.ndarray
    dependants: np.ndarray
    children_born_abroad: np.ndarray

    @property
    def size(self) -> int:
        """Number of rows concerned."""
        return int(self.rows.size)

    def subset(self, keep: np.ndarray) -> Events:
        """The events of the rows where ``keep`` is true."""
        arrays = {f.name: getattr(self, f.name)[keep] for f in fields(self) if f.name != "year"}
        return replace(self, **arrays)

    @classmethod
    def none(cls, year: int = 0) -> Events:
        """No one: the events of a year in which nothing of the kind happened."""
        empty = np.zeros(0, dtype=np.int64)
        return cls(year, *([empty] * (len(fields(cls)) - 1)))


def snapshot(people: MigrantTable, year: int, rows: np.ndarray) -> Events:
    """Copy what observers need of ``rows`` before the event changes them."""
    rows = np.asarray(rows, dtype=np.int64)
    return Events(
        year=year,
        rows=rows,
        household=people.household[rows],
        origin=people.origin[rows],
        destination=people.destination[rows],
        corridor=people.corridor[rows],
        region=people.region[rows],
        status=people.status[rows],
        channel=people.channel[rows],
        permit_left=people.permit_left[rows],
        departure_year=people.departure_year[rows],
        persons=people.persons(rows),
        person_key=people.person_key[rows],
        spouse=people.spouse[rows],
        dependants=people.dependants[rows],
        children_born_abroad=people.children_born_abroad[rows],
    )


@dataclass
class YearEvents:
    """This year's events of each kind (none until the mechanism records them).

    Attributes:
        returned: People who went home (step 7), as they were abroad.
        exited_abroad: People who died abroad (they leave the model).
        naturalised: Permanent residents who naturalised (step 6).
        reunified: Migrants whose family joined them (step 6), the family included.
    """

    returned: Events = field(default_factory=Events.none)
    exited_abroad: Events = field(default_factory=Events.none)
    naturalised: Events = field(default_factory=Events.none)
    reunified: Events = field(default_factory=Events.none)

    @classmethod
    def of_year(cls, year: int) -> YearEvents:
        """No events yet in ``year``."""
        return cls(*(Events.none(year) for _ in fields(cls)))
