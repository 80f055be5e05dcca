"""Integration indicators comparable across destinations and resolved by region (docs/integration_and_measurement.md).

Each year the migrants abroad are tallied once into cells (origin x destination x region, plus
entry channel x duration of stay for the standardised unemployment gap); every indicator of a
country, a set of countries or a region is then a ratio of sums over cells. So the indicators of
every place cost a few ``bincount`` calls a year, and one definition serves a pooled
destination, one destination and one of its regions. docs/integration_and_measurement.md gives
the formulas; the sources are:

* employment and unemployment gaps between natives and migrants, in points: OECD/EU, Indicators
  of Immigrant Integration 2023: Settling In, ch. 4; the gap at equal entry channel and duration
  of stay by direct standardisation: Preston, Heuveline & Guillot 2001, Demography, §2.3;
* isolation: Lieberson 1981, Massey & Denton 1988; settlement concentration (Herfindahl-Hirschman
  index) and location quotients: Bartel 1989, Isard 1960 (dissimilarity, the wage gap at equal
  skill and occupational downgrading are measured in :mod:`model.measures`);
* ties to natives: Martinovic, van Tubergen & Maas 2009; language: Chiswick & Miller 2001;
* naturalisation and family reunification: OECD International Migration Outlook; each rate is the
  year's events over those exposed (still exposed at the end of the year, or the event happened
  to them), so it never exceeds one;
* the composite of four equally weighted domains: OECD & JRC 2008, Handbook on Constructing
  Composite Indicators; domains of the EU's Zaragoza indicators (2010).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from model import catalogue
from model.events import Events
from model.population import CHANNEL_NAMES, HIGH, NATURALISED, PERMANENT, STUDY

if TYPE_CHECKING:
    from model.model import TripleWinModel

INTEGRATION_INDICATORS = catalogue.names("integration")
# Lower bounds of the bands of years since arrival: 0, 1-2, 3-4, 5-9, 10 and more (OECD/EU 2023
# report outcomes by duration of stay; UN 1998 Recommendations, duration of residence).
DURATION_BANDS = (1, 3, 5, 10)
# Sums over migrants abroad per (origin, destination, region) cell; the last two count events.
CELL_SUMS = (
    "migrants",
    "working_age",
    "labour_force",
    "employed",
    "language",
    "proficient",
    "ties",
    "skilled_employed",
    "downgraded",
    "wage_ratio",
    "naturalised",
    "foreign",
    "settled_alone",
    "naturalisations",
    "reunifications",
)
SUM = {name: i for i, name in enumerate(CELL_SUMS)}


@dataclass
class Tally:
    """This year's sums over migrants abroad and natives, from which every indicator is a ratio.

    Attributes:
        sums: Sums per (origin, destination, region), shape ``(len(CELL_SUMS), o, d, r)``.
        standard: Migrants in the labour force and employed ones per (origin, destination, entry
            channel, duration band), shape ``(2, o, d, channels, bands)``.
        natives: Native labour force and employed natives per (destination, region), ``(2, d, r)``.
    """

    sums: np.ndarray
    standard: np.ndarray
    natives: np.ndarray


def cell_shape(model: TripleWinModel) -> tuple[int, int, int]:
    """Origins, destinations and the most regions any destination has: the shape of the cells."""
    regions = max(len(d.region_names) for d in model.destinations)
    return len(model.origins), len(model.destinations), regions


def in_labour_force(model: TripleWinModel, rows: np.ndarray) -> np.ndarray:
    """Whether each migrant is in the labour force: working, or looking for work.

    Students without a job are outside it, as in the ILO's definition (19th ICLS, 2013); every
    other migrant of working age (the model's migrants came to work, join family or seek
    protection) looks for work when not employed; the retired do not.
    """
    people = model.migrants
    return people.employed[rows] | ((people.channel[rows] != STUDY) & ~people.retired[rows])


def _stacked_bincount(key: np.ndarray, weights: np.ndarray, size: int) -> np.ndarray:
    """``bincount`` of each row of ``weights`` over ``key`` in one call: shape ``(rows, size)``."""
    offsets = np.arange(weights.shape[0])[:, None] * size
    counts = np.bincount((offsets + key).ravel(), weights.ravel(), weights.shape[0] * size)
    return counts.reshape(weights.shape[0], size)


def _migrant_weights(model: TripleWinModel, rows: np.ndarray) -> np.ndarray:
    """What each migrant abroad adds to each of the first sums of ``CELL_SUMS``."""
    people = model.migrants
    employed = people.employed[rows]
    status = people.status[rows]
    skilled_employed = employed & (people.skill[rows] == HIGH)
    settled = (status == PERMANENT) | (status == NATURALISED)
    native_wage = _native_wages(model)[
        people.destination[rows], people.region[rows], people.skill[rows]
    ]
    weights = np.empty((SUM["naturalisations"], rows.size))
    weights[SUM["migrants"]] = 1.0
    weights[SUM["working_age"]] = 1.0 + (people.spouse[rows] > 0)
    weights[SUM["labour_force"]] = in_labour_force(model, rows)
    weights[SUM["employed"]] = employed
    weights[SUM["language"]] = people.language[rows]
    weights[SUM["proficient"]] = (
        people.language[rows] >= model.params.skills.language_for_skilled_job
    )
    weights[SUM["ties"]] = people.ties[rows]
    weights[SUM["skilled_employed"]] = skilled_employed
    weights[SUM["downgraded"]] = skilled_employed & (people.occupation[rows] == 0)
    weights[SUM["wage_ratio"]] = employed * people.wage[rows] / np.maximum(native_wage, 1e-9)
    weights[SUM["naturalised"]] = status == NATURALISED
    weights[SUM["foreign"]] = status != NATURALISED
    weights[SUM["settled_alone"]] = settled & ((people.dependants[rows] + people.spouse[rows]) == 0)
    return weights


def _event_cells(shape: tuple[int, int, int], *kinds: Events) -> np.ndarray:
    """People concerned by each kind of this year's events, per cell: ``(kinds, cells)``."""
    size = shape[0] * shape[1] * shape[2]
    cell = [
        ((e.origin.astype(np.int64) * shape[1] + e.destination) * shape[2] + e.region) + k * size
        for k, e in enumerate(kinds)
    ]
    counts = np.bincount(np.concatenate(cell), None, len(kinds) * size)
    return counts.reshape(len(kinds), size)


def tally(model: TripleWinModel) -> Tally:
    """Tally this year's migrants abroad, events and natives into cells."""
    people = model.migrants
    rows = np.flatnonzero(people.abroad())
    shape = cell_shape(model)
    size = int(np.prod(shape))
    cell = (people.origin[rows].astype(np.int64) * shape[1] + people.destination[rows]) * shape[2]
    cell += people.region[rows]
    sums = np.empty((len(CELL_SUMS), size))
    sums[: SUM["naturalisations"]] = _stacked_bincount(cell, _migrant_weights(model, rows), size)
    sums[SUM["naturalisations"] :] = _event_cells(
        shape, model.events.naturalised, model.events.reunified
    )
    return Tally(
        sums=sums.reshape(len(CELL_SUMS), *shape),
        standard=_standardisation_cells(model, rows, shape),
        natives=_native_labour(model, shape),
    )


def _standardisation_cells(
    model: TripleWinModel, rows: np.ndarray, shape: tuple[int, int, int]
) -> np.ndarray:
    """Migrants in the labour force and employed per (origin, destination, channel, band)."""
    people = model.migrants
    groups = (len(CHANNEL_NAMES), len(DURATION_BANDS) + 1)
    band = np.searchsorted(DURATION_BANDS, people.years_abroad[rows], side="right")
    key = (people.origin[rows].astype(np.int64) * shape[1] + people.destination[rows]) * groups[0]
    key = (key + people.channel[rows]) * groups[1] + band
    size = shape[0] * shape[1] * groups[0] * groups[1]
    counts = np.empty((2, size))
    counts[0] = np.bincount(key, in_labour_force(model, rows), size)
    counts[1] = np.bincount(key, people.employed[rows], size)
    return counts.reshape(2, shape[0], shape[1], *groups)


def _native_wages(model: TripleWinModel) -> np.ndarray:
    """Natives' wages per (destination, region, skill), zero-padded to the most regions."""
    _, n_dest, n_regions = cell_shape(model)
    wages = np.zeros((n_dest, n_regions, 2))
    for economy in model.destinations:
        wages[economy.index, : len(economy.region_names)] = economy.native_wages
    return wages


def _native_labour(model: TripleWinModel, shape: tuple[int, int, int]) -> np.ndarray:
    """Native labour force and employed natives per (destination, region), zero-padded."""
    natives = np.zeros((2, shape[1], shape[2]))
    for economy in model.destinations:
        regions = len(economy.region_names)
        natives[0, economy.index, :regions] = economy.natives.sum(axis=1)
        natives[1, economy.index, :regions] = (economy.natives * (1 - economy.unemployment)).sum(
            axis=1
        )
    return natives


def _share(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator > 0 else math.nan


def shares(numerators: np.ndarray, denominators: np.ndarray) -> np.ndarray:
    """Elementwise ratios, NaN where the denominator is not positive (one call for many ratios)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        ratios = numerators / denominators
    ratios[~(denominators > 0)] = np.nan
    return ratios


def adjusted_employment_rate(tally: Tally, origins: list[int], destinations: list[int]) -> float:
    """Migrants' employment rate in the labour force, standardised by entry channel and duration.

    Direct standardisation on one common standard (Preston, Heuveline & Guillot 2001): every
    (channel, duration) group of all migrants abroad this year keeps its share of them as its
    weight, whichever selection is measured; a group that has nobody in the selection takes the
    rate of all migrants in that group. So two destinations are compared on the same population
    mix, and for all migrants together the rate equals the crude rate.
    """
    reference_labour, reference_employed = tally.standard.sum(axis=(1, 2))
    labour, employed = tally.standard[:, origins][:, :, destinations].sum(axis=(1, 2))
    if not (labour > 0).any():
        return math.nan
    groups = reference_labour > 0
    with np.errstate(invalid="ignore", divide="ignore"):
        rate = np.where(labour > 0, employed / labour, reference_employed / reference_labour)
    weights = reference_labour[groups]
    return float((weights * rate[groups]).sum() / weights.sum())


def _mean_defined(values: list[float]) -> float:
    defined = [v for v in values if math.isfinite(v)]
    return sum(defined) / len(defined) if defined else math.nan


def composite(
    labour: list[float], social: list[float], spatial: list[float], civic: list[float]
) -> float:
    """The integration composite: the mean of four domains, each the mean of its components.

    Components are on 0-1 with 1 the natives' level (parity) or full integration; a domain with no
    defined component drops out, and the others keep equal weights (OECD & JRC 2008).

    Args:
        labour: Employment parity in the labour force, wage parity at equal skill, use of skills.
        social: Command of the language, share of ties to natives.
        spatial: Evenness of settlement (one minus dissimilarity).
        civic: Share naturalised.
    """
    return _mean_defined([_mean_defined(d) for d in (labour, social, spatial, civic)])


def _labour_parity(employment_parity: float, wage_gap: float, downgrading: float) -> list[float]:
    """Employment parity in the labour force, wage parity at equal skill, use of skills."""
    return [
        min(max(employment_parity, 0.0), 1.0),
        min(max(1.0 - wage_gap, 0.0), 1.0),
        1.0 - downgrading,
    ]


def _spatial(migrants: np.ndarray, everyone: np.ndarray) -> tuple[float, float]:
    """Isolation and settlement concentration of ``migrants`` (destinations x regions)."""
    total = float(migrants.sum())
    if total <= 0:
        return math.nan, math.nan
    squares = migrants**2
    # Padding regions hold no one: their squares are zero, so any positive divisor will do.
    isolation = (squares / np.maximum(everyone, 1.0)).sum()
    concentration = (squares.sum(axis=1) / np.maximum(migrants.sum(axis=1), 1.0)).sum()
    return float(isolation) / total, float(concentration) / total


def destination_values(
    tally: Tally, origins: list[int], destinations: list[int], measured: dict[str, float]
) -> dict[str, float]:
    """Integration indicators of the migrants of ``origins`` in ``destinations``.

    Args:
        tally: This year's cells.
        origins: Indices of the origins whose emigrants are described.
        destinations: Indices of the destinations described.
        measured: Indicators already measured for the same selection (``wage_gap``,
            ``migrant_brain_waste``, ``dissimilarity_index``), used by the composite.
    """
    cells = tally.sums[:, origins][:, :, destinations].sum(axis=1)
    total = dict(zip(CELL_SUMS, cells.sum(axis=(1, 2)).tolist(), strict=True))
    natives = tally.natives[:, destinations]
    native_labour, native_employed = natives.sum(axis=(1, 2)).tolist()
    native_rate = _share(native_employed, native_labour)
    everyone = tally.sums[SUM["migrants"]].sum(axis=0)[destinations] + natives[0]
    isolation, concentration = _spatial(cells[SUM["migrants"]], everyone)
    migrants = total["migrants"]
    values = {
        "employment_gap": native_rate - _share(total["employed"], total["working_age"]),
        # One minus an employment rate of the labour force is its unemployment rate.
        "unemployment_gap_adjusted": native_rate
        - adjusted_employment_rate(tally, origins, destinations),
        "isolation_index": isolation,
        "settlement_concentration": concentration,
        "native_ties_share": _share(total["ties"], migrants),
        "language_proficiency": _share(total["language"], migrants),
        "language_shift": _share(total["proficient"], migrants),
        "naturalised_share": _share(total["naturalised"], migrants),
        "naturalisation_rate": _share(
            total["naturalisations"], total["foreign"] + total["naturalisations"]
        ),
        "family_reunification_rate": _share(
            total["reunifications"], total["settled_alone"] + total["reunifications"]
        ),
    }
    parity = _share(_share(total["employed"], total["labour_force"]), native_rate)
    values["integration_composite"] = composite(
        _labour_parity(
            parity,
            measured.get("wage_gap", math.nan),
            measured.get("migrant_brain_waste", math.nan),
        ),
        [values["language_proficiency"], values["native_ties_share"]],
        [1.0 - measured.get("dissimilarity_index", math.nan)],
        [values["naturalised_share"]],
    )
    return values
