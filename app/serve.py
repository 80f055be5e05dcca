"""Serve the app in a child process and drive it with headless Chromium (tests, screenshots).

:func:`serving` starts ``run.py viz --port P`` with this interpreter on a free port, waits until
the page is served, and always stops the server (its own process group) on the way out. Chromium is
Debian's (``/usr/bin/chromium``) launched through Playwright; no browser is ever downloaded.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
STARTUP_SECONDS = 240


class ServerFailed(RuntimeError):
    """The app's server exited or did not serve in time; the message holds its log."""


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_serving(url: str, server: subprocess.Popen, log: Path) -> None:
    """Poll ``url`` until it answers 200; fail with the server's log if it exits or hangs."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise ServerFailed(f"run.py viz exited with {server.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(1)
    raise ServerFailed(f"run.py viz did not serve {url} in {STARTUP_SECONDS} s:\n{log.read_text()}")


def stop(server: subprocess.Popen) -> None:
    """Stop the server started here (its own process group), forcefully if it lingers."""
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=20)


@contextmanager
def serving(log: Path) -> Iterator[str]:
    """Run ``run.py viz`` on a free port for the duration of the block; yields its URL.

    Args:
        log: File that receives the server's output (read it for errors).
    """
    port = free_port()
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "run.py", "viz", "--port", str(port)],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_until_serving(url, server, log)
        yield url
    finally:
        stop(server)


def launch_chromium(playwright: Playwright) -> Browser:
    """Debian's headless Chromium through Playwright."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
