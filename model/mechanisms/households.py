"""Step 4: households receive remittances, consume, save, and invest in education and enterprise.

Consumption follows a buffer-stock rule (Deaton 1991): households protect a subsistence level,
consume a share of income above it and draw down a share of wealth; what is left is saved or
invested. Education spending is a share of income per child (subsidised by the origin state).
Households able to afford the start-up capital open an enterprise with a small yearly chance
(returns of 20-33%: de Mel, McKenzie & Woodruff 2008); remittances put into a new enterprise are
matched by the origin state under ``diaspora_matching`` (Mexico's Tres por Uno).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from model.mechanisms.common import origin_levers, origin_values, origin_wages
from model.population import RETURNED

if TYPE_CHECKING:
    from model.model import TripleWinModel


def residents(model: TripleWinModel) -> np.ndarray:
    """People living in each household: members at home plus returnees."""
    table, people = model.households, model.migrants
    returned = people.status == RETURNED
    returnees = np.bincount(people.household[returned], minlength=table.size)
    return table.workers_low + table.workers_high + table.youth + returnees


def receive_consume_save(model: TripleWinModel) -> None:
    """Income, consumption, education, enterprise and wealth of every household."""
    table = model.households
    params = model.params.households
    origin = table.origin
    persons = residents(model)
    gdp = np.array([o.output / max(o.residents, 1.0) for o in model.origins])
    interest = model.params.world.world_interest_rate
    income = (
        model.labour_income * (1.0 - origin_values(model, "income_tax")[origin])
        + params.enterprise_return * table.enterprise_capital * model.shock_multiplier
        + interest * table.wealth
        + params.transfer * gdp[origin] * persons
    )
    remittances = table.remittances_received
    subsistence = params.subsistence * origin_values(model, "poverty_line")[origin] * persons
    consumption = _consumption(income + remittances, table.wealth, subsistence, params)
    without = _consumption(income, table.wealth, subsistence, params)
    model.remittances_consumed = float((consumption - without).sum())
    saving = income + remittances - consumption
    education = np.minimum(
        np.maximum(saving, 0.0),
        params.education_share * np.maximum(income + remittances, 0.0) * table.youth,
    )
    subsidy = origin_levers(model, "education_subsidy")[origin]
    table.education_spending[:] = education / (1.0 - subsidy)
    model.education_subsidy_cost = np.bincount(
        origin, table.education_spending - education, len(model.origins)
    )
    table.wealth += saving - education
    table.income[:] = income
    table.consumption[:] = consumption
    _start_enterprises(model, remittances)


def _consumption(
    cash_income: np.ndarray, wealth: np.ndarray, subsistence: np.ndarray, params
) -> np.ndarray:
    """Buffer-stock consumption: protect subsistence, consume a share of the rest and of wealth."""
    above = np.maximum(cash_income - subsistence, 0.0)
    desired = np.minimum(cash_income, subsistence) + params.consumption_propensity * above
    desired += params.wealth_drawdown * np.maximum(wealth, 0.0)
    floor = np.minimum(subsistence, cash_income + np.maximum(wealth, 0.0))
    destitution = params.destitution_floor / max(params.subsistence, 1e-9) * subsistence
    return np.maximum(np.maximum(desired, floor), destitution)


def _start_enterprises(model: TripleWinModel, remittances: np.ndarray) -> None:
    table = model.households
    params = model.params.households
    cost = params.enterprise_cost * origin_wages(model)[table.origin, 0]
    able = (table.enterprise_capital == 0) & (table.wealth >= cost)
    start = able & model.draws.chance(
        "enterprise", model.household_keys, params.enterprise_propensity
    )
    match = (
        origin_levers(model, "diaspora_matching")[table.origin]
        * np.minimum(remittances, cost)
        * start
    )
    table.wealth -= cost * start
    table.enterprise_capital += (cost + match) * start
    model.diaspora_matching_cost = np.bincount(table.origin, match, len(model.origins))
