"""The books close for every scenario of the library, and public programmes are paid for."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from model import sectors
from model.model import TripleWinModel
from model.scenario.loader import load_scenario
from model.simulation import simulate
from tests.conftest import small

SCENARIOS = sorted((Path(__file__).resolve().parents[1] / "scenarios").glob("*.yaml"))


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_every_scenario_closes_its_books_for_twenty_years(path):
    scenario = load_scenario(path, ["simulation.years=20", "simulation.households=1000"])
    result = simulate(scenario, 7)
    accounts = result.accounts
    assert accounts["max_relative_residual"] <= 1e-9
    assert accounts["people_residual"] == 0
    assert (result.yearly["households_without_residents"] == 0).all()
    totals = accounts["sectors"]
    for name in ("origin_households", "origin_government", "destination_government"):
        assert totals[name]["inflows"] > 0 and totals[name]["outflows"] > 0
    if result.indicators["migrants_abroad"] > 0:
        assert totals["migrants"]["inflows"] > 0 and totals["remittance_providers"]["inflows"] > 0
    assert sum(t["inflows"] - t["outflows"] - t["stock_change"] for t in totals.values()) == (
        pytest.approx(0.0, abs=1e-6 * sum(t["inflows"] for t in totals.values()))
    )


def test_the_baseline_has_a_second_generation():
    result = simulate(small(simulation={"years": 20}), 3)
    assert (result.yearly["second_generation"].iloc[-5:] > 0).all()
    assert result.indicators["second_generation"] > 0


def state_account(model: TripleWinModel, item: str) -> float:
    """What the origin state paid under ``item`` over the run."""
    return sum(model.money.item_total(year, item) for year in range(1, model.year + 1))


def run(**policy: float) -> TripleWinModel:
    model = TripleWinModel(small(policy=policy, simulation={"years": 20}), seed=5)
    for _ in range(model.horizon):
        model.step()
    return model


def test_an_education_subsidy_is_paid_by_taxes_or_debt():
    baseline, subsidised = run(), run(education_subsidy=0.5)
    state = baseline.money.index(sectors.ORIGIN_GOVERNMENT, "origin")
    outflows = [m.money.outflows()[:, state].sum() for m in (baseline, subsidised)]
    assert outflows[1] > outflows[0]
    assert state_account(subsidised, "education subsidy") > 0
    assert state_account(baseline, "education subsidy") == 0
    # Paid by the state's taxpayers, now or later: more debt, a higher tax rate, or both.
    more_debt = subsidised.origin_finances.debt[0] > baseline.origin_finances.debt[0]
    higher_tax = subsidised.origin_finances.tax_rate[0] > baseline.origin_finances.tax_rate[0]
    assert more_debt and higher_tax
    # What the state spent more is what it borrowed more or taxed more, to the last cent.
    extra_spending = outflows[1] - outflows[0]
    inflows = [m.money.inflows()[:, state].sum() for m in (baseline, subsidised)]
    extra_debt = subsidised.origin_finances.debt[0] - baseline.origin_finances.debt[0]
    assert extra_spending == pytest.approx(inflows[1] - inflows[0] + extra_debt, rel=1e-9)


def test_the_fiscal_rule_raises_the_tax_rate_when_debt_rises():
    model = TripleWinModel(small(simulation={"years": 3, "evaluation_years": 2}), seed=1)
    model.step()
    base = model.origin_finances.tax_rate.copy()
    model.origin_finances.debt *= 2.0
    model.step()
    gap = model.origin_finances.debt_target  # debt doubled: the gap is about the target ratio
    response = model.params.public_finance.tax_response
    assert model.origin_finances.tax_rate[0] > base[0] + 0.5 * response * gap[0]


def test_pensions_abroad_are_charged_to_the_destination():
    model = TripleWinModel(small(simulation={"years": 25}, demography={"working_years": 10.0}), 2)
    for _ in range(model.horizon):
        model.step()
    retired = model.migrants.abroad() & model.migrants.retired
    assert retired.any()
    assert state_account(model, "pensions") > 0
    assert state_account(model, "health care of the elderly") > 0
    assert np.all(model.migrants.pension[retired] >= 0)
