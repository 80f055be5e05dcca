"""Administrative permit records at destination: entries by channel, recorded exits, the legal stock.

Registers see what administrations do: they record every legal entry by its channel (family
members joining a resident under 'family'), every permit issued, renewed or converted, every
naturalisation, and the expiry of temporary permits. They do not see irregular entries, nor whether
a migrant whose permit expired left or stayed on (overstays are unrecorded), and they record only
some departures (UN Recommendations on Statistics of International Migration, Rev. 1, 1998,
§§ 60-75 on administrative sources; UN Expert Group on Migration Statistics 2021). A departure
that is not recorded leaves a 'ghost' in the legal stock: a temporary permit until it expires, a
permanent permit or a citizenship record until a renewal or an audit reveals it
(``register_lapse_years``). Deaths are missed as often as civil registration misses them
(``death_unregistered``).

With every departure and death recorded, the register's legal stock is the true legal stock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from model.events import Events
from model.observation import truth
from model.population import CHANNEL_NAMES, IRREGULAR, IRREGULAR_ROUTE, TEMPORARY

if TYPE_CHECKING:
    from model.model import TripleWinModel
    from model.scenario.measurement import Measurement


@dataclass
class Ghosts:
    """Departed people the register still counts as legally present.

    Attributes:
        corridor: Their corridor.
        status: Their legal status when they left.
        persons: People each record stands for.
        lapses: First year in which the record no longer counts.
    """

    corridor: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    status: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    persons: np.ndarray = field(default_factory=lambda: np.zeros(0))
    lapses: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    def add(self, events: Events, unrecorded: np.ndarray, lapses: np.ndarray) -> None:
        """Keep the unrecorded departures whose records have not lapsed yet."""
        keep = unrecorded & (lapses > events.year)
        self.corridor = np.concatenate([self.corridor, events.corridor[keep]])
        self.status = np.concatenate([self.status, events.status[keep]])
        self.persons = np.concatenate([self.persons, events.persons[keep]])
        self.lapses = np.concatenate([self.lapses, lapses[keep]])

    def drop_lapsed(self, year: int) -> None:
        """Forget the records that no longer count this year."""
        live = self.lapses > year
        self.corridor, self.status = self.corridor[live], self.status[live]
        self.persons, self.lapses = self.persons[live], self.lapses[live]


class PermitRegister:
    """The permit and citizenship register of every destination, kept year by year.

    Args:
        params: The measurement errors (``exit_unrecorded``, ``register_lapse_years``,
            ``death_unregistered``).
    """

    def __init__(self, params: Measurement) -> None:
        self.params = params
        self.ghosts = Ghosts()

    def record_year(
        self, model: TripleWinModel, rng: np.random.Generator
    ) -> dict[str, pd.DataFrame]:
        """Record this year's entries, exits and deaths; return the year's published tables.

        Returns:
            ``permit_entries`` (legal entries by channel), ``permit_exits`` (recorded departures),
            ``deaths`` (registered deaths) and ``permit_stock`` (legal stock by status), each per
            corridor (destination and origin).
        """
        # Only people with a legal status are in the register to leave it.
        returned = model.events.returned
        returned = returned.subset(returned.status != IRREGULAR)
        died = model.events.exited_abroad
        exits_recorded = rng.random(returned.size) < 1.0 - self.params.exit_unrecorded
        deaths_recorded = rng.random(died.size) < 1.0 - self.params.death_unregistered
        self.ghosts.drop_lapsed(model.year)
        self.ghosts.add(returned, ~exits_recorded, self._lapses(returned))
        legal_deaths = died.status != IRREGULAR
        self.ghosts.add(died, legal_deaths & ~deaths_recorded, self._lapses(died))
        exits = returned.persons * exits_recorded
        deaths = died.persons * deaths_recorded
        return {
            "permit_entries": _legal_entries(model),
            "permit_exits": truth.corridor_frame(
                model, {"exits": truth.persons_by_corridor(model, returned.corridor, exits)}
            ),
            "deaths": truth.corridor_frame(
                model, {"deaths": truth.persons_by_corridor(model, died.corridor, deaths)}
            ),
            "permit_stock": self._legal_stock(model),
        }

    def _lapses(self, events: Events) -> np.ndarray:
        """The first year an unrecorded departure stops counting."""
        temporary = events.status == TEMPORARY
        # A temporary permit with k years left at the end of year t expires in year t + k.
        expiry = events.year + np.maximum(events.permit_left.astype(np.int64), 0)
        return np.where(temporary, expiry, events.year + self.params.register_lapse_years)

    def _legal_stock(self, model: TripleWinModel) -> pd.DataFrame:
        """Persons the register counts as legally present: the truth plus its ghosts."""
        frame = truth.stocks(model)
        for name, status in truth.STATUS_COLUMNS.items():
            if status == IRREGULAR:
                continue
            mine = self.ghosts.status == status
            frame[name] += truth.persons_by_corridor(
                model, self.ghosts.corridor[mine], self.ghosts.persons[mine]
            )
        frame["legal"] = frame["temporary"] + frame["permanent"] + frame["naturalised"]
        return frame[
            ["year", "destination", "origin", "temporary", "permanent", "naturalised", "legal"]
        ]


def _legal_entries(model: TripleWinModel) -> pd.DataFrame:
    """This year's entries by channel as the register records them: all but the irregular route."""
    frame = truth.entries_by_channel(model)
    frame = frame[frame["channel"] != CHANNEL_NAMES[IRREGULAR_ROUTE]].rename(
        columns={"persons": "entries"}
    )
    return frame.reset_index(drop=True)
