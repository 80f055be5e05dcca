"""Shared fixtures: small scenarios that run in well under a second."""

from __future__ import annotations

from pathlib import Path

import pytest

# Before numpy is imported: importing the model package pins numpy's code path, as for users.
import model  # noqa: F401
from model.scenario.paths import merge
from model.scenario.schema import Scenario

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"
# Tables that tests want shown at the end of the session (e.g. the calibration report).
SUMMARIES: list[str] = []


def pytest_terminal_summary(terminalreporter) -> None:
    # Test modules import this file as ``tests.conftest``; pytest may load it under another name.
    import tests.conftest as shared

    for text in shared.SUMMARIES:
        terminalreporter.write_sep("-", "report")
        terminalreporter.write_line(text)


def small(replace: dict | None = None, **sections) -> Scenario:
    """The default scenario, smaller and shorter, with sections updated (nested dicts merge).

    Sections in ``replace`` are replaced whole (to declare other countries, say).
    """
    data = Scenario().model_dump()
    data["simulation"].update({"households": 400, "years": 15, "evaluation_years": 5})
    data.update(replace or {})
    return Scenario(**merge(data, sections))


@pytest.fixture
def small_scenario() -> Scenario:
    return small()
