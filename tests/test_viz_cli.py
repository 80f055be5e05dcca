"""``run.py viz``: bad options are one line and exit status 2; the app module is served by name."""

from __future__ import annotations

import os
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


def test_ctrl_c_stops_the_server_quietly(tmp_path):
    """SIGINT (Ctrl+C) while a page is open and playing: exit 0 or 130, no traceback."""
    import signal

    from app.serve import CHROMIUM, free_port, launch_chromium, wait_until_serving

    port = free_port()
    log = tmp_path / "stdout.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "run.py", "viz", "--port", str(port)],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_until_serving(url, server, log)
        if CHROMIUM.exists():
            from playwright.sync_api import sync_playwright

            with sync_playwright() as playwright:
                browser = launch_chromium(playwright)
                page = browser.new_page()
                page.set_default_timeout(120_000)
                page.goto(url)
                page.wait_for_selector(".tw-chart-world")
                page.get_by_role("button", name="▶").click()
                page.wait_for_timeout(2000)  # stopped while a year runs in the play thread
                server.send_signal(signal.SIGINT)
                _, err = server.communicate(timeout=60)
                browser.close()
        else:
            server.send_signal(signal.SIGINT)
            _, err = server.communicate(timeout=60)
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=20)
    assert server.returncode in (0, 130), err
    assert "Traceback" not in err and len(err.strip().splitlines()) <= 1, err
    assert "stopped" in log.read_text()
