"""Printed hints run as printed: ``uv run run.py ...``, never ``python run.py ...``.

Under the README's uv setup, ``python run.py`` is the system interpreter without the project's
packages (``ModuleNotFoundError: pandas``); every command a user is told to type must be the one
that works.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from experiments.cli import command_modules, main
from tests.conftest import ROOT

WRONG = "python run.py"
RIGHT = "uv run run.py"
# Text that commands print or copy into reports: help, messages, scenario and experiment comments
# (reports quote them), and the documentation users copy commands from.
PRINTED_SOURCES = ("app", "experiments", "scenarios", "docs", "README.md", "run.py")


def run_py(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "run.py"), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.parametrize("command", [None, *command_modules()])
def test_help_names_the_command_that_works(command, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--help"] if command is None else [command, "--help"])
    assert stopped.value.code == 0
    printed = capsys.readouterr().out
    assert WRONG not in printed
    assert f"usage: {RIGHT}" in printed


def test_no_source_of_printed_text_says_python_run_py():
    offenders = []
    for name in PRINTED_SOURCES:
        root = ROOT / name
        files = [root] if root.is_file() else [p for p in root.rglob("*") if p.is_file()]
        for path in files:
            if path.suffix not in (".py", ".md", ".yaml", ".ipynb") and path.name != "run.py":
                continue
            if WRONG in path.read_text(encoding="utf-8"):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_run_compare_and_report_print_uv_run(tmp_path: Path):
    small = ["--years", "2", "--replications", "1", "--set", "simulation.households=20"]
    ran = run_py("run", "scenarios/baseline.yaml", *small, "--out", str(tmp_path / "run"))
    assert ran.returncode == 0, ran.stderr
    compared = run_py(
        "compare",
        "scenarios/baseline.yaml",
        "scenarios/expanded_quotas.yaml",
        *small,
        "--out",
        str(tmp_path / "compare"),
    )
    assert compared.returncode == 0, compared.stderr
    reported = run_py("report", str(tmp_path / "compare"))
    assert reported.returncode == 0, reported.stderr
    page = (tmp_path / "compare" / "report.html").read_text(encoding="utf-8")
    printed = ran.stdout + ran.stderr + compared.stdout + compared.stderr + reported.stdout
    assert WRONG not in printed + page
    assert f"{RIGHT} compare" in ran.stdout and f"{RIGHT} report" in compared.stdout
