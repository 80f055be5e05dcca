"""Step 5: youth come of age, skilled or not, and training partnerships train some of them.

A youth leaves education with a chance of being skilled that rises with education spending per
child and with the expected skill premium, *including the prospect of migrating* (Beine, Docquier
& Rapoport 2008): when skilled emigration is likely and pays well abroad, more youth invest in
skills (brain gain). Training partnerships add places funded by a destination (Clemens 2015),
half of them on an 'away' track with a temporary permit offered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from model import sectors
from model.mechanisms.common import (
    logistic,
)
from model.population import HIGH

if TYPE_CHECKING:
    from model.model import TripleWinModel


def expected_skill_premium(model: TripleWinModel) -> np.ndarray:
    """Expected log skill premium per origin, with the chance and pay of emigrating by skill."""
    wages = np.log(np.maximum(model.markets.origin_wages, 1e-9))
    abroad = np.log(np.maximum(model.prospects.expected_abroad_wage, 1e-9))
    prospect = model.prospects.emigration_prospect
    expected = (1.0 - prospect) * wages + prospect * abroad
    return expected[:, HIGH] - expected[:, 0]


def come_of_age(model: TripleWinModel) -> None:
    """Youth join the working-age population, skilled with the chance of the education rule.

    Reads: households' ``youth``, ``education_spending`` and ``origin``; the origins' output and
    residents; ``markets.origin_wages``; ``prospects`` (expected wage abroad, emigration
    prospect); ``destination_parameters.training_partnership``; ``params.skills``.

    Writes: households' ``youth``, ``workers_low`` and ``workers_high``;
    ``partnerships.trainees``; ``flows.training_cost``.
    """
    table = model.households
    params = model.params.skills
    draws, keys = model.draws, model.household_keys
    maturing = draws.binomial(
        "coming of age", keys, table.youth, 1.0 / model.params.demography.youth_years
    )
    gdp = np.array([o.output / max(o.residents, 1.0) for o in model.origins])[table.origin]
    per_child = table.education_spending / np.maximum(table.youth, 1)
    # Numerical guard: 1% of the reference spending keeps the log finite for zero spending.
    spending = np.log(
        (per_child + 0.01 * params.spending_reference * gdp) / (params.spending_reference * gdp)
    )
    chance = logistic(
        params.education_intercept
        + params.premium_response * expected_skill_premium(model)[table.origin]
        + params.spending_response * spending
    )
    skilled = draws.binomial("skills", keys, maturing, chance)
    table.youth -= maturing.astype(table.youth.dtype)
    table.workers_high += skilled.astype(table.workers_high.dtype)
    table.workers_low += (maturing - skilled).astype(table.workers_low.dtype)
    _train_partnership_places(model, maturing - skilled)


def _train_partnership_places(model: TripleWinModel, new_low_skilled: np.ndarray) -> None:
    """Destination-funded training turns some new low-skilled workers into skilled ones."""
    table = model.households
    draws = model.draws
    places = model.destination_parameters.training_partnership
    if not places.any():
        return
    skilled_wage = model.markets.origin_wages[:, HIGH]
    untrained = new_low_skilled.copy()
    for economy in model.destinations:
        partners = model.corridors.origin[model.corridors.destination == economy.index]
        partner_households = np.isin(table.origin, partners)
        eligible = partner_households & (untrained > 0)
        # Places are funded per 1,000 households of the partner origins (the lever's unit) and
        # filled by youths who finished school without skills this year.
        expected = places[economy.index] * partner_households.sum() / 1000.0
        count = draws.round("training places", economy.index, expected)
        candidates = np.flatnonzero(eligible)
        # Purposes name the destination, so selection and track are independent draws for each
        # partnership rather than the same luck of a household repeated across destinations.
        name = economy.name
        chosen = candidates[draws.order(f"training selection {name}", candidates)[:count]]
        table.workers_low[chosen] -= 1
        table.workers_high[chosen] += 1
        # A trained youth is no longer available to another destination's partnership.
        untrained[chosen] -= 1
        away_share = model.params.skills.training_away_share
        away = chosen[draws.chance(f"training track {name}", chosen, away_share)]
        model.partnerships.trainees[economy.index] = away
        # The destination's state buys the training from providers at the trainees' origins.
        cost = model.params.skills.training_cost * skilled_wage[table.origin[chosen]]
        model.flows.training_cost[economy.index] = cost.sum()
        model.money.move_pairs(
            "training partnerships",
            sectors.DESTINATION_GOVERNMENT,
            np.full(chosen.size, economy.index),
            sectors.ORIGIN_FIRMS,
            table.origin[chosen],
            cost,
        )
