"""Step 1: shocks. Covariate droughts and idiosyncratic income shocks at origin, the business
cycle at destination.

Households in rain-fed farming lose a share of labour income in drought years (Dercon 2002); every
household draws a log-normal income shock each year (Townsend 1994). The destination's business
cycle is an AR(1) deviation of unemployment from its natural rate.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from model.state import Shocks

if TYPE_CHECKING:
    from model.model import TripleWinModel


def draw(model: TripleWinModel) -> Shocks:
    """This year's drought years, cycle innovations and household income multipliers.

    Draws are keyed to the country and the household, so replication ``i`` of two scenarios
    shares its droughts, cycle and household luck (common random numbers).

    Reads: ``origin_parameters`` (drought probability and loss, income shock sd),
    ``households.origin`` and ``households.drought_exposed``.

    Returns:
        The year's :class:`~model.state.Shocks` (the model keeps them as ``model.shocks``).
    """
    draws = model.draws
    parameters = model.origin_parameters
    origins = np.arange(len(model.origins))
    drought = draws.chance("drought", origins, parameters.drought_probability)
    cycle = draws.normal("business cycle", np.arange(len(model.destinations)))
    table = model.households
    sd = parameters.income_shock_sd[table.origin]
    z = draws.normal("income shock", model.household_keys)
    drought_loss = (parameters.drought_loss * drought)[table.origin]
    multiplier = np.exp(sd * z - 0.5 * sd**2) * (1.0 - drought_loss * table.drought_exposed)
    return Shocks(drought=drought, cycle=cycle, income_multiplier=multiplier)
