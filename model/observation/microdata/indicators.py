"""Integration indicators from totals: one formula for the truth and for the estimates.

Each indicator is a function of a few totals (of people employed, in the labour force, by
region...). The truth applies it to the whole population at the end of a year; an estimator
applies it to totals weighted up from a sample. The definitions are the model's
(docs/integration_and_measurement.md §1; OECD/EU, Indicators of Immigrant Integration 2023):

* ``employment_gap``: natives' employment rate in the labour force minus migrants' employment
  rate among working-age migrants (the migrant and the spouse who joined);
* ``unemployment_gap``: migrants' unemployment rate (migrants in the labour force) minus natives';
* ``wage_gap``: one minus migrants' mean wage relative to the mean wage of employed natives of
  the same skill (natives of all destinations pooled; Chiswick 1978);
* ``dissimilarity_index``: Duncan & Duncan's (1955) index of migrants (one per dwelling) against
  native workers across a destination's regions, averaged over destinations with the natives'
  weights;
* ``language_shift``: share of migrants whose command of the language reaches the level of a
  skilled job (Chiswick & Miller 2001).

The truth here is taken at the end of the year, when the census and the surveys see the
population. The model's yearly indicators of the same names count a few things at other moments
of the year (dissimilarity at the labour market's clearing, step 2), so they differ slightly.
"""

from __future__ import annotations

import math

import numpy as np

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


def by_region(values: np.ndarray, destination: np.ndarray, region: np.ndarray, shape) -> list:
    """Sums of ``values`` per destination and region: one array of regions per destination."""
    return [
        np.bincount(region[destination == d], values[destination == d], len(regions))
        for d, regions in enumerate(shape)
    ]


def truth(dwellings: Dwellings, cells: list[NativeCells], threshold: float) -> dict[str, float]:
    """Every indicator of ``INTEGRATION_TRUTH`` for all destinations together, now."""
    workers = sum(c.workers.sum() for c in cells)
    employed_natives = sum((c.workers * (1.0 - c.unemployment)).sum() for c in cells)
    by_skill = sum((c.workers * (1.0 - c.unemployment) * c.wages).sum(axis=0) for c in cells)
    employed_by_skill = sum((c.workers * (1.0 - c.unemployment)).sum(axis=0) for c in cells)
    native_wage = by_skill / np.maximum(employed_by_skill, 1e-9)
    employed = dwellings.employed
    working_age = 1.0 + dwellings.spouse
    relative = np.where(employed, dwellings.wage / native_wage[dwellings.skill], 0.0)
    regions = [c.regions for c in cells]
    return {
        "employment_gap": employment_gap(
            employed_natives, workers, employed.sum(), working_age.sum()
        ),
        "unemployment_gap": unemployment_gap(
            (dwellings.labour_force & ~employed).sum(),
            dwellings.labour_force.sum(),
            workers - employed_natives,
            workers,
        ),
        "wage_gap": wage_gap(relative.sum(), employed.sum()),
        "dissimilarity_index": dissimilarity(
            by_region(np.ones(dwellings.size), dwellings.destination, dwellings.region, regions),
            [c.workers.sum(axis=1) for c in cells],
        ),
        "language_shift": ratio((dwellings.language >= threshold).sum(), dwellings.size),
    }
