"""Facts the model meets by construction: identities and restated parameters, checked here.

They left ``run.py validate`` (issue 18): a check that cannot fail is not validation. Each is
still a property of the model worth guarding: the accounting of fees and consumption, the place
premium set by the GDP inputs, the direction and size of the fee response the parameter sets,
and the fiscal accounting of employment. Runs are tiny and paired (same seed).
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from experiments.engine.tasks import scenario_data
from model.scenario.schema import Scenario
from model.simulation import simulate
from tests.conftest import ROOT

TINY = {"simulation.households": 300, "simulation.years": 14, "simulation.evaluation_years": 5}


def run(seed: int = 3, **values: float) -> dict[str, float]:
    """Window means of the baseline, tiny, with ``values`` set (dotted paths with '__')."""
    import yaml

    data = yaml.safe_load((ROOT / "scenarios/baseline.yaml").read_text())
    changes = {**TINY, **{k.replace("__", "."): v for k, v in values.items()}}
    scenario = Scenario.model_validate(scenario_data(data, changes))
    return simulate(scenario, np.random.SeedSequence(seed)).indicators


@pytest.mark.parametrize("fee", [0.01, 0.062, 0.12])
def test_remittance_cost_share_is_the_fee(fee: float) -> None:
    assert run(policy__remittance_fee=fee)["remittance_cost_share"] == pytest.approx(fee, rel=1e-9)


@pytest.mark.parametrize("propensity", [0.6, 0.72, 0.85])
def test_share_of_remittances_saved_is_one_minus_the_propensity(propensity: float) -> None:
    """Above subsistence a dollar received is consumed at the propensity (households near the
    subsistence and destitution floors move it a little either way)."""
    saved = run(households__consumption_propensity=propensity)["remittances_saved_share"]
    assert saved == pytest.approx(1.0 - propensity, abs=0.03)


def test_place_premium_follows_the_ratio_of_the_gdp_inputs() -> None:
    """Productivity is calibrated from GDP per head: halving the destination's halves the ratio."""
    rich = run(destinations__destination__gdp_per_capita=50000.0)["place_premium"]
    poorer = run(destinations__destination__gdp_per_capita=25000.0)["place_premium"]
    assert rich / poorer == pytest.approx(2.0, rel=0.1)


def fee_elasticity(parameter: float) -> tuple[float, float, float]:
    """Remittances received at fees of 1% and 12%, and their elasticity to (1 - fee)."""
    low = run(policy__remittance_fee=0.01, remittances__fee_elasticity=parameter)
    high = run(policy__remittance_fee=0.12, remittances__fee_elasticity=parameter)
    received = low["remittances_received"], high["remittances_received"]
    return *received, math.log(received[0] / received[1]) / math.log(0.99 / 0.88)


@pytest.mark.parametrize("parameter", [0.5, 1.5])
def test_lower_fees_raise_remittances_received_for_any_positive_elasticity(parameter) -> None:
    at_low_fee, at_high_fee, realised = fee_elasticity(parameter)
    assert at_low_fee > at_high_fee
    # The realised elasticity stays below the parameter: more remittances lower the need motive.
    assert 0.0 < realised <= parameter + 0.05


def test_realised_fee_elasticity_rises_with_the_parameter() -> None:
    assert fee_elasticity(2.5)[2] > fee_elasticity(1.5)[2] > fee_elasticity(0.5)[2]


def test_net_fiscal_contribution_rises_with_migrants_employment() -> None:
    """Accounting: employed migrants pay taxes and draw no unemployment benefit."""
    few = run(integration__job_finding=0.3)
    many = run(integration__job_finding=0.9)
    assert many["migrant_employment_rate"] > few["migrant_employment_rate"]
    assert many["migrant_fiscal_balance_gdp"] > few["migrant_fiscal_balance_gdp"]
