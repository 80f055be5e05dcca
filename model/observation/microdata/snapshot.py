"""What every source can see of the model in one year: the people abroad and the natives.

This is the one module of the microdata sources that reads the model's columns. Everything else
works on the two snapshots it returns, so the sources and the truth they are scored against see
the same population, and a change in how the model stores its state touches this file only.

People abroad come as *dwellings*: a migrant (the reference person) with the spouse and children
who joined them, the unit that a census enumerates and a survey samples. Natives are not agents
in the model (docs/ODD.md §7.2: a native labour force by region and skill); :func:`native_people`
spells them out as persons, cell by cell, with the cell's employment rate and wage, so that the
natives' rates in a full census equal the model's to rounding.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

import numpy as np

from model import sectors
from model.integration_measures import in_labour_force
from model.observation import truth
from model.population import IRREGULAR, IRREGULAR_ROUTE, NATURALISED, SPOUSE_LOW

if TYPE_CHECKING:
    from model.model import TripleWinModel

# Keys of synthetic natives start here, far above any person key of the model (household row
# times 1,024 plus the order of leaving), so natives and migrants never share a keyed draw.
NATIVE_KEYS = 1 << 50
# Cells of one destination: regions x (low-skilled, skilled workers, natives not of working age).
NATIVE_GROUPS = 3
NOT_WORKING_AGE = 2


@dataclass(frozen=True)
class Dwellings:
    """Everyone abroad at the end of a year, one row per migrant with the family that joined.

    Attributes:
        year: The year.
        key: The migrant's stable person key (the same person has the same key in any scenario).
        household: Origin household row.
        origin, destination, corridor, region: Where the migrant is from and lives.
        status: Legal status (``model.population`` codes).
        channel: Channel of the latest entry.
        skill: 0 low-skilled, 1 skilled.
        employed: Whether the migrant has a job.
        labour_force: Whether the migrant is in the labour force (students without a job are not).
        wage: Yearly wage (PPP $), zero without a job.
        language: Command of the destination language (0-1).
        arrival: Year of the latest entry.
        spouse: Whether a spouse joined.
        spouse_skill: The spouse's skill (0 or 1), -1 without a spouse.
        children: Children who joined.
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
    wage: np.ndarray
    language: np.ndarray
    arrival: np.ndarray
    spouse: np.ndarray
    spouse_skill: np.ndarray
    children: np.ndarray

    @property
    def size(self) -> int:
        """Number of dwellings."""
        return int(self.key.size)

    @property
    def persons(self) -> np.ndarray:
        """People in each dwelling: the migrant, the spouse and the children."""
        return 1 + self.spouse.astype(np.int64) + self.children

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
        wage=np.where(people.employed[rows], people.wage[rows], 0.0),
        language=people.language[rows].astype(float),
        arrival=people.departure_year[rows].astype(np.int64),
        spouse=people.spouse[rows] > 0,
        spouse_skill=people.spouse[rows].astype(np.int64) - SPOUSE_LOW,
        children=people.dependants[rows].astype(np.int64),
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


@dataclass(frozen=True)
class NativePeople:
    """Natives of all destinations as persons (one record each, each its own dwelling).

    Attributes:
        key: A stable key per person: the same cell and rank give the same key every year.
        destination, region: Where they live.
        working_age: Whether they are in the labour force (the model's natives all are).
        skill: 0 or 1 for workers, -1 for natives not of working age.
        employed: Whether employed (the first ``round(workers x (1 - unemployment))`` of a cell
            in the order of ``rank_order``).
        wage: The cell's wage for the employed, zero otherwise.
    """

    key: np.ndarray
    destination: np.ndarray
    region: np.ndarray
    working_age: np.ndarray
    skill: np.ndarray
    employed: np.ndarray
    wage: np.ndarray

    @property
    def size(self) -> int:
        """Number of natives."""
        return int(self.key.size)


def native_people(cells: list[NativeCells], employed_order) -> NativePeople:
    """Natives spelled out as persons, cell by cell (counts rounded to whole people).

    Args:
        cells: Each destination's natives.
        employed_order: ``employed_order(keys) -> indices``: the order in which a cell's workers
            are employed this year (a keyed random order, so who is unemployed changes yearly).
    """
    parts: dict[str, list[np.ndarray]] = {f.name: [] for f in fields(NativePeople)}
    max_regions = max(len(c.regions) for c in cells)
    for cell in cells:
        residents = np.rint(cell.workers.sum(axis=1) / cell.workers_per_resident).astype(np.int64)
        for r in range(len(cell.regions)):
            for group in range(NATIVE_GROUPS):
                if group == NOT_WORKING_AGE:
                    count = max(int(residents[r] - np.rint(cell.workers[r]).sum()), 0)
                else:
                    count = int(np.rint(cell.workers[r, group]))
                code = (cell.destination * max_regions + r) * NATIVE_GROUPS + group
                key = NATIVE_KEYS + code * (1 << 32) + np.arange(count, dtype=np.int64)
                employed = np.zeros(count, dtype=bool)
                if group != NOT_WORKING_AGE and count:
                    jobs = int(np.rint(count * (1.0 - cell.unemployment[r, group])))
                    employed[employed_order(key)[:jobs]] = True
                wage = cell.wages[r, group] if group != NOT_WORKING_AGE else 0.0
                parts["key"].append(key)
                parts["destination"].append(np.full(count, cell.destination, dtype=np.int64))
                parts["region"].append(np.full(count, r, dtype=np.int64))
                parts["working_age"].append(np.full(count, group != NOT_WORKING_AGE))
                parts["skill"].append(np.full(count, -1 if group == NOT_WORKING_AGE else group))
                parts["employed"].append(employed)
                parts["wage"].append(np.where(employed, wage, 0.0))
    return NativePeople(**{name: np.concatenate(arrays) for name, arrays in parts.items()})


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
    arrived = truth.arrivals(model)
    joined = model.events.reunified
    return Entries(
        key=np.concatenate([people.person_key[arrived], people.person_key[joined.rows]]).astype(
            np.int64
        ),
        corridor=np.concatenate([people.corridor[arrived], joined.corridor]).astype(np.int64),
        irregular=np.concatenate(
            [people.channel[arrived] == IRREGULAR_ROUTE, np.zeros(joined.size, dtype=bool)]
        ),
        persons=np.concatenate([np.ones(arrived.size), joined.persons - 1.0]),
    )


def family_joined(model: TripleWinModel) -> np.ndarray:
    """Person keys of the migrants whose family joined them this year."""
    joined = model.events.reunified
    return model.migrants.person_key[joined.rows].astype(np.int64)


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
