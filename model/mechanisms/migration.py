"""Step 8a: households weigh sending a member abroad.

The value of migrating is the discounted expected log-income gain over a horizon (Sjaastad 1962),
with the chance of a job abroad as in Harris & Todaro (1970), net of the cost relative to income
and of income risk; households hit by a shock are readier to diversify (Stark & Bloom 1985). The
cost must be paid from wealth or credit from the community's migrants, so the poorest cannot go
(Clemens 2014). Community members already in a destination lower the cost (Massey 1990;
McKenzie & Rapoport 2010) and raise the chance of a job (Munshi 2003). Among several corridors a
household picks one by a multinomial logit on their values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from model.mechanisms import admission
from model.mechanisms.common import logistic
from model.population import HIGH
from model.state import Prospects

if TYPE_CHECKING:
    from model.model import TripleWinModel
    from model.scenario.mobility import Migration


@dataclass
class Applicants:
    """Households that decided to send a member this year, one row per applicant."""

    household: np.ndarray
    skill: np.ndarray
    corridor: np.ndarray
    value: np.ndarray
    cost: np.ndarray
    home_income: np.ndarray
    network: np.ndarray


def decide_and_move(model: TripleWinModel) -> None:
    """Collect this year's applicants and pass them to admission.

    Reads: migrants abroad (destination, employment, occupation, skill, household); households'
    skills, ability, wealth, income, shock losses and community; ``markets.origin_wages``;
    ``origin_parameters`` and ``destination_parameters``; ``corridors``; ``params.migration``;
    ``prospects`` (observed at the start of step 8: :func:`observe_prospects`).

    Writes: ``counts.migration_attempts``; admission then moves the newcomers
    (:func:`model.mechanisms.admission.admit`).
    """
    applicants = _applicants(model)
    admission.admit(model, applicants)


def observe_prospects(model: TripleWinModel) -> Prospects:
    """What origin households can observe of life abroad: jobs, wages and networks."""
    people = model.migrants
    rows = np.flatnonzero(people.abroad())
    n_dest = len(model.destinations)
    destination = people.destination[rows]
    working = ~people.retired[rows]
    count = np.bincount(destination, working, n_dest)
    employment_abroad = np.where(
        count > 0,
        np.bincount(destination, people.employed[rows] & working, n_dest) / np.maximum(count, 1),
        model.params.migration.prior_employment,
    )
    arrival_wage = _arrival_wages(model)
    community_network = np.bincount(
        model.households.community[people.household[rows]] * n_dest + destination,
        minlength=(int(model.households.community.max()) + 1) * n_dest,
    ).reshape(-1, n_dest)
    expected_abroad_wage, emigration_prospect = _prospects_by_origin(model, arrival_wage)
    return Prospects(
        employment_abroad=employment_abroad,
        arrival_wage=arrival_wage,
        community_network=community_network,
        expected_abroad_wage=expected_abroad_wage,
        emigration_prospect=emigration_prospect,
    )


def _prospects_by_origin(
    model: TripleWinModel, arrival_wage: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Best newcomer wage abroad by skill, and the share of origin-born workers abroad by skill."""
    people, table = model.migrants, model.households
    n_origins = len(model.origins)
    wages = np.zeros((n_origins, 2))
    for c in range(len(model.corridors)):
        o, d = model.corridors.origin[c], model.corridors.destination[c]
        wages[o] = np.maximum(wages[o], arrival_wage[d])
    abroad = people.abroad()
    alive = people.alive()
    prospect = np.zeros((n_origins, 2))
    for skill, home in ((0, table.workers_low), (HIGH, table.workers_high)):
        out = np.bincount(people.origin[abroad & (people.skill == skill)], minlength=n_origins)
        ever = np.bincount(people.origin[alive & (people.skill == skill)], minlength=n_origins)
        prospect[:, skill] = out / np.maximum(np.bincount(table.origin, home, n_origins) + ever, 1)
    return wages, prospect


def _arrival_wages(model: TripleWinModel) -> np.ndarray:
    """Expected yearly wage of a newcomer of each skill in each destination, shape ``(dest, 2)``."""
    people = model.migrants
    params = model.params
    wages = np.zeros((len(model.destinations), 2))
    abroad = people.abroad()
    for economy in model.destinations:
        weights = economy.natives.sum(axis=1)
        price = np.average(economy.migrant_wages, axis=0, weights=weights)
        skilled = (
            abroad
            & (people.destination == economy.index)
            & (people.skill == HIGH)
            & people.employed
        )
        skilled_jobs = (
            people.occupation[skilled].mean()
            if skilled.any()
            else params.migration.prior_skilled_jobs
        )
        language = 1.0 - params.integration.language_productivity * (
            1.0 - params.integration.initial_language
        )
        penalty = (1.0 - economy.config.discrimination) * language
        wages[economy.index, 0] = price[0] * penalty
        wages[economy.index, 1] = (
            skilled_jobs * price[1] + (1 - skilled_jobs) * price[0]
        ) * penalty
    return wages


def _annuity(params: Migration) -> float:
    years = np.arange(1, round(params.horizon_years) + 1)
    return float((1.0 / (1.0 + params.discount_rate) ** years).sum())


def _applicants(model: TripleWinModel) -> Applicants:
    table = model.households
    params = model.params.migration
    n_corr = len(model.corridors)
    keys = model.household_keys
    gumbel = model.draws.gumbel("corridor choice", keys, n_corr)
    adults = table.workers_low + table.workers_high
    eligible = (adults >= 2) | ((adults == 1) & (table.youth == 0))
    skill = (model.draws.uniform("who goes", keys) * adults < table.workers_high).astype(np.int8)
    origin = table.origin
    wages = model.markets.origin_wages
    unemployment = model.origin_parameters.unemployment_rate[origin]
    home_income = np.maximum(wages[origin, skill] * table.ability * (1 - unemployment), 1.0)
    values, costs, networks = _corridor_values(model, skill, home_income)
    choice = np.argmax(values / params.gain_scale + gumbel, axis=1)
    pick = np.arange(table.size), choice
    value, cost, network = values[pick], costs[pick], networks[pick]
    low_wage = wages[origin, 0]
    credit = params.network_credit * network * low_wage
    liquid = table.wealth + credit >= cost
    shock = np.minimum(table.shock_loss / np.maximum(table.income + table.shock_loss, 1.0), 1.0)
    chance = params.propensity * logistic((value - params.gain_threshold) / params.gain_scale)
    chance *= 1.0 + params.insurance_motive * shock
    go = eligible & liquid & np.isfinite(value) & model.draws.chance("migrate", keys, chance)
    model.counts.migration_attempts = int(go.sum())
    return Applicants(
        household=np.flatnonzero(go),
        skill=skill[go],
        corridor=choice[go],
        value=value[go],
        cost=cost[go],
        home_income=home_income[go],
        network=network[go],
    )


def _corridor_values(
    model: TripleWinModel, skill: np.ndarray, home_income: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Value, cost and network of every corridor for every household (``-inf`` where none)."""
    table = model.households
    params = model.params.migration
    corridors = model.corridors
    n, n_corr = table.size, len(corridors)
    values = np.full((n, n_corr), -np.inf)
    costs = np.zeros((n, n_corr))
    networks = np.zeros((n, n_corr))
    annuity = _annuity(params)
    low_wage = model.markets.origin_wages[table.origin, 0]
    skilled_wage = model.markets.origin_wages[table.origin, HIGH]
    bond = (
        model.origin_parameters.skilled_emigration_bond[table.origin]
        * skilled_wage
        * (skill == HIGH)
    )
    for c in range(n_corr):
        mine = table.origin == corridors.origin[c]
        d = int(corridors.destination[c])
        network = model.prospects.community_network[table.community, d].astype(float)
        employment = np.minimum(
            model.prospects.employment_abroad[d]
            * (1.0 + params.network_job_effect * np.log1p(network)),
            params.employment_cap,
        )
        tax = model.destination_finances.tax_rate[d]
        abroad_income = (
            employment * model.prospects.arrival_wage[d, skill] * table.ability * (1 - tax)
        )
        gain = np.log(np.maximum(abroad_income, 1.0) / home_income)
        cost = (
            corridors.migration_cost[c]
            * low_wage
            * np.exp(-params.network_cost_elasticity * np.log1p(network))
        )
        cost = cost + bond
        value = annuity * gain - cost / home_income - params.risk_aversion * (1.0 - employment)
        values[mine, c] = value[mine]
        costs[:, c] = cost
        networks[:, c] = network
    return values, costs, networks
