"""A destination population census: the foreign-born by country of birth and region of residence.

A census counts everyone who usually lives in the country, whatever their legal status, and asks
the country of birth: it measures the foreign-born stock, the stock concept of the UN
Recommendations on Statistics of International Migration, Rev. 1 (1998, §§ 32-37; UN Principles and
Recommendations for Population and Housing Censuses, Rev. 3, 2017). It misses people: irregular
migrants far more often than others (US Census Bureau estimates for the 2000 census: 10-15% against
1-2% for legal residents). A migrant's family is enumerated, or missed, with the migrant, as one
household.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from model.population import IRREGULAR

if TYPE_CHECKING:
    from model.model import TripleWinModel
    from model.scenario.measurement import Measurement


def enumerate_census(
    model: TripleWinModel, params: Measurement, rng: np.random.Generator
) -> pd.DataFrame:
    """The census of every destination this year.

    Args:
        model: The model at the end of a census year.
        params: The measurement errors.
        rng: The census's own generator (one uniform per household abroad, in row order, so a
            larger undercount misses everyone a smaller one missed, and more).

    Returns:
        One row per destination, region and origin: ``year, destination, region, origin,
        foreign_born`` (persons enumerated).
    """
    people = model.migrants
    rows = np.flatnonzero(people.abroad())
    irregular = people.status[rows] == IRREGULAR
    undercount = np.where(
        irregular, params.census_undercount_irregular, params.census_undercount_regular
    )
    counted = rng.random(rows.size) >= undercount
    persons = people.persons(rows) * counted
    n_origins, n_regions = len(model.origins), max(len(d.region_names) for d in model.destinations)
    key = (people.destination[rows].astype(np.int64) * n_regions + people.region[rows]) * n_origins
    key = key + people.origin[rows]
    size = len(model.destinations) * n_regions * n_origins
    counts = np.bincount(key, persons, size).reshape(len(model.destinations), n_regions, n_origins)
    records = [
        (model.year, economy.name, region, origin, counts[economy.index, r, o])
        for economy in model.destinations
        for r, region in enumerate(economy.region_names)
        for o, origin in enumerate(model.origin_names)
    ]
    return pd.DataFrame(
        records, columns=["year", "destination", "region", "origin", "foreign_born"]
    )
