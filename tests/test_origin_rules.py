"""Origin economy and households: TFP, transfers, informal support and money at step 4."""

from __future__ import annotations

import math

import numpy as np
import pytest

from model.mechanisms import households, productivity
from model.model import TripleWinModel
from model.origin_economy import HumanCapital
from model.population import residents
from tests.conftest import small


def test_tfp_rule_applied_to_the_initial_state_gives_the_calibrated_tfp():
    """The start's skilled and diaspora shares are measured as every year, so applying the TFP
    rule to the initial population changes nothing (no jump in year 1)."""
    model = TripleWinModel(small(origins={"origin": {"diaspora_links": 0.5}}), seed=3)
    economy = model.origins[0]
    calibrated = economy.tfp
    economy.update(productivity.human_capital(model, 0), 0)
    assert economy.tfp == pytest.approx(calibrated, rel=1e-12)


def test_a_larger_diaspora_raises_origin_tfp():
    model = TripleWinModel(small(origins={"origin": {"diaspora_links": 0.5}}), seed=3)
    economy = model.origins[0]
    shares = productivity.human_capital(model, 0)
    economy.update(shares, 0)
    same = economy.tfp
    larger = HumanCapital(shares.skilled, shares.returnees, shares.diaspora + 0.1, shares.residents)
    economy.update(larger, 0)
    assert economy.tfp == pytest.approx(same * math.exp(0.5 * 0.1), rel=1e-12)


def destitute_scenario():
    """A high destitution floor and little wealth, so that informal support is needed."""
    return small(
        households={"destitution_floor": 0.9, "initial_wealth": 0.05, "enterprise_propensity": 0.0}
    )


def watch_step_4(monkeypatch) -> list[dict]:
    """Record the household columns around every call of step 4."""
    seen: list[dict] = []
    original = households.receive_consume_save

    def watched(model: TripleWinModel) -> None:
        table = model.households
        before = table.wealth.copy()
        gdp = model.origins[0].output / model.origins[0].residents
        expected_transfers = (
            model.params.households.transfer * gdp * residents(model.households, model.migrants)
        )
        original(model)
        seen.append(
            {
                "before": before,
                "after": table.wealth.copy(),
                "income": table.income.copy(),
                "inflow": table.income + table.remittances_received,
                "outflow": table.consumption + table.education_spending,
                "assistance": model.flows.social_assistance.sum(),
                "support": model.flows.informal_support.sum(),
                "transfers": expected_transfers.sum(),
            }
        )

    monkeypatch.setattr(households, "receive_consume_save", watched)
    return seen


def test_informal_support_conserves_money_and_never_indebts_for_consumption(monkeypatch):
    seen = watch_step_4(monkeypatch)
    model = TripleWinModel(destitute_scenario(), seed=7)
    for _ in range(5):
        model.step()
    for year in seen:
        before, after = year["before"], year["after"]
        # Wealth changes by what came in less what went out (no education subsidy, no new
        # enterprises), plus the social assistance the state paid: the levy moves money only.
        assert (after - before).sum() == pytest.approx(
            (year["inflow"] - year["outflow"]).sum() + year["assistance"], rel=1e-9, abs=1e-6
        )
        # Consumption never puts a household into debt or deeper into it; only interest on an
        # existing debt (part of income) can.
        assert (after[before >= 0] >= -1e-9).all()
        owing = before < 0
        floor = before[owing] + np.minimum(year["income"][owing], 0.0)
        assert (after[owing] >= floor - 1e-9).all()
    assert sum(year["support"] for year in seen) > 0.0


def test_origin_account_records_the_transfers_households_received(monkeypatch):
    seen = watch_step_4(monkeypatch)
    model = TripleWinModel(small(), seed=8)
    for _ in range(3):
        model.step()
        assert model.origins[0].fiscal["transfers"] == pytest.approx(
            seen[-1]["transfers"], rel=1e-12
        )
