"""What every source can see of the model in one year: people abroad, natives, and the year's events.

With :mod:`~model.observation.microdata.year_events`, this is the one module of the measurement
layer that reads the model's state. Everything else works on what they return, so the sources
and the truth they are scored against see the same population, and a change in how the model
stores its state touches these two files only.

People abroad come as *dwellings*: a migrant (the reference person) with the spouse and children
who joined, and the children born at the destination (docs/ODD.md §7.8a), the unit that a census
enumerates and a survey samples. Migrants' grown children (the second generation of
``model.second_generation``, and those who came as children) are counts per cell
(:class:`GrownChildren`); natives are a labour force by region and skill (:class:`NativeCells`).
:mod:`model.observation.microdata.persons` spells both out as persons. What happened in the
year (entries, returns, births and deaths) is read by :mod:`model.observation.microdata.year_events`,
the other module that reads the model.

Words: *foreign-born* is born at origin (the migrant, the spouse, the children who joined, and
grown children who came as children); *born at the destination* is the children born to
migrants there (the model's ``children_born_abroad``: abroad from the origin's point of view).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

import numpy as np

from model.integration_measures import in_labour_force
from model.population import IRREGULAR, NATURALISED, SPOUSE_LOW
from model.state import BORN_ABROAD, CAME_AS_CHILD

if TYPE_CHECKING:
    from model.model import TripleWinModel

# Birthplaces of grown children, as the model codes them (``model.state``).
BIRTHPLACES = {"came as a child": CAME_AS_CHILD, "born at the destination": BORN_ABROAD}


@dataclass(frozen=True)
class Dwellings:
    """Everyone abroad with a migrant at the end of a year, one row per migrant and family.

    Attributes:
        year: The year.
        key: The migrant's stable person key (the same person has the same key in any scenario).
        household: Origin household row.
        origin, destination, corridor, region: Where the migrant is from and lives.
        status: Legal status (``model.population`` codes); the family's too.
        channel: Channel of the latest entry.
        skill: 0 low-skilled, 1 skilled.
        employed: Whether the migrant has a job.
        labour_force: Whether the migrant is in the labour force (students without a job and
            the retired are not).
        retired: Whether the migrant's working life has ended (a spouse retires with them).
        wage: Yearly wage (PPP $), zero without a job.
        language: Command of the destination language (0-1).
        arrival: Year of the latest entry.
        spouse: Whether a spouse joined.
        spouse_skill: The spouse's skill (0 or 1), -1 without a spouse.
        children: Children who joined (born at origin).
        children_born_here: Children born at the destination.
    """

    year: int
    key: np.ndarray
    household: np.ndarray
    origin: np.ndarray
    destination: np.ndarray
    corridor: np.ndarray
    region: np.ndarray
    status: np.ndarray
    channel: np.ndarray
    skill: np.ndarray
    employed: np.ndarray
    labour_force: np.ndarray
    retired: np.ndarray
    wage: np.ndarray
    language: np.ndarray
    arrival: np.ndarray
    spouse: np.ndarray
    spouse_skill: np.ndarray
    children: np.ndarray
    children_born_here: np.ndarray

    @property
    def size(self) -> int:
        """Number of dwellings."""
        return int(self.key.size)

    @property
    def foreign_born(self) -> np.ndarray:
        """Foreign-born people in each dwelling: the migrant, the spouse, the children who joined."""
        return 1 + self.spouse.astype(np.int64) + self.children

    @property
    def persons(self) -> np.ndarray:
        """Everyone in each dwelling: the foreign-born and the children born at the destination."""
        return self.foreign_born + self.children_born_here

    @property
    def working_age(self) -> np.ndarray:
        """Adults of working age in each dwelling: the migrant and the spouse, unless retired."""
        return (1 + self.spouse.astype(np.int64)) * ~self.retired

    @property
    def irregular(self) -> np.ndarray:
        """Whether the migrant (and so the family) has no legal status."""
        return self.status == IRREGULAR

    @property
    def citizen(self) -> np.ndarray:
        """Whether the migrant has the destination's citizenship."""
        return self.status == NATURALISED

    def subset(self, keep: np.ndarray) -> Dwellings:
        """The dwellings where ``keep`` is true (or at the indices it lists)."""
        arrays = {f.name: getattr(self, f.name)[keep] for f in fields(self) if f.name != "year"}
        return Dwellings(year=self.year, **arrays)


@dataclass(frozen=True)
class NativeCells:
    """One destination's natives as the model holds them: workers by region and skill.

    Attributes:
        destination: The destination's index.
        name: Its name.
        regions: Names of its regions.
        workers: Native labour force by region and skill, shape ``(regions, 2)``.
        unemployment: Unemployment rate by region and skill.
        wages: Wage by region and skill (PPP $ a year).
        workers_per_resident: Native workers per native resident.
    """

    destination: int
    name: str
    regions: list[str]
    workers: np.ndarray
    unemployment: np.ndarray
    wages: np.ndarray
    workers_per_resident: float


@dataclass(frozen=True)
class GrownChildren:
    """Migrants' children who grew up abroad and left their parents' family, per cell.

    Cells ``(birthplace, origin, destination, region, skill)`` as in
    :class:`model.state.SecondGeneration`: ``birthplace`` is ``CAME_AS_CHILD`` (foreign-born)
    or ``BORN_ABROAD`` (born at the destination); ``origin`` is the parents'. They work like
    natives, at the natives' wage of their region and skill (docs/ODD.md §7.8a).

    Attributes:
        adults: Working-age adults (all in the labour force).
        employed: Those of them employed this year (at most the adults still alive at the end
            of the year: employment is settled at step 2, deaths and retirements at step 8).
        retirees: Those whose working life has ended.
    """

    adults: np.ndarray
    employed: np.ndarray
    retirees: np.ndarray

    def people(self) -> np.ndarray:
        """Adults and retirees per cell."""
        return self.adults + self.retirees

    def by_corridor(self, world: World, birthplace: int | None = None) -> np.ndarray:
        """Grown children per corridor (of one birthplace, or both), shape ``(corridors,)``."""
        people = self.people()
        people = people.sum(axis=0) if birthplace is None else people[birthplace]
        by_pair = people.sum(axis=(2, 3))
        return by_pair[world.corridor_origin, world.corridor_destination].astype(float)


@dataclass(frozen=True)
class World:
    """Names and shapes the sources need: countries, regions and corridors."""

    year: int
    origins: list[str]
    destinations: list[str]
    regions: list[list[str]]
    corridor_origin: np.ndarray
    corridor_destination: np.ndarray
    language_threshold: float


def world(model: TripleWinModel) -> World:
    """Names of the countries and regions, the corridors, and the language level of a skilled job."""
    return World(
        year=model.year,
        origins=list(model.origin_names),
        destinations=list(model.destination_names),
        regions=[list(d.region_names) for d in model.destinations],
        corridor_origin=np.asarray(model.corridors.origin),
        corridor_destination=np.asarray(model.corridors.destination),
        language_threshold=float(model.params.skills.language_for_skilled_job),
    )


def dwellings(model: TripleWinModel) -> Dwellings:
    """Everyone abroad now, one dwelling per migrant (a copy: later steps do not change it)."""
    people = model.migrants
    rows = np.flatnonzero(people.abroad())
    return Dwellings(
        year=model.year,
        key=people.person_key[rows].astype(np.int64),
        household=people.household[rows].astype(np.int64),
        origin=people.origin[rows].astype(np.int64),
        destination=people.destination[rows].astype(np.int64),
        corridor=people.corridor[rows].astype(np.int64),
        region=people.region[rows].astype(np.int64),
        status=people.status[rows].astype(np.int64),
        channel=people.channel[rows].astype(np.int64),
        skill=people.skill[rows].astype(np.int64),
        employed=people.employed[rows].copy(),
        labour_force=in_labour_force(model, rows),
        retired=people.retired[rows].copy(),
        wage=np.where(people.employed[rows], people.wage[rows], 0.0),
        language=people.language[rows].astype(float),
        arrival=people.departure_year[rows].astype(np.int64),
        spouse=people.spouse[rows] > 0,
        spouse_skill=people.spouse[rows].astype(np.int64) - SPOUSE_LOW,
        children=people.dependants[rows].astype(np.int64),
        children_born_here=people.children_born_abroad[rows].astype(np.int64),
    )


def natives(model: TripleWinModel) -> list[NativeCells]:
    """Each destination's natives by region and skill (copies)."""
    return [
        NativeCells(
            destination=economy.index,
            name=economy.name,
            regions=list(economy.region_names),
            workers=np.array(economy.natives, dtype=float),
            unemployment=np.array(economy.unemployment, dtype=float),
            wages=np.array(economy.native_wages, dtype=float),
            workers_per_resident=float(economy.config.workers_per_resident),
        )
        for economy in model.destinations
    ]


def grown_children(model: TripleWinModel) -> GrownChildren:
    """Migrants' grown children per cell now (copies)."""
    grown = model.second_generation
    adults = np.array(grown.adults, dtype=np.int64)
    return GrownChildren(
        adults=adults,
        employed=np.minimum(np.array(grown.employed, dtype=np.int64), adults),
        retirees=np.array(grown.retirees, dtype=np.int64),
    )
