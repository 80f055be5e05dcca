"""Migration as the two ends of a corridor record it: the destination's immigration, the origin's
emigration.

Flow statistics of receiving and sending countries disagree, sometimes by a factor of several:
registers apply different definitions, miss people who do not register their move, and sending
countries learn of few departures, since most emigrants never deregister (Nowok, Kupiszewska &
Poulain 2006, in THESIM; Raymer, Wiśniowski, Forster, Smith & Bijak 2013, Integrated Modeling of
European Migration, JASA 108). Here, per corridor and year:

* ``destination_immigration``: persons the destination's population register records as
  immigrants: legal arrivals and family members joining, each missed with probability
  ``register_immigration_unrecorded``; irregular entries are never recorded;
* ``origin_emigration``: persons the origin records as emigrants, whatever their route, each
  missed with probability ``origin_emigration_unrecorded``.

With both errors at zero the origin's count is the true number of entries and the destination's
misses exactly the irregular ones.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from model.observation.microdata.snapshot import World
from model.observation.microdata.year_events import Entries

if TYPE_CHECKING:
    from model.randomness import KeyedRandom
    from model.scenario.measurement import Measurement


def record_flows(
    entries: Entries, world: World, params: Measurement, keyed: KeyedRandom
) -> pd.DataFrame:
    """``year, destination, origin, destination_immigration, origin_emigration`` per corridor."""
    registered = ~entries.irregular & (
        keyed.uniform("register immigration", entries.key) >= params.register_immigration_unrecorded
    )
    deregistered = (
        keyed.uniform("origin emigration", entries.key) >= params.origin_emigration_unrecorded
    )
    corridors = world.corridor_origin.size
    return pd.DataFrame(
        {
            "year": world.year,
            "destination": np.array(world.destinations)[world.corridor_destination],
            "origin": np.array(world.origins)[world.corridor_origin],
            "destination_immigration": np.bincount(
                entries.corridor, entries.persons * registered, corridors
            ),
            "origin_emigration": np.bincount(
                entries.corridor, entries.persons * deregistered, corridors
            ),
        }
    )
