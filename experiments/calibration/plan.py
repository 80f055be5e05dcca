"""``calibration_plan.json``: what a results folder is estimating, written before the first run.

It records the calibration's resolved content (the file, the base scenario, the targets' bands)
and one entry per session. ``--resume`` refuses to continue a folder whose content differs from
the calibration file's now, naming the first key that changed, so a history never mixes two
calibrations.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from experiments import provenance
from experiments.calibration import files
from experiments.calibration.experiment import Calibration
from experiments.engine.ledger import first_difference
from experiments.results import check_new_folder, read_json, write_json
from model.errors import InputError


def read_plan(folder: Path) -> dict[str, Any] | None:
    """The folder's plan, or None."""
    path = files.PLAN.path(folder)
    if not path.is_file():
        return None
    return read_json(path)


def check_fresh(folder: Path) -> None:
    """A new calibration never writes into a folder that holds anything."""
    if files.PLAN.path(folder).is_file():
        raise InputError(
            str(folder),
            None,
            "already holds a calibration; add --resume to finish it, or choose --out",
        )
    check_new_folder(folder)


def check_resumable(stored: dict[str, Any] | None, calibration: Calibration, folder: Path) -> None:
    """Raise unless the folder's plan is this calibration's."""
    if stored is None:
        raise InputError(
            str(folder),
            None,
            "nothing to resume: no calibration_plan.json (start without --resume)",
        )
    where = first_difference(stored.get("content"), calibration.content())
    if where is not None:
        raise InputError(
            str(calibration.file),
            where,
            f"differs from the calibration being resumed in {folder} ({files.PLAN.name}); restore it, "
            "or run into a new folder without --resume",
        )


def start_session(folder: Path, calibration: Calibration, *, resume: bool) -> dict[str, Any]:
    """Check the folder, then record a new session in the plan (creating it if new)."""
    if resume:
        stored = read_plan(folder)
        check_resumable(stored, calibration, folder)
        assert stored is not None
    else:
        check_fresh(folder)
        folder.mkdir(parents=True, exist_ok=True)
        stored = {"content": calibration.content(), "sessions": []}
    entry = {"started": provenance.now(), "git": provenance.git_state()}
    document = {**stored, "sessions": [*stored.get("sessions", []), entry]}
    write_json(files.PLAN.path(folder), document)
    return document


def latest_folder(name: str) -> Path:
    """The most recent results folder of a calibration, for ``--resume`` without ``--out``."""
    from experiments.results import DEFAULT_ROOT

    def of_this(folder: Path) -> bool:
        plan = read_plan(folder)
        return plan is not None and plan["content"]["experiment"].get("name") == name

    found = sorted(
        filter(of_this, (DEFAULT_ROOT / "calibrate").glob(f"{name}-*")),
        key=lambda p: p.stat().st_mtime,
    )
    if not found:
        raise InputError(
            "--resume",
            None,
            f"no folder of '{name}' under {DEFAULT_ROOT / 'calibrate'}; name it --out",
        )
    return found[-1]
