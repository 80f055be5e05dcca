"""Events of the year as observers need them: who returned, left the model, naturalised, or was joined.

A mechanism that moves people keeps a snapshot of them at the moment of the event (one line:
``model.returned_events = snapshot(model, rows)``), because the columns change right after:
a returnee's status becomes 'returned' and the family that came home with them is no longer
counted abroad; a row whose person left the model is freed. The indicators (step 10) and the
measurement layer read these snapshots instead of reconstructing the events from later state.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from model.model import TripleWinModel


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
        persons: People the row stood for (the migrant, spouse and children abroad): before a
            return or an exit, and after the family joined for a reunification.
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
    persons: np.ndarray

    @property
    def size(self) -> int:
        """Number of rows concerned."""
        return int(self.rows.size)

    def subset(self, keep: np.ndarray) -> Events:
        """The events of the rows where ``keep`` is true."""
        arrays = {f.name: getattr(self, f.name)[keep] for f in fields(self) if f.name != "year"}
        return replace(self, **arrays)


def snapshot(model: TripleWinModel, rows: np.ndarray) -> Events:
    """Copy what observers need of ``rows`` before the event changes them."""
    people = model.migrants
    rows = np.asarray(rows, dtype=np.int64)
    return Events(
        year=model.year,
        rows=rows,
        household=people.household[rows],
        origin=people.origin[rows],
        destination=people.destination[rows],
        corridor=people.corridor[rows],
        region=people.region[rows],
        status=people.status[rows],
        channel=people.channel[rows],
        permit_left=people.permit_left[rows],
        persons=people.persons(rows),
    )


def none(year: int = 0) -> Events:
    """No one: the events of a year in which nothing of the kind happened (or before year 1)."""
    empty = np.zeros(0, dtype=np.int64)
    return Events(year, empty, empty, empty, empty, empty, empty, empty, empty, empty, empty)


def of_year(model: TripleWinModel, name: str) -> Events:
    """This year's events of one kind (``returned``, ``exited_abroad``, ``naturalised``, ``reunified``).

    Falls back to no events when the mechanism did not record any this year (before year 1, say),
    so a snapshot left from an earlier year is never counted twice.
    """
    events = getattr(model, f"{name}_events", None)
    if events is None or events.year != model.year:
        return none(model.year)
    return events
