"""Step 6b: legal status transitions and family reunification.

Temporary permits expire: an employed migrant may have it renewed or converted to permanent
residence; one who must leave may overstay and become irregular, less often under strong
enforcement (OECD 2008; Warren & Kerwin 2017). Irregular migrants are detected and removed, or
regularised. Permanent residents naturalise after a qualifying period (MIPEX) and drop return
plans over time (Dustmann & Görlach 2016). Permanent residents whose family stayed behind may
bring them where family reunification is allowed; remittances then fall (Dustmann & Mestres 2010).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from model import sectors
from model.events import snapshot
from model.mechanisms import fiscal, moves
from model.population import (
    FAMILY,
    IRREGULAR,
    NATURALISED,
    PERMANENT,
    PERMIT_EXPIRED,
    REMOVED,
    SPOUSE_HIGH,
    SPOUSE_LOW,
    STUDY,
    TEMPORARY,
    TEMPORARY_WORK,
)

if TYPE_CHECKING:
    from model.model import TripleWinModel


def transitions(model: TripleWinModel) -> None:
    """Permit expiry, overstay, removal, regularisation, naturalisation and reunification.

    Reads: migrants abroad (status, permit, channel, employment, residence, family, income);
    households' members; ``corridors`` (visa years, enforcement, regularisation, family
    reunification); ``flows.migrant_fiscal.gdp_per_capita``; ``params.integration``.

    Writes: migrants' ``status``, ``permit_left``, ``channel``, ``must_leave``,
    ``return_reason``, ``residence_years``, ``return_plan``, ``dependants`` and ``spouse``;
    households' members and ``members_abroad``; ``events.naturalised`` and ``events.reunified``;
    ``counts`` (arrivals by family, reunifications); ``flows.enforcement_spending``.
    """
    people = model.migrants
    people.must_leave[:] = False
    people.return_reason[people.abroad()] = 0
    _temporary_permits(model)
    _irregular_migrants(model)
    _permanent_residents(model)
    _reunify_families(model)


def _temporary_permits(model: TripleWinModel) -> None:
    """Expiring permits are converted or renewed for the employed, and once for new graduates.

    A graduate whose study permit ends may stay without a job, once: the permit becomes a
    temporary work permit (or permanent residence), so the next expiry requires employment as
    for any worker (OECD 2008: post-study work permits).
    """
    people = model.migrants
    params = model.params.integration
    rows = np.flatnonzero(people.status == TEMPORARY)
    people.permit_left[rows] -= 1
    rows = rows[people.permit_left[rows] <= 0]
    keys = people.person_key[rows]
    draws = model.draws
    graduate = people.channel[rows] == STUDY
    qualifies = people.employed[rows] | graduate
    convert = qualifies & draws.chance("permit conversion", keys, params.conversion)
    renew = qualifies & ~convert & draws.chance("permit renewal", keys, params.renewal)
    people.channel[rows[graduate & (convert | renew)]] = TEMPORARY_WORK
    leave = ~convert & ~renew
    enforcement = model.corridors.enforcement[people.corridor[rows]]
    overstay = leave & draws.chance("overstay", keys, params.overstay * (1.0 - enforcement))
    _change_status(model, "permit conversions", rows[convert], TEMPORARY, PERMANENT)
    people.residence_years[rows[convert]] = 0
    people.permit_left[rows[renew]] = model.corridors.visa_years[people.corridor[rows[renew]]]
    _change_status(model, "overstays", rows[overstay], TEMPORARY, IRREGULAR)
    must_leave = rows[leave & ~overstay]
    people.must_leave[must_leave] = True
    people.return_reason[must_leave] = PERMIT_EXPIRED


def _irregular_migrants(model: TripleWinModel) -> None:
    people = model.migrants
    rows = np.flatnonzero(people.status == IRREGULAR)
    corridor = people.corridor[rows]
    draw = model.draws.uniform("irregular status", people.person_key[rows])
    enforcement = model.corridors.enforcement[corridor]
    removed = draw < enforcement
    regularised = ~removed & (draw < enforcement + model.corridors.regularisation[corridor])
    model.flows.enforcement_spending = fiscal.enforcement_spending(model, rows, enforcement)
    people.must_leave[rows[removed]] = True
    people.return_reason[rows[removed]] = REMOVED
    _change_status(model, "regularisations", rows[regularised], IRREGULAR, TEMPORARY)
    people.permit_left[rows[regularised]] = model.corridors.visa_years[corridor[regularised]]


def _permanent_residents(model: TripleWinModel) -> None:
    people = model.migrants
    params = model.params.integration
    rows = np.flatnonzero(people.status == PERMANENT)
    keys = people.person_key[rows]
    eligible = people.residence_years[rows] >= params.naturalisation_years
    naturalise = eligible & model.draws.chance("naturalisation", keys, params.naturalisation)
    model.events.naturalised = snapshot(model.migrants, model.year, rows[naturalise])
    _change_status(model, "naturalisations", rows[naturalise], PERMANENT, NATURALISED)
    settled = rows[model.draws.chance("return plan dropped", keys, model.params.returns.plan_drop)]
    people.return_plan[settled] = False


def _reunify_families(model: TripleWinModel) -> None:
    people, table = model.migrants, model.households
    rows = np.flatnonzero((people.status == PERMANENT) | (people.status == NATURALISED))
    rows = rows[model.corridors.family_reunification[people.corridor[rows]].astype(bool)]
    rows = rows[(people.children(rows) + people.spouse[rows] == 0) & ~people.retired[rows]]
    home = people.household[rows]
    needs = (
        model.params.integration.reunification_income
        * model.params.remittances.living_cost
        * fiscal.gdp_per_resident(model)[people.destination[rows]]
    )
    able = (people.income[rows] >= needs) & (
        table.youth[home] + table.workers_low[home] + table.workers_high[home] > 0
    )
    chance = model.params.integration.reunification
    join = rows[able & model.draws.chance("reunification", people.person_key[rows], chance)]
    join = join[np.unique(people.household[join], return_index=True)[1]]
    home = people.household[join]
    has_spouse = table.workers_low[home] + table.workers_high[home] > 0
    spouse_low = has_spouse & (table.workers_low[home] > 0)
    spouse_high = has_spouse & ~spouse_low
    table.workers_low[home[spouse_low]] -= 1
    table.workers_high[home[spouse_high]] -= 1
    people.dependants[join] = table.youth[home]
    people.spouse[join] = np.where(spouse_low, SPOUSE_LOW, np.where(spouse_high, SPOUSE_HIGH, 0))
    joined = (table.youth[home] + has_spouse).astype(np.int16)
    table.members_abroad[home] += joined
    table.youth[home] = 0
    model.counts.reunified = int(join.size)
    model.events.reunified = snapshot(
        model.migrants, model.year, join
    )  # persons include the family who joined
    moves.book_to_abroad(
        model,
        "family reunification",
        sectors.AT_ORIGIN,
        people.status[join],
        people.origin[join],
        joined,
    )
    # Family members enter through the family channel: counted as arrivals (persons).
    model.counts.arrivals_by_channel[FAMILY] += int(joined.sum())
    model.counts.arrivals_by_corridor += np.bincount(
        people.corridor[join], joined, len(model.corridors)
    ).astype(np.int64)


def _change_status(
    model: TripleWinModel, item: str, rows: np.ndarray, old_status: int, new_status: int
) -> None:
    """Rows move from one legal status to another, their families with them (booked)."""
    people = model.migrants
    people.status[rows] = new_status
    moves.book_status_change(
        model, item, old_status, new_status, people.origin[rows], people.persons(rows)
    )
