"""``run.py survey SCENARIO``: what a census, a survey and registers would observe, beside the truth.

One run of the scenario (replication 0 of the seed, the same population as replication 0 of
``run``) with the observers of :mod:`model.observation` at work. The results folder holds
``observed/`` (the published tables, Parquet and CSV), ``truth/`` (the true tables, Parquet and
CSV), ``estimates.parquet`` and ``estimates.csv`` (each estimator of :mod:`experiments.estimation`
with its estimate, the truth and the error), ``summary.json`` (the ``--json`` document) and
``manifest.json``, written last.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path
from typing import Any

from experiments.commands.options import positive_int, seed_int
from model.errors import InputError

DESCRIPTION = """Simulate one run of a scenario and write what observers would see of it: a
destination census (foreign-born by country of birth; irregular migrants undercounted), an origin
household survey (a sample: members abroad, returns, remittances with recall error and
non-response), permit records (legal entries by channel; many exits unrecorded) and bilateral stock
and flow tables shaped like UN DESA's; beside them, the truth, and three estimators (residual
method, demographic accounting, remittance scale-up) with their errors. Measurement errors are the
scenario's measurement section (--set measurement.census_undercount_irregular=0.2, say)."""


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "survey",
        help="what a census, a survey and registers would observe; estimators against the truth",
        description=DESCRIPTION,
    )
    parser.add_argument("scenario", type=Path, metavar="SCENARIO", help="a scenario file (YAML)")
    parser.add_argument(
        "--years", type=positive_int, help="simulated years (default: the scenario's)"
    )
    parser.add_argument(
        "--seed",
        type=seed_int,
        default=0,
        help="seed; the run uses SeedSequence(SEED, spawn_key=(0,)) (default: 0)",
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
        "--out", type=Path, help="results folder (default: a new folder under results/)"
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print exactly one JSON document on stdout (tables go to stderr)",
    )
    parser.set_defaults(execute=execute)


def check_census_fits(loaded: Any) -> None:
    """At least one census must fall within the run, or there is nothing to observe."""
    years = loaded.scenario.simulation.years
    interval = loaded.scenario.measurement.census_interval
    if interval > years:
        raise InputError(
            str(loaded.path),
            "measurement.census_interval",
            f"no census falls within the {years} simulated years: allowed at most {years}",
        )


def json_document(loaded: Any, seed: int, estimates: Any, folder: Path) -> dict[str, Any]:
    """The ``--json`` document: the scenario, its measurement errors and every estimate."""
    return {
        "scenario": loaded.name,
        "seed": seed,
        "years": loaded.scenario.simulation.years,
        "measurement": loaded.scenario.measurement.model_dump(mode="json"),
        "estimates": [
            {
                k: (None if isinstance(v, float) and not math.isfinite(v) else v)
                for k, v in row.items()
            }
            for row in estimates.to_dict(orient="records")
        ],
        "results": str(folder),
    }


def write_tables(folder: Path, tables: dict[str, Any]) -> list[str]:
    """Each table as Parquet and as CSV (for spreadsheets), atomically; returns the file names."""
    from experiments import results

    written = []
    for name, frame in tables.items():
        results.write_parquet(folder / f"{name}.parquet", frame)
        results.write_atomically(
            folder / f"{name}.csv", lambda tmp, frame=frame: frame.to_csv(tmp, index=False)
        )
        written += [f"{name}.parquet", f"{name}.csv"]
    return written


def estimate_table(estimates: Any, title: str) -> Any:
    """The estimates beside the truth, for the terminal."""
    from rich.table import Table

    from experiments.formats import number

    table = Table(title=title, title_justify="left")
    for column in ("estimator", "period", "destination", "origin"):
        table.add_column(column)
    for column in ("estimate", "truth", "error", "relative error"):
        table.add_column(column, justify="right")
    for row in estimates.itertuples():
        relative = "-" if not math.isfinite(row.relative_error) else f"{row.relative_error:+.1%}"
        table.add_row(
            row.estimator,
            row.period,
            row.destination,
            row.origin,
            number(row.estimate),
            number(row.truth),
            number(row.error),
            relative,
        )
    return table


def execute(args: argparse.Namespace) -> int:
    from experiments.scenarios import load

    # Validate first: a mistake is reported before the simulator is even imported.
    loaded = load(args.scenario, args.set, args.years)
    check_census_fits(loaded)

    from experiments import results

    if args.out is not None:
        results.check_new_folder(args.out)
    from experiments.estimation import all_estimates
    from experiments.seeds import describe_seed, replication_seed
    from experiments.tables import console
    from model.observation.observer import observe_run

    seed = replication_seed(args.seed, 0)
    start = time.perf_counter()
    observations = observe_run(loaded.scenario, seed)
    estimates = all_estimates(observations)
    seconds = time.perf_counter() - start
    folder = args.out or results.default_folder("survey", loaded.name)
    folder.mkdir(parents=True, exist_ok=True)
    written = [f"observed/{n}" for n in write_tables(folder / "observed", observations.observed)]
    written += [f"truth/{n}" for n in write_tables(folder / "truth", observations.truth)]
    written += write_tables(folder, {"estimates": estimates})
    document = json_document(loaded, args.seed, estimates, folder)
    results.write_json(folder / "summary.json", document)
    results.write_json(
        folder / "manifest.json",
        results.manifest(
            "survey",
            scenarios={loaded.name: loaded.describe()},
            seed=args.seed,
            seeds=[{"replication": 0, **describe_seed(seed)}],
            timings={"total_s": seconds},
            extra={
                "census_years": observations.census_years,
                "outputs": sorted([*written, "summary.json"]),
            },
        ),
    )
    out = console(args.json)
    out.print(
        estimate_table(
            estimates,
            f"{loaded.name}: estimates from observed data against the truth "
            f"({loaded.scenario.simulation.years} years, census years "
            f"{', '.join(map(str, observations.census_years))}, seed {args.seed})",
        )
    )
    out.print(f"results: {folder}")
    if args.json:
        sys.stdout.write(json.dumps(document, allow_nan=False) + "\n")
    return 0
