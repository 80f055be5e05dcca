"""How each indicator is measured from the columns (definitions in docs/ODD.md §7.18)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from model.integration_measures import in_labour_force
from model.population import HIGH, IRREGULAR, NATURALISED, PERMANENT, RETURNED, TEMPORARY

# How secure each legal status is, for the integration index (irregular 0 ... naturalised 1).
STATUS_SECURITY = {TEMPORARY: 0.5, PERMANENT: 0.8, IRREGULAR: 0.0, NATURALISED: 1.0}

if TYPE_CHECKING:
    from model.model import TripleWinModel


def among(values: np.ndarray, wanted: list[int], count: int) -> np.ndarray:
    """Mask of ``values`` in ``wanted`` (indices of countries out of ``count``), cheap when trivial."""
    if len(wanted) == count:
        return np.ones(values.shape, dtype=bool)
    if len(wanted) == 1:
        return values == wanted[0]
    return np.isin(values, wanted)


def _mean(values: np.ndarray) -> float:
    return float(values.mean()) if values.size else float("nan")


def _ratio(numerator: float, denominator: float) -> float:
    return float(numerator / denominator) if denominator > 0 else float("nan")


def migrant_measures(model: TripleWinModel, rows: np.ndarray) -> dict[str, float]:
    """Indicators of migrants abroad (``rows``); those of work are of the working-age ones."""
    people = model.migrants
    working = rows[~people.retired[rows]]
    employed = people.employed[working]
    skilled_employed = (people.skill[working] == HIGH) & employed
    size = 1.0 + model.params.remittances.dependant_weight * (people.persons(working) - 1)
    consumption = np.maximum(people.consumption[working] / size, 1.0)
    home = np.maximum(people.home_income[working], 1.0)
    security = np.zeros(working.size)
    for status, value in STATUS_SECURITY.items():
        security[people.status[working] == status] = value
    recognised = np.where(people.skill[working] == HIGH, people.recognised[working], 1.0)
    language, ties = people.language[working], people.ties[working]
    index = (language + ties + employed + recognised + security) / 5.0
    return {
        "migrant_income_gain": _mean(np.log(consumption / home)),
        "migrant_employment_rate": _mean(employed),
        "migrant_brain_waste": _mean(people.occupation[working][skilled_employed] == 0),
        "migrant_irregular_share": _mean(people.status[rows] == IRREGULAR),
        "migrant_integration_index": _mean(index),
        "migrants_abroad": float(rows.size),
        "persons_abroad": float(people.persons(rows).sum()),
        "retired_abroad": float(rows.size - working.size),
    }


def second_generation_measures(
    model: TripleWinModel, origins: list[int], destinations: list[int], rows: np.ndarray
) -> dict[str, float]:
    """Migrants' children at the destination, and the gaps of the grown ones to natives.

    Args:
        model: The model.
        origins: Origins of the parents.
        destinations: Destinations where they live.
        rows: Migrant rows abroad of these origins and destinations (their children).

    Returns:
        ``second_generation`` (children living with migrants and grown children, retired
        included), ``second_generation_employment_gap`` (natives' employment rate minus the grown
        children's, points of the labour force) and ``second_generation_education_gap`` (the
        natives' skilled share minus the grown children's).
    """
    grown = model.second_generation
    cells = np.ix_([0, 1], origins, destinations)
    adults = grown.adults[cells]
    employed = grown.employed[cells]
    children = float(model.migrants.children(rows).sum())
    natives = np.zeros(2)
    natives_employed = 0.0
    for d in destinations:
        economy = model.destinations[d]
        natives += economy.natives.sum(axis=0)
        natives_employed += float(economy.employed_natives.sum())
    native_rate = natives_employed / max(natives.sum(), 1e-9)
    return {
        "second_generation": children + float(adults.sum() + grown.retirees[cells].sum()),
        "second_generation_employment_gap": native_rate - _ratio(employed.sum(), adults.sum()),
        "second_generation_education_gap": float(natives[1] / max(natives.sum(), 1e-9))
        - _ratio(adults[..., 1].sum(), adults.sum()),
    }


def remittance_measures(
    model: TripleWinModel, origins: list[int], destinations: list[int]
) -> dict[str, float]:
    """This year's remittances sent along the corridors linking ``origins`` and ``destinations``.

    Read from the flows of step 3, so migrants who returned or left the model since still count.
    """
    corridors = model.corridors
    mine = among(corridors.origin, origins, len(model.origins))
    mine &= among(corridors.destination, destinations, len(model.destinations))
    sent, received = model.flows.remittances_by_corridor[:, mine].sum(axis=1)
    return {
        "remittances_sent": float(sent),
        "remittance_cost_share": _ratio(sent - received, sent),
    }


def weighted_gini(values: np.ndarray, weights: np.ndarray) -> float:
    """Gini coefficient of ``values`` among people, each value held by ``weights`` people."""
    keep = weights > 0
    values, weights = values[keep], weights[keep]
    if values.size == 0:
        return float("nan")
    order = np.argsort(values, kind="stable")
    values, weights = values[order], weights[order]
    population = np.cumsum(weights) / weights.sum()
    income = np.cumsum(values * weights)
    income = income / income[-1]
    previous = np.concatenate(([0.0], income[:-1]))
    area = (np.diff(np.concatenate(([0.0], population))) * (income + previous)).sum()
    return float(1.0 - area)


def origin_measures(
    model: TripleWinModel, origins: list[int], households: np.ndarray, persons: np.ndarray
) -> dict[str, float]:
    """Indicators of origin residents (``households`` of ``origins``)."""
    table, people = model.households, model.migrants
    weight = persons[households].astype(float)
    per_capita = table.consumption[households] / np.maximum(weight, 1.0)
    line = model.origin_parameters.poverty_line[table.origin[households]]
    # Poverty is counted as household surveys count it: on the consumption a survey measures.
    surveyed = (
        per_capita * model.origin_parameters.survey_consumption_ratio[table.origin[households]]
    )
    total = weight.sum()
    output = sum(model.origins[o].output for o in origins)
    # Returnees of working age: the skilled and returnee shares are of working-age adults.
    returned = (people.status == RETURNED) & ~people.retired
    returned &= among(people.origin, origins, len(model.origins))
    home_adults = table.workers_low[households].sum() + table.workers_high[households].sum()
    skilled = table.workers_high[households].sum() + (people.skill[returned] == HIGH).sum()
    received = table.remittances_received[households].sum()
    consumed = model.flows.remittances_consumed if len(origins) == len(model.origins) else np.nan
    return {
        "origin_gdp_per_capita": output / max(total, 1.0),
        "origin_consumption_per_capita": float(
            (table.consumption[households]).sum() / max(total, 1.0)
        ),
        "origin_poverty_rate": float((weight * (surveyed < line)).sum() / max(total, 1.0)),
        "origin_skilled_share": float(skilled / max(home_adults + returned.sum(), 1)),
        "origin_gini": weighted_gini(per_capita, weight),
        "remittances_to_gdp": float(received / max(output, 1.0)),
        "origin_residents": float(total),
        "remittances_received": float(received),
        "remittances_saved_share": float(1.0 - consumed / received)
        if received > 0
        else float("nan"),
        "returnee_share": float(returned.sum() / max(home_adults + returned.sum(), 1)),
        "households_without_residents": float(
            ((persons[households] == 0) & ~table.dissolved[households]).sum()
        ),
    }


def destination_measures(model: TripleWinModel, destinations: list[int]) -> dict[str, float]:
    """Indicators of destination natives and of migrants in the destination labour markets.

    ``destination_income_per_native`` is natives' income per native resident, summed over
    ``destinations``::

        Y - W_M - (r + delta)(K - K_natives) + migrants' net fiscal contribution - policy costs

    with ``Y`` this year's output, ``W_M`` the wages paid to migrants at step 2, ``K`` the capital
    that produced ``Y`` and ``K_natives`` the capital natives' own employed labour would hold at
    the world interest rate (:meth:`DestinationEconomy.migrant_capital_rent`); policy costs are
    training partnerships, return bonuses and enforcement. It is the immigration surplus of
    Borjas (1995) net of the user cost of the capital that immigration brings in (Ottaviano &
    Peri 2012), plus the fiscal transfer from migrants.
    """
    people = model.migrants
    abroad = people.abroad()
    native_income = natives = native_pop = gdp = 0.0
    net_fiscal = 0.0
    employed_natives = np.zeros(2)
    native_wages = np.zeros(2)
    labour_force = unemployed = 0.0
    dissimilarity = []
    for d in destinations:
        economy = model.destinations[d]
        mine = abroad & (people.destination == d)
        fiscal = economy.fiscal
        # Natives earn the output except migrants' wages (paid at step 2) and the user cost of
        # the capital installed because of migrants (Borjas 1995; Ottaviano & Peri 2012).
        native_income += economy.natives_market_income(float(model.markets.migrant_wage_bill[d]))
        costs = fiscal["training_partnership"] + fiscal["return_bonuses"] + fiscal["enforcement"]
        native_income += fiscal["migrant_net_contribution"] - costs
        net_fiscal += fiscal["migrant_net_contribution"]
        native_pop += economy.native_population
        natives += economy.native_workers
        gdp += economy.output.sum()
        employed_natives += economy.employed_natives.sum(axis=0)
        native_wages += (economy.native_wages * economy.employed_natives).sum(axis=0)
        unemployed += float((economy.natives * economy.unemployment).sum())
        labour_force += mine.sum()
        dissimilarity.append(_dissimilarity(model, d))
    rows = np.flatnonzero(abroad & among(people.destination, destinations, len(model.destinations)))
    mean_native_wage = native_wages / np.maximum(employed_natives, 1e-9)
    native_unemployment = unemployed / max(natives, 1e-9)
    weights = [model.destinations[d].native_workers for d in destinations]
    return {
        "destination_income_per_native": native_income / max(native_pop, 1e-9),
        "native_wage_low": float(mean_native_wage[0]),
        "native_wage_high": float(mean_native_wage[1]),
        "native_unemployment_rate": native_unemployment,
        "migrant_share_labour_force": float(labour_force / max(labour_force + natives, 1e-9)),
        "migrant_fiscal_balance_gdp": net_fiscal / max(gdp, 1e-9),
        "dissimilarity_index": float(np.average(dissimilarity, weights=weights)),
        "unemployment_gap": _unemployment_rate(model, rows) - native_unemployment,
        "wage_gap": _wage_gap(model, rows, mean_native_wage),
    }


def _unemployment_rate(model: TripleWinModel, rows: np.ndarray) -> float:
    """Unemployed migrants over migrants in the labour force (students without a job are not)."""
    labour_force = in_labour_force(model, rows)
    return _ratio(float((labour_force & ~model.migrants.employed[rows]).sum()), labour_force.sum())


def _dissimilarity(model: TripleWinModel, destination: int) -> float:
    """Duncan index of migrants against native workers across regions: 0.5 sum |m_r/M - n_r/N|."""
    economy = model.destinations[destination]
    migrants = (
        model.markets.region_network[:, destination, : len(economy.region_names)]
        .sum(axis=0)
        .astype(float)
    )
    natives = economy.natives.sum(axis=1)
    if migrants.sum() == 0:
        return float("nan")
    return float(0.5 * np.abs(migrants / migrants.sum() - natives / natives.sum()).sum())


def _wage_gap(model: TripleWinModel, rows: np.ndarray, native_wage: np.ndarray) -> float:
    """Shortfall of migrants' wages from natives' at equal skill, weighted by migrants' skills."""
    people = model.migrants
    employed = rows[people.employed[rows]]
    if employed.size == 0:
        return float("nan")
    skill = people.skill[employed]
    ratio = people.wage[employed] / np.maximum(native_wage[skill], 1e-9)
    return float(1.0 - ratio.mean())


def place_premium(model: TripleWinModel, origins: list[int], destinations: list[int]) -> float:
    """Same-skill wage of natives abroad over the origin wage, averaged over skills and corridors."""
    ratios = []
    for c in range(len(model.corridors)):
        o, d = int(model.corridors.origin[c]), int(model.corridors.destination[c])
        if o not in origins or d not in destinations:
            continue
        economy = model.destinations[d]
        native = (economy.native_wages * economy.natives).sum(axis=0) / economy.natives.sum(axis=0)
        ratios.append(np.mean(native / model.origins[o].wages))
    return float(np.mean(ratios)) if ratios else float("nan")
