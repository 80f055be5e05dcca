"""``run.py sweep EXPERIMENT``: every point of an experiment's design, on dask.distributed.

The results folder's files are declared in :mod:`experiments.sweep.files`: the plan is written
first, the manifest last. While the sweep runs, finished chunks go to ``parts/``; ``--resume``
does only the runs missing there.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from experiments.commands.options import add_cluster_options
from model.errors import InputError

DESCRIPTION = """Run every point of an experiment file's design (a grid over policy levers, a
Latin hypercube or Sobol' sample over uncertain parameters, or a list of scenarios), plus the
base scenario as the reference, each with the experiment's replications, on a local Dask cluster
or an existing scheduler. Replication r of every point uses SeedSequence(SEED, spawn_key=(r,)),
so points are compared with the base on common random numbers, and results are identical
whatever the workers. Finished runs are streamed to Parquet; --resume finishes an interrupted
sweep without repeating them."""


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "sweep",
        help="many runs of an experiment file on dask.distributed, streamed to Parquet",
        description=DESCRIPTION,
    )
    parser.add_argument(
        "experiment", type=Path, metavar="EXPERIMENT", help="an experiment file (YAML)"
    )
    add_cluster_options(parser, "sweep", "the runs not yet on disk")
    parser.set_defaults(execute=execute)


def latest_folder(name: str) -> Path:
    """The most recent results folder of an experiment, for ``--resume`` without ``--out``."""
    from experiments.engine.ledger import read_plan
    from experiments.results import DEFAULT_ROOT

    def of_this(folder: Path) -> bool:
        plan = read_plan(folder)
        return plan is not None and (plan.get("context") or {}).get("name") == name

    candidates = (DEFAULT_ROOT / "sweep").glob(f"{name}-*")
    found = sorted(filter(of_this, candidates), key=lambda p: p.stat().st_mtime)
    if not found:
        raise InputError(
            "--resume", None, f"no folder of '{name}' under {DEFAULT_ROOT / 'sweep'}; name it --out"
        )
    return found[-1]


def warn_if_code_changed(sessions: list[dict]) -> None:
    """Say so when a sweep is resumed on other code than it started on: rows may then differ."""
    commits = [(s.get("git") or {}).get("commit") for s in sessions]
    dirty = any((s.get("git") or {}).get("dirty") for s in sessions)
    if len(set(commits)) > 1 or dirty:
        print(
            f"warning: the sweep's sessions ran on commits {', '.join(map(str, commits))}"
            f"{' (some with uncommitted changes)' if dirty else ''}; runs of different code "
            "may differ (see the sessions in plan.json)",
            file=sys.stderr,
        )


def execute(args: argparse.Namespace) -> int:
    from experiments.sweep.plan import load_sweep

    # Everything that can be wrong with the input is found before a cluster starts.
    sweep = load_sweep(args.experiment)
    plan = sweep.plan()

    from experiments import results
    from experiments.engine import session

    if args.out is not None:
        folder = args.out
    elif args.resume:
        folder = latest_folder(sweep.name)
    else:
        folder = results.default_folder("sweep", sweep.name)
    prepared = session.prepare(
        folder, plan, sweep.context(), source=str(args.experiment), resume=args.resume
    )
    for note in sweep.notes:
        print(f"warning: {args.experiment}: {note}", file=sys.stderr)
    if args.resume:
        cleaned = (
            f"; removed {len(prepared.cleaned)} half-written files" if prepared.cleaned else ""
        )
        print(
            f"resuming {folder}: {prepared.done} of {len(plan.runs)} runs already done{cleaned}",
            file=sys.stderr,
        )
        warn_if_code_changed(prepared.document.get("sessions", []))
    try:
        executed = session.execute(
            prepared,
            plan,
            label=f"{sweep.name}: runs",
            workers=args.workers,
            scheduler=args.scheduler,
            runs_per_chunk=sweep.experiment.execution.runs_per_chunk,
            retries=sweep.experiment.execution.retries,
        )
    except InputError:
        # An unreachable --scheduler: leave no half-started folder to trip the next attempt.
        session.abandon(prepared)
        raise
    from experiments.sweep.finish import finish_sweep

    return finish_sweep(folder, sweep, plan, prepared, executed)
