"""What happened abroad and at home in one year, as the sources can see it.

With :mod:`~model.observation.microdata.snapshot` (who is where at the end of the year), this
is the one module of the measurement layer that reads the model: this year's arrivals and
families joining, returns and the survivors of migrants who died abroad going home, births and
deaths at the destinations, and births and deaths at home from the demographic books.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

import numpy as np

from model import sectors
from model.events import Events
from model.observation.microdata.snapshot import GrownChildren, World, grown_children
from model.population import IRREGULAR_ROUTE

if TYPE_CHECKING:
    from model.model import TripleWinModel


def arrivals(model: TripleWinModel) -> np.ndarray:
    """Rows of the migrants who arrived this year, including any who left the model since.

    ``departure_year`` is set only on arrival, and a row freed later in the year keeps its columns
    until it is reused in a later year, so the rows whose departure year is this year are this
    year's arrivals, whatever their status now.
    """
    return np.flatnonzero(model.migrants.departure_year == model.year)


@dataclass(frozen=True)
class Entries:
    """People who entered a destination this year: arrivals and family members who joined.

    Attributes:
        key: The migrant's person key (of the migrant joined, for family members).
        corridor: Their corridor.
        irregular: Whether they came by the irregular route (family members never do).
        persons: People each record stands for (1 for an arrival; the spouse and children for a
            family that joined).
    """

    key: np.ndarray
    corridor: np.ndarray
    irregular: np.ndarray
    persons: np.ndarray


def entries(model: TripleWinModel) -> Entries:
    """This year's arrivals (even those who left again since) and families who joined."""
    people = model.migrants
    arrived = arrivals(model)
    joined = model.events.reunified
    return Entries(
        key=np.concatenate([people.person_key[arrived], joined.person_key]).astype(np.int64),
        corridor=np.concatenate([people.corridor[arrived], joined.corridor]).astype(np.int64),
        irregular=np.concatenate(
            [people.channel[arrived] == IRREGULAR_ROUTE, np.zeros(joined.size, dtype=bool)]
        ),
        persons=np.concatenate([np.ones(arrived.size), joined.persons - 1.0]),
    )


def family_joined(model: TripleWinModel) -> np.ndarray:
    """Person keys of the migrants whose family joined them this year."""
    return model.events.reunified.person_key.astype(np.int64)


@dataclass(frozen=True)
class HomeComings:
    """People who went home from abroad this year, by the family they came with.

    Two kinds: a migrant who returned with the family living with them, and the spouse and
    children of a migrant who died abroad (the survivors; docs/ODD.md §7.8a and §7.11).

    Attributes:
        year: The year.
        returned: True for a returning migrant's family, false for survivors.
        household: Origin household they went to.
        destination, corridor: Where they came from.
        status: The family's legal status abroad.
        permit_left: Years left on the migrant's temporary permit.
        persons: Everyone who went home in the record.
        foreign_born: Those of them born at origin (the returning migrant, the spouse, the
            children who joined).
    """

    year: int
    returned: np.ndarray
    household: np.ndarray
    destination: np.ndarray
    corridor: np.ndarray
    status: np.ndarray
    permit_left: np.ndarray
    persons: np.ndarray
    foreign_born: np.ndarray

    @property
    def size(self) -> int:
        """Number of records."""
        return int(self.household.size)

    def subset(self, keep: np.ndarray) -> HomeComings:
        """The records where ``keep`` is true."""
        arrays = {f.name: getattr(self, f.name)[keep] for f in fields(self) if f.name != "year"}
        return HomeComings(year=self.year, **arrays)


def home_comings(model: TripleWinModel) -> HomeComings:
    """This year's returns and survivors going home, from the families as they were at the
    return or the death (``model.events``)."""
    returned, died = model.events.returned, model.events.exited_abroad
    born_here = returned.children_born_abroad.astype(np.int64)
    spouse = (died.spouse > 0).astype(np.int64)
    joined = died.dependants.astype(np.int64)
    survivors = died.persons.astype(np.int64) - 1
    return HomeComings(
        year=model.year,
        returned=np.concatenate([np.ones(returned.size, bool), np.zeros(died.size, bool)]),
        household=np.concatenate([returned.household, died.household]).astype(np.int64),
        destination=np.concatenate([returned.destination, died.destination]).astype(np.int64),
        corridor=np.concatenate([returned.corridor, died.corridor]).astype(np.int64),
        status=np.concatenate([returned.status, died.status]).astype(np.int64),
        permit_left=np.concatenate([returned.permit_left, died.permit_left]).astype(np.int64),
        persons=np.concatenate([returned.persons, survivors]).astype(float),
        foreign_born=np.concatenate([returned.persons - born_here, spouse + joined]).astype(float),
    )


@dataclass(frozen=True)
class VitalEventsAbroad:
    """Births and deaths of people of migrant origin at the destinations this year, per corridor.

    Attributes:
        died: The migrants who died abroad, as they were (``model.events.exited_abroad``).
        migrant_deaths: Their number per corridor.
        family_deaths: Deaths of spouses and children living with migrants, per corridor.
        grown_deaths: Deaths of migrants' grown children, per corridor of their parents.
        births: Children born to migrant couples, per corridor.
    """

    died: Events
    migrant_deaths: np.ndarray
    family_deaths: np.ndarray
    grown_deaths: np.ndarray
    births: np.ndarray


def vital_events_abroad(
    model: TripleWinModel, world: World, grown_before: GrownChildren
) -> VitalEventsAbroad:
    """This year's births and deaths abroad.

    The model counts the deaths of grown children per cell without keeping them: a cell gains
    the children who grew up into it and loses its dead, so the deaths of a corridor are the
    children who grew up (``counts.grown_up``) less the change in its grown children.

    Args:
        model: The model at the end of the year.
        world: Its corridors.
        grown_before: The grown children at the end of the previous year.
    """
    counts, died = model.counts, model.events.exited_abroad
    corridors = world.corridor_origin.size
    migrant_deaths = np.bincount(died.corridor, minlength=corridors).astype(float)
    change = grown_children(model).by_corridor(world) - grown_before.by_corridor(world)
    return VitalEventsAbroad(
        died=died,
        migrant_deaths=migrant_deaths,
        family_deaths=counts.deaths_abroad.astype(float) - migrant_deaths,
        grown_deaths=counts.grown_up.astype(float) - change,
        births=counts.births_abroad.astype(float),
    )


def origin_vital_statistics(model: TripleWinModel) -> dict[str, np.ndarray]:
    """Each origin's births and deaths at home since the start, and its residents now.

    Read from the demographic books (docs/ODD.md, section 7.25): births at home and deaths at
    home, summed over the years so far.
    """
    books = model.people
    births = np.zeros(len(model.origins))
    deaths = np.zeros(len(model.origins))
    born = books.sector_indices(sectors.BORN)
    at_origin = books.sector_indices(sectors.AT_ORIGIN)
    died = books.sector_indices(sectors.DIED)
    for year in range(1, min(model.year, books.horizon) + 1):
        flows = books.matrix(year)
        births += flows[born, at_origin]
        deaths += flows[at_origin, died]
    return {
        "births": births,
        "deaths": deaths,
        "residents": np.array([o.residents for o in model.origins], dtype=float),
    }
