"""Step 7: returns. Migrants go home when their savings target is met, their permit expired, a
return bonus is offered, they failed to find work, they are removed, or for other reasons
(Dustmann & Görlach 2016). Returnees rejoin their household with their savings and family, earn a
premium at home and start enterprises more often (Wahba 2015; Wahba & Zenou 2012).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from model import sectors
from model.events import snapshot
from model.mechanisms import moves
from model.population import (
    BONUS,
    FAILURE,
    IRREGULAR,
    NATURALISED,
    OTHER_REASON,
    PARTNERSHIP,
    PERMANENT,
    REMOVED,
    RETIREMENT,
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

    Working lives end abroad at ``1 / demography.working_years`` a year: settled legal residents
    (permanent or naturalised, without return plans) retire abroad unless they go home with
    chance ``returns.retire_home``; everyone else goes home to retire (Klinthäll 2006; Dustmann &
    Görlach 2016). Who retires abroad draws a pension from the destination of
    ``destinations.*.pension_replacement`` times career-average legal earnings for a full career.

    Writes: returnees' row (status, return year and reason, savings, family, circular flag,
    retirement and pension); households' ``wealth``, members, ``members_abroad``,
    ``enterprise_capital`` and ``dissolved``; ``events.returned``;
    ``counts.returns_by_corridor``; ``flows.return_bonus_paid``; the money and people books.
    """
    people = model.migrants
    params = model.params.returns
    rows = np.flatnonzero(people.abroad())
    keys = people.person_key[rows]
    corridor = people.corridor[rows]
    plan = people.return_plan[rows]
    retired = people.retired[rows]
    target_met = plan & (people.savings[rows] >= people.savings_target[rows])
    failing = (people.unemployed_years[rows] >= 1) & ~retired
    bonus = model.corridors.return_bonus[corridor]
    hazard = np.where(plan, params.base_return, params.settled_return)
    hazard = hazard + params.target_return * target_met + params.failure_return * failing
    hazard = hazard + params.bonus_response * bonus * plan
    hazard *= np.where(people.persons(rows) > 1, params.family_factor, 1.0)
    ending = 1.0 / model.params.demography.working_years
    retiring = ~retired & model.draws.chance("end of working life, migrants", keys, ending)
    status = people.status[rows]
    settled = ((status == PERMANENT) | (status == NATURALISED)) & ~plan
    stays = settled & ~model.draws.chance("retirement at home", keys, params.retire_home)
    retire_home = retiring & ~stays
    leaving = people.must_leave[rows] | model.draws.chance("return", keys, hazard) | retire_home
    reason = np.select(
        [retire_home, target_met, failing, bonus > 0],
        [RETIREMENT, TARGET_MET, FAILURE, BONUS],
        OTHER_REASON,
    )
    voluntary = leaving & ~people.must_leave[rows]
    people.return_reason[rows[voluntary]] = reason[voluntary]
    _retire(model, rows[retiring & (stays | leaving)])
    _bring_home(model, rows[leaving])


def _retire(model: TripleWinModel, rows: np.ndarray) -> None:
    """Working lives end: no more work; legal residents' pensions from their legal earnings."""
    people = model.migrants
    destination = people.destination[rows]
    replacement = model.destination_parameters.pension_replacement[destination]
    legal = people.status[rows] != IRREGULAR
    full_career = model.params.demography.working_years
    people.retired[rows] = True
    people.employed[rows] = False
    people.wage[rows] = 0.0
    people.pension[rows] = replacement * people.pension_earnings[rows] / full_career * legal


def _bring_home(model: TripleWinModel, rows: np.ndarray) -> None:
    """Returnees rejoin (or re-found) their households with savings, bonus and family.

    A retired returnee's spouse comes home retired too; pensions keep being paid at home only
    where the corridor's pensions are portable (``policy.pension_portability``).
    """
    people = model.migrants
    origin, destination = people.origin[rows], people.destination[rows]
    low_wage = model.markets.origin_wages[origin, 0]
    removed = people.return_reason[rows] == REMOVED
    bonus = model.corridors.return_bonus[people.corridor[rows]] * low_wage * ~removed
    model.flows.return_bonus_paid = np.bincount(destination, bonus, len(model.destinations))
    _rejoin_households(model, rows, bonus)
    people.pension[rows] *= model.corridors.pension_portability[people.corridor[rows]]
    model.money.move_pairs(
        "savings brought home",
        sectors.MIGRANTS,
        destination,
        sectors.ORIGIN_HOUSEHOLDS,
        origin,
        people.savings[rows],
    )
    model.money.move_pairs(
        "return bonuses",
        sectors.DESTINATION_GOVERNMENT,
        destination,
        sectors.ORIGIN_HOUSEHOLDS,
        origin,
        bonus,
    )
    moves.book_from_abroad(
        model, "returns", sectors.AT_ORIGIN, people.status[rows], origin, people.persons(rows)
    )
    channel = people.channel[rows]
    temporary = (channel == TEMPORARY_WORK) | (channel == PARTNERSHIP)
    people.circular[rows] = (
        temporary & ~removed & model.corridors.circular_reentry[people.corridor[rows]]
    )
    # As they were abroad, for the observers.
    model.events.returned = snapshot(model.migrants, model.year, rows)
    _mark_returned(model, rows)
    _returnee_enterprises(model, rows)
    model.counts.returns_by_corridor = np.bincount(
        people.corridor[rows], minlength=len(model.corridors)
    )


def _rejoin_households(model: TripleWinModel, rows: np.ndarray, bonus: np.ndarray) -> None:
    """Returnees' savings, bonus, children and spouse join their household, which lives again."""
    people, table = model.migrants, model.households
    home = people.household[rows]
    retired = people.retired[rows]
    np.add.at(table.wealth, home, people.savings[rows] + bonus)
    np.add.at(table.youth, home, people.children(rows))
    np.add.at(table.workers_low, home[(people.spouse[rows] == SPOUSE_LOW) & ~retired], 1)
    np.add.at(table.workers_high, home[(people.spouse[rows] == SPOUSE_HIGH) & ~retired], 1)
    np.add.at(table.elderly, home[(people.spouse[rows] > 0) & retired], 1)
    np.subtract.at(table.members_abroad, home, people.persons(rows).astype(np.int16))
    table.dissolved[home] = False


def _mark_returned(model: TripleWinModel, rows: np.ndarray) -> None:
    """The rows become returnees at home: nothing abroad is left to them."""
    people = model.migrants
    people.status[rows] = RETURNED
    people.return_year[rows] = model.year
    people.savings[rows] = 0.0
    people.dependants[rows] = 0
    people.children_born_abroad[rows] = 0
    people.spouse[rows] = 0
    people.employed[rows] = False
    people.sent[rows] = 0.0
    people.received[rows] = 0.0


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
