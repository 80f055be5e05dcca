"""Entries between two censuses by demographic accounting.

The balancing equation (UN Manual VI, Methods of Measuring Internal Migration, 1970, applied to
a population abroad; Preston, Heuveline & Guillot 2001, ch. 1): entries between two censuses are
the change in the population plus those who left it and less those born into it in between,
``E = P(t1) - P(t0) + D(t0, t1] + R(t0, t1] - B(t0, t1]``. The population is that of migrant
origin: the foreign-born and their children born at the destination (the census samples identify
them by their own or their parents' place of birth), because it is the population whose exits
the sources record whole: civil registration records its births ``B`` and deaths ``D`` (by the
parents' country of birth), and the origin's household survey taken at ``t1`` the persons ``R``
who came (back) from abroad in the years since the previous census, children born abroad and the
families of migrants who died abroad included. Children who grow up and leave their parents stay
in it. The variance adds the census samples' (random groups) and the survey's (simple random
sampling within origins). Exact in principle: with no error and complete samples the equation
holds exactly in the simulator.
"""

from __future__ import annotations

import math

import pandas as pd

from experiments.estimators.base import ALL, Estimate
from experiments.estimators.common import between, corridors, of_year, select, total
from experiments.estimators.design import Choose, random_groups, survey_total
from model.observation.observer import Observations


def census_migrant_origin(sample: pd.DataFrame, destination: str, origin: str) -> float:
    """People of migrant origin (born in ``origin``, or to parents born there) in one corridor,
    weighted up from a census sample."""
    mine = sample[sample["parents_birthplace"] != sample["destination"]]
    return float(select(mine, destination, origin, "parents_birthplace")["weight"].sum())


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
    births = between(observations.observed["births"], start, end)
    flows = between(observations.truth["flows"], start, end)
    returns = survey_returns(observations, start, end)
    fraction = observations.measurement.census_sample_fraction
    results = []
    for destination, origin in corridors(flows):
        mine = [v for (d, o), v in returns.items() if _matches(d, o, destination, origin)]
        back = sum(v[0] for v in mine)
        back_variance = sum(v[1] for v in mine)
        died = total(deaths, "deaths", destination, origin)
        born = total(births, "births", destination, origin)

        def entries(
            choose: Choose,
            destination: str = destination,
            origin: str = origin,
            extra: float = died + back - born,
        ) -> float:
            change = census_migrant_origin(
                choose(last), destination, origin
            ) - census_migrant_origin(choose(first), destination, origin)
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


def true_entries(
    observations: Observations, start: int, end: int, destination: str = ALL, origin: str = ALL
) -> float:
    """Persons who entered (arrivals and family joining) in ``(start, end]``."""
    flows = select(between(observations.truth["flows"], start, end), destination, origin)
    return float(flows["entries"].sum() + flows["family_entries"].sum())
