"""Step 1: shocks. Covariate droughts and idiosyncratic income shocks at origin, the business
cycle at destination.

Households in rain-fed farming lose a share of labour income in drought years (Dercon 2002); every
household draws a log-normal income shock each year (Townsend 1994). The destination's business
cycle is an AR(1) deviation of unemployment from its natural rate.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from model.mechanisms.common import origin_values

if TYPE_CHECKING:
    from model.model import TripleWinModel


def draw(model: TripleWinModel) -> None:
    """Draw this year's drought years, cycle innovations and household income multipliers.

    Draws have a fixed size per year (one per country, one per household) so that replication
    ``i`` of two scenarios shares its shocks (common random numbers).
    """
    climate = model.streams.climate
    model.drought = climate.random(len(model.origins)) < origin_values(model, "drought_probability")
    model.cycle_shocks = climate.standard_normal(len(model.destinations))
    table = model.households
    sd = origin_values(model, "income_shock_sd")[table.origin]
    z = model.streams.shocks.standard_normal(table.size)
    drought_loss = (origin_values(model, "drought_loss") * model.drought)[table.origin]
    model.shock_multiplier = np.exp(sd * z - 0.5 * sd**2) * (
        1.0 - drought_loss * table.drought_exposed
    )
