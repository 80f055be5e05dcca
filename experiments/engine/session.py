"""One use of the engine on a results folder: check it, run what is missing, merge the tables.

:func:`prepare` does everything that can fail on bad input (a folder that already holds another
sweep, a changed experiment) before a cluster is started; :func:`execute` runs the missing runs
with a progress bar; :func:`finish` writes the consolidated tables. A command (``sweep``,
``sensitivity``) calls the three in turn and adds its own summaries, figures and manifest.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa

from experiments.engine import ledger
from experiments.engine.cluster import connect
from experiments.engine.runner import Outcome, run_plan
from experiments.engine.spec import Plan, RunSpec
from experiments.engine.store import RunStore
from experiments.progress import progress_bar


@dataclass
class Prepared:
    """A results folder ready for a session of runs.

    Attributes:
        folder: The results folder.
        store: Its Parquet parts and tables.
        session: Number of this session (0 for a new folder).
        done: Runs already on disk.
        missing: Runs still to do, in ``run_id`` order.
        document: The content of ``plan.json`` (with this session recorded).
        cleaned: Files an earlier, interrupted session left half-made and that were removed.
    """

    folder: Path
    store: RunStore
    session: int
    done: int
    missing: list[RunSpec]
    document: dict[str, Any]
    cleaned: list[str] = field(default_factory=list)


@dataclass
class Executed:
    """What :func:`execute` did: the runs and where they ran."""

    outcome: Outcome
    cluster: dict[str, Any]
    startup_s: float


def prepare(
    folder: Path, plan: Plan, context: dict[str, Any], *, source: str, resume: bool
) -> Prepared:
    """Check the folder against the plan and record a new session in ``plan.json``.

    Args:
        folder: The results folder (new or empty unless resuming).
        plan: Every run of the experiment.
        context: The experiment's resolved content, compared key by key on resume.
        source: The input file, named in errors.
        resume: Continue the sweep the folder holds instead of starting one.
    """
    store = RunStore(folder)
    if resume:
        stored = ledger.read_plan(folder)
        ledger.check_resumable(stored, plan, context, source=source, folder=folder)
        assert stored is not None
        cleaned = [str(path) for path in store.clean()]
        done_ids = store.done_ids()
        session = max(store.next_session(), len(stored.get("sessions", [])))
    else:
        ledger.check_fresh(folder)
        folder.mkdir(parents=True, exist_ok=True)
        stored, cleaned, done_ids, session = ledger.plan_document(plan, context), [], set(), 0
    missing = [run for run in plan.runs if run.run_id not in done_ids]
    done = len(plan.runs) - len(missing)
    document = ledger.record_session(
        folder, stored, session=session, runs_done=done, runs_left=len(missing)
    )
    return Prepared(folder, store, session, done, missing, document, cleaned)


def execute(
    prepared: Prepared,
    plan: Plan,
    *,
    label: str,
    workers: int | None = None,
    scheduler: str | None = None,
    runs_per_chunk: int | None = None,
    retries: int = 3,
    progress: bool = True,
) -> Executed:
    """Run the missing runs on a local cluster or an existing scheduler, with a progress bar."""
    if not prepared.missing:
        return Executed(Outcome(0, 0, 0, 0.0), {"kind": "none", "workers": 0}, 0.0)
    with connect(workers, scheduler) as connection:
        total = len(plan.runs)
        with progress_bar(total, label, done=prepared.done, enabled=progress) as advance:
            outcome = run_plan(
                connection.client,
                plan,
                prepared.missing,
                prepared.store,
                session=prepared.session,
                workers=connection.workers,
                runs_per_chunk=runs_per_chunk,
                retries=retries,
                advance=advance,
            )
    return Executed(outcome, connection.description, connection.startup_s)


def abandon(prepared: Prepared) -> None:
    """Undo :func:`prepare` on a new folder where nothing ran (the cluster was unreachable).

    A folder with runs on disk, or one that was resumed, is left as it is.
    """
    if prepared.session != 0 or prepared.store.run_parts():
        return
    (prepared.folder / ledger.PLAN).unlink(missing_ok=True)
    shutil.rmtree(prepared.store.parts, ignore_errors=True)
    if not any(prepared.folder.iterdir()):
        prepared.folder.rmdir()


def finish(prepared: Prepared, plan: Plan) -> pa.Table:
    """Merge the parts into ``runs.parquet`` (and ``yearly.parquet``); check every run is there.

    The parts stay until :meth:`RunStore.discard_parts` is called, after the command has
    written its manifest, so an interruption before then loses nothing.
    """
    runs = prepared.store.consolidate(plan.yearly)
    expected = [run.run_id for run in plan.runs]
    found = runs.column("run_id").to_pylist()
    if found != sorted(expected):
        missing = sorted(set(expected) - set(found))
        raise RuntimeError(
            f"{prepared.folder}: {len(missing)} runs missing after the sweep "
            f"(first: {missing[:5]}); run again with --resume"
        )
    return runs
