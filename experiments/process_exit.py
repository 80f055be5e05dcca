"""Leaving the process quickly once a command has written everything.

A Python process tears down every module, object and thread on its way out: with the model,
pandas and pyarrow loaded, about 0.15-0.4 s of a one-replication ``run`` that computes in a
second. A command whose outputs are all written and closed, with no other thread or child
process at work, calls :func:`allow_quick_exit`; ``run.py`` then flushes the standard streams and
the loggers and ends the process at once (:func:`os._exit`). Commands that leave work to the
interpreter's exit (a Dask cluster's shutdown, a web server) do not allow it, and nothing changes
for code that calls :func:`experiments.cli.main` in a process of its own (tests, notebooks).
"""

from __future__ import annotations

import os
import sys
import threading

_ALLOWED = False


def allow_quick_exit() -> None:
    """Declare this command's work written and closed: the process may end without teardown."""
    global _ALLOWED
    _ALLOWED = True


def finish(status: int) -> int:
    """End the process with ``status`` at once if the command allowed it and nothing else runs;
    otherwise return ``status`` for the ordinary exit."""
    if not _ALLOWED or threading.active_count() > 1 or _has_children():
        return status
    if "logging" in sys.modules:
        import logging

        logging.shutdown()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return status  # a closed or broken stream: let the ordinary exit report it
    os._exit(status)


def _has_children() -> bool:
    """Whether child processes started with ``multiprocessing`` are alive."""
    if "multiprocessing" not in sys.modules:
        return False
    import multiprocessing

    return bool(multiprocessing.active_children())
