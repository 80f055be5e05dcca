"""Integration indicators of every region of every destination, for every year at once.

Reception differs by place of settlement (docs/integration_and_measurement.md), so the indicators of
:mod:`model.integration_measures` are also given per region, against the region's natives. The
recorder keeps each year's sums (origins summed) and computes the regions' indicators for all
years together when they are asked for: a year then costs one copy of a small array. Regions have
no spatial domain in the composite: evenness of settlement is a property of a destination's
regions together.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from model import catalogue
from model.integration_measures import CELL_SUMS, Tally, cell_shape, shares

if TYPE_CHECKING:
    from model.model import TripleWinModel

REGION_INDICATORS = catalogue.REGION_INDICATORS


@dataclass
class RegionTally:
    """The sums behind the regions' indicators, year by year (origins summed).

    Attributes:
        sums: Shape ``(len(CELL_SUMS), years, destinations, regions)``.
        natives: Native labour force and employed natives, ``(2, years, destinations, regions)``.
        regions: Number of regions of each destination (the rest of the last axis is padding).
    """

    sums: np.ndarray
    natives: np.ndarray
    regions: list[int]

    @classmethod
    def empty(cls, model: TripleWinModel, years: int) -> RegionTally:
        """Room for ``years`` years, NaN until kept."""
        _, n_dest, n_regions = cell_shape(model)
        return cls(
            sums=np.full((len(CELL_SUMS), years, n_dest, n_regions), np.nan),
            natives=np.full((2, years, n_dest, n_regions), np.nan),
            regions=[len(d.region_names) for d in model.destinations],
        )

    def keep(self, row: int, tally: Tally) -> None:
        """Keep one year's sums."""
        self.sums[:, row] = tally.sums.sum(axis=1)
        self.natives[:, row] = tally.natives


def region_values(tally: RegionTally) -> np.ndarray:
    """Integration indicators of every region in every year: ``(years, regions, REGION_INDICATORS)``.

    Regions run over destinations, then their regions. All origins together; the natives of the
    region are the reference.
    """
    c = dict(zip(CELL_SUMS, tally.sums, strict=True))
    migrants, (natives, natives_employed) = c["migrants"], tally.natives
    shape = migrants.shape
    ratio_of = {  # every ratio as (numerator, denominator), computed in one division
        "native_rate": (natives_employed, natives),
        "employment_rate": (c["employed"], c["working_age"]),
        "labour_force_rate": (c["employed"], c["labour_force"]),
        "wage_ratio": (c["wage_ratio"], c["employed"]),
        "migrant_brain_waste": (c["downgraded"], c["skilled_employed"]),
        "native_ties_share": (c["ties"], migrants),
        "language_proficiency": (c["language"], migrants),
        "language_shift": (c["proficient"], migrants),
        "naturalised_share": (c["naturalised"], migrants),
        "naturalisation_rate": (c["naturalisations"], c["foreign"] + c["naturalisations"]),
        "family_reunification_rate": (
            c["reunifications"],
            c["settled_alone"] + c["reunifications"],
        ),
        "migrant_share": (migrants, migrants + natives),
        "migrants_here": (migrants, np.broadcast_to(migrants.sum(axis=-1, keepdims=True), shape)),
        "natives_here": (natives, np.broadcast_to(natives.sum(axis=-1, keepdims=True), shape)),
    }
    values = shares(
        np.stack([n for n, _ in ratio_of.values()]), np.stack([d for _, d in ratio_of.values()])
    )
    ratio = dict(zip(ratio_of, values, strict=True))
    columns = {
        **ratio,
        "migrants": migrants,
        "location_quotient": shares(ratio["migrants_here"], ratio["natives_here"]),
        "employment_gap": ratio["native_rate"] - ratio["employment_rate"],
        "unemployment_gap": ratio["native_rate"] - ratio["labour_force_rate"],
        "wage_gap": 1.0 - ratio["wage_ratio"],
    }
    # Regions have no spatial domain: evenness is a property of a destination's regions together.
    domains = np.full((3, 3, *shape), np.nan)
    domains[0, 0] = np.clip(shares(ratio["labour_force_rate"], ratio["native_rate"]), 0.0, 1.0)
    domains[0, 1] = np.clip(ratio["wage_ratio"], 0.0, 1.0)
    domains[0, 2] = 1.0 - ratio["migrant_brain_waste"]
    domains[1, 0], domains[1, 1] = ratio["language_proficiency"], ratio["native_ties_share"]
    domains[2, 0] = ratio["naturalised_share"]
    columns["integration_composite"] = _composite_of_regions(domains)
    table = np.stack([columns[name] for name in REGION_INDICATORS], axis=-1)
    real = np.arange(shape[-1])[None, :] < np.array(tally.regions)[:, None]
    return table[:, real]


def _composite_of_regions(domains: np.ndarray) -> np.ndarray:
    """:func:`composite` for every region at once.

    Args:
        domains: Components, shape ``(domains, components, ...)``, NaN where a domain has fewer
            components or a component is undefined.
    """
    means = _mean_over_defined(domains, axis=1)
    return _mean_over_defined(means, axis=0)


def _mean_over_defined(values: np.ndarray, axis: int) -> np.ndarray:
    defined = np.isfinite(values)
    return shares(np.where(defined, values, 0.0).sum(axis=axis), defined.sum(axis=axis) * 1.0)
