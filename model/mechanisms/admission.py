"""Step 8b: admission through legal channels with quotas and selection, or the irregular route.

Each destination admits applicants through its channels in a fixed order: returnees eligible for
circular re-entry and skill-partnership graduates first, then permanent work permits (a share
reserved to the skilled: ``skill_selectivity``), study permits for the skilled, humanitarian
admission for households hit by severe shocks, then temporary work permits by lottery. Refused
applicants may take the irregular route when it still pays, at a higher cost, with a chance of
failing on the way and the prospect of removal (GCM objectives 5, 9 and 11). Newcomers settle in
regions by wages, compatriots and unemployment (Bartel 1989; Jaeger 2007).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from model.initialise import savings_targets
from model.mechanisms.common import (
    destination_levers,
    destination_values,
    logistic,
    lottery,
    origin_values,
    origin_wages,
    stochastic_round,
)
from model.population import (
    CHANNEL_NAMES,
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
    """Run every destination's channels and create the newcomers."""
    rng = model.streams.admission
    model.arrivals_by_channel = np.zeros(len(CHANNEL_NAMES), dtype=np.int64)
    model.irregular_failures = 0
    model.emigration_bonds = np.zeros(len(model.origins))
    destination = model.corridors.destination[applicants.corridor]
    for economy in model.destinations:
        mine = np.flatnonzero(destination == economy.index)
        quota = _quotas(model, economy.index, rng)
        quota["temporary"] -= _readmit_circular(model, economy.index, quota["temporary"], rng)
        _admit_trainees(model, economy.index)
        _run_channels(model, applicants, mine, economy.index, quota, rng)


def _quotas(model: TripleWinModel, destination: int, rng: np.random.Generator) -> dict[str, int]:
    thousands = model.destinations[destination].native_workers / 1000.0
    return {
        "temporary": stochastic_round(
            destination_levers(model, "temporary_quota")[destination] * thousands, rng
        ),
        "permanent": stochastic_round(
            destination_levers(model, "permanent_quota")[destination] * thousands, rng
        ),
        "study": stochastic_round(
            destination_values(model, "study_quota")[destination] * thousands, rng
        ),
        "humanitarian": stochastic_round(
            destination_values(model, "humanitarian_quota")[destination] * thousands, rng
        ),
    }


def _run_channels(
    model: TripleWinModel,
    applicants: Applicants,
    mine: np.ndarray,
    destination: int,
    quota: dict[str, int],
    rng: np.random.Generator,
) -> None:
    table = model.households
    priority = rng.random(mine.size)
    waiting = np.ones(mine.size, dtype=bool)
    skilled = applicants.skill[mine] == HIGH
    reserved = round(
        quota["permanent"] * destination_levers(model, "skill_selectivity")[destination]
    )
    home = applicants.household[mine]
    shock = table.shock_loss[home] / np.maximum(table.income[home] + table.shock_loss[home], 1.0)
    steps = (
        (PERMANENT_WORK, PERMANENT, skilled, reserved),
        (PERMANENT_WORK, PERMANENT, np.ones_like(skilled), quota["permanent"] - reserved),
        (STUDY, TEMPORARY, skilled, quota["study"]),
        (
            HUMANITARIAN,
            PERMANENT,
            shock >= model.params.migration.humanitarian_loss,
            quota["humanitarian"],
        ),
        (TEMPORARY_WORK, TEMPORARY, np.ones_like(skilled), max(quota["temporary"], 0)),
    )
    for channel, status, eligible, count in steps:
        chosen = lottery(waiting & eligible, priority, count)
        waiting[chosen] = False
        _depart(model, applicants, mine[chosen], channel, status)
    _irregular_route(model, applicants, mine[waiting], rng)


def _irregular_route(
    model: TripleWinModel, applicants: Applicants, refused: np.ndarray, rng: np.random.Generator
) -> None:
    """Refused applicants for whom the irregular route still pays try it; some fail on the way."""
    table = model.households
    params = model.params.migration
    corridor = applicants.corridor[refused]
    low_wage = origin_wages(model)[table.origin[applicants.household[refused]], 0]
    extra_cost = (
        model.corridors.irregular_cost[corridor] - model.corridors.migration_cost[corridor]
    ) * low_wage
    cost = applicants.cost[refused] + np.maximum(extra_cost, 0.0)
    enforcement = model.corridors.enforcement[corridor]
    value = (
        applicants.value[refused] - np.maximum(extra_cost, 0.0) / applicants.home_income[refused]
    )
    value -= params.risk_aversion * (
        enforcement * params.horizon_years + model.corridors.irregular_risk[corridor]
    )
    credit = params.network_credit * applicants.network[refused] * low_wage
    liquid = table.wealth[applicants.household[refused]] + credit >= cost
    draw = rng.random((2, refused.size))
    attempt = liquid & (
        draw[0]
        < params.irregular_propensity
        * logistic((value - params.gain_threshold) / params.gain_scale)
    )
    failed = attempt & (draw[1] < model.corridors.irregular_risk[corridor])
    np.subtract.at(table.wealth, applicants.household[refused[failed]], cost[failed])
    model.irregular_failures += int(failed.sum())
    applicants.cost[refused] = cost
    _depart(model, applicants, refused[attempt & ~failed], IRREGULAR_ROUTE, IRREGULAR)


def _depart(
    model: TripleWinModel, applicants: Applicants, chosen: np.ndarray, channel: int, status: int
) -> None:
    """Newcomers leave their households and arrive abroad."""
    if chosen.size == 0:
        return
    table, people = model.households, model.migrants
    home = applicants.household[chosen]
    skill = applicants.skill[chosen]
    corridor = applicants.corridor[chosen]
    np.subtract.at(table.workers_high, home[skill == HIGH], 1)
    np.subtract.at(table.workers_low, home[skill != HIGH], 1)
    np.subtract.at(table.wealth, home, applicants.cost[chosen])
    np.add.at(table.members_abroad, home, 1)
    origin = table.origin[home]
    bond = (
        (skill == HIGH)
        * origin_values(model, "skilled_emigration_bond")[origin]
        * origin_wages(model)[origin, HIGH]
    )
    model.emigration_bonds += np.bincount(origin, bond, len(model.origins))
    rows = people.allocate(chosen.size)
    people.household[rows] = home
    people.origin[rows] = table.origin[home]
    people.skill[rows] = skill
    people.ability[rows] = table.ability[home]
    people.trips[rows] = 1
    people.savings_target[rows] = savings_targets(model, home, model.streams.admission)
    _arrive(model, rows, corridor, channel, status)


def _readmit_circular(
    model: TripleWinModel, destination: int, places: int, rng: np.random.Generator
) -> int:
    """Returnees eligible for circular re-entry go again, ahead of first-time applicants."""
    people = model.migrants
    eligible = (people.status == RETURNED) & people.circular & (people.destination == destination)
    eligible &= people.return_year < model.year
    wanting = np.flatnonzero(eligible)
    wanting = wanting[rng.random(wanting.size) < model.params.returns.reentry]
    rows = wanting[rng.permutation(wanting.size)[: max(places, 0)]]
    np.add.at(model.households.members_abroad, people.household[rows], 1)
    people.trips[rows] += 1
    _arrive(model, rows, people.corridor[rows], TEMPORARY_WORK, TEMPORARY)
    return int(rows.size)


def _admit_trainees(model: TripleWinModel, destination: int) -> None:
    """Away-track graduates of a skill partnership leave with a temporary permit and a job."""
    trainees = model.partnership_trainees[destination]
    table = model.households
    trainees = trainees[table.workers_high[trainees] > 0]
    if trainees.size == 0:
        return
    corridor = model.corridors.index[table.origin[trainees], destination]
    from model.mechanisms.migration import Applicants

    group = Applicants(
        household=trainees,
        skill=np.full(trainees.size, HIGH, dtype=np.int8),
        corridor=corridor,
        value=np.zeros(trainees.size),
        cost=np.zeros(trainees.size),
        home_income=np.ones(trainees.size),
        network=np.zeros(trainees.size),
    )
    _depart(model, group, np.arange(trainees.size), PARTNERSHIP, TEMPORARY)
    people = model.migrants
    newest = np.flatnonzero(
        people.abroad() & (people.channel == PARTNERSHIP) & (people.departure_year == model.year)
    )
    people.recognised[newest] = True
    people.employed[newest] = True


def _arrive(
    model: TripleWinModel, rows: np.ndarray, corridor: np.ndarray, channel: int, status: int
) -> None:
    """Set the state of newcomers (first-time or returning) and settle them in a region."""
    people = model.migrants
    params = model.params
    people.corridor[rows] = corridor
    people.destination[rows] = model.corridors.destination[corridor]
    people.status[rows] = status
    people.channel[rows] = channel
    people.departure_year[rows] = model.year
    people.years_abroad[rows] = 0
    people.residence_years[rows] = 0
    people.unemployed_years[rows] = 0
    people.permit_left[rows] = (
        params.integration.study_years if channel == STUDY else model.corridors.visa_years[corridor]
    )
    people.language[rows] = np.maximum(people.language[rows], params.integration.initial_language)
    people.employed[rows] = channel in (TEMPORARY_WORK, PARTNERSHIP)
    people.return_plan[rows] = True
    people.must_leave[rows] = False
    people.return_reason[rows] = 0
    people.savings[rows] = 0.0
    _settle(model, rows)
    model.arrivals_by_channel[channel] += rows.size


def _settle(model: TripleWinModel, rows: np.ndarray) -> None:
    """Choose a region by wages, compatriots and unemployment (multinomial logit)."""
    people = model.migrants
    params = model.params.migration
    for economy in model.destinations:
        mine = rows[people.destination[rows] == economy.index]
        if mine.size == 0:
            continue
        compatriots = model.region_network[
            people.origin[mine], economy.index, : len(economy.region_names)
        ]
        utility = (
            params.settlement_wage_weight * np.log(economy.migrant_wages[:, 0])[None, :]
            + params.settlement_network_weight * np.log1p(compatriots)
            - params.settlement_unemployment_weight * economy.unemployment[:, 0][None, :]
        )
        noise = model.streams.admission.gumbel(size=utility.shape)
        people.region[mine] = np.argmax(utility + noise, axis=1)
