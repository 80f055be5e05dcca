"""People the model holds as counts, spelled out as persons for censuses and surveys.

Natives are not agents in the model (docs/ODD.md §7.2: a native labour force by region and
skill), nor are migrants' grown children (counts per cell, §7.8a). A census and a survey meet
persons, so :func:`native_people` and :func:`grown_people` spell the cells out, one record per
person and each their own dwelling (the model has no households at the destination), with the
cell's employment and wage: the first ``employed`` persons of a cell in a keyed random order
have a job, so who is unemployed changes from year to year, and rates from a full census equal
the model's (to rounding for natives, whose counts are fractional).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields

import numpy as np

from model.observation.microdata.snapshot import CAME_AS_CHILD, GrownChildren, NativeCells

# Keys of synthetic people start far above any person key of the model (household row times
# 1,024 plus the order of leaving), so they never share a keyed draw with migrants or each other.
NATIVE_KEYS = 1 << 50
GROWN_KEYS = 1 << 51
CELL_KEYS = 1 << 32
# Cells of one destination's natives: regions x (low-skilled, skilled workers, not of working age).
NATIVE_GROUPS = 3
NOT_WORKING_AGE = 2

Order = Callable[[np.ndarray], np.ndarray]
# Types of the columns of a world without grown children.
_EMPTY = {
    "key": np.int64,
    "origin": np.int64,
    "destination": np.int64,
    "region": np.int64,
    "foreign_born": bool,
    "skill": np.int64,
    "retired": bool,
    "employed": bool,
    "wage": float,
}


@dataclass(frozen=True)
class NativePeople:
    """Natives of all destinations as persons (one record each, each its own dwelling).

    Attributes:
        key: A stable key per person: the same cell and rank give the same key every year.
        destination, region: Where they live.
        working_age: Whether they are in the labour force (the model's natives all are).
        skill: 0 or 1 for workers, -1 for natives not of working age.
        employed: Whether employed (the first ``round(workers x (1 - unemployment))`` of a cell
            in the order of ``employed_order``).
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


def native_people(cells: list[NativeCells], employed_order: Order) -> NativePeople:
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
                key = NATIVE_KEYS + code * CELL_KEYS + np.arange(count, dtype=np.int64)
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
class GrownPeople:
    """Migrants' grown children as persons (one record each, each its own dwelling).

    Attributes:
        key: A key per person: the same cell and rank give the same key every year.
        origin: The parents' origin.
        destination, region: Where they live.
        foreign_born: Whether they came as children (born at origin), else born at the
            destination.
        skill: 0 low-skilled, 1 skilled.
        retired: Whether their working life has ended (else in the labour force).
        employed: Whether employed this year.
        wage: The natives' wage of their region and skill for the employed, zero otherwise.
    """

    key: np.ndarray
    origin: np.ndarray
    destination: np.ndarray
    region: np.ndarray
    foreign_born: np.ndarray
    skill: np.ndarray
    retired: np.ndarray
    employed: np.ndarray
    wage: np.ndarray

    @property
    def size(self) -> int:
        """Number of grown children."""
        return int(self.key.size)

    def subset(self, keep: np.ndarray) -> GrownPeople:
        """The people where ``keep`` is true (or at the indices it lists)."""
        return GrownPeople(**{f.name: getattr(self, f.name)[keep] for f in fields(self)})


def grown_people(
    grown: GrownChildren, cells: list[NativeCells], employed_order: Order
) -> GrownPeople:
    """Grown children spelled out as persons, cell by cell: the adults, then the retired.

    Args:
        grown: The grown children per cell.
        cells: Each destination's natives (their wages are the grown children's).
        employed_order: The order in which a cell's adults are employed this year.
    """
    parts: dict[str, list[np.ndarray]] = {f.name: [] for f in fields(GrownPeople)}
    people = grown.people()
    for cell in zip(*np.nonzero(people), strict=True):
        birthplace, origin, destination, region, skill = (int(i) for i in cell)
        adults, retirees = int(grown.adults[cell]), int(grown.retirees[cell])
        count = adults + retirees
        code = int(np.ravel_multi_index(cell, people.shape))
        key = GROWN_KEYS + code * CELL_KEYS + np.arange(count, dtype=np.int64)
        employed = np.zeros(count, dtype=bool)
        employed[employed_order(key[:adults])[: int(grown.employed[cell])]] = True
        wage = cells[destination].wages[region, skill]
        parts["key"].append(key)
        parts["origin"].append(np.full(count, origin, dtype=np.int64))
        parts["destination"].append(np.full(count, destination, dtype=np.int64))
        parts["region"].append(np.full(count, region, dtype=np.int64))
        parts["foreign_born"].append(np.full(count, birthplace == CAME_AS_CHILD))
        parts["skill"].append(np.full(count, skill, dtype=np.int64))
        parts["retired"].append(np.arange(count) >= adults)
        parts["employed"].append(employed)
        parts["wage"].append(np.where(employed, wage, 0.0))
    if not parts["key"]:
        return GrownPeople(
            **{f.name: np.zeros(0, dtype=_EMPTY[f.name]) for f in fields(GrownPeople)}
        )
    return GrownPeople(**{name: np.concatenate(arrays) for name, arrays in parts.items()})
