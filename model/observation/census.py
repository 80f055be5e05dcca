"""A destination population census: the foreign-born by country of birth and region of residence.

A census counts everyone who usually lives in the country, whatever their legal status, and asks
the country of birth: it measures the foreign-born stock, the stock concept of the UN
Recommendations on Statistics of International Migration, Rev. 1 (1998, §§ 32-37; UN Principles and
Recommendations for Population and Housing Censuses, Rev. 3, 2017). It misses people: irregular
migrants far more often than others (US Census Bureau estimates for the 2000 census: 10-15% against
1-2% for legal residents). A migrant's family (the spouse, the children who joined, the children
born at the destination) is enumerated, or missed, with the migrant, as one dwelling; migrants'
grown children, citizens, each live in their own dwelling and are missed as legal residents are.

The published table counts the foreign-born: migrants, spouses and children who joined, and the
grown children who came as children; children born at the destination are not foreign-born. The
microdata sample (:mod:`model.observation.microdata.census_sample`) is drawn from the same
enumerated dwellings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from model.observation.microdata.persons import GrownPeople
    from model.observation.microdata.snapshot import Dwellings, World
    from model.scenario.measurement import Measurement


def enumerated(
    dwellings: Dwellings, grown: GrownPeople, params: Measurement, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Which dwellings abroad, and which grown children, the census counts.

    Args:
        dwellings: Everyone living with a migrant, in the model's row order.
        grown: Migrants' grown children, one dwelling each.
        params: The measurement errors.
        rng: The census's own generator: one uniform per migrant's dwelling, in row order, then
            one per grown child, so a larger undercount misses everyone a smaller one missed,
            and more.
    """
    undercount = np.where(
        dwellings.irregular, params.census_undercount_irregular, params.census_undercount_regular
    )
    families = rng.random(dwellings.size) >= undercount
    return families, rng.random(grown.size) >= params.census_undercount_regular


def foreign_born_table(
    dwellings: Dwellings,
    counted: np.ndarray,
    grown: GrownPeople,
    grown_counted: np.ndarray,
    world: World,
) -> pd.DataFrame:
    """The published counts: ``year, destination, region, origin, foreign_born`` (persons)."""
    n_origins, n_regions = len(world.origins), max(len(r) for r in world.regions)
    size = len(world.destinations) * n_regions * n_origins

    def cells(
        destination: np.ndarray, region: np.ndarray, origin: np.ndarray, persons: np.ndarray
    ) -> np.ndarray:
        key = (destination * n_regions + region) * n_origins + origin
        return np.bincount(key, persons, size)

    counts = cells(
        dwellings.destination, dwellings.region, dwellings.origin, dwellings.foreign_born * counted
    )
    counts += cells(
        grown.destination, grown.region, grown.origin, grown.foreign_born * grown_counted
    )
    counts = counts.reshape(len(world.destinations), n_regions, n_origins)
    records = [
        (world.year, destination, region, origin, counts[d, r, o])
        for d, destination in enumerate(world.destinations)
        for r, region in enumerate(world.regions[d])
        for o, origin in enumerate(world.origins)
    ]
    return pd.DataFrame(
        records, columns=["year", "destination", "region", "origin", "foreign_born"]
    )
