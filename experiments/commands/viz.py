"""``run.py viz [--port P]``: serve the classroom app (app/) on this machine.

The app is a Solara page; this command runs Solara's own server on it, bound to 127.0.0.1 by
default, in production mode (no auto-reload), with Solara's usage telemetry and version check
off: the page and everything it loads come from the installed packages, nothing is fetched
from the internet. ``solara run app/page.py`` serves the same app.
"""

from __future__ import annotations

import argparse
import os
import socket

from model.errors import InputError

DESCRIPTION = """Serve TripleWin's interactive app: pick a scenario, move policy sliders, press
play and watch who gains - the world's flows, the triple-win panel against the same seed's
baseline, trends, distributions, and the story of any migrant. Open the address printed below
in a browser; stop with Ctrl+C."""

APP = "app.page"
DEFAULT_PORT = 8765
HIGHEST_PORT = 65535


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "viz", help="the interactive app for students, in the browser", description=DESCRIPTION
    )
    parser.add_argument(
        "--port", default=str(DEFAULT_PORT), help=f"port to serve on (default: {DEFAULT_PORT})"
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to bind (default: 127.0.0.1, this machine only; 0.0.0.0 serves a "
        "classroom network)",
    )
    parser.set_defaults(execute=execute)


def port_number(text: str) -> int:
    """The ``--port`` value: a whole number from 1 to 65535."""
    try:
        port = int(text)
    except ValueError:
        raise InputError(
            "--port", None, f"expected a whole number from 1 to {HIGHEST_PORT}, got {text!r}"
        ) from None
    if not 1 <= port <= HIGHEST_PORT:
        raise InputError("--port", None, f"must be from 1 to {HIGHEST_PORT}, got {port}")
    return port


def check_free(host: str, port: int) -> None:
    """Fail early, in one line, if the address cannot be bound (port in use, unknown host)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as error:
        raise InputError(
            "--port", None, f"cannot serve on {host}:{port} ({error.strerror}); pick another port"
        ) from None


def execute(args: argparse.Namespace) -> int:
    port = port_number(args.port)
    check_free(args.host, port)
    # Before Solara is imported: its settings read these once.
    os.environ.setdefault("SOLARA_TELEMETRY_MIXPANEL_ENABLE", "False")
    from click.exceptions import Abort
    from solara.__main__ import cli

    print(f"TripleWin classroom: open http://{args.host}:{port}/ (Ctrl+C stops)", flush=True)
    options = ["--host", args.host, "--port", str(port), "--no-open", "--production"]
    try:
        cli.main(["run", APP, *options, "--no-check-version"], standalone_mode=False)
    except (Abort, KeyboardInterrupt):
        # Ctrl+C is how a server is stopped: not an error, and no traceback.
        print("TripleWin classroom: stopped", flush=True)
    return 0
