"""``run.py run SCENARIO``: replications of one scenario, a table of every indicator, a folder.

A thin command line over :mod:`experiments.run` (its files: :mod:`experiments.run.files`).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from experiments.commands.options import add_run_options
from experiments.process_exit import allow_quick_exit

DESCRIPTION = """Run replications of a scenario and report every indicator: its mean over the
evaluation window (the last simulation.evaluation_years years) and the 95% interval over
replications. Replication i uses SeedSequence(SEED, spawn_key=(i,))."""


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "run",
        help="replications of one scenario: every indicator with its 95%% interval",
        description=DESCRIPTION,
    )
    parser.add_argument("scenario", type=Path, metavar="SCENARIO", help="a scenario file (YAML)")
    add_run_options(parser)
    parser.add_argument(
        "--figures",
        action="store_true",
        help="also draw yearly.png and accounts.png (about a second; run.py report draws them "
        "from the tables otherwise)",
    )
    parser.set_defaults(execute=execute)


def execute(args: argparse.Namespace) -> int:
    from experiments.scenarios import load

    # Validate first: a mistake is reported before the simulator (and Mesa) is even imported.
    loaded = load(args.scenario, args.set, args.years)

    from experiments.run.outputs import run_scenario

    run_scenario(
        loaded,
        replications=args.replications,
        seed=args.seed,
        out=args.out,
        json_mode=args.json,
        command_path=args.scenario,
        figures=args.figures,
    )
    # Everything is written and closed: run.py may end the process without tearing it down.
    allow_quick_exit()
    return 0
