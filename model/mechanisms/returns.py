"""Step 7: returns. Migrants go home when their savings target is met, their permit expired, a
return bonus is offered, they failed to find work, they are removed, or for other reasons
(Dustmann & Görlach 2016). Returnees rejoin their household with their savings and family, earn a
premium at home and start enterprises more often (Wahba 2015; Wahba & Zenou 2012).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from model.events import snapshot
from model.population import (
    BONUS,
    FAILURE,
    OTHER_REASON,
    PARTNERSHIP,
    REMOVED,
    RETURNED,
    SPOUSE_HIGH,
    SPOUSE_LOW,
    TARGET_MET,
    TEMPORARY_WORK,
)

if TYPE_CHECKING:
    from model.model import TripleWinModel


def return_home(model: TripleWinModel) -> None:
    """Decide who returns this year and bring them home.

    Reads: migrants abroad (plans, savings, targets, unemployment, family, must-leave);
    ``corridors.return_bonus`` and ``circular_reentry``; ``markets.origin_wages``;
    ``params.returns`` and ``params.skills``.

    Writes: returnees' row (status, return year and reason, savings, family, circular flag);
    households' ``wealth``, members, ``members_abroad`` and ``enterprise_capital``;
    ``events.returned``; ``counts.returns_by_corridor``; ``flows.return_bonus_paid``.
    """
    people = model.migrants
    params = model.params.returns
    rows = np.flatnonzero(people.abroad())
    corridor = people.corridor[rows]
    plan = people.return_plan[rows]
    target_met = plan & (people.savings[rows] >= people.savings_target[rows])
    failing = people.unemployed_years[rows] >= 1
    bonus = model.corridors.return_bonus[corridor]
    hazard = np.where(plan, params.base_return, params.settled_return)
    hazard = hazard + params.target_return * target_met + params.failure_return * failing
    hazard = hazard + params.bonus_response * bonus * plan
    hazard *= np.where(people.persons(rows) > 1, params.family_factor, 1.0)
    leaving = people.must_leave[rows] | model.draws.chance(
        "return", people.person_key[rows], hazard
    )
    reason = np.select([target_met, failing, bonus > 0], [TARGET_MET, FAILURE, BONUS], OTHER_REASON)
    voluntary = leaving & ~people.must_leave[rows]
    people.return_reason[rows[voluntary]] = reason[voluntary]
    _bring_home(model, rows[leaving])


def _bring_home(model: TripleWinModel, rows: np.ndarray) -> None:
    """Returnees rejoin their households with savings, bonus and family."""
    people, table = model.migrants, model.households
    home = people.household[rows]
    low_wage = model.markets.origin_wages[people.origin[rows], 0]
    removed = people.return_reason[rows] == REMOVED
    bonus = model.corridors.return_bonus[people.corridor[rows]] * low_wage * ~removed
    model.flows.return_bonus_paid = np.bincount(
        people.destination[rows], bonus, len(model.destinations)
    )
    np.add.at(table.wealth, home, people.savings[rows] + bonus)
    np.add.at(table.youth, home, people.dependants[rows])
    np.add.at(table.workers_low, home[people.spouse[rows] == SPOUSE_LOW], 1)
    np.add.at(table.workers_high, home[people.spouse[rows] == SPOUSE_HIGH], 1)
    np.subtract.at(table.members_abroad, home, people.persons(rows).astype(np.int16))
    channel = people.channel[rows]
    temporary = (channel == TEMPORARY_WORK) | (channel == PARTNERSHIP)
    people.circular[rows] = (
        temporary & ~removed & model.corridors.circular_reentry[people.corridor[rows]]
    )
    model.events.returned = snapshot(
        model.migrants, model.year, rows
    )  # as they were abroad, for observers
    people.status[rows] = RETURNED
    people.return_year[rows] = model.year
    people.savings[rows] = 0.0
    people.dependants[rows] = 0
    people.spouse[rows] = 0
    people.employed[rows] = False
    people.sent[rows] = 0.0
    people.received[rows] = 0.0
    _returnee_enterprises(model, rows)
    model.counts.returns_by_corridor = np.bincount(
        people.corridor[rows], minlength=len(model.corridors)
    )


def _returnee_enterprises(model: TripleWinModel, rows: np.ndarray) -> None:
    table = model.households
    home = np.unique(model.migrants.household[rows])
    cost = (
        model.params.households.enterprise_cost * model.markets.origin_wages[table.origin[home], 0]
    )
    able = (table.enterprise_capital[home] == 0) & (table.wealth[home] >= cost)
    start = able & model.draws.chance(
        "returnee enterprise", home, model.params.skills.returnee_enterprise
    )
    table.wealth[home[start]] -= cost[start]
    table.enterprise_capital[home[start]] += cost[start]
