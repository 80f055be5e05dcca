"""Skill partnerships, bonds, study permits and family entries follow their rules."""

from __future__ import annotations

import numpy as np

from model.model import TripleWinModel
from model.population import PARTNERSHIP
from tests.conftest import small


def partnership_only(**sections):
    """Nobody applies or crosses irregularly: partnership graduates are the only emigrants."""
    return small(
        policy={"training_partnership": 100.0},
        skills={"training_away_share": 1.0},
        migration={"propensity": 0.0, "irregular_propensity": 0.0},
        **sections,
    )


def test_partnership_graduates_post_no_emigration_bond():
    scenario = partnership_only(origins={"origin": {"skilled_emigration_bond": 2.0}})
    model = TripleWinModel(scenario, seed=6)
    graduates = 0
    for _ in range(6):
        model.step()
        graduates += int(model.arrivals_by_channel[PARTNERSHIP])
        assert model.origins[0].fiscal["emigration_bonds"] == 0.0
    assert graduates > 0


def test_each_partner_destination_draws_its_own_selection_and_track():
    scenario = partnership_only(
        replace={
            "origins": {"south": {}},
            "destinations": {"north": {}, "west": {}},
            "corridors": {
                "south_north": {"origin": "south", "destination": "north"},
                "south_west": {"origin": "south", "destination": "west"},
            },
        }
    )
    model = TripleWinModel(scenario, seed=3)
    purposes = []
    for method in ("order", "chance"):
        original = getattr(model.draws, method)

        def spy(purpose, *args, _original=original, **kwargs):
            purposes.append(purpose)
            return _original(purpose, *args, **kwargs)

        setattr(model.draws, method, spy)
    model.step()
    for kind in ("training selection", "training track"):
        assert {f"{kind} north", f"{kind} west"} <= set(purposes), kind
    assert np.isin(model.migrants.channel, PARTNERSHIP).any()
