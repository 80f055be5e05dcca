"""Probes: what a validation run measures by watching the model year by year.

Some patterns cannot be read from the indicator tables: trips are counted per person, and rows of
the migrant table are reused, so the trips of people who left the model are lost by the end of a
run. A probe is attached to a run (:func:`experiments.validation.runner.run_once`): ``start`` sees
the model as built, ``observe`` sees it after every year, and ``finish`` returns flat statistics
that join the run's row. Probes only read the model, except that :class:`TripsProbe` wraps the
migrant table's ``release`` to see people at the moment they leave the model.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

import numpy as np

from experiments.validation.patterns import (
    AssimilationProbe,
    NetworkProbe,
    ShockProbe,
    SkillsProbe,
)
from model.population import PARTNERSHIP, RETURNED, TEMPORARY_WORK

if TYPE_CHECKING:
    from model.model import TripleWinModel

# Years since arrival for which the cohort probe reports the share that has left.
COHORT_YEARS = 10
# Years of follow-up a first-time migrant needs to count in the trips statistics.
FOLLOW_UP_YEARS = 10
# Trips reported one by one; more are pooled in the last class ("4 or more").
TRIP_CLASSES = (1, 2, 3, 4)
# Entry channels of the permits that allow circular re-entry (model/mechanisms/returns.py).
CIRCULAR_CHANNELS = (TEMPORARY_WORK, PARTNERSHIP)


class Probe(Protocol):
    """What a run calls on each probe attached to it."""

    def start(self, model: TripleWinModel) -> None:
        """See the model as built, before the first year."""

    def observe(self, model: TripleWinModel) -> None:
        """See the model after each year."""

    def finish(self, model: TripleWinModel) -> dict[str, float]:
        """Flat statistics of the run."""


class CohortExitsProbe:
    """Share of arrival cohorts that left within 0, 1, ..., 10 years, and that returned home.

    ``left_within_Ky`` is the model's cohort statistic (``IndicatorRecorder.left_within``:
    returns and ends of working life abroad). ``returned_within_Ky`` counts returns only, on the
    same cohorts and arrivals: the part of the departures that are emigrations from the
    destination in the sense of the OECD's return statistics.
    """

    def __init__(self) -> None:
        self.returns = np.zeros((0, 0))

    def start(self, model: TripleWinModel) -> None:
        self.returns = np.zeros((model.horizon + 1, model.horizon + 1))

    def observe(self, model: TripleWinModel) -> None:
        cohort = model.events.returned.departure_year.astype(np.int64)
        cohort = cohort[(cohort >= 1) & (cohort <= model.horizon)]
        since = np.minimum(model.year - cohort, model.horizon)
        np.add.at(self.returns, (cohort, since), 1)

    def returned_within(self, model: TripleWinModel, years: int) -> float:
        """Returns within ``years`` of arrival over arrivals, cohorts as in ``left_within``."""
        cohorts = np.arange(1, model.horizon - years + 1)
        arrived = model.recorder.arrivals[cohorts].sum()
        if arrived == 0:
            return float("nan")
        return float(self.returns[np.ix_(cohorts, np.arange(years + 1))].sum() / arrived)

    def finish(self, model: TripleWinModel) -> dict[str, float]:
        last = min(COHORT_YEARS, model.horizon - 1)
        values = {}
        for k in range(last + 1):
            values[f"left_within_{k}y"] = model.recorder.left_within(k, model.horizon)
            values[f"returned_within_{k}y"] = self.returned_within(model, k)
        return values


class TripsProbe:
    """Trips abroad of every person who migrated during the run, to the end of their story.

    A person's trips are read after every year while the person is in the model, and at the
    moment the person leaves it (end of working life), before the row is freed for reuse. A
    person belongs to the cohort of the year of the first sighting (the year of the first trip;
    0 for the initial stock, which is left out). The statistics cover the cohorts that arrived
    no later than ``horizon - F``, ``F = min(FOLLOW_UP_YEARS, horizon // 2)``: everyone counted
    was followed for at least ``F`` years or left the model before.
    """

    def __init__(self) -> None:
        self.first_year = np.full(0, -1, dtype=np.int32)
        self.first_channel = np.full(0, -1, dtype=np.int8)
        self.trips = np.zeros(0, dtype=np.int32)
        self.returned = np.zeros(0, dtype=bool)

    def _grow(self, size: int) -> None:
        """Room for person ids below ``size`` (ids are numbered from 0 as people first migrate)."""
        old = self.trips.size
        if size <= old:
            return
        more = max(size, 2 * old + 1024) - old
        self.first_year = np.concatenate([self.first_year, np.full(more, -1, np.int32)])
        self.first_channel = np.concatenate([self.first_channel, np.full(more, -1, np.int8)])
        self.trips = np.concatenate([self.trips, np.zeros(more, np.int32)])
        self.returned = np.concatenate([self.returned, np.zeros(more, bool)])

    def _see(self, model: TripleWinModel, rows: np.ndarray) -> None:
        people = model.migrants
        ids = people.person_id[rows]
        if ids.size == 0:
            return
        self._grow(int(ids.max()) + 1)
        new = self.first_year[ids] < 0
        self.first_year[ids[new]] = model.year
        self.first_channel[ids[new]] = people.channel[rows[new]]
        self.trips[ids] = np.maximum(self.trips[ids], people.trips[rows])
        self.returned[ids] |= people.status[rows] == RETURNED

    def start(self, model: TripleWinModel) -> None:
        table = model.migrants
        release: Callable[[np.ndarray], None] = table.release

        def watched_release(rows: np.ndarray) -> None:
            self._see(model, np.asarray(rows))
            release(rows)

        table.release = watched_release  # type: ignore[method-assign]
        self._see(model, np.flatnonzero(table.alive()))

    def observe(self, model: TripleWinModel) -> None:
        self._see(model, np.flatnonzero(model.migrants.alive()))

    def finish(self, model: TripleWinModel) -> dict[str, float]:
        follow_up = min(FOLLOW_UP_YEARS, model.horizon // 2)
        cohort = (self.first_year >= 1) & (self.first_year <= model.horizon - follow_up)
        circular = cohort & np.isin(self.first_channel, CIRCULAR_CHANNELS)
        values: dict[str, float] = {"follow_up_years": float(follow_up)}
        for name, members in (("circular_permit", circular), ("all", cohort)):
            trips = self.trips[members]
            values[f"people_{name}"] = float(trips.size)
            values[f"repeat_share_{name}"] = _share(trips >= 2)
            for k in TRIP_CLASSES:
                seen = trips >= k if k == TRIP_CLASSES[-1] else trips == k
                values[f"trips_{k}_{name}"] = _share(seen)
        values["returned_share_all"] = _share(self.returned[cohort])
        values["returned_share_circular_permit"] = _share(self.returned[circular])
        return values


def _share(mask: np.ndarray) -> float:
    return float(mask.mean()) if mask.size else float("nan")


PROBES: dict[str, Callable[[], Probe]] = {
    "cohort_exits": CohortExitsProbe,
    "trips": TripsProbe,
    "assimilation": AssimilationProbe,
    "networks": NetworkProbe,
    "shocks": ShockProbe,
    "skills": SkillsProbe,
}
