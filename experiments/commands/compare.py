"""``run.py compare BASELINE SCENARIO...``: is each policy a triple win against the baseline?

Replication ``i`` of the baseline and of every scenario runs on the same seed (common random
numbers); the change in each indicator is taken replication by replication, then averaged with
its Student-t 95% interval. The results folder holds ``changes.parquet`` (paired changes per
replication and scenario), ``replications.parquet`` (every run's indicators), ``yearly.parquet``
(every run's yearly series), ``yearly_changes.parquet`` (paired changes per year),
``summary.parquet`` and ``summary.json`` (the ``--json`` document), the figures ``forest.png``,
``quadrant.png``, ``welfare_paths.png`` and ``welfare_changes.png``, and ``manifest.json``,
written last.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from experiments.commands.options import add_run_options
from model.errors import InputError

DESCRIPTION = """Compare policy scenarios with a baseline on paired replications (common random
numbers: replication i of every scenario uses SeedSequence(SEED, spawn_key=(i,))). For each
scenario: the change in the welfare of migrants, of the origin and of the destination with 95%
intervals, the verdict (a triple win when all three intervals lie above zero, a loss when one lies
below, uncertain otherwise), the change in every other indicator, and how many replications would
decide an uncertain verdict. --set and --years apply to the baseline and to every scenario."""


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


def check_comparable(baseline: Any, scenarios: list[Any]) -> None:
    """Paired runs must cover the same years, and each scenario needs a name of its own.

    A scenario may be the baseline itself (same name and parameters): comparing a scenario with
    itself is how common random numbers are checked.
    """
    base = baseline.scenario.simulation
    seen = {baseline.name: baseline}
    for loaded in scenarios:
        simulation = loaded.scenario.simulation
        for key in ("years", "evaluation_years"):
            if getattr(simulation, key) != getattr(base, key):
                raise InputError(
                    str(loaded.path),
                    f"simulation.{key}",
                    f"is {getattr(simulation, key)} but the baseline's is {getattr(base, key)}; "
                    "paired runs must cover the same years (use --years)",
                )
        twin = seen.get(loaded.name)
        if twin is not None and (twin is not baseline or loaded.scenario != baseline.scenario):
            raise InputError(
                str(loaded.path),
                "name",
                f"'{loaded.name}' is already the name of {twin.path}; "
                "each scenario compared needs a name of its own",
            )
        seen[loaded.name] = loaded


def folder_name(baseline: str, scenarios: list[str]) -> str:
    """``BASELINE-vs-SCENARIO`` or ``BASELINE-vs-N-scenarios``."""
    if len(scenarios) == 1:
        return f"{baseline}-vs-{scenarios[0]}"
    return f"{baseline}-vs-{len(scenarios)}-scenarios"


def execute(args: argparse.Namespace) -> int:
    from experiments.scenarios import load

    # Validate every file first: a mistake is reported before any run starts.
    baseline = load(args.baseline, args.set, args.years)
    scenarios = [load(path, args.set, args.years) for path in args.scenarios]
    check_comparable(baseline, scenarios)
    posterior = None
    if args.posterior is not None:  # issue 18: verdicts under parameter uncertainty
        from experiments.calibration import uncertainty

        posterior = uncertainty.load_for(args.posterior, [baseline, *scenarios])

    from experiments import comparison, comparison_outputs, results
    from experiments.progress import progress_bar
    from experiments.replications import run_replications

    count = args.replications or baseline.scenario.simulation.replications
    folder = args.out or results.default_folder(
        "compare", folder_name(baseline.name, [s.name for s in scenarios])
    )
    total = count * (1 + len(scenarios))
    with progress_bar(total, f"compare {1 + len(scenarios)} scenarios: runs") as advance:
        if posterior is None:
            base_runs = run_replications(baseline, args.seed, count, advance)
            scenario_runs = [run_replications(s, args.seed, count, advance) for s in scenarios]
        else:  # the same posterior draw for replication i of every scenario (pairs stay paired)
            draws = uncertainty.replication_draws(posterior, args.seed, count)
            base_runs = uncertainty.run_with_draws(baseline, args.seed, draws, advance)
            scenario_runs = [
                uncertainty.run_with_draws(s, args.seed, draws, advance) for s in scenarios
            ]
    comparisons = [comparison.compare(base_runs, done) for done in scenario_runs]
    document = comparison.json_document(baseline.name, comparisons, args.seed, str(folder))
    if posterior is not None:
        uncertainty.add_probabilities(document, comparisons, posterior, draws)
    comparison_outputs.write_results(folder, document, base_runs, scenario_runs, comparisons)
    comparison_outputs.print_tables(args.json, document, comparisons, baseline, args.seed)
    if posterior is not None:
        uncertainty.print_probabilities(args.json, document)
    if args.json:
        sys.stdout.write(json.dumps(document, allow_nan=False) + "\n")
    return 0
