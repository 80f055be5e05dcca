"""The end of a sweep: merged tables, point summary, figures, manifest, and a table on stdout."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pandas as pd
from rich.console import Console
from rich.table import Table

from experiments import results
from experiments.engine.session import Executed, Prepared, finish
from experiments.engine.spec import TIMING_PREFIX, Plan
from experiments.parties import PARTIES
from experiments.result_files import MANIFEST
from experiments.style import rich_style
from experiments.sweep.figures import tick
from experiments.sweep.outputs import write_outputs
from experiments.sweep.plan import Sweep
from experiments.sweep.summary import verdict_counts

MAX_TABLE_POINTS = 30


def scenario_records(sweep: Sweep) -> dict[str, Any]:
    """The base scenario and any listed ones, described for the manifest."""
    changes = dict(sweep.experiment.overrides)
    if sweep.experiment.years is not None:
        changes["simulation.years"] = sweep.experiment.years
    found = {"base": sweep.base.describe(changes)}
    for index, scenario in enumerate(sweep.listed, start=1):
        found[f"point {index}: {scenario.name}"] = scenario.describe(changes)
    return found


def timings(executed: Executed, runs: pd.DataFrame, started: float) -> dict[str, float]:
    """Seconds of this session: cluster start, runs, the rest, and model time summed over runs."""
    model = runs[[c for c in runs.columns if c.startswith(TIMING_PREFIX)]].to_numpy().sum()
    return {
        "cluster_startup_s": executed.startup_s,
        "runs_s": executed.outcome.seconds,
        "finish_s": time.perf_counter() - started,
        "model_s_all_runs": float(model),
    }


def sweep_manifest(
    sweep: Sweep, prepared: Prepared, executed: Executed, runs: pd.DataFrame, extra: dict
) -> dict[str, Any]:
    """The manifest of a finished sweep folder."""
    outcome = executed.outcome
    return results.manifest(
        "sweep",
        scenarios=scenario_records(sweep),
        seed=sweep.experiment.seed,
        seeds=sweep.seeds(),
        timings=extra.pop("timings"),
        extra={
            "experiment": {
                "name": sweep.name,
                "file": str(sweep.file),
                "content": sweep.experiment.content(),
                "execution": sweep.experiment.execution.model_dump(),
            },
            "design": sweep.design_record(),
            "replications": sweep.experiment.replications,
            "runs": len(runs),
            "cluster": executed.cluster,
            "chunks": {"tasks": outcome.chunks, "runs_per_task": outcome.runs_per_chunk},
            "sessions": prepared.document.get("sessions", []),
            "nondeterministic_columns": [c for c in runs.columns if c.startswith(TIMING_PREFIX)],
            **extra,
        },
    )


def point_table(sweep: Sweep, points: pd.DataFrame) -> Table:
    """The points with their welfare changes and verdicts, for the terminal."""
    table = Table(
        title=f"{sweep.name}: equivalent variations against the base scenario, PPP $ per person "
        f"per year (paired, {sweep.experiment.replications} replications, mean [95% interval] "
        "and outcome)",
        title_justify="left",
    )
    grid = sweep.experiment.design.kind == "grid"
    labels = [path.rsplit(".", 1)[-1] for path in sweep.parameters] if grid else ["name"]
    parties = [f"{party.key} ({party.axis_unit})" for party in PARTIES]
    for column in ("point", *labels, *parties, "verdict"):
        table.add_column(column, justify="left" if column in ("name", "verdict") else "right")
    for _, row in points.iterrows():
        named = [tick(row[p]) for p in sweep.parameters] if grid else [str(row["point_name"])]
        cells = [
            f"{party.change(row[f'change_{party.key}'])} "
            f"{party.interval(row[f'change_{party.key}_low'], row[f'change_{party.key}_high'])}"
            f" {_outcome(row.get(f'outcome_{party.key}'))}"
            for party in PARTIES
        ]
        verdict = str(row["verdict"])
        table.add_row(str(row["point"]), *named, *cells, f"[{rich_style(verdict)}]{verdict}[/]")
    return table


def _outcome(name: object) -> str:
    """An outcome in its colour (nothing for the reference point)."""
    return f"[{rich_style(name)}]{name}[/]" if isinstance(name, str) else ""


def finish_sweep(
    folder: Path, sweep: Sweep, plan: Plan, prepared: Prepared, executed: Executed
) -> int:
    """Merge, summarise, draw, write the manifest, then drop the parts; print a summary."""
    started = time.perf_counter()
    runs = finish(prepared, plan).to_pandas()
    points, figures = write_outputs(folder, sweep, runs)
    outputs = sorted(p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    extra = {
        "timings": timings(executed, runs, started),
        "figures": figures,
        "verdicts": verdict_counts(points),
        "outputs": sorted({*outputs, MANIFEST.name}),
    }
    manifest = sweep_manifest(sweep, prepared, executed, runs, extra)
    results.write_json(MANIFEST.path(folder), manifest)
    prepared.store.discard_parts()
    out = Console(width=140)
    if len(points) <= MAX_TABLE_POINTS:
        out.print(point_table(sweep, points))
    counts = ", ".join(f"{v} {k}" for k, v in manifest["verdicts"].items())
    out.print(f"{len(runs)} runs of {len(points)} points (point 0: the base scenario); {counts}")
    out.print(f"results: {folder}")
    return 0
