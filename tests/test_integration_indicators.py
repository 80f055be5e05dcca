"""Integration indicators: defined on known distributions, recorded per place, and policy-sensitive."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from scipy import stats

from experiments.cli import main
from experiments.scenarios import load
from experiments.seeds import replication_seed
from model.integration_measures import (
    CELL_SUMS,
    INTEGRATION_INDICATORS,
    SUM,
    Tally,
    adjusted_employment_rate,
    composite,
    destination_values,
)
from model.integration_regions import REGION_INDICATORS
from model.model import TripleWinModel
from model.simulation import simulate
from tests.conftest import SCENARIOS, small

# The adjusted gap differs by under one percentage point between the regimes, with a spread of
# about one point between replications: 32 paired replications of the scenario as shipped
# (2,000 households, 40 years), averaged over the last 20 years rather than 10, put its 95%
# interval clear of zero (t about 4; the wage gap and language differ far more clearly).
REPLICATIONS = 32
SHARES = (
    "isolation_index",
    "settlement_concentration",
    "native_ties_share",
    "language_proficiency",
    "language_shift",
    "naturalised_share",
    "naturalisation_rate",
    "family_reunification_rate",
    "integration_composite",
)


def hand_tally(migrants, natives, standard=None) -> Tally:
    """A one-origin tally of employed migrants and natives per (destination, region).

    ``standard`` optionally gives (labour force, employed) per (origin, destination, channel, band).
    """
    migrants = np.asarray(migrants, dtype=float)
    natives = np.asarray(natives, dtype=float)
    sums = np.zeros((len(CELL_SUMS), 1, *migrants.shape))
    for name in ("migrants", "working_age", "employed", "wage_ratio", "foreign"):
        sums[SUM[name], 0] = migrants
    if standard is None:
        standard = np.stack([migrants, migrants])[:, None, :, :, None]
    return Tally(
        sums=sums,
        standard=np.asarray(standard, dtype=float),
        natives=np.stack([natives, natives]),
    )


def test_isolation_and_concentration_on_known_settlement_patterns():
    even = destination_values(hand_tally([[10, 30]], [[90, 270]]), [0], [0], {})
    # Settled like natives: a migrant's chance of meeting a migrant is their overall share.
    assert even["isolation_index"] == pytest.approx(40 / 400)
    assert even["settlement_concentration"] == pytest.approx(0.25**2 + 0.75**2)
    together = destination_values(hand_tally([[40, 0]], [[90, 270]]), [0], [0], {})
    assert together["isolation_index"] == pytest.approx(40 / 130)
    assert together["settlement_concentration"] == pytest.approx(1.0)
    assert together["isolation_index"] > even["isolation_index"]


def test_standardisation_removes_composition_and_keeps_rates():
    # Two groups (say, newcomers and settled) with the same rates in both destinations but
    # different mixes: crude rates differ, standardised rates are equal.
    labour = np.array([[[[90, 10]], [[10, 90]]]], dtype=float)  # origin, destination, channel, band
    employed = labour * np.array([0.5, 0.9])
    tally = hand_tally([[100.0], [100.0]], [[1000.0], [1000.0]], np.stack([labour, employed]))
    crude = [employed[0, d].sum() / labour[0, d].sum() for d in (0, 1)]
    assert crude[0] < crude[1]
    assert adjusted_employment_rate(tally, [0], [0]) == pytest.approx(
        adjusted_employment_rate(tally, [0], [1])
    )
    # For everyone together the standardised rate is the crude rate.
    assert adjusted_employment_rate(tally, [0], [0, 1]) == pytest.approx(
        employed.sum() / labour.sum()
    )


def test_composite_averages_domains_with_equal_weights():
    assert composite([1.0, 1.0, 1.0], [1.0, 1.0], [1.0], [1.0]) == 1.0
    # A domain's weight does not depend on how many components it has.
    assert composite([0.0, 0.0, 0.0], [1.0, 1.0], [1.0], [1.0]) == pytest.approx(0.75)
    assert composite([0.0, math.nan, 0.0], [1.0, 0.0], [math.nan], [1.0]) == pytest.approx(0.5)


def test_indicators_are_recorded_pooled_and_per_region():
    model = TripleWinModel(small(), seed=3)
    for _ in range(model.horizon):
        model.step()
    yearly = model.recorder.frame()
    regions = model.recorder.region_frames()
    assert set(regions) == {
        f"destination:destination/{r}" for r in ("capital", "industrial", "coast", "interior")
    }
    for name in SHARES:
        values = yearly[name].to_numpy()
        assert np.all((values >= 0) & (values <= 1)), name
    migrants = sum(frame["migrants"].to_numpy() for frame in regions.values())
    np.testing.assert_array_equal(migrants, yearly["migrants_abroad"].to_numpy())
    # Standardising all migrants to their own composition changes nothing.
    np.testing.assert_allclose(yearly["unemployment_gap_adjusted"], yearly["unemployment_gap"])
    # Location quotients average to one over natives' regional distribution (in the last year,
    # natives per region follow from the migrants and their share of the region's workers).
    last = [frame.iloc[-1] for frame in regions.values()]
    natives = np.array(
        [r["migrants"] * (1 - r["migrant_share"]) / r["migrant_share"] for r in last]
    )
    quotients = np.array([r["location_quotient"] for r in last])
    assert np.sum(quotients * natives / natives.sum()) == pytest.approx(1.0)
    for key, frame in regions.items():
        assert list(frame.columns) == ["year", *REGION_INDICATORS], key


def test_naturalisation_and_reunification_rates_follow_the_rules():
    never = simulate(
        small(integration={"naturalisation": 0.0}, policy={"family_reunification": False}), 5
    )
    assert never.indicators["naturalisation_rate"] == 0.0
    assert never.indicators["family_reunification_rate"] == 0.0
    usual = simulate(small(), 5)
    eager = simulate(small(integration={"naturalisation": 0.6, "reunification": 0.6}), 5)
    # Over the whole run: once eager naturalisation has drained the pool of eligible residents,
    # its yearly rate falls to the inflow into eligibility, close to the usual rule's.
    for rate in ("naturalisation_rate", "family_reunification_rate"):
        assert eager.yearly[rate].mean() > usual.yearly[rate].mean() > 0, rate
    assert eager.indicators["naturalised_share"] > usual.indicators["naturalised_share"]


def test_inclusive_destination_integrates_better_than_restrictive():
    """two_corridors: the inclusive regime integrates its migrants better.

    It has the smaller unemployment gap at equal entry channel and duration of stay, the smaller
    wage gap at equal skill, better command of the language and a higher composite. Both
    destinations are in every run, so each replication gives a paired difference; the claim holds
    when the 95% interval of the mean difference excludes zero.
    """
    scenario = load(SCENARIOS / "two_corridors.yaml", ["simulation.evaluation_years=20"]).scenario
    differences = {
        name: []
        for name in (
            "unemployment_gap_adjusted",
            "wage_gap",
            "language_proficiency",
            "integration_composite",
        )
    }
    for replication in range(REPLICATIONS):
        result = simulate(scenario, replication_seed(2024, replication))
        inclusive = result.by_country["destination:inclusive"]
        restrictive = result.by_country["destination:restrictive"]
        for name, values in differences.items():
            values.append(inclusive[name] - restrictive[name])
    for name, sign in (
        ("unemployment_gap_adjusted", -1),
        ("wage_gap", -1),
        ("language_proficiency", 1),
        ("integration_composite", 1),
    ):
        values = np.array(differences[name])
        half = stats.t.ppf(0.975, values.size - 1) * values.std(ddof=1) / np.sqrt(values.size)
        assert sign * values.mean() > half, (name, values.mean(), half)


def test_run_json_carries_integration_indicators_per_country_and_region(tmp_path, capsys):
    status = main(
        [
            "run",
            str(SCENARIOS / "two_corridors.yaml"),
            "--replications",
            "2",
            "--years",
            "4",
            "--set",
            "simulation.households=300",
            "--json",
            "--out",
            str(tmp_path),
        ]
    )
    assert status == 0
    document = json.loads(capsys.readouterr().out)
    for name in INTEGRATION_INDICATORS:
        assert name in document["indicators"], name
        assert name in document["countries"]["destination:inclusive"], name
    assert "destination:restrictive/capital" in document["regions"]
    region = document["regions"]["destination:inclusive/capital"]
    assert set(region) == set(REGION_INDICATORS)
    assert (tmp_path / "regions.parquet").is_file()
