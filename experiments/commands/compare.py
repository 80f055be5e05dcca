"""``run.py compare BASELINE SCENARIO...``: is each policy a triple win against the baseline?

A thin command line over :mod:`experiments.comparison`, where the paired replications, the
verdicts, the results folder (its files: :mod:`experiments.comparison.files`), the figures and
the terminal tables live.
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path

from experiments.commands.options import add_run_options
from model.errors import InputError

DESCRIPTION = """Compare policy scenarios with a baseline on paired replications (common random
numbers: replication i of every scenario uses SeedSequence(SEED, spawn_key=(i,))). For each
scenario: the equivalent variation of migrants, of the origin and of the destination (PPP $ per
person per year, present value over the run) with 95% intervals, by channel and at 10 and 20
years; each party's outcome (negligible when the interval lies inside plus or minus the margin,
a loss when it lies below zero, a gain when above, uncertain otherwise); the verdict (a loss when
a party loses, a triple win when all three gain, negligible when all three are, uncertain
otherwise) with the groups that lose; the change in every other indicator; and how many
replications would decide an open outcome. --set and --years apply to the baseline and to every
scenario."""


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "compare",
        help="policy scenarios against a baseline: the triple-win verdict with 95%% intervals",
        description=DESCRIPTION,
    )
    parser.add_argument("baseline", type=Path, metavar="BASELINE", help="the baseline (YAML)")
    parser.add_argument(
        "scenarios", type=Path, nargs="+", metavar="SCENARIO", help="scenarios to compare (YAML)"
    )
    add_run_options(parser)
    parser.add_argument(
        "--margin",
        metavar="DOLLARS",
        help="a change too small to matter, in PPP $ per person per year: an interval inside "
        "plus or minus it is 'negligible' (0 or more; default: the baseline's welfare.margin)",
    )
    # Parameter uncertainty (issue 18): experiments/calibration/uncertainty.py.
    parser.add_argument(
        "--posterior",
        type=Path,
        metavar="FILE",
        help="posterior.parquet of run.py calibrate: replication i of every scenario runs with "
        "one parameter set drawn from it (the same for all), and each scenario gets "
        "triple_win_probability with its 95%% interval",
    )
    parser.set_defaults(execute=execute)


def execute(args: argparse.Namespace) -> int:
    from experiments.comparison.runs import check_comparable, run_comparison
    from experiments.scenarios import load

    margin = None if args.margin is None else margin_value(args.margin)
    # Validate every file first: a mistake is reported before any run starts.
    baseline = load(args.baseline, args.set, args.years)
    scenarios = [load(path, args.set, args.years) for path in args.scenarios]
    check_comparable(baseline, scenarios)
    run_comparison(
        baseline,
        scenarios,
        replications=args.replications,
        seed=args.seed,
        out=args.out,
        json_mode=args.json,
        posterior=args.posterior,
        margin=margin,
    )
    return 0


def margin_value(text: str) -> float:
    """``--margin``: a finite number of PPP $ per person per year, 0 or more."""
    allowed = "a number of PPP $ per person per year, 0 or more"
    try:
        value = float(text)
    except ValueError:
        raise InputError("--margin", None, f"{allowed} (got {text!r})") from None
    if not math.isfinite(value) or value < 0:
        raise InputError("--margin", None, f"{allowed} (got {text})")
    return value
