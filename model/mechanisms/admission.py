"""Step 8b: admission through legal channels with quotas and selection, or the irregular route.

Each destination admits applicants through its channels in a fixed order: returnees eligible for
circular re-entry and skill-partnership graduates first, then permanent work permits (a share
reserved to the skilled: ``skill_selectivity``), study permits for the skilled, humanitarian
admission for households hit by severe shocks, then temporary work permits by lottery. Refused
applicants may take the irregular route when it still pays, at a higher cost, with a chance of
failing on the way and the prospect of removal (GCM objectives 5, 9 and 11). Newcomers then leave
and settle (:mod:`model.mechanisms.arrivals`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from model import sectors
from model.mechanisms import moves
from model.mechanisms.arrivals import Newcomers, arrive, commit, depart, settle
from model.mechanisms.common import (
    logistic,
    lottery,
)
from model.population import (
    HIGH,
    HUMANITARIAN,
    IRREGULAR,
    IRREGULAR_ROUTE,
    PARTNERSHIP,
    PERMANENT,
    PERMANENT_WORK,
    RETURNED,
    STUDY,
    TEMPORARY,
    TEMPORARY_WORK,
)

if TYPE_CHECKING:
    from model.mechanisms.migration import Applicants
    from model.model import TripleWinModel


def admit(model: TripleWinModel, applicants: Applicants) -> None:
    """Run every destination's channels, then write the year's newcomers in one batch.

    Reads: ``applicants`` (step 8a); ``partnerships.trainees``; returnees eligible for circular
    re-entry; ``destination_parameters`` (quotas, selectivity); the destinations' natives;
    ``corridors`` (costs, risks, enforcement); households' wealth and shocks.

    Writes: newcomers' rows of the migrant table and their households (members, wealth);
    ``counts`` (arrivals, irregular failures); ``flows.emigration_bonds``.
    """
    newcomers = Newcomers()
    # A household sends one first-time migrant a year: one that sent a trainee (to any partner
    # destination) sends no other trainee and does not also apply.
    sent = np.zeros(0, dtype=np.int64)
    for economy in model.destinations:
        sent = np.concatenate([sent, _admit_trainees(model, newcomers, economy.index, sent)])
    applying = ~np.isin(applicants.household, sent)
    destination = model.corridors.destination[applicants.corridor]
    for economy in model.destinations:
        mine = np.flatnonzero((destination == economy.index) & applying)
        quota = _quotas(model, economy.index)
        quota["temporary"] -= _readmit_circular(model, economy.index, quota["temporary"])
        _run_channels(model, newcomers, applicants, mine, economy.index, quota)
    commit(model, newcomers)


def _quotas(model: TripleWinModel, destination: int) -> dict[str, int]:
    thousands = model.destinations[destination].native_workers / 1000.0
    levers = {
        "temporary": model.destination_parameters.temporary_quota,
        "permanent": model.destination_parameters.permanent_quota,
        "study": model.destination_parameters.study_quota,
        "humanitarian": model.destination_parameters.humanitarian_quota,
    }
    return {
        name: model.draws.round(f"{name} quota", destination, per_1000[destination] * thousands)
        for name, per_1000 in levers.items()
    }


def _run_channels(
    model: TripleWinModel,
    newcomers: Newcomers,
    applicants: Applicants,
    mine: np.ndarray,
    destination: int,
    quota: dict[str, int],
) -> None:
    table = model.households
    priority = model.draws.uniform("admission priority", applicants.household[mine])
    waiting = np.ones(mine.size, dtype=bool)
    anyone = waiting.copy()
    skilled = applicants.skill[mine] == HIGH
    reserved = round(
        quota["permanent"] * model.destination_parameters.skill_selectivity[destination]
    )
    home = applicants.household[mine]
    shock = table.shock_loss[home] / np.maximum(table.income[home] + table.shock_loss[home], 1.0)
    distressed = shock >= model.params.migration.humanitarian_loss
    steps = (
        (PERMANENT_WORK, PERMANENT, skilled, reserved),
        (PERMANENT_WORK, PERMANENT, anyone, quota["permanent"] - reserved),
        (STUDY, TEMPORARY, skilled, quota["study"]),
        (HUMANITARIAN, PERMANENT, distressed, quota["humanitarian"]),
        (TEMPORARY_WORK, TEMPORARY, anyone, max(quota["temporary"], 0)),
    )
    for channel, status, eligible, count in steps:
        chosen = lottery(waiting & eligible, priority, count)
        waiting[chosen] = False
        _leave(model, newcomers, applicants, mine[chosen], channel, status)
    _irregular_route(model, newcomers, applicants, mine[waiting])


def _leave(
    model: TripleWinModel,
    newcomers: Newcomers,
    applicants: Applicants,
    chosen: np.ndarray,
    channel: int,
    status: int,
) -> None:
    depart(
        newcomers,
        applicants.household[chosen],
        applicants.skill[chosen],
        applicants.corridor[chosen],
        applicants.cost[chosen],
        channel,
        status,
    )


def _irregular_route(
    model: TripleWinModel,
    newcomers: Newcomers,
    applicants: Applicants,
    refused: np.ndarray,
) -> None:
    """Refused applicants for whom the irregular route still pays try it; some fail on the way."""
    table = model.households
    params = model.params.migration
    corridor = applicants.corridor[refused]
    low_wage = model.markets.origin_wages[table.origin[applicants.household[refused]], 0]
    extra_cost = np.maximum(
        (model.corridors.irregular_cost[corridor] - model.corridors.migration_cost[corridor])
        * low_wage,
        0.0,
    )
    cost = applicants.cost[refused] + extra_cost
    enforcement = model.corridors.enforcement[corridor]
    value = applicants.value[refused] - extra_cost / applicants.home_income[refused]
    value -= params.risk_aversion * (
        enforcement * params.horizon_years + model.corridors.irregular_risk[corridor]
    )
    credit = params.network_credit * applicants.network[refused] * low_wage
    liquid = table.wealth[applicants.household[refused]] + credit >= cost
    home = applicants.household[refused]
    willing = params.irregular_propensity * logistic(
        (value - params.gain_threshold) / params.gain_scale
    )
    attempt = liquid & model.draws.chance("irregular attempt", home, willing)
    risk = model.corridors.irregular_risk[corridor]
    failed = attempt & model.draws.chance("irregular failure", home, risk)
    np.subtract.at(table.wealth, applicants.household[refused[failed]], cost[failed])
    lost = np.bincount(table.origin[home[failed]], cost[failed], len(model.origins))
    books = model.money
    smugglers = books.index(sectors.RECRUITERS_SMUGGLERS)
    for o, account in enumerate(books.sector_indices(sectors.ORIGIN_HOUSEHOLDS)):
        books.move("failed irregular attempts", int(account), smugglers, float(lost[o]))
    model.counts.irregular_failures += int(failed.sum())
    applicants.cost[refused] = cost
    _leave(model, newcomers, applicants, refused[attempt & ~failed], IRREGULAR_ROUTE, IRREGULAR)


def _readmit_circular(model: TripleWinModel, destination: int, places: int) -> int:
    """Returnees eligible for circular re-entry go again, ahead of first-time applicants."""
    people = model.migrants
    eligible = (people.status == RETURNED) & people.circular & (people.destination == destination)
    eligible &= people.return_year < model.year
    wanting = np.flatnonzero(eligible)
    keys = people.person_key[wanting]
    wanting = wanting[model.draws.chance("re-entry", keys, model.params.returns.reentry)]
    rows = wanting[
        model.draws.order("re-entry order", people.person_key[wanting])[: max(places, 0)]
    ]
    if rows.size == 0:
        return 0
    np.add.at(model.households.members_abroad, people.household[rows], 1)
    moves.book(
        model,
        "departures",
        sectors.AT_ORIGIN,
        sectors.ABROAD_TEMPORARY,
        people.origin[rows],
        np.ones(rows.size),
    )
    people.trips[rows] += 1
    corridor = people.corridor[rows]
    channel = np.full(rows.size, TEMPORARY_WORK, dtype=np.int8)
    region = settle(
        model,
        people.origin[rows],
        model.corridors.destination[corridor],
        people.person_key[rows],
        "settlement on re-entry",
    )
    arrive(model, rows, corridor, channel, np.full(rows.size, TEMPORARY, dtype=np.int8), region)
    return int(rows.size)


def _admit_trainees(
    model: TripleWinModel, newcomers: Newcomers, destination: int, sent: np.ndarray
) -> np.ndarray:
    """Away-track graduates of a skill partnership leave with a temporary permit and a job.

    Returns:
        The households the graduates left.
    """
    table = model.households
    trainees = model.partnerships.trainees[destination]
    trainees = trainees[(table.workers_high[trainees] > 0) & ~np.isin(trainees, sent)]
    corridor = model.corridors.index[table.origin[trainees], destination]
    skill = np.full(trainees.size, HIGH, dtype=np.int8)
    cost = np.zeros(trainees.size)
    depart(newcomers, trainees, skill, corridor, cost, PARTNERSHIP, TEMPORARY)
    return trainees
