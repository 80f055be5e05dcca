"""Administrative permit records at destination: entries by channel, recorded exits, the legal
stock; and civil registration: births and deaths of people of migrant origin.

Registers see what administrations do: they record every legal entry by its channel (family
members joining a resident under 'family'), every permit issued, renewed or converted, every
naturalisation, and the expiry of temporary permits. They do not see irregular entries, nor whether
a migrant whose permit expired left or stayed on (overstays are unrecorded), and they record only
some departures (UN Recommendations on Statistics of International Migration, Rev. 1, 1998,
§§ 60-75 on administrative sources; UN Expert Group on Migration Statistics 2021). A departure
that is not recorded leaves a 'ghost' in the legal stock: a temporary permit until it expires, a
permanent permit or a citizenship record until a renewal or an audit reveals it
(``register_lapse_years``).

What the register counts, with the life course of docs/ODD.md §7.8a:

* the legal stock is the *foreign-born* legally present: migrants, spouses and children who
  joined, by the family's status, and migrants' grown children who came as children, who are
  citizens (``grown_children``); children born at the destination are on the civil register,
  not here;
* departures (``permit_exits``): the foreign-born of a returning family, and the spouse and
  children who joined of a migrant who died abroad, when they go home; each family's
  departure is recorded, or not, as one (``exit_unrecorded``);
* civil registration (``deaths``, ``births``) records the deaths at the destination of people of
  migrant origin (migrants, the family living with them, grown children) by the country of
  birth of the deceased or of their parents, and the births to migrant couples, by the parents'
  country of birth (as register-based offices publish them: Statistics Netherlands'
  "migration background"; Eurostat's births by mother's country of birth). Births are all
  registered; deaths are missed at ``death_unregistered``. A migrant whose death is not
  registered stays in the legal stock as a ghost; the model counts the deaths of family members
  and grown children per corridor without their status, so theirs leave none.

With every departure and death recorded, the register's legal stock is the true legal stock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from model.observation import truth
from model.population import CHANNEL_NAMES, IRREGULAR, IRREGULAR_ROUTE, TEMPORARY

if TYPE_CHECKING:
    from model.model import TripleWinModel
    from model.observation.microdata.year_events import HomeComings, VitalEventsAbroad
    from model.randomness import KeyedRandom
    from model.scenario.measurement import Measurement


@dataclass
class Ghosts:
    """Departed or dead people the register still counts as legally present.

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

    def add(
        self,
        year: int,
        corridor: np.ndarray,
        status: np.ndarray,
        persons: np.ndarray,
        lapses: np.ndarray,
    ) -> None:
        """Keep the unrecorded departures or deaths whose records have not lapsed yet."""
        keep = lapses > year
        self.corridor = np.concatenate([self.corridor, corridor[keep]])
        self.status = np.concatenate([self.status, status[keep]])
        self.persons = np.concatenate([self.persons, persons[keep]])
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
        self,
        model: TripleWinModel,
        home: HomeComings,
        vital: VitalEventsAbroad,
        stocks: pd.DataFrame,
        rng: np.random.Generator,
        keyed: KeyedRandom,
    ) -> dict[str, pd.DataFrame]:
        """Record this year's entries, exits, births and deaths; return the year's tables.

        Args:
            model: The model at the end of the year.
            home: This year's returns and survivors going home.
            vital: This year's births and deaths abroad.
            stocks: The true stocks at the end of the year (:func:`truth.stocks`).
            rng: The register's generator of the year (one uniform per departing family, then
                one per dead migrant).
            keyed: The observers' keyed numbers (registration of the deaths counted per
                corridor).

        Returns:
            ``permit_entries`` (legal entries by channel), ``permit_exits`` (recorded departures
            of the foreign-born), ``deaths`` and ``births`` (civil registration) and
            ``permit_stock`` (legal stock by status), each per corridor (destination, origin).
        """
        # Only people with a legal status are in the register to leave it.
        leaving = home.subset(home.status != IRREGULAR)
        died = vital.died
        exits_recorded = rng.random(leaving.size) < 1.0 - self.params.exit_unrecorded
        deaths_recorded = rng.random(died.size) < 1.0 - self.params.death_unregistered
        self.ghosts.drop_lapsed(model.year)
        lapses = self._lapses(model.year, leaving.status, leaving.permit_left)
        unrecorded = ~exits_recorded
        self.ghosts.add(
            model.year,
            leaving.corridor[unrecorded],
            leaving.status[unrecorded],
            leaving.foreign_born[unrecorded],
            lapses[unrecorded],
        )
        ghost = (died.status != IRREGULAR) & ~deaths_recorded
        self.ghosts.add(
            model.year,
            died.corridor[ghost],
            died.status[ghost],
            np.ones(int(ghost.sum())),
            self._lapses(model.year, died.status, died.permit_left)[ghost],
        )
        exits = truth.persons_by_corridor(
            model, leaving.corridor, leaving.foreign_born * exits_recorded
        )
        return {
            "permit_entries": _legal_entries(model),
            "permit_exits": truth.corridor_frame(model, {"exits": exits}),
            "deaths": truth.corridor_frame(
                model, {"deaths": self._registered_deaths(model, vital, deaths_recorded, keyed)}
            ),
            "births": truth.corridor_frame(model, {"births": vital.births}),
            "permit_stock": self._legal_stock(stocks),
        }

    def _registered_deaths(
        self,
        model: TripleWinModel,
        vital: VitalEventsAbroad,
        recorded: np.ndarray,
        keyed: KeyedRandom,
    ) -> np.ndarray:
        """Registered deaths per corridor: migrants one by one, the others' counts thinned."""
        registered = truth.persons_by_corridor(model, vital.died.corridor, recorded.astype(float))
        chance = 1.0 - self.params.death_unregistered
        corridors = np.arange(vital.births.size)
        for purpose, deaths in (
            ("registration of family deaths", vital.family_deaths),
            ("registration of grown children's deaths", vital.grown_deaths),
        ):
            registered += keyed.binomial(purpose, corridors, deaths.astype(np.int64), chance)
        return registered

    def _lapses(self, year: int, status: np.ndarray, permit_left: np.ndarray) -> np.ndarray:
        """The first year an unrecorded departure or death stops counting."""
        temporary = status == TEMPORARY
        # A temporary permit with k years left at the end of year t expires in year t + k.
        expiry = year + np.maximum(permit_left.astype(np.int64), 0)
        return np.where(temporary, expiry, year + self.params.register_lapse_years)

    def _legal_stock(self, stocks: pd.DataFrame) -> pd.DataFrame:
        """Foreign-born the register counts as legally present: the truth plus its ghosts."""
        frame = stocks[["year", "destination", "origin", *truth.LEGAL_COLUMNS]].copy()
        corridors = len(frame)
        for name, status in truth.STATUS_COLUMNS.items():
            if status == IRREGULAR:
                continue
            mine = self.ghosts.status == status
            frame[name] += np.bincount(
                self.ghosts.corridor[mine], self.ghosts.persons[mine], corridors
            )
        frame["legal"] = frame[list(truth.LEGAL_COLUMNS)].sum(axis=1)
        return frame


def _legal_entries(model: TripleWinModel) -> pd.DataFrame:
    """This year's entries by channel as the register records them: all but the irregular route."""
    frame = truth.entries_by_channel(model)
    frame = frame[frame["channel"] != CHANNEL_NAMES[IRREGULAR_ROUTE]].rename(
        columns={"persons": "entries"}
    )
    return frame.reset_index(drop=True)
