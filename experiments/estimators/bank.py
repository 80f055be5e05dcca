"""The bank of estimators: what each estimates, in which unit, from which data, after whom.

:data:`BANK` lists every estimator; :func:`all_estimates` runs them all on one set of
observations, in every census year (stocks, remittances, integration) or between every two
consecutive censuses (flows). The *headline* estimate of each, the one scored over replications
(:mod:`experiments.estimators.scoring`), is that of the last census year or interval, for all
destinations and origins together.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from experiments.estimators import (
    capture_recapture,
    combined_flows,
    flows,
    flows_from_stocks,
    integration,
    remittances,
    stocks,
)
from experiments.estimators.base import ALL, Estimate, table
from model.observation.observer import Observations


@dataclass(frozen=True)
class Estimator:
    """One estimator of the bank.

    Attributes:
        name: Its name (a key of the ``survey --json`` document).
        target: What it estimates, in words.
        unit: The unit of the estimate.
        data: The sources it uses.
        source: Where the method comes from.
        exact: Whether it recovers the truth with every error at zero and complete samples.
        kind: ``year`` (one estimate per census year) or ``interval`` (between censuses).
    """

    name: str
    target: str
    unit: str
    data: str
    source: str
    exact: bool
    kind: str


BANK: tuple[Estimator, ...] = (
    Estimator(
        "residual method",
        "irregular migrants (foreign-born) living in the destinations",
        "persons",
        "census sample, permit register",
        "Warren & Passel 1987; Passel & Cohn 2018",
        True,
        "year",
    ),
    Estimator(
        "capture-recapture, truncated poisson",
        "irregular migrants (foreign-born) living in the destinations",
        "persons",
        "police list (apprehension counts)",
        "van der Heijden, Bustami, Cruyff, Engbersen & van Houwelingen 2003",
        False,
        "year",
    ),
    Estimator(
        "capture-recapture, two lists",
        "irregular migrants (foreign-born) living in the destinations",
        "persons",
        "police and health-care lists, linked",
        "Fienberg 1972; van der Heijden et al. 2012",
        False,
        "year",
    ),
    Estimator(
        "emigrant stock",
        "members of origin households living abroad with a migrant of the household",
        "persons",
        "origin household survey",
        "Bilsborrow et al. 1997; Horvitz & Thompson 1952",
        True,
        "year",
    ),
    Estimator(
        "demographic accounting",
        "entries abroad between the last two censuses",
        "persons",
        "census samples, civil registration (births, deaths), origin household survey",
        "UN Manual VI 1970; Preston, Heuveline & Guillot 2001",
        True,
        "interval",
    ),
    Estimator(
        "flows from stocks",
        "entries abroad between the last two censuses",
        "persons",
        "census samples, origin population and vital statistics, registered deaths abroad",
        "Abel & Sander 2014; Abel 2018 (migest ffs_demo)",
        False,
        "interval",
    ),
    Estimator(
        "combined flows",
        "entries abroad between the last two censuses",
        "persons",
        "destination register immigration, origin emigration records",
        "Raymer, Wiśniowski, Forster, Smith & Bijak 2013 (IMEM)",
        False,
        "interval",
    ),
    Estimator(
        "remittance scale-up",
        "remittances received by origin households in the year",
        "PPP $ per year",
        "origin household survey",
        "Horvitz & Thompson 1952",
        True,
        "year",
    ),
    Estimator(
        "employment gap",
        "natives' minus migrants' employment rate (working age)",
        "share (points / 100)",
        "census sample",
        "OECD/EU 2023, ch. 4",
        True,
        "year",
    ),
    Estimator(
        "unemployment gap",
        "migrants' minus natives' unemployment rate",
        "share (points / 100)",
        "labour force survey",
        "OECD/EU 2023, ch. 4",
        True,
        "year",
    ),
    Estimator(
        "wage gap",
        "migrants' wage shortfall from natives' at equal skill",
        "share of natives' wage",
        "labour force survey",
        "Chiswick 1978",
        True,
        "year",
    ),
    Estimator(
        "dissimilarity index",
        "migrants against native workers across regions",
        "index 0-1",
        "census sample",
        "Duncan & Duncan 1955",
        True,
        "year",
    ),
    Estimator(
        "language shift",
        "share of migrants speaking the language well enough for a skilled job",
        "share",
        "census sample",
        "Chiswick & Miller 2001",
        True,
        "year",
    ),
)
BY_NAME = {estimator.name: estimator for estimator in BANK}

YEARLY: list[Callable[[Observations, int], list[Estimate]]] = [
    stocks.residual_method,
    lambda o, y: capture_recapture.capture_recapture(o, y, "truncated poisson"),
    lambda o, y: capture_recapture.capture_recapture(o, y, "two lists"),
    stocks.emigrant_stock,
    remittances.remittance_scale_up,
    integration.integration_indicators,
]
BETWEEN: list[Callable[[Observations, int, int], list[Estimate]]] = [
    flows.demographic_accounting,
    flows_from_stocks.flows_from_stocks,
    combined_flows.combined_flows,
]


def all_estimates(observations: Observations, *, every_census: bool = True) -> pd.DataFrame:
    """Every estimator in every census year, and between every two consecutive censuses.

    Args:
        observations: What the observers published, and the truth.
        every_census: False: only the last census year and the last interval (the headline
            periods), which is what scoring over replications needs.
    """
    results: list[Estimate] = []
    years = observations.census_years if every_census else observations.census_years[-2:]
    for in_a_year in YEARLY:
        for year in years if every_census else years[-1:]:
            results += in_a_year(observations, year)
    for over_a_period in BETWEEN:
        for start, end in itertools.pairwise(years):
            results += over_a_period(observations, start, end)
    return table(results)


def headline(estimates: pd.DataFrame) -> pd.DataFrame:
    """Each estimator's estimate of the last year or interval, all places together."""
    pooled = estimates[(estimates["destination"] == ALL) & (estimates["origin"] == ALL)]
    last = pooled.groupby("estimator", sort=False).tail(1)
    order = {estimator.name: i for i, estimator in enumerate(BANK)}
    return last.sort_values("estimator", key=lambda s: s.map(order)).reset_index(drop=True)
