"""Step 6a: migrants integrate: language, recognition of credentials, ties to natives.

Language proficiency closes a share of its gap each year (Chiswick & Miller 2001), faster with
integration programmes (Lochmann, Rapoport & Speciale 2019). Ties to natives move towards what
the region's mix and the migrant's language allow (Martinovic, van Tubergen & Maas 2009). A
skilled migrant's credentials are recognised with a yearly chance set by policy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from model.population import HIGH, NATURALISED, PERMANENT

if TYPE_CHECKING:
    from model.model import TripleWinModel


def native_share_by_region(model: TripleWinModel) -> list[np.ndarray]:
    """Share of natives among workers in each region of each destination."""
    shares = []
    for economy in model.destinations:
        natives = economy.natives.sum(axis=1)
        migrants = model.markets.region_network[:, economy.index, : len(economy.region_names)].sum(
            axis=0
        )
        shares.append(natives / (natives + migrants))
    return shares


def integrate(model: TripleWinModel) -> None:
    """Language, ties and recognition of every migrant abroad; years abroad and of residence.

    Reads: migrants abroad; ``corridors`` (integration spending, skill recognition);
    ``markets.region_network``; the destinations' natives; ``params.integration``.

    Writes: migrants' ``language``, ``ties``, ``recognised``, ``years_abroad`` and
    ``residence_years``.
    """
    people = model.migrants
    params = model.params.integration
    rows = np.flatnonzero(people.abroad())
    corridor = people.corridor[rows]
    boost = 1.0 + params.programme_effect * model.corridors.integration_spending[corridor]
    language = people.language[rows]
    people.language[rows] = language + np.minimum(params.language_speed * boost, 1.0) * (
        1.0 - language
    )
    native_share = np.zeros(rows.size)
    for economy, share in zip(model.destinations, native_share_by_region(model), strict=True):
        mine = people.destination[rows] == economy.index
        native_share[mine] = share[people.region[rows[mine]]]
    attainable = native_share * people.language[rows]
    ties = people.ties[rows]
    people.ties[rows] = ties + np.minimum(params.ties_speed * boost, 1.0) * (attainable - ties)
    pending = (people.skill[rows] == HIGH) & ~people.recognised[rows]
    chance = model.corridors.skill_recognition[corridor]
    people.recognised[rows] |= pending & model.draws.chance(
        "recognition", people.person_key[rows], chance
    )
    people.years_abroad[rows] += 1
    settled = (people.status[rows] == PERMANENT) | (people.status[rows] == NATURALISED)
    people.residence_years[rows] += settled.astype(np.int16)
