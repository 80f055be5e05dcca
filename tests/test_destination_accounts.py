"""Natives' income and the destination's account cover the people who were there when paid."""

from __future__ import annotations

import numpy as np
import pytest

from model.model import TripleWinModel
from model.population import IRREGULAR
from tests.conftest import small


def run_until(model: TripleWinModel, year: int) -> None:
    while model.year < year:
        model.step()


def test_natives_income_ignores_who_returns_after_being_paid():
    """Everyone abroad returns in year 6: that year's natives' income and fiscal balance are
    those of a paired run where nobody is made to return, because the wages, taxes and
    services of the year were paid before the returns (step 7)."""
    scenario = small(simulation={"years": 6, "evaluation_years": 1})
    staying = TripleWinModel(scenario, seed=4)
    leaving = TripleWinModel(scenario.model_copy(deep=True), seed=4)
    run_until(staying, 5)
    run_until(leaving, 5)
    abroad = int(leaving.migrants.abroad().sum())
    leaving.params.returns.base_return = 1.0
    leaving.params.returns.settled_return = 1.0
    leaving.params.returns.family_factor = 1.0  # families abroad return as surely
    staying.step()
    leaving.step()
    before = staying.recorder.frame().iloc[-1]
    after = leaving.recorder.frame().iloc[-1]
    assert staying.params.returns.base_return < 1.0
    assert before["returns"] < 0.3 * abroad < 0.9 * abroad < after["returns"]
    for name in ("destination_income_per_native", "migrant_fiscal_balance_gdp"):
        assert after[name] == pytest.approx(before[name], rel=1e-12), name


def test_capital_brought_in_by_migrants_is_not_natives_income():
    """With capital fully adjusted at the world interest rate, natives' income gains from
    migrants paid their marginal product exactly what natives' wages gain (the immigration
    surplus), not the return on the capital installed for the migrants."""
    scenario = small(
        corridors={"main": {"initial_emigration_rate": 0.0}},
        destinations={
            "destination": {"tfp_growth": 0.0, "labour_force_trend": 0.0, "wage_stickiness": 0.0}
        },
        world={"capital_adjustment": 1.0},
    )
    income, old_measure, native_wages = {}, {}, {}
    for share in (0.0, 0.15):
        model = TripleWinModel(scenario, seed=1)
        economy = model.destinations[0]
        migrants = share * economy.natives
        for year in range(1, 30):
            economy.clear_labour_market(migrants, 0.0, np.zeros_like(migrants))
            model.markets.migrant_labour = [migrants]
            economy.update(year)
        economy.clear_labour_market(migrants, 0.0, np.zeros_like(migrants))
        wage_bill = float((economy.migrant_wages * migrants).sum())
        income[share] = economy.natives_market_income(wage_bill)
        old_measure[share] = float(economy.output.sum()) - wage_bill
        native_wages[share] = float((economy.native_wages * economy.employed_natives).sum())
    gain = income[0.15] - income[0.0]
    assert gain > 0.0
    assert gain == pytest.approx(native_wages[0.15] - native_wages[0.0], rel=1e-6)
    assert old_measure[0.15] - old_measure[0.0] > 5 * gain  # what capital deepening would add


def test_enforcement_spending_follows_each_corridors_lever():
    """Spending per irregular migrant uses the enforcement of the migrant's corridor (0.5), not
    the destination's (0): it is a whole number of irregular migrants times the unit cost."""
    scenario = small(
        corridors={"main": {"policy": {"enforcement": 0.5}}},
        destinations={"destination": {"policy": {"enforcement": 0.0}}},
        simulation={"years": 2, "evaluation_years": 1},
    )
    model = TripleWinModel(scenario, seed=2)
    model.step()
    assert (model.migrants.status == IRREGULAR).any()
    model.step()
    spending = model.destinations[0].fiscal["enforcement"]
    unit = (
        scenario.destinations["destination"].enforcement_cost
        * 0.5
        * model.flows.migrant_fiscal.gdp_per_capita[0]
    )
    irregular = spending / unit
    assert irregular >= 1.0
    assert irregular == pytest.approx(round(irregular), abs=1e-6)
