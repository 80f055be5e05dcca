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

    Draws are keyed to the country and the household, so replication ``i`` of two scenarios
    shares its droughts, cycle and household luck (common random numbers).
    """
    draws = model.draws
    origins = np.arange(len(model.origins))
    model.drought = draws.chance("drought", origins, origin_values(model, "drought_probability"))
    model.cycle_shocks = draws.normal("business cycle", np.arange(len(model.destinations)))
    table = model.households
    sd = origin_values(model, "income_shock_sd")[table.origin]
    z = draws.normal("income shock", model.household_keys)
    drought_loss = (origin_values(model, "drought_loss") * model.drought)[table.origin]
    model.shock_multiplier = np.exp(sd * z - 0.5 * sd**2) * (
        1.0 - drought_loss * table.drought_exposed
    )
