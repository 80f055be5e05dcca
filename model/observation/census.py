"""A destination population census: the foreign-born by country of birth and region of residence.

A census counts everyone who usually lives in the country, whatever their legal status, and asks
the country of birth: it measures the foreign-born stock, the stock concept of the UN
Recommendations on Statistics of International Migration, Rev. 1 (1998, §§ 32-37; UN Principles and
Recommendations for Population and Housing Censuses, Rev. 3, 2017). It misses people: irregular
migrants far more often than others (US Census Bureau estimates for the 2000 census: 10-15% against
1-2% for legal residents). A migrant's family is enumerated, or missed, with the migrant, as one
dwelling. The published table counts every enumerated person; the microdata sample
(:mod:`model.observation.microdata.census_sample`) is drawn from the same enumerated dwellings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from model.observation.microdata.snapshot import Dwellings, World
    from model.scenario.measurement import Measurement


def enumerated(dwellings: Dwellings, params: Measurement, rng: np.random.Generator) -> np.ndarray:
    """Which dwellings abroad the census counts.

    Args:
        dwellings: Everyone abroad, in the model's row order.
        params: The measurement errors.
        rng: The census's own generator (one uniform per dwelling, in row order, so a larger
            undercount misses everyone a smaller one missed, and more).
    """
    undercount = np.where(
        dwellings.irregular, params.census_undercount_irregular, params.census_undercount_regular
    )
    return rng.random(dwellings.size) >= undercount


def foreign_born_table(dwellings: Dwellings, counted: np.ndarray, world: World) -> pd.DataFrame:
    """The published counts: ``year, destination, region, origin, foreign_born`` (persons)."""
    n_origins, n_regions = len(world.origins), max(len(r) for r in world.regions)
    key = (dwellings.destination * n_regions + dwellings.region) * n_origins + dwellings.origin
    size = len(world.destinations) * n_regions * n_origins
    counts = np.bincount(key, dwellings.persons * counted, size)
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
