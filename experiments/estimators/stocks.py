"""Stocks: irregular migrants by the residual method, emigrants from the origin's survey.

* **Residual method** (Warren & Passel 1987, Demography 24(3); Passel & Cohn 2018, Pew Research
  Center): irregular migrants are the foreign-born that the census sample weights up to (by place
  of birth: migrants, spouses and children who joined, and grown children who came as children,
  but not the children born at the destination), minus the legal foreign-born that the permit
  register counts (grown children among them, as citizens),
  ``I = (C - (1 - u_L) L) / (1 - u_I)``, with the undercounts ``u_I`` and ``u_L`` the analyst
  assumes (none by default, as the published tables are). Its interval is the census sample's
  sampling error only (random groups); the register is a full count. Exact in principle: with no
  census undercount, every departure recorded and the full census, ``I`` is the truth.
* **Emigrant stock from the origin's household survey** (Bilsborrow et al. 1997, International
  Migration Statistics, ILO): members of origin households living abroad with a migrant of the
  household (the migrant, the spouse, the children who joined), per origin, as the weighted sum
  of the members abroad that responding households report, ``sum_i w_i m_i`` (Horvitz & Thompson
  1952), with the variance of simple random sampling within origins. Exact in principle: with a
  relative answering for every household that left whole, no non-response and every household
  surveyed. Children who grew up abroad and left the migrant's family are foreign-born too, but
  no household reports them: the survey's emigrants fall short of the destinations' foreign-born
  by them.
"""

from __future__ import annotations

import math

import pandas as pd

from experiments.estimators.base import ALL, Estimate, normal_interval
from experiments.estimators.common import corridors, of_year, select, total
from experiments.estimators.design import Choose, random_groups, survey_total
from model.observation.observer import Observations
from model.observation.truth import STATUS_COLUMNS


def census_foreign_born(sample: pd.DataFrame, destination: str, origin: str) -> float:
    """Foreign-born persons of one corridor that a census sample weights up to."""
    born = sample[sample["place_of_birth"] != sample["destination"]]
    return float(select(born, destination, origin, "place_of_birth")["weight"].sum())


def residual_method(
    observations: Observations,
    year: int,
    assumed_undercount_irregular: float = 0.0,
    assumed_undercount_regular: float = 0.0,
) -> list[Estimate]:
    """Irregular migrants per corridor in a census year, and all corridors together.

    Args:
        observations: The census sample, the permit register's stock and the truth.
        year: A census year.
        assumed_undercount_irregular: The undercount of irregular migrants the analyst corrects for.
        assumed_undercount_regular: The undercount of legal residents the analyst corrects for.
    """
    sample = of_year(observations.microdata["census_sample"], year)
    if sample.empty:
        raise ValueError(f"no census in year {year}; census years: {observations.census_years}")
    legal = of_year(observations.observed["permit_stock"], year)
    true = of_year(observations.truth["stocks"], year)
    fraction = observations.measurement.census_sample_fraction
    results = []
    for destination, origin in corridors(true):
        registered = total(legal, "legal", destination, origin)

        def irregular(
            choose: Choose,
            destination: str = destination,
            origin: str = origin,
            registered: float = registered,
        ) -> float:
            counted = census_foreign_born(choose(sample), destination, origin)
            return (counted - (1.0 - assumed_undercount_regular) * registered) / (
                1.0 - assumed_undercount_irregular
            )

        value = random_groups(irregular, fraction)
        low, high = value.interval
        truth = total(true, "irregular", destination, origin)
        results.append(
            Estimate(
                "residual method",
                str(year),
                destination,
                origin,
                value.value,
                low,
                high,
                truth,
                value.se,
            )
        )
    return results


def emigrant_stock(observations: Observations, year: int) -> list[Estimate]:
    """Persons abroad per origin in a survey year, from the members abroad households report."""
    households = of_year(observations.observed["household_survey"], year)
    if households.empty:
        raise ValueError(f"no survey in year {year}; survey years: {observations.census_years}")
    totals, variances = survey_total(households, households["members_abroad"])
    stocks = of_year(observations.truth["stocks"], year)
    in_families = stocks[list(STATUS_COLUMNS)].sum(axis=1)
    true = in_families.groupby(stocks["origin"]).sum()
    results = []
    for origin in [*true.index, ALL]:
        value = float(totals.sum() if origin == ALL else totals.get(origin, 0.0))
        variance = float(variances.sum() if origin == ALL else variances.get(origin, 0.0))
        se = math.sqrt(variance)
        truth = float(true.sum() if origin == ALL else true[origin])
        low, high = normal_interval(value, se)
        results.append(
            Estimate("emigrant stock", str(year), ALL, origin, value, low, high, truth, se)
        )
    return results
