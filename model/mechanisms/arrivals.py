"""Step 8c: newcomers leave their households, settle in a region, and become migrant rows.

Newcomers settle in regions by wages, compatriots and unemployment (Bartel 1989; Jaeger 2007), a
multinomial logit. Admission collects the year's newcomers channel by channel; they leave their
households and are written into the migrant table in one batch at the end, so arrivals cost a
fixed number of array operations a year rather than a number per channel (docs/architecture.md). Each
household sends at most one first-time migrant a year, so the order of channels cannot matter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from model import sectors
from model.mechanisms import moves
from model.mechanisms.earnings import savings_targets
from model.population import (
    CHANNEL_NAMES,
    HIGH,
    PARTNERSHIP,
    PERSONS_PER_HOUSEHOLD,
    STUDY,
    TEMPORARY_WORK,
)

if TYPE_CHECKING:
    from model.model import TripleWinModel


@dataclass
class Newcomers:
    """Groups of first-time migrants admitted this year, in the order they were admitted."""

    household: list[np.ndarray] = field(default_factory=list)
    skill: list[np.ndarray] = field(default_factory=list)
    corridor: list[np.ndarray] = field(default_factory=list)
    cost: list[np.ndarray] = field(default_factory=list)
    channel: list[np.ndarray] = field(default_factory=list)
    status: list[np.ndarray] = field(default_factory=list)


def depart(
    newcomers: Newcomers,
    home: np.ndarray,
    skill: np.ndarray,
    corridor: np.ndarray,
    cost: np.ndarray,
    channel: int,
    status: int,
) -> None:
    """A group is admitted: it joins this year's ``newcomers`` (it leaves in :func:`commit`)."""
    if home.size == 0:
        return
    newcomers.household.append(home)
    newcomers.skill.append(skill)
    newcomers.corridor.append(corridor)
    newcomers.cost.append(cost)
    newcomers.channel.append(np.full(home.size, channel, dtype=np.int8))
    newcomers.status.append(np.full(home.size, status, dtype=np.int8))


def _leave_households(
    model: TripleWinModel,
    home: np.ndarray,
    skill: np.ndarray,
    cost: np.ndarray,
    channel: np.ndarray,
) -> None:
    """Households lose the member, pay the cost, and skilled emigrants' bonds are collected.

    A household sends at most one first-time migrant a year, so each appears once in ``home``.
    The bond is part of an applicant's cost (:mod:`model.mechanisms.migration`); skill-partnership
    graduates pay no cost, their training and permit being the destination's (Clemens 2015), so
    no bond is charged to their households or credited to the origin.
    """
    table = model.households
    skilled = skill == HIGH
    bonded = skilled & (channel != PARTNERSHIP)
    table.workers_high[home[skilled]] -= 1
    table.workers_low[home[~skilled]] -= 1
    table.wealth[home] -= cost
    table.members_abroad[home] += 1
    origin = table.origin[home]
    bond = (
        model.origin_parameters.skilled_emigration_bond[origin]
        * model.markets.origin_wages[origin, HIGH]
    )
    bonds = np.bincount(origin, bond * bonded, len(model.origins))
    model.flows.emigration_bonds += bonds
    books = model.money
    books.move_each("emigration bonds", sectors.ORIGIN_HOUSEHOLDS, sectors.ORIGIN_GOVERNMENT, bonds)
    recruiters = books.index(sectors.RECRUITERS_SMUGGLERS)
    fees = np.bincount(origin, cost - bond * bonded, len(model.origins))
    for o, account in enumerate(books.sector_indices(sectors.ORIGIN_HOUSEHOLDS)):
        books.move("migration costs", int(account), recruiters, float(fees[o]))


def settle(
    model: TripleWinModel,
    origin: np.ndarray,
    destination: np.ndarray,
    keys: np.ndarray,
    purpose: str,
) -> np.ndarray:
    """Region chosen by each newcomer: wages, compatriots and unemployment (multinomial logit).

    ``keys`` name whom each choice concerns (households for first departures, persons for
    re-entries, under different ``purpose`` names) so that the logit's noise is paired.
    """
    params = model.params.migration
    region = np.zeros(origin.size, dtype=np.int16)
    for economy in model.destinations:
        mine = np.flatnonzero(destination == economy.index)
        if mine.size == 0:
            continue
        regions = len(economy.region_names)
        compatriots = model.markets.region_network[origin[mine], economy.index, :regions]
        utility = (
            params.settlement_wage_weight * np.log(economy.migrant_wages[:, 0])[None, :]
            + params.settlement_network_weight * np.log1p(compatriots)
            - params.settlement_unemployment_weight * economy.unemployment[:, 0][None, :]
        )
        noise = model.draws.gumbel(purpose, keys[mine], regions)
        region[mine] = np.argmax(utility + noise, axis=1)
    return region


def arrive(
    model: TripleWinModel,
    rows: np.ndarray,
    corridor: np.ndarray,
    channel: np.ndarray,
    status: np.ndarray,
    region: np.ndarray,
) -> None:
    """Set the state of people arriving abroad (first-time or returning)."""
    people = model.migrants
    params = model.params.integration
    people.corridor[rows] = corridor
    people.destination[rows] = model.corridors.destination[corridor]
    people.status[rows] = status
    people.channel[rows] = channel
    people.region[rows] = region
    people.departure_year[rows] = model.year
    people.years_abroad[rows] = 0
    people.residence_years[rows] = 0
    people.unemployed_years[rows] = 0
    people.permit_left[rows] = np.where(
        channel == STUDY, params.study_years, model.corridors.visa_years[corridor]
    )
    people.language[rows] = np.maximum(people.language[rows], params.initial_language)
    people.employed[rows] = (channel == TEMPORARY_WORK) | (channel == PARTNERSHIP)
    people.recognised[rows] |= channel == PARTNERSHIP
    people.return_plan[rows] = True
    people.must_leave[rows] = False
    people.return_reason[rows] = 0
    people.savings[rows] = 0.0
    model.counts.arrivals_by_channel += np.bincount(channel, minlength=len(CHANNEL_NAMES))
    model.counts.arrivals_by_corridor += np.bincount(corridor, minlength=len(model.corridors))


def commit(model: TripleWinModel, newcomers: Newcomers) -> None:
    """The year's first-time migrants leave their households and take free migrant rows."""
    if not newcomers.household:
        return
    people, table = model.migrants, model.households
    home = np.concatenate(newcomers.household)
    skill = np.concatenate(newcomers.skill)
    corridor = np.concatenate(newcomers.corridor)
    channel = np.concatenate(newcomers.channel)
    _leave_households(model, home, skill, np.concatenate(newcomers.cost), channel)
    destination = model.corridors.destination[corridor]
    region = settle(model, table.origin[home], destination, home, "settlement")
    rows = people.allocate(home.size)
    people.household[rows] = home
    people.person_key[rows] = home.astype(np.int64) * PERSONS_PER_HOUSEHOLD + table.emigrants[home]
    table.emigrants[home] += 1
    people.origin[rows] = table.origin[home]
    people.skill[rows] = skill
    people.ability[rows] = table.ability[home]
    people.trips[rows] = 1
    luck = model.draws.normal("savings target", home)
    people.savings_target[rows] = savings_targets(model, home, luck)
    status = np.concatenate(newcomers.status)
    arrive(model, rows, corridor, channel, status, region)
    moves.book_to_abroad(
        model, "departures", sectors.AT_ORIGIN, status, people.origin[rows], np.ones(rows.size)
    )
