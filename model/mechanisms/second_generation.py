"""The second generation: migrants' children who grow up abroad, and their working lives there.

Children living with a migrant abroad, whether they joined as children or were born abroad, leave
the family at ``1 / demography.youth_years`` a year as adults of the second generation, in their
parents' destination and region. Their schooling there makes them skilled with a chance that
depends on their parents' skill (``integration.second_generation_skilled_*``; the gap in
attainment to natives' children is mostly explained by parents' education: OECD/EU 2023,
Indicators of Immigrant Integration, ch. 7; Algan, Dustmann, Glitz & Manning 2010). They work
alongside natives of their skill and region, at natives' wages, but are employed somewhat less
often than natives (``integration.second_generation_employment_penalty``: the "ethnic penalty"
of Heath, Rothon & Kilpi 2008). They retire after ``demography.working_years`` on average, with
a destination pension, and die at their ages' rates. Their own children are counted among the
destination's natives.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from model import sectors
from model.mechanisms import moves
from model.population import HIGH
from model.state import BORN_ABROAD, CAME_AS_CHILD

if TYPE_CHECKING:
    from model.model import TripleWinModel


def grow_up(model: TripleWinModel, rows: np.ndarray) -> None:
    """Children of the migrants in ``rows`` (abroad) who come of age join the second generation.

    Reads: the rows' children, skill, origin, destination and region; ``params.demography``,
    ``params.integration``. Writes: the rows' ``dependants`` and ``children_born_abroad``,
    households' ``members_abroad``, ``second_generation.adults``, the people books.
    """
    people, table = model.migrants, model.households
    draws = model.draws
    keys = people.person_key[rows]
    rate = 1.0 / model.params.demography.youth_years
    params = model.params.integration
    chance = np.where(
        people.skill[rows] == HIGH,
        params.second_generation_skilled_high_parent,
        params.second_generation_skilled_low_parent,
    )
    cells = (people.origin[rows], people.destination[rows], people.region[rows])
    groups = (
        (CAME_AS_CHILD, people.dependants, "children who joined growing up"),
        (BORN_ABROAD, people.children_born_abroad, "children born abroad growing up"),
    )
    for birthplace, column, purpose in groups:
        grown = draws.binomial(purpose, keys, column[rows], rate)
        skilled = draws.binomial(f"skills of {purpose}", keys, grown, chance)
        column[rows] -= grown.astype(column.dtype)
        model.counts.grown_up += np.bincount(
            people.corridor[rows], grown, len(model.corridors)
        ).astype(np.int64)
        adults = model.second_generation.adults
        np.add.at(adults, (birthplace, *cells, 0), grown - skilled)
        np.add.at(adults, (birthplace, *cells, HIGH), skilled)
        np.subtract.at(table.members_abroad, people.household[rows], grown.astype(np.int16))
        moves.book_from_abroad(
            model,
            "children growing up abroad",
            sectors.SECOND_GENERATION,
            people.status[rows],
            people.origin[rows],
            grown,
        )


def _cell_keys(shape: tuple[int, ...]) -> np.ndarray:
    return np.arange(int(np.prod(shape)), dtype=np.int64)


def age(model: TripleWinModel) -> None:
    """Deaths and retirement of the second generation.

    Reads: ``second_generation``, ``params.demography``. Writes: ``second_generation.adults``
    and ``retirees``, the people books.
    """
    grown = model.second_generation
    params = model.params.demography
    draws = model.draws
    shape = grown.adults.shape
    keys = _cell_keys(shape)
    adults, retirees = grown.adults.ravel(), grown.retirees.ravel()
    adult_deaths = draws.binomial(
        "deaths of the second generation", keys, adults, params.adult_mortality
    )
    retiree_deaths = draws.binomial(
        "deaths of the retired second generation", keys, retirees, params.elderly_mortality
    )
    retiring = draws.binomial(
        "retirement of the second generation",
        keys,
        adults - adult_deaths,
        1.0 / params.working_years,
    )
    grown.adults = (adults - adult_deaths - retiring).reshape(shape)
    grown.retirees = (retirees - retiree_deaths + retiring).reshape(shape)
    deaths = (adult_deaths + retiree_deaths).reshape(shape).sum(axis=(0, 2, 3, 4))
    moves.book(
        model,
        "deaths abroad",
        sectors.SECOND_GENERATION,
        sectors.DIED,
        np.arange(len(model.origins)),
        deaths,
    )


def employ(model: TripleWinModel) -> np.ndarray:
    """Step 2: who of the second generation works this year, and their labour per destination.

    Employed with natives' chance in their region and skill (last year's unemployment), less the
    employment penalty.

    Reads: ``second_generation.adults``, the destinations' unemployment,
    ``params.integration``. Writes: ``second_generation.employed``.

    Returns:
        Employed second-generation workers, ``(destinations, regions, 2)`` (padded regions).
    """
    grown = model.second_generation
    penalty = model.params.integration.second_generation_employment_penalty
    shape = grown.adults.shape
    chance = np.zeros(shape[2:])
    for economy in model.destinations:
        regions = len(economy.region_names)
        chance[economy.index, :regions] = (1.0 - economy.unemployment) * (1.0 - penalty)
    chance = np.broadcast_to(chance, shape).ravel()
    employed = model.draws.binomial(
        "employment of the second generation", _cell_keys(shape), grown.adults.ravel(), chance
    )
    grown.employed = employed.reshape(shape)
    return grown.employed.sum(axis=(0, 1))
