"""``run.py sensitivity EXPERIMENT``: global sensitivity analysis and scenario discovery.

The results folder's files are declared in :mod:`experiments.sensitivity.files`: the plan is
written first, the manifest last. While it runs, finished chunks go to ``parts/``; ``--resume``
does only the runs missing there.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from experiments.commands.options import add_cluster_options, add_json_option
from model.errors import InputError

DESCRIPTION = """Global sensitivity analysis of the triple win on a sensitivity file: world
parameters (uncertain behaviour, applied to each sample point and to its paired baseline) and
policy levers (applied to the point only), each with a distribution; Morris screening, Sobol'
indices, eFAST or the delta measure (SALib); replications per point on the seeds
SeedSequence(SEED, spawn_key=(r,)) shared by every point and baseline. Reports indices with
bootstrap intervals at N and N/2, the replicate noise share, the triple-win probability and PRIM
boxes. Runs on a local Dask cluster or an existing scheduler; --resume finishes an interrupted
analysis without repeating runs, with identical results."""


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "sensitivity",
        help="global sensitivity analysis and scenario discovery of a sensitivity file",
        description=DESCRIPTION,
    )
    parser.add_argument(
        "experiment", type=Path, metavar="EXPERIMENT", help="a sensitivity file (YAML)"
    )
    add_cluster_options(parser, "sensitivity", "the runs not yet on disk")
    add_json_option(parser)
    parser.set_defaults(execute=execute)


def latest_folder(name: str) -> Path:
    """The most recent results folder of an experiment, for ``--resume`` without ``--out``."""
    from experiments.engine.ledger import read_plan
    from experiments.results import DEFAULT_ROOT

    def of_this(folder: Path) -> bool:
        plan = read_plan(folder)
        return plan is not None and (plan.get("context") or {}).get("name") == name

    root = DEFAULT_ROOT / "sensitivity"
    found = sorted(filter(of_this, root.glob(f"{name}-*")), key=lambda p: p.stat().st_mtime)
    if not found:
        raise InputError("--resume", None, f"no folder of '{name}' under {root}; name it --out")
    return found[-1]


def execute(args: argparse.Namespace) -> int:
    from experiments.sensitivity.plan import load_sensitivity

    # Everything that can be wrong with the input is found before a cluster starts.
    sensitivity = load_sensitivity(args.experiment)
    plan = sensitivity.plan()

    from experiments import results
    from experiments.commands.sweep import warn_if_code_changed
    from experiments.engine import session

    if args.out is not None:
        folder = args.out
    elif args.resume:
        folder = latest_folder(sensitivity.name)
    else:
        folder = results.default_folder("sensitivity", sensitivity.name)
    prepared = session.prepare(
        folder, plan, sensitivity.context(), source=str(args.experiment), resume=args.resume
    )
    for note in sensitivity.notes:
        print(f"warning: {args.experiment}: {note}", file=sys.stderr)
    if args.resume:
        print(
            f"resuming {folder}: {prepared.done} of {len(plan.runs)} runs already done",
            file=sys.stderr,
        )
        warn_if_code_changed(prepared.document.get("sessions", []))
    execution = sensitivity.experiment.execution
    try:
        executed = session.execute(
            prepared,
            plan,
            label=f"{sensitivity.name}: runs",
            workers=args.workers,
            scheduler=args.scheduler,
            runs_per_chunk=execution.runs_per_chunk,
            retries=execution.retries,
        )
    except InputError:
        session.abandon(prepared)
        raise
    from experiments.sensitivity.finish import finish_sensitivity

    return finish_sensitivity(folder, sensitivity, plan, prepared, executed, as_json=args.json)
