"""The default scenario against every calibration band of model/calibration.yaml (the table is printed).

Statistics are read in the evaluation window, as ``run.py validate`` reads them (its runner adds
the cohort statistics of the window to what ``simulate`` reports). Targets that restate a
parameter are checked by tests/test_identities.py instead.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import yaml

from experiments.validation.runner import run_once
from model.calibration import calibration_report, load_targets
from model.scenario.schema import Scenario
from tests.conftest import SCENARIOS, SUMMARIES

REPLICATIONS = 5


@pytest.fixture(scope="module")
def report() -> pd.DataFrame:
    baseline = Scenario(**yaml.safe_load((SCENARIOS / "baseline.yaml").read_text()))
    seeds = np.random.SeedSequence(2024).spawn(REPLICATIONS)
    table = calibration_report([run_once(baseline, seed, []) for seed in seeds])
    with pd.option_context("display.width", 160, "display.max_colwidth", 40):
        text = table.drop(columns="source").to_string(
            index=False, float_format=lambda x: f"{x:.4g}"
        )
    # Printed in the test session's summary (tests/conftest.py), captured output or not.
    SUMMARIES.append(
        f"Default scenario ({REPLICATIONS} replications) against the calibration targets "
        f"of model/calibration.yaml:\n{text}"
    )
    return table


def test_targets_cover_every_published_fact():
    names = {t.statistic for t in load_targets()}
    assert {
        "remittance_cost_share",
        "remittances_to_gdp",
        "place_premium",
        "remittances_saved_share",
        "left_within_5y_window",
        "migrant_fiscal_balance_gdp",
        "migrant_share_labour_force",
        "emigration_rate",
        "origin_poverty_rate",
    } <= names
    assert all(t.source for t in load_targets())


@pytest.mark.parametrize("target", [t.name for t in load_targets()])
def test_default_scenario_is_inside_the_band(report: pd.DataFrame, target: str):
    row = report.set_index("target").loc[target]
    assert row["inside"], f"{target}: mean {row['mean']:.4g} outside {row['band']}"
