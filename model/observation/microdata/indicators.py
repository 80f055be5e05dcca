"""Integration indicators from totals: one formula for the truth and for the estimates.

Each indicator is a function of a few totals (of people employed, in the labour force, by
region...). The truth applies it to the whole population at the end of a year; an estimator
applies it to totals weighted up from a sample. The definitions are the model's
(docs/integration_and_measurement.md §1; OECD/EU, Indicators of Immigrant Integration 2023),
with *migrants* the foreign-born, as OECD/EU count immigrants: the migrants, the spouses who
joined, and the grown children who came as children (their own households); *natives* are the
native-born of native-born parents (the model's natives), so the children born at the
destination to migrants (the second generation) are in neither group:

* ``employment_gap``: natives' employment rate in the labour force minus migrants' employment
  rate among working-age migrants (migrants and spouses not retired, grown children who came as
  children and are not retired);
* ``unemployment_gap``: migrants' unemployment rate (migrants in the labour force: the spouses'
  work is not modelled) minus natives';
* ``wage_gap``: one minus migrants' mean wage relative to the mean wage of employed natives of
  the same skill (natives of all destinations pooled; Chiswick 1978);
* ``dissimilarity_index``: Duncan & Duncan's (1955) index of migrants (one per dwelling: a
  migrant's family, or a grown child) against native workers across a destination's regions,
  averaged over destinations with the natives' weights;
* ``language_shift``: share of migrants (one per dwelling) whose command of the language reaches
  the level of a skilled job (Chiswick & Miller 2001); grown children who came as children went to
  school at the destination and speak its language.

The truth here is taken at the end of the year, when the census and the surveys see the
population. The model's yearly indicators of the same names count a few things at other moments
of the year (dissimilarity at the labour market's clearing, step 2), so they differ slightly.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from model.observation.microdata.persons import GrownPeople
from model.observation.microdata.snapshot import Dwellings, NativeCells

INTEGRATION_TRUTH = (
    "employment_gap",
    "unemployment_gap",
    "wage_gap",
    "dissimilarity_index",
    "language_shift",
)


def ratio(numerator: float, denominator: float) -> float:
    """``numerator / denominator``, NaN when the denominator is not positive."""
    return float(numerator / denominator) if denominator > 0 else math.nan


def employment_gap(
    native_employed: float, native_labour: float, migrant_employed: float, working_age: float
) -> float:
    """Natives' employment rate minus migrants' (points as a share)."""
    return ratio(native_employed, native_labour) - ratio(migrant_employed, working_age)


def unemployment_gap(
    migrant_unemployed: float,
    migrant_labour: float,
    native_unemployed: float,
    native_labour: float,
) -> float:
    """Migrants' unemployment rate minus natives'."""
    return ratio(migrant_unemployed, migrant_labour) - ratio(native_unemployed, native_labour)


def wage_gap(relative_wage_sum: float, migrants_employed: float) -> float:
    """One minus migrants' mean wage relative to natives of the same skill."""
    return 1.0 - ratio(relative_wage_sum, migrants_employed)


def dissimilarity(migrants: list[np.ndarray], natives: list[np.ndarray]) -> float:
    """Duncan's index per destination (by region), averaged with the natives' weights."""
    values, weights = [], []
    for m, n in zip(migrants, natives, strict=True):
        if m.sum() <= 0 or n.sum() <= 0:
            continue
        values.append(0.5 * np.abs(m / m.sum() - n / n.sum()).sum())
        weights.append(n.sum())
    return float(np.average(values, weights=weights)) if values else math.nan


def by_region(
    values: np.ndarray, destination: np.ndarray, region: np.ndarray, shape: Sequence[Sequence[str]]
) -> list[np.ndarray]:
    """Sums of ``values`` per destination and region: one array of regions per destination."""
    return [
        np.bincount(region[destination == d], values[destination == d], len(regions))
        for d, regions in enumerate(shape)
    ]


def truth(
    dwellings: Dwellings, grown: GrownPeople, cells: list[NativeCells], threshold: float
) -> dict[str, float]:
    """Every indicator of ``INTEGRATION_TRUTH`` for all destinations together, now."""
    workers = sum(c.workers.sum() for c in cells)
    employed_natives = sum((c.workers * (1.0 - c.unemployment)).sum() for c in cells)
    by_skill = sum((c.workers * (1.0 - c.unemployment) * c.wages).sum(axis=0) for c in cells)
    employed_by_skill = sum((c.workers * (1.0 - c.unemployment)).sum(axis=0) for c in cells)
    native_wage = by_skill / np.maximum(employed_by_skill, 1e-9)
    came = grown.subset(grown.foreign_born)
    working = ~came.retired
    employed = dwellings.employed.sum() + came.employed.sum()
    labour_force = dwellings.labour_force.sum() + working.sum()
    unemployed = (dwellings.labour_force & ~dwellings.employed).sum() + (
        working & ~came.employed
    ).sum()
    relative = np.concatenate(
        [
            np.where(dwellings.employed, dwellings.wage / native_wage[dwellings.skill], 0.0),
            np.where(came.employed, came.wage / native_wage[came.skill], 0.0),
        ]
    )
    regions = [c.regions for c in cells]
    households = np.ones(dwellings.size + came.size)
    destination = np.concatenate([dwellings.destination, came.destination])
    region = np.concatenate([dwellings.region, came.region])
    fluent = int((dwellings.language >= threshold).sum()) + came.size
    return {
        "employment_gap": employment_gap(
            employed_natives, workers, employed, dwellings.working_age.sum() + working.sum()
        ),
        "unemployment_gap": unemployment_gap(
            unemployed, labour_force, workers - employed_natives, workers
        ),
        "wage_gap": wage_gap(relative.sum(), employed),
        "dissimilarity_index": dissimilarity(
            by_region(households, destination, region, regions),
            [c.workers.sum(axis=1) for c in cells],
        ),
        "language_shift": ratio(fluent, households.size),
    }
