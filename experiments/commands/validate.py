"""``run.py validate``: does the model reproduce what we already know about migration?

Runs the experiments declared in ``experiments/validation/checks.yaml`` and checks the model's
behaviour against published facts (pattern-oriented modelling: Grimm et al. 2005): for each
check its statistic, 95% interval, accepted band, source and pass or fail. The results folder
holds every run of each experiment, one row per check, one figure per check, the ``--json``
document and the manifest, written last (file names in :mod:`experiments.validation.files`);
``run.py report FOLDER`` turns it into one HTML page.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from experiments.commands.options import add_json_option, positive_int, seed_int

DESCRIPTION = """Check the model against published facts (pattern-oriented modelling, Grimm et
al. 2005), each check declared either calibration (in-sample: a target of model/calibration.yaml
the parameters were chosen to meet, read in the evaluation window) or validation (out-of-sample:
a pattern the model was never tuned to, such as the emigration hump, remittances as insurance,
migrant networks, brain gain, immigration's wage effects and migrants' assimilation). Each check
is declared in experiments/validation/checks.yaml with its fact, source, experiment, statistic
and band. Replication i of every experiment and sweep point uses SeedSequence(SEED,
spawn_key=(i,))."""


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "validate",
        help="check the model against published migration patterns, one figure per check",
        description=DESCRIPTION,
    )
    parser.add_argument(
        "--only", metavar="ID,...", default="", help="run only these checks (comma-separated ids)"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="tiny runs that check the machinery end to end (the results mean nothing)",
    )
    parser.add_argument(
        "--replications",
        type=positive_int,
        help="replications per point (default: each experiment's)",
    )
    parser.add_argument(
        "--seed", type=seed_int, default=0, help="seed of the experiments (default: 0)"
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="change a parameter in every experiment, e.g. to test a proposed fix (repeatable)",
    )
    parser.add_argument(
        "--out", type=Path, help="results folder (default: results/validate/validate-TIMESTAMP)"
    )
    parser.add_argument(
        "--strict", action="store_true", help="exit with status 1 when a check fails"
    )
    add_json_option(parser)
    parser.set_defaults(execute=execute)


def summary_table(document: dict[str, Any]) -> Any:
    """The checks as a terminal table."""
    from rich.table import Table

    from experiments.validation.figures import band_text, number

    table = Table(title="Calibration and validation against published facts", title_justify="left")
    table.add_column("check", no_wrap=True)
    table.add_column("kind")
    for heading in ("statistic", "95% interval", "band", "result", "source"):
        table.add_column(heading, overflow="fold")
    for name, entry in document["checks"].items():
        interval = entry.get("interval")
        shown = f"[{number(interval[0])}, {number(interval[1])}]" if interval else "-"
        result = "[green]pass[/green]" if entry["pass"] else "[red]FAIL[/red]"
        band = band_text(tuple(entry["band"]))
        table.add_row(
            name, entry["kind"], number(entry["statistic"]), shown, band, result, entry["cite"]
        )
    return table


def execute(args: argparse.Namespace) -> int:
    from experiments.validation import registry

    only = [name.strip() for name in args.only.split(",") if name.strip()]
    declarations = registry.select(registry.load_declarations(), only)
    declarations = registry.adjust(
        declarations, args.set, quick=args.quick, replications=args.replications
    )

    from rich.console import Console

    from experiments import results
    from experiments.progress import progress_bar
    from experiments.validation import evaluate, outputs, runner

    evaluate.verify(declarations)
    experiments = list(declarations.experiments.values())
    for experiment in experiments:  # bad overrides are reported before any run starts
        runner.load_points(experiment)
    if args.out is not None:
        results.check_new_folder(args.out)
    folder = args.out or results.default_folder("validate", "validate")
    start = time.perf_counter()
    data = {}
    with progress_bar(runner.total_runs(experiments), "validate: runs") as advance:
        for experiment in experiments:
            data[experiment.id] = runner.run_experiment(experiment, args.seed, advance)
    checked = evaluate.evaluate(declarations.checks, data)
    seconds = time.perf_counter() - start
    document = evaluate.json_document(
        checked, quick=args.quick, seed=args.seed, seconds=seconds, results=str(folder)
    )
    options = {
        "only": only,
        "quick": args.quick,
        "set": args.set,
        "replications": args.replications,
    }
    outputs.write_folder(
        folder, checked, data, document, seed=args.seed, seconds=seconds, options=options
    )
    out = Console(stderr=args.json, width=140)
    out.print(summary_table(document))
    kinds = "; ".join(
        f"{kind}: {counts['passed']} of {counts['checks']} pass"
        for kind, counts in document["kinds"].items()
    )
    out.print(
        f"{document['passed']} passed, {document['failed']} failed ({kinds}) in {seconds:.0f} s"
    )
    out.print(f"results: {folder} (uv run run.py report {folder})")
    if args.json:
        sys.stdout.write(json.dumps(document, allow_nan=False) + "\n")
    return 1 if args.strict and document["failed"] else 0
