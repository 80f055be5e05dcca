"""A light yearly log of every person who migrated and of every household, for the inspector.

The model's columns hold only the present: a person's row is reused once they leave the model,
and a returnee's savings are zeroed when they get home. To tell a story over time the app keeps,
after every step, a copy of a few columns of each person in the migrant table (keyed by
``person_id``, sorted, so a person's history is one binary search a year) and of each household
(a preallocated year-by-household array). At a few thousand households this costs well under a
millisecond a year and a few megabytes in all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from app import state

if TYPE_CHECKING:
    from model.model import TripleWinModel

# Columns of the migrant table copied every year (model/population.py: MIGRANT_COLUMNS).
PERSON_FIELDS = (
    "person_id",
    "household",
    "origin",
    "destination",
    "region",
    "skill",
    "status",
    "channel",
    "trips",
    "departure_year",
    "years_abroad",
    "permit_left",
    "employed",
    "occupation",
    "recognised",
    "dependants",
    "spouse",
    "wage",
    "income",
    "consumption",
    "home_income",
    "savings",
    "remitted_total",
    "return_year",
    "return_reason",
)

# Household columns copied every year, plus derived counts (members living at home, returnees).
HOUSEHOLD_FIELDS = (
    "workers_low",
    "workers_high",
    "youth",
    "members_abroad",
    "wealth",
    "income",
    "consumption",
    "shock_loss",
    "enterprise_capital",
    "remittances_received",
)
DERIVED_FIELDS = ("residents", "returnees")


class Diary:
    """Yearly records of people and households of one model run, from year 0 (the start).

    Args:
        model: The model to record; :meth:`record` is called once now and after every step.
    """

    def __init__(self, model: TripleWinModel) -> None:
        years = model.horizon + 1
        size = model.households.size
        self.households = {
            name: np.zeros((years, size), dtype=np.float32)
            for name in HOUSEHOLD_FIELDS + DERIVED_FIELDS
        }
        self.people: list[dict[str, np.ndarray]] = []
        self.record(model)

    @property
    def last_year(self) -> int:
        """The latest year recorded."""
        return len(self.people) - 1

    def record(self, model: TripleWinModel) -> None:
        """Copy this year's state (the model's ``year`` must be the next one to record)."""
        year = model.year
        if year != len(self.people) or year >= self.households["wealth"].shape[0]:
            return
        table, people = model.households, model.migrants
        rows = np.flatnonzero(people.alive())
        rows = rows[np.argsort(people.person_id[rows], kind="stable")]
        for name in HOUSEHOLD_FIELDS:
            self.households[name][year] = getattr(table, name)
        self.households["returnees"][year] = state.returnees(model)
        self.households["residents"][year] = state.residents(model)
        # Last: the page may draw a story while the model steps, and a year counts as recorded
        # (last_year) only once every one of its households' fields is in.
        self.people.append({name: getattr(people, name)[rows] for name in PERSON_FIELDS})

    def person(self, person_id: int) -> dict[str, np.ndarray]:
        """A person's yearly records: ``year`` and every field, for the years they were alive."""
        years: list[int] = []
        picked: list[dict[str, np.ndarray]] = []
        for year, chunk in enumerate(self.people):
            ids = chunk["person_id"]
            at = int(np.searchsorted(ids, person_id))
            if at < ids.size and ids[at] == person_id:
                years.append(year)
                picked.append({name: values[at] for name, values in chunk.items()})
        history = {"year": np.array(years, dtype=int)}
        for name in PERSON_FIELDS:
            history[name] = np.array([p[name] for p in picked])
        return history

    def household(self, row: int) -> dict[str, np.ndarray]:
        """A household's yearly records, from year 0 to the latest year recorded."""
        last = self.last_year + 1
        history: dict[str, np.ndarray] = {"year": np.arange(last)}
        history.update({name: values[:last, row] for name, values in self.households.items()})
        return history

    def people_of(self, household: int) -> list[int]:
        """Everyone who ever migrated from ``household``, by ``person_id`` (first seen first)."""
        seen: dict[int, None] = {}
        for chunk in self.people:
            for person in chunk["person_id"][chunk["household"] == household]:
                seen.setdefault(int(person), None)
        return list(seen)
