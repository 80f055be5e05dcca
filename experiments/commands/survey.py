"""``run.py survey SCENARIO``: the estimation laboratory, estimators scored against the truth.

Replications of the scenario are simulated with observers at work (a census and its microdata
sample, a labour force survey, an origin household survey, registers and administrative lists);
every estimator of :mod:`experiments.estimators` is applied to what they publish and scored
against the truth over the replications. The work is done by
:mod:`experiments.estimators.laboratory`; the folder is written by
:mod:`experiments.estimators.outputs` (file names in :mod:`experiments.estimators.files`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from experiments.commands.options import add_json_option, positive_int, seed_int
from model.errors import InputError

if TYPE_CHECKING:
    from experiments.scenarios import LoadedScenario

DESCRIPTION = """Simulate replications of a scenario and let observers see them as statistical
offices would: a destination census with a microdata sample, a labour force survey (rotating
panel), an origin household survey, permit and population registers, the origin's emigration
records, and police and health-care lists of irregular migrants, each with documented errors
(the scenario's measurement section). Thirteen estimators (residual method, capture-recapture,
demographic accounting, flows from stocks, combined flows, remittance scale-up, integration
indicators...) are applied to the data and scored against the truth: bias, RMSE and the coverage
of their 95%% intervals over the replications. --sweep measurement.NAME=V1,V2,... also scores
them at each value of one error parameter, on the same simulated runs."""


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "survey",
        help="estimators of migration from observed data, scored against the truth",
        description=DESCRIPTION,
    )
    parser.add_argument("scenario", type=Path, metavar="SCENARIO", help="a scenario file (YAML)")
    parser.add_argument(
        "--years", type=positive_int, help="simulated years (default: the scenario's)"
    )
    parser.add_argument(
        "--replications",
        type=positive_int,
        default=20,
        help="replications scored (default: 20)",
    )
    parser.add_argument(
        "--seed",
        type=seed_int,
        default=0,
        help="seed; replication i uses SeedSequence(SEED, spawn_key=(i,)) (default: 0)",
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="change a parameter by its dotted path, e.g. "
        "measurement.census_undercount_irregular=0.2 (repeatable)",
    )
    parser.add_argument(
        "--sweep",
        metavar="measurement.NAME=V1,V2,...",
        help="also score every estimator at each value of one measurement parameter",
    )
    parser.add_argument(
        "--out", type=Path, help="results folder (default: a new folder under results/)"
    )
    add_json_option(parser)
    parser.set_defaults(execute=execute)


def check_census_fits(loaded: LoadedScenario) -> None:
    """Two censuses must fall within the run, or flows between censuses cannot be estimated."""
    years = loaded.scenario.simulation.years
    interval = loaded.scenario.measurement.census_interval
    if 2 * interval > years:
        raise InputError(
            str(loaded.path),
            "measurement.census_interval",
            f"two censuses must fall within the {years} simulated years: allowed at most "
            f"{years // 2}",
        )


def execute(args: argparse.Namespace) -> int:
    from experiments.estimators.laboratory import parse_sweep
    from experiments.scenarios import load

    # Validate first: a mistake is reported before the simulator is even imported.
    loaded = load(args.scenario, args.set, args.years)
    check_census_fits(loaded)
    sweep = parse_sweep(args.sweep) if args.sweep else None

    from experiments import results
    from experiments.estimators import outputs
    from experiments.estimators.laboratory import run_laboratory, sweep_settings
    from experiments.estimators.report_table import score_table
    from experiments.progress import progress_bar
    from experiments.result_files import MANIFEST
    from experiments.seeds import describe_seed, replication_seeds

    if args.out is not None:
        results.check_new_folder(args.out)
    from experiments.tables import console

    sweep_settings(loaded, sweep)  # a bad value fails before any run
    with progress_bar(args.replications, f"survey {loaded.name}") as advance:
        laboratory = run_laboratory(loaded, args.seed, args.replications, sweep, advance)
    folder = args.out or results.default_folder("survey", loaded.name)
    folder.mkdir(parents=True, exist_ok=True)
    document = outputs.json_document(loaded.name, args.seed, laboratory, folder)
    written = outputs.write_folder(folder, laboratory, document)
    results.write_json(
        MANIFEST.path(folder),
        results.manifest(
            "survey",
            scenarios={loaded.name: loaded.describe()},
            seed=args.seed,
            seeds=[
                {"replication": i, **describe_seed(s)}
                for i, s in enumerate(replication_seeds(args.seed, args.replications))
            ],
            timings={"total_s": laboratory.seconds},
            extra={
                "census_years": laboratory.first.census_years,
                "replications": args.replications,
                "sweep": args.sweep,
                "outputs": sorted(written),
            },
        ),
    )
    out = console(args.json)
    out.print(score_table(laboratory.scores, loaded.name, args.replications, args.seed))
    out.print(f"results: {folder}  (report: uv run run.py report {folder})")
    if args.json:
        sys.stdout.write(json.dumps(document, allow_nan=False) + "\n")
    return 0
