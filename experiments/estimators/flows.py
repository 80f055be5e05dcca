"""Entries between two censuses by demographic accounting.

The balancing equation (UN Manual VI, Methods of Measuring Internal Migration, 1970, applied to
a stock abroad; Preston, Heuveline & Guillot 2001, ch. 1): entries between two censuses are the
change in the stock plus the deaths and the returns in between,
``E = C(t1) - C(t0) + D(t0, t1] + R(t0, t1]``, with the stocks from the census samples, deaths
from civil registration and returns scaled up from the origin's household survey taken at
``t1``, which asks about the years since the previous census. The variance adds the census
samples' (random groups) and the survey's (simple random sampling within origins). Exact in
principle: with no error and complete samples the equation holds exactly in the simulator.
"""

from __future__ import annotations

import math

from experiments.estimators.base import ALL, Estimate
from experiments.estimators.common import between, corridors, of_year, select, total
from experiments.estimators.design import random_groups, survey_total
from experiments.estimators.stocks import census_foreign_born
from model.observation.observer import Observations


def survey_returns(observations: Observations, start: int, end: int) -> dict[tuple, tuple]:
    """Persons back from each destination since ``start``, per origin: ``{(d, o): (total, var)}``."""
    households = of_year(observations.observed["household_survey"], end)
    if households.empty:
        raise ValueError(f"no survey in year {end}; survey years: {observations.census_years}")
    reference = int(households["reference_years"].iloc[0])
    if end - start != reference:
        raise ValueError(
            f"the survey of {end} asks about the last {reference} years, not {end - start}"
        )
    migrants = of_year(observations.observed["household_survey_migrants"], end)
    results = {}
    for destination in observations.truth["stocks"]["destination"].unique():
        back = migrants[migrants["destination"] == destination].set_index("household")
        values = households["household"].map(back["returned"]).fillna(0.0)
        totals, variances = survey_total(households, values)
        for origin in totals.index:
            results[destination, origin] = (float(totals[origin]), float(variances[origin]))
    return results


def demographic_accounting(observations: Observations, start: int, end: int) -> list[Estimate]:
    """Entries per corridor (and all together) between the censuses of ``start`` and ``end``."""
    samples = observations.microdata["census_sample"]
    first, last = of_year(samples, start), of_year(samples, end)
    deaths = between(observations.observed["deaths"], start, end)
    flows = between(observations.truth["flows"], start, end)
    returns = survey_returns(observations, start, end)
    fraction = observations.measurement.census_sample_fraction
    results = []
    for destination, origin in corridors(flows):
        mine = [v for (d, o), v in returns.items() if _matches(d, o, destination, origin)]
        back = sum(v[0] for v in mine)
        back_variance = sum(v[1] for v in mine)
        died = total(deaths, "deaths", destination, origin)

        def entries(choose, destination=destination, origin=origin, extra=died + back):
            change = census_foreign_born(choose(last), destination, origin) - census_foreign_born(
                choose(first), destination, origin
            )
            return change + extra

        census = random_groups(entries, fraction)
        se = math.sqrt(census.se**2 + back_variance)
        truth = total(flows, "entries", destination, origin) + total(
            flows, "family_entries", destination, origin
        )
        low, high = census.value - census.quantile * se, census.value + census.quantile * se
        results.append(
            Estimate(
                "demographic accounting",
                f"{start}-{end}",
                destination,
                origin,
                census.value,
                low,
                high,
                truth,
                se,
            )
        )
    return results


def _matches(d: str, o: str, destination: str, origin: str) -> bool:
    return (destination in (ALL, d)) and (origin in (ALL, o))


def true_entries(observations: Observations, start: int, end: int, destination=ALL, origin=ALL):
    """Persons who entered (arrivals and family joining) in ``(start, end]``."""
    flows = select(between(observations.truth["flows"], start, end), destination, origin)
    return float(flows["entries"].sum() + flows["family_entries"].sum())
