"""Migrant transitions from two stock tables by place of birth (Abel & Sander 2014; Abel 2018).

Where no country counts flows, bilateral flows can be estimated from two consecutive tables of
people by place of birth (rows) and place of residence (columns), with births and deaths in
between: the flows are the smallest movements between places that turn the first table into the
second (Abel 2013, Demographic Research 28; Abel & Sander 2014, Science 343; Abel 2018,
International Migration Review 52). This follows the demographic accounting method of
``migest::ffs_demo`` (Abel, R package migest 2.0.5) with its default options, rewritten here:

1. the native-born diagonals are rescaled so that the change in the total population equals
   births minus deaths (``nb_scale_global``);
2. deaths are taken from the first table in proportion to each place's residents
   (``death_mat``, "proportion") and births added to the natives of the second
   (``birth_mat``, "native");
3. each table is fitted by iterative proportional fitting to equal place-of-birth totals
   (``match_birthplace_tot``, "rescale"): half the gap on each side, residence totals kept;
4. for each place of birth, the people who lived in the same place in both tables, up to the
   smaller of the two counts, stayed; the remaining movers are distributed by iterative
   proportional fitting over the places of residence at the start (rows) and the end (columns),
   with no movement from a place to itself (the stayer assumption: the minimum migration
   consistent with the tables).

The flows are *transitions* (people living in another place at the end than at the start),
not movements: a migrant who left and came back between the tables, or arrived and died, is
not counted, and people who lived in two places in the same direction only count once. So the
estimate is below the entries a register would count; in the simulated world, where no one moves
between destinations, it is close to the net change of each destination's foreign-born stock
plus their deaths. Its interval is the census sample's sampling error (random groups). Stocks:
the census sample (foreign-born and natives of each destination), the origin's own count of its
residents; births and deaths: the origin's vital statistics and the destination's registered
deaths of migrants, natives' natural change taken from the census samples.
"""

from __future__ import annotations

import numpy as np

from experiments.estimators.base import ALL, Estimate
from experiments.estimators.common import between, of_year
from experiments.estimators.design import Choose, random_groups
from experiments.estimators.flows import true_entries
from model.observation.observer import Observations

# Fitting stops when every margin is within this share of the total, or after ITERATIONS.
TOLERANCE = 1e-10
ITERATIONS = 1_000


def ipf(seed: np.ndarray, rows: np.ndarray | None, columns: np.ndarray | None) -> np.ndarray:
    """Iterative proportional fitting of a matrix to row and column totals (either may be None).

    Deming & Stephan 1940; rows or columns whose seed is all zero stay zero.
    """
    fitted = np.array(seed, dtype=float)
    scale = max(fitted.sum(), 1.0)
    for _ in range(ITERATIONS):
        if rows is not None:
            fitted *= _scale(fitted.sum(axis=1), rows)[:, None]
        if columns is not None:
            fitted *= _scale(fitted.sum(axis=0), columns)[None, :]
        row_gap = 0.0 if rows is None else np.abs(fitted.sum(axis=1) - rows).max()
        column_gap = 0.0 if columns is None else np.abs(fitted.sum(axis=0) - columns).max()
        if max(row_gap, column_gap) < TOLERANCE * scale:
            break
    return fitted


def _scale(current: np.ndarray, target: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        factor = np.where(current > 0, target / current, 0.0)
    return factor


def transitions(
    start: np.ndarray, end: np.ndarray, births: np.ndarray, deaths: np.ndarray
) -> np.ndarray:
    """Flows ``[from, to, birthplace]`` between two stock tables ``[birthplace, residence]``.

    Args:
        start: People by place of birth (rows) and residence (columns) at the start.
        end: The same at the end.
        births: Births in each place in between.
        deaths: Deaths in each place in between.
    """
    start, end = _balance_natives(np.array(start, float), np.array(end, float), births, deaths)
    start = start - _deaths_by_birthplace(start, deaths)
    end = end - np.diag(births)
    start, end = np.maximum(start, 0.0), np.maximum(end, 0.0)
    gap = start.sum(axis=1) - end.sum(axis=1)
    start = ipf(start, start.sum(axis=1) - gap / 2, start.sum(axis=0))
    end = ipf(end, end.sum(axis=1) + gap / 2, end.sum(axis=0))
    places = start.shape[0]
    flows = np.zeros((places, places, places))
    off_diagonal = 1.0 - np.eye(places)
    for birthplace in range(places):
        stayers = np.minimum(start[birthplace], end[birthplace])
        movers_from = start[birthplace] - stayers
        movers_to = end[birthplace] - stayers
        movers_to = movers_to * _scale(np.array([movers_to.sum()]), np.array([movers_from.sum()]))
        flows[:, :, birthplace] = ipf(off_diagonal, movers_from, movers_to) + np.diag(stayers)
    return flows


def _balance_natives(
    start: np.ndarray, end: np.ndarray, births: np.ndarray, deaths: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Rescale the natives so the population changes by births minus deaths (half each side)."""
    gap = (births.sum() - deaths.sum()) - (end.sum() - start.sum())
    for table, change in ((start, -gap / 2), (end, gap / 2)):
        diagonal = np.diag(table).copy()
        if diagonal.sum() > 0:
            np.fill_diagonal(table, diagonal * (diagonal.sum() + change) / diagonal.sum())
    return start, end


def _deaths_by_birthplace(start: np.ndarray, deaths: np.ndarray) -> np.ndarray:
    """Each place's deaths shared among its residents' places of birth in proportion."""
    residents = start.sum(axis=0)
    return start * _scale(residents, deaths)[None, :]


def stock_tables(observations: Observations, start: int, end: int, choose: Choose) -> dict:
    """Stock tables at both censuses, births and deaths in between, over every country.

    Args:
        observations: The census samples, the origins' vital statistics, registered deaths.
        start: The first census year.
        end: The second.
        choose: Selects the records of the census samples used (a random group, or all).
    """
    origins = list(observations.truth["stocks"]["origin"].unique())
    destinations = list(observations.truth["stocks"]["destination"].unique())
    places = origins + destinations
    index = {name: i for i, name in enumerate(places)}
    vital = observations.observed["vital_statistics"]
    tables = []
    for year in (start, end):
        sample = choose(of_year(observations.microdata["census_sample"], year))
        table = np.zeros((len(places), len(places)))
        counts = sample.groupby(["place_of_birth", "destination"])["weight"].sum()
        for (birthplace, residence), count in counts.items():
            table[index[birthplace], index[residence]] += count
        residents = of_year(vital, year).set_index("origin")["residents"]
        for origin in origins:
            table[index[origin], index[origin]] = residents[origin]
        tables.append(table)
    period = between(vital, start, end).groupby("origin")[["births", "deaths"]].sum()
    births, deaths = np.zeros(len(places)), np.zeros(len(places))
    for origin in origins:
        births[index[origin]], deaths[index[origin]] = period.loc[origin]
    died_abroad = between(observations.observed["deaths"], start, end)
    for destination in destinations:
        d = index[destination]
        change = tables[1][d, d] - tables[0][d, d]
        births[d] = max(change, 0.0)
        deaths[d] = max(-change, 0.0)
        mine = died_abroad["destination"] == destination
        deaths[d] += float(died_abroad.loc[mine, "deaths"].sum())
    return {"places": places, "tables": tables, "births": births, "deaths": deaths}


def flows_from_stocks(observations: Observations, start: int, end: int) -> list[Estimate]:
    """Transitions from each origin to each destination between two censuses (and in all)."""
    fraction = observations.measurement.census_sample_fraction
    pairs = list(
        dict.fromkeys(
            zip(
                observations.truth["stocks"]["destination"],
                observations.truth["stocks"]["origin"],
                strict=True,
            )
        )
    )
    results = []
    for destination, origin in [*pairs, (ALL, ALL)]:

        def flow(choose: Choose, destination: str = destination, origin: str = origin) -> float:
            data = stock_tables(observations, start, end, choose)
            estimated = transitions(
                data["tables"][0], data["tables"][1], data["births"], data["deaths"]
            ).sum(axis=2)
            index = {name: i for i, name in enumerate(data["places"])}
            chosen = [(o, d) for d, o in pairs if destination in (ALL, d) and origin in (ALL, o)]
            return float(sum(estimated[index[o], index[d]] for o, d in chosen))

        value = random_groups(flow, fraction)
        low, high = value.interval
        truth = true_entries(observations, start, end, destination, origin)
        results.append(
            Estimate(
                "flows from stocks",
                f"{start}-{end}",
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
