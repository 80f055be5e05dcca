"""The code type-checks: mypy, configured in ``pyproject.toml``, finds no error.

Run inside the test suite so that CI, which runs exactly README's test command, checks the
types too; a change that breaks an annotation fails here with mypy's own report.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mypy import api

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_reports_no_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the configuration names the checked folders relative to the root
    report, errors, status = api.run(["--config-file", str(ROOT / "pyproject.toml")])
    assert status == 0, report + errors
