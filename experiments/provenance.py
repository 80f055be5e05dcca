"""What a results folder records about how it was made: versions, git commit, machine, command."""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from model.numerics import simd_in_use

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = (
    "triplewin",
    "mesa",
    "numpy",
    "pandas",
    "scipy",
    "pydantic",
    "pyarrow",
    "matplotlib",
    "SALib",
    "dask",
    "distributed",
    "numba",
)


def versions() -> dict[str, str]:
    """Python and the versions of the packages that shape results."""
    found = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return found


def git_state(root: Path = ROOT) -> dict[str, object]:
    """Commit of the working tree and whether it has uncommitted changes (None outside git)."""

    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(
                ["git", *args], cwd=root, capture_output=True, text=True, timeout=10, check=True
            )
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout.strip()

    commit = git("rev-parse", "HEAD")
    status = git("status", "--porcelain", "--untracked-files=no")
    return {"commit": commit, "dirty": bool(status) if status is not None else None}


def machine() -> dict[str, object]:
    """The machine a command ran on, and numpy's SIMD code path on it (``model/numerics.py``)."""
    return {
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "numpy_simd": simd_in_use(),
    }


def now() -> str:
    """The current time, ISO 8601 in UTC."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def command_line() -> list[str]:
    """The command as typed (``run.py`` and its arguments)."""
    return [Path(sys.argv[0]).name, *sys.argv[1:]]
