"""Skill partnerships, bonds, study permits and family entries follow their rules."""

from __future__ import annotations

import numpy as np

from model.model import TripleWinModel
from model.population import FAMILY, PARTNERSHIP
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
        graduates += int(model.counts.arrivals_by_channel[PARTNERSHIP])
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


def test_graduates_without_a_job_stay_once_not_forever():
    """Students who never find work have their study permit renewed once, as a work permit;
    at the next expiry they must leave like any worker without a job."""
    study, visa = 3, 3
    scenario = small(
        simulation={"years": 16, "evaluation_years": 1},
        corridors={"main": {"initial_emigration_rate": 0.0}},
        policy={"temporary_quota": 0.0, "permanent_quota": 0.0, "visa_years": visa},
        destinations={"destination": {"study_quota": 20.0, "humanitarian_quota": 0.0}},
        migration={"propensity": 1.0, "irregular_propensity": 0.0},
        integration={
            "job_finding": 0.0,
            "renewal": 1.0,
            "conversion": 0.0,
            "overstay": 0.0,
            "study_years": study,
        },
        returns={"base_return": 0.0, "failure_return": 0.0},
    )
    model = TripleWinModel(scenario, seed=5)
    longest = 0
    for _ in range(model.horizon):
        model.step()
        abroad = model.migrants.abroad()
        if abroad.any():
            longest = max(longest, int(model.migrants.years_abroad[abroad].max()))
    assert study < longest < study + visa  # renewed once after graduating, then gone


def test_arrivals_and_returns_per_country_add_up_to_the_pooled_counts():
    scenario = small(
        replace={
            "origins": {"south": {}, "east": {"gdp_per_capita": 11000.0}},
            "destinations": {"north": {}, "west": {"gdp_per_capita": 45000.0}},
            "corridors": {
                f"{o}_{d}": {"origin": o, "destination": d}
                for o in ("south", "east")
                for d in ("north", "west")
            },
        },
        simulation={"years": 10, "evaluation_years": 2},
    )
    model = TripleWinModel(scenario, seed=9)
    family = 0
    for _ in range(model.horizon):
        model.step()
        family += int(model.counts.arrivals_by_channel[FAMILY])
        assert model.counts.arrivals_by_corridor.sum() == model.counts.arrivals_by_channel.sum()
    pooled = model.recorder.frame()
    tables = model.recorder.country_frames()
    for count in ("arrivals", "returns"):
        for kind in ("origin", "destination"):
            parts = sum(t[count] for key, t in tables.items() if key.startswith(kind))
            np.testing.assert_array_equal(parts, pooled[count])
        assert (tables["origin:south"][count] < pooled[count]).any()
    assert family > 0  # family reunification shows as arrivals through the family channel
    # Arrival cohorts count migrants (rows), not the family members who joined them.
    assert model.recorder.arrivals[1 : model.horizon + 1].sum() == pooled["arrivals"].sum() - family
