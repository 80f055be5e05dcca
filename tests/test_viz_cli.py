"""``run.py viz``: bad options are one line and exit status 2; the app module is served by name."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from experiments.cli import main
from experiments.commands import viz

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("port", "words"),
    [("eighty", "expected a whole number"), ("0", "must be from 1 to 65535"), ("70000", "65535")],
)
def test_a_bad_port_is_one_line_and_exit_2(port, words, capsys):
    assert main(["viz", "--port", port]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert err.startswith("error: --port:") and words in err


def test_a_port_in_use_is_one_line_and_exit_2(capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["viz", "--port", str(port)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and f"127.0.0.1:{port}" in err


def test_help_names_the_port_and_the_app():
    result = subprocess.run(
        [sys.executable, "run.py", "viz", "--help"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0
    assert "--port" in result.stdout and "127.0.0.1" in result.stdout


def test_the_served_app_module_has_a_page():
    module = __import__(viz.APP, fromlist=["Page"])
    assert callable(module.Page)
    assert (ROOT / (viz.APP.replace(".", "/") + ".py")).is_file()
