"""Results folders: every file written whole or not at all, and a manifest in each.

Files are written to a temporary name in the folder and moved into place with ``os.replace``, so a
reader (or an interrupted command) never sees half a file, and a file from an earlier command is
replaced only once its successor is complete.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from experiments import provenance
from experiments.result_files import MANIFEST
from model.errors import InputError

DEFAULT_ROOT = Path("results")


def default_folder(command: str, name: str) -> Path:
    """``results/COMMAND/NAME-YYYYMMDD-HHMMSS``: a new folder for each use of a command."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = DEFAULT_ROOT / command / f"{name}-{stamp}"
    suffix = 1
    while folder.exists():
        suffix += 1
        folder = DEFAULT_ROOT / command / f"{name}-{stamp}-{suffix}"
    return folder


def check_new_folder(folder: Path, option: str = "--out") -> None:
    """Refuse a results folder that already holds anything: a new result never mixes with one.

    Writing a command's files into another command's folder would replace its manifest and
    leave a folder that describes neither; commands that resume (``sweep``, ``sensitivity``,
    ``calibrate``) recognise their own folders before calling this.
    """
    if folder.exists() and not folder.is_dir():
        raise InputError(str(folder), None, f"is a file, not a folder; choose a new {option}")
    if folder.is_dir() and any(folder.iterdir()):
        held = _holds(folder)
        raise InputError(
            str(folder),
            None,
            f"is not empty{held}; nothing was written: choose a new or empty {option} folder",
        )


def _holds(folder: Path) -> str:
    """What a non-empty folder holds, in words for an error (' (the results of run.py X)')."""
    manifest = MANIFEST.path(folder)
    try:
        command = json.loads(manifest.read_text(encoding="utf-8")).get("command")
    except (OSError, ValueError, AttributeError):
        return ""
    return f" (it holds the results of run.py {command})" if command else ""


def write_atomically(path: Path, write: Callable[[Path], object]) -> Path:
    """Call ``write`` on a temporary file beside ``path``, then move it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(handle)
    # mkstemp makes the file private (0600); results are shared like any file the user writes.
    os.chmod(temporary, 0o666 & ~_umask())
    try:
        write(Path(temporary))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def _umask() -> int:
    """The process's file-creation mask (read by setting it, then restoring it)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_parquet(path: Path, frame: pd.DataFrame) -> Path:
    """A table as Parquet, atomically."""
    return write_atomically(path, lambda tmp: frame.to_parquet(tmp, index=False))


def write_json(path: Path, document: Any) -> Path:
    """A JSON document, atomically (NaN is not JSON: callers pass None)."""
    text = json.dumps(document, indent=2, allow_nan=False, default=_jsonable)
    return write_atomically(path, lambda tmp: tmp.write_text(text + "\n"))


def write_figure(path: Path, figure: Any) -> Path:
    """A matplotlib figure as PNG, atomically; the figure is closed."""
    import matplotlib.pyplot as plt

    try:
        return write_atomically(path, lambda tmp: figure.savefig(tmp, format="png", dpi=110))
    finally:
        plt.close(figure)


def read_json(path: Path) -> Any:
    """A JSON file of a results folder; not UTF-8 or not JSON is an :class:`InputError`."""
    try:
        return json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError(str(path), None, "not UTF-8 text: not a file TripleWin wrote") from None
    except json.JSONDecodeError as error:
        raise InputError(str(path), None, f"not valid JSON ({error.msg})") from None


def outputs(folder: Path) -> list[str]:
    """The files of a results folder, sorted, those of a subfolder as ``SUBFOLDER/NAME`` (hidden
    temporary files left out)."""
    return sorted(
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and not path.name.startswith(".")
    )


def _jsonable(value: Any) -> Any:
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def manifest(
    command: str,
    *,
    scenarios: dict[str, Any],
    seed: int | None,
    seeds: list[dict[str, object]] | None,
    timings: dict[str, float],
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The manifest of a results folder: what was run, with which inputs, code and machine."""
    return {
        "command": command,
        "command_line": provenance.command_line(),
        "created": provenance.now(),
        "scenarios": scenarios,
        "seed": seed,
        "seeds": seeds,
        "versions": provenance.versions(),
        "git": provenance.git_state(),
        "machine": provenance.machine(),
        "timings": timings,
        **(extra or {}),
    }
