"""``plan.json``: what a results folder is computing, written before the first run starts.

The plan records the experiment's resolved content, its base scenarios, every run specification
and a fingerprint of all that determines results, and one entry per session (each start or
resume). ``--resume`` recomputes the plan from the experiment file and refuses to continue when
the fingerprint differs, naming the first key that changed: a resumed folder never mixes the
results of two experiments.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from experiments import provenance
from experiments.engine.spec import Plan
from experiments.results import check_new_folder, read_json, write_json
from model.errors import InputError

PLAN = "plan.json"


def first_difference(old: Any, new: Any, prefix: str = "") -> str | None:
    """The dotted key of the first place where two JSON-like documents differ (None if equal)."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in [*old, *(k for k in new if k not in old)]:
            found = first_difference(old.get(key), new.get(key), f"{prefix}{key}.")
            if found is not None:
                return found
        return None
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for index, (a, b) in enumerate(zip(old, new, strict=True)):
            found = first_difference(a, b, f"{prefix}{index}.")
            if found is not None:
                return found
        return None
    return None if old == new else prefix.rstrip(".") or "(top level)"


def plan_document(plan: Plan, context: dict[str, Any]) -> dict[str, Any]:
    """The content of ``plan.json`` for a new folder."""
    return {
        "fingerprint": plan.fingerprint(),
        "context": context,
        "scenarios": plan.scenarios,
        "yearly": plan.yearly,
        "runs": [run.as_json() for run in plan.runs],
        "sessions": [],
    }


def read_plan(folder: Path) -> dict[str, Any] | None:
    """The folder's plan, or None when it has none."""
    path = folder / PLAN
    if not path.is_file():
        return None
    return read_json(path)


def check_resumable(
    stored: dict[str, Any] | None, plan: Plan, context: dict[str, Any], *, source: str, folder: Path
) -> None:
    """Raise unless ``folder`` holds a plan identical to ``plan`` (``source`` names the input)."""
    if stored is None:
        raise InputError(
            str(folder), None, "nothing to resume: no plan.json (start without --resume)"
        )
    if stored.get("fingerprint") == plan.fingerprint():
        return
    where = first_difference(stored.get("context"), context)
    if where is not None:
        raise InputError(
            source,
            where,
            f"differs from the experiment being resumed in {folder} (plan.json); restore it, "
            "or run into a new folder without --resume",
        )
    where = first_difference(stored.get("scenarios"), plan.scenarios)
    detail = f"scenario parameter {where}" if where else "the runs"
    raise InputError(
        source,
        None,
        f"the scenarios it uses changed since the sweep in {folder} started ({detail} "
        "differs); restore them, or run into a new folder without --resume",
    )


def check_fresh(folder: Path) -> None:
    """Raise if ``folder`` already holds results (a new sweep never overwrites one)."""
    if (folder / PLAN).is_file():
        raise InputError(
            str(folder), None, "already holds a sweep; add --resume to finish it, or choose --out"
        )
    check_new_folder(folder)


def record_session(
    folder: Path, document: dict[str, Any], *, session: int, runs_done: int, runs_left: int
) -> dict[str, Any]:
    """Append a session entry (when, which code, how much was left) and rewrite the plan."""
    entry = {
        "session": session,
        "started": provenance.now(),
        "git": provenance.git_state(),
        "runs_done_before": runs_done,
        "runs_left": runs_left,
    }
    document = {**document, "sessions": [*document.get("sessions", []), entry]}
    write_json(folder / PLAN, document)
    return document
