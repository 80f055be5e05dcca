"""Origin economy and households: TFP, transfers, informal support and money at step 4."""

from __future__ import annotations

import math

import pytest

from model.mechanisms import fiscal
from model.model import TripleWinModel
from tests.conftest import small


def test_tfp_rule_applied_to_the_initial_state_gives_the_calibrated_tfp():
    """The start's skilled and diaspora shares are measured as every year, so applying the TFP
    rule to the initial population changes nothing (no jump in year 1)."""
    model = TripleWinModel(small(origins={"origin": {"diaspora_links": 0.5}}), seed=3)
    economy = model.origins[0]
    calibrated = economy.tfp
    economy.update(fiscal.origin_human_capital(model, 0), 0)
    assert economy.tfp == pytest.approx(calibrated, rel=1e-12)


def test_a_larger_diaspora_raises_origin_tfp():
    model = TripleWinModel(small(origins={"origin": {"diaspora_links": 0.5}}), seed=3)
    economy = model.origins[0]
    shares = fiscal.human_capital(model, 0)
    economy.update(shares, 0)
    same = economy.tfp
    larger = fiscal.HumanCapital(
        shares.skilled, shares.returnees, shares.diaspora + 0.1, shares.residents
    )
    economy.update(larger, 0)
    assert economy.tfp == pytest.approx(same * math.exp(0.5 * 0.1), rel=1e-12)
