"""``run.py calibrate EXPERIMENT``: the uncertain parameters estimated from the calibration targets.

Likelihood-free Bayesian estimation (ABC-SMC, pyabc) of the parameters a calibration file
declares priors for, against the targets of ``model/calibration.yaml`` read in the evaluation
window, on a local Dask cluster or an existing scheduler. The results folder holds
``history.db`` (pyabc's database, what ``--resume`` continues), ``calibration_plan.json``,
``posterior.parquet`` (one row per particle: parameters and normalised weight),
``diagnostics.parquet``, ``predictive.parquet``, ``predictive_checks.parquet``, the figures,
``calibration.json`` (the ``--json`` document) and ``manifest.json``, written last. File names
are declared in :mod:`experiments.calibration.files`.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from experiments.commands.options import add_cluster_options, add_json_option

DESCRIPTION = """Estimate the uncertain parameters named in a calibration file (priors on dotted
paths) from the calibration targets of model/calibration.yaml (each statistic read in the
evaluation window, its distance normalised by its band), by approximate Bayesian computation with
sequential Monte Carlo (pyabc), on a local Dask cluster or an existing scheduler. Every
evaluation is seeded from SeedSequence(SEED, spawn_key=(generation + 1, evaluation)), so the
posterior is the same whatever the number of workers. Each finished generation is stored in
history.db; --resume runs only the generations still missing. Writes the posterior sample,
diagnostics, posterior predictive checks and figures (docs/calibration.md)."""


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "calibrate",
        help="estimate uncertain parameters from the calibration targets (ABC-SMC, pyabc)",
        description=DESCRIPTION,
    )
    parser.add_argument(
        "experiment", type=Path, metavar="EXPERIMENT", help="a calibration file (YAML)"
    )
    add_cluster_options(parser, "calibrate", "the generations not yet stored")
    add_json_option(parser)
    parser.set_defaults(execute=execute)


def summary_table(document: dict[str, Any]) -> Any:
    """The posterior and the predictive checks as terminal tables."""
    from rich.table import Table

    posterior = Table(title="Posterior (weighted)", title_justify="left")
    for heading in ("parameter", "mean", "median", "95% interval", "prior range"):
        posterior.add_column(heading)
    for name, entry in document["posterior"].items():
        low, high = entry["ci95"]
        prior = entry["prior"]
        posterior.add_row(
            name,
            f"{entry['mean']:.4g}",
            f"{entry['median']:.4g}",
            f"[{low:.4g}, {high:.4g}]",
            f"{prior['distribution']} [{prior['low']:g}, {prior['high']:g}]",
        )
    checks = Table(title="Posterior predictive checks", title_justify="left")
    for heading in ("target", "median", "95% range", "band", "runs in band", "result"):
        checks.add_column(heading)
    for name, entry in document["predictive_checks"].items():
        low, high = entry["interval95"]
        checks.add_row(
            name,
            f"{entry['median']:.4g}" if entry["median"] is not None else "-",
            f"[{low:.4g}, {high:.4g}]" if low is not None else "-",
            f"[{entry['band'][0]:g}, {entry['band'][1]:g}]",
            f"{entry['share_in_band']:.0%}",
            "[green]pass[/green]" if entry["pass"] else "[red]FAIL[/red]",
        )
    return posterior, checks


def execute(args: argparse.Namespace) -> int:
    from experiments.calibration.experiment import load_calibration

    # Everything that can be wrong with the input is found before a cluster starts.
    calibration = load_calibration(args.experiment)

    from experiments import results
    from experiments.calibration import plan

    if args.out is not None:
        folder = args.out
    elif args.resume:
        folder = plan.latest_folder(calibration.name)
    else:
        folder = results.default_folder("calibrate", calibration.name)
    plan.start_session(folder, calibration, resume=args.resume)
    return run(calibration, folder, args)


def estimate(calibration: Any, folder: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Run the estimation and the predictive checks on the cluster; what they produced."""
    import pyabc

    from experiments.calibration import posterior, predictive, smc
    from experiments.calibration.display import generation_progress
    from experiments.engine.cluster import connect

    experiment = calibration.experiment
    start = time.perf_counter()
    with connect(args.workers, args.scheduler) as connection:
        started = time.perf_counter()
        with generation_progress(
            experiment.abc.generations, 0, experiment.abc.population
        ) as display:
            session = smc.estimate(
                calibration, folder, connection.client, display.show if display else _ignore
            )
            if display:
                display.finish(session.generations)
        estimated = time.perf_counter()
        history = pyabc.History(smc.database(folder), _id=1, create=False)
        found = posterior.from_history(history)
        sample = predictive.predictive_sample(
            smc.pyabc_model(calibration),
            found,
            experiment.predictive.draws,
            experiment.seed,
            connection.client,
        )
        finished = time.perf_counter()
    return {
        "session": session,
        "posterior": found,
        "diagnostics": posterior.diagnostics(history),
        "sample": sample,
        "checks": predictive.predictive_checks(sample, calibration.targets),
        "cluster": connection.description,
        "timings": {
            "startup_s": started - start,
            "estimation_s": estimated - started,
            "predictive_s": finished - estimated,
        },
    }


def run(calibration: Any, folder: Path, args: argparse.Namespace) -> int:
    """Estimate, check and write; print the tables and the document."""
    from rich.console import Console

    from experiments.calibration import outputs

    start = time.perf_counter()
    done = estimate(calibration, folder, args)
    seconds = time.perf_counter() - start
    session = done["session"]
    document = outputs.json_document(
        calibration,
        done["posterior"],
        done["diagnostics"],
        done["checks"],
        resumed=args.resume,
        generations_this_session=session.generations - session.generations_before,
        seconds=seconds,
        results=str(folder),
    )
    extra = {
        "cluster": done["cluster"],
        "session": vars(session),
        "timings": {**done["timings"], "total_s": seconds},
    }
    outputs.write_folder(
        folder,
        calibration,
        done["posterior"],
        done["diagnostics"],
        done["sample"],
        done["checks"],
        document,
        extra,
    )
    out = Console(stderr=args.json, width=140)
    for table in summary_table(document):
        out.print(table)
    out.print(
        f"{document['generations']} generations of {calibration.experiment.abc.population} "
        f"particles, {document['evaluations']} evaluations, in {seconds:.0f} s"
    )
    out.print(f"results: {folder} (uv run run.py report {folder})")
    if args.json:
        sys.stdout.write(json.dumps(document, allow_nan=False) + "\n")
    return 0


def _ignore(generation: int, accepted: int, evaluated: int) -> None:
    del generation, accepted, evaluated
