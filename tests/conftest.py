"""Shared fixtures: small scenarios that run in well under a second."""

from __future__ import annotations

from pathlib import Path

import pytest

# Before numpy is imported: importing the model package pins numpy's code path, as for users.
import model  # noqa: F401
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
    for key, value in sections.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            _merge(data[key], value)
        else:
            data[key] = value
    return Scenario(**data)


def _merge(target: dict, update: dict) -> None:
    for key, value in update.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _merge(target[key], value)
        else:
            target[key] = value


@pytest.fixture
def small_scenario() -> Scenario:
    return small()
