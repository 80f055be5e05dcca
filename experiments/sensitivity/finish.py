"""The end of ``run.py sensitivity``: merged runs, analysis, manifest (last), a summary printed."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import pandas as pd
from rich.console import Console
from rich.table import Table

from experiments import results
from experiments.engine.session import Executed, Prepared, finish
from experiments.engine.spec import TIMING_PREFIX, Plan
from experiments.result_files import MANIFEST
from experiments.sensitivity.design import problem
from experiments.sensitivity.outputs import analyse, write_outputs
from experiments.sensitivity.parameters import RULES
from experiments.sensitivity.plan import Sensitivity

SHOWN = 5


def scenario_records(sensitivity: Sensitivity) -> dict[str, Any]:
    """The scenario and baseline for the manifest (a test model has neither)."""
    experiment = sensitivity.experiment
    if experiment.model is not None:
        return {"test model": {"name": experiment.model}}
    changes = dict(experiment.overrides)
    if experiment.years is not None:
        changes["simulation.years"] = experiment.years
    overrides = [f"{path}={value}" for path, value in changes.items()]
    return {
        "base": {"file": experiment.base, "overrides": overrides,
                 "parameters": sensitivity.scenarios["scenario"]},
        "baseline": {"file": experiment.baseline or experiment.base, "overrides": overrides,
                     "parameters": sensitivity.scenarios["baseline"]},
    }  # fmt: skip


def design_record(sensitivity: Sensitivity) -> dict[str, Any]:
    """The design for the manifest: parameters, SALib problem, sizes, rules and warnings."""
    design = sensitivity.design
    used = {p.rule for p in sensitivity.parameters if p.rule}
    return {
        "method": sensitivity.experiment.method.model_dump(),
        "parameters": [p.describe() for p in sensitivity.parameters],
        "salib_problem": problem(sensitivity.parameters),
        "size": design.size,
        "points": len(design.unit),
        "half_points": None if design.half is None else len(design.half),
        "configurations": len(sensitivity.configs),
        "baseline_configurations": sum(c.role == "baseline" for c in sensitivity.configs),
        "rules": {name: RULES[name] for name in sorted(used)},
        "notes": sensitivity.notes,
    }


def timings(executed: Executed, runs: pd.DataFrame, started: float) -> dict[str, float]:
    """Seconds of this session: cluster start, runs, analysis, and model time over all runs."""
    columns = [c for c in runs.columns if c.startswith(TIMING_PREFIX)]
    return {
        "cluster_startup_s": executed.startup_s,
        "runs_s": executed.outcome.seconds,
        "analysis_s": time.perf_counter() - started,
        "model_s_all_runs": float(runs[columns].to_numpy().sum()) if columns else 0.0,
    }


def manifest(
    sensitivity: Sensitivity, prepared: Prepared, executed: Executed, extra: dict[str, Any]
) -> dict[str, Any]:
    """The manifest of a finished sensitivity folder."""
    experiment = sensitivity.experiment
    return results.manifest(
        "sensitivity",
        scenarios=scenario_records(sensitivity),
        seed=experiment.seed,
        seeds=sensitivity.seeds(),
        timings=extra.pop("timings"),
        extra={
            "experiment": {
                "name": sensitivity.name,
                "file": str(sensitivity.file),
                "content": experiment.content(),
                "execution": experiment.execution.model_dump(),
            },
            "design": design_record(sensitivity),
            "replications": experiment.replications,
            "cluster": executed.cluster,
            "chunks": {
                "tasks": executed.outcome.chunks,
                "runs_per_task": executed.outcome.runs_per_chunk,
            },
            "sessions": prepared.document.get("sessions", []),
            **extra,
        },
    )


def print_summary(document: dict[str, Any], folder: Path, out: Console) -> None:
    """Top factors per output, noise shares, the triple-win probability and the boxes."""
    for output, ranked in document["top"].items():
        noise = document["noise_share"].get(output)
        share = f"; noise share {noise:.1%}" if noise is not None else ""
        table = Table(title=f"{output}{share}", title_justify="left")
        for column in ("factor", ranked[0]["index"] if ranked else "index", "interval"):
            table.add_column(column, justify="left" if column == "factor" else "right")
        for row in ranked[:SHOWN]:
            interval = f"[{row['low']:.3g}, {row['high']:.3g}]" if row["low"] is not None else "-"
            table.add_row(row["factor"], f"{row['value']:.3g}", interval)
        out.print(table)
    for output, reason in document["skipped_outputs"].items():
        out.print(f"{output}: not analysed ({reason})")
    chance = document["triple_win_probability"]
    if chance:
        out.print(
            f"triple-win probability: {chance['estimate']:.3f} "
            f"[{chance['low']:.3f}, {chance['high']:.3f}] over {chance['points']} points"
        )
    for box in document["prim_boxes"]:
        out.print(
            f"PRIM box {box['box']}: coverage {box['coverage']:.2f}, density "
            f"{box['density']:.2f}, restricts {', '.join(box['restricted']) or 'nothing'}"
        )
    for note in document["prim_notes"]:
        out.print(note)
    out.print(f"results: {folder}")


def finish_sensitivity(
    folder: Path,
    sensitivity: Sensitivity,
    plan: Plan,
    prepared: Prepared,
    executed: Executed,
    *,
    as_json: bool = False,
) -> int:
    """Merge, analyse, draw, write the manifest last, drop the parts; print the summary."""
    started = time.perf_counter()
    runs = finish(prepared, plan).to_pandas()
    analysis = analyse(sensitivity, runs)
    document, figures = write_outputs(folder, sensitivity, analysis, len(runs))
    outputs = sorted(p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    extra = {
        "timings": timings(executed, runs, started),
        "figures": figures,
        "results": document,
        "outputs": sorted({*outputs, MANIFEST.name}),
    }
    results.write_json(MANIFEST.path(folder), manifest(sensitivity, prepared, executed, extra))
    prepared.store.discard_parts()
    print_summary(document, folder, Console(width=120, stderr=as_json))
    if as_json:
        sys.stdout.write(json.dumps(document, allow_nan=False) + "\n")
    return 0
