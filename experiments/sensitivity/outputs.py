"""The analysis of a finished experiment: every table, figure and the summary, from the runs.

Everything here is a pure function of the runs and the experiment file (bootstraps are
seeded from the experiment's seed), so an interrupted and resumed experiment writes the same
tables as an uninterrupted one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from experiments import results
from experiments.sensitivity import figures, files
from experiments.sensitivity.discovery import Found, discover
from experiments.sensitivity.indices import MAIN_INDEX, output_indices, ranking
from experiments.sensitivity.plan import Sensitivity
from experiments.sensitivity.points import noise_shares, output_names, point_table

TOP = 10


@dataclass
class Analysis:
    """The analysis of one experiment."""

    points: pd.DataFrame
    indices: pd.DataFrame
    noise: pd.DataFrame
    skipped: dict[str, str]
    found: Found | None


def analyse(sensitivity: Sensitivity, runs: pd.DataFrame) -> Analysis:
    """Replicate means, indices, noise shares and (with welfare) scenario discovery."""
    points = point_table(sensitivity, runs)
    indices, skipped = output_indices(sensitivity, points)
    noise = noise_shares(sensitivity, points)
    found = discover(sensitivity, points) if sensitivity.paired else None
    return Analysis(points, indices, noise, skipped, found)


def finite(value: Any) -> Any:
    """A number for JSON (None where undefined)."""
    if isinstance(value, float) and value != value:
        return None
    return value


def top_factors(sensitivity: Sensitivity, analysis: Analysis) -> dict[str, list[dict]]:
    """Per output, the factors ranked by the method's main index (top :data:`TOP`)."""
    method = sensitivity.experiment.method.kind
    ranked = {}
    for output in output_names(sensitivity):
        if output in analysis.skipped or analysis.indices.empty:
            continue
        table = ranking(analysis.indices, method, output).head(TOP)
        ranked[output] = [
            {
                "factor": row.factor,
                "index": MAIN_INDEX[method],
                "value": finite(float(row.value)),
                "low": finite(float(row.low)),
                "high": finite(float(row.high)),
            }
            for row in table.itertuples()
        ]
    return ranked


def summary(sensitivity: Sensitivity, analysis: Analysis, runs: int) -> dict[str, Any]:
    """The results in one JSON document (also printed by ``--json``)."""
    experiment = sensitivity.experiment
    found = analysis.found
    noise = {row.output: finite(float(row.noise_share)) for row in analysis.noise.itertuples()}
    return {
        "experiment": sensitivity.name,
        "method": experiment.method.kind,
        "size": sensitivity.design.size,
        "points": len(sensitivity.points),
        "replications": experiment.replications,
        "configurations": len(sensitivity.configs),
        "runs": runs,
        "top": top_factors(sensitivity, analysis),
        "noise_share": noise,
        "skipped_outputs": analysis.skipped,
        "triple_win_probability": found.probability if found else None,
        "prim_boxes": found.summary if found else [],
        "prim_notes": found.notes if found else [],
        "notes": sensitivity.notes,
    }


def figure_list(sensitivity: Sensitivity, analysis: Analysis) -> list[tuple[str, Any, str]]:
    """The figures that suit the method and the results: ``(file, figure, caption)``."""
    method = sensitivity.experiment.method.kind
    outputs = [o for o in output_names(sensitivity) if o not in analysis.skipped]
    level = f"{sensitivity.experiment.method.conf_level:.0%}"
    found = []
    for output in outputs:
        found.append(
            (
                files.INDEX_FIGURE.named(output=output),
                figures.index_bars(analysis.indices, method, output),
                f"{method} indices of '{output}' with {level} bootstrap intervals, largest "
                f"{figures.MAX_FACTORS} factors by {MAIN_INDEX[method]}.",
            )
        )
    if method == "morris" and outputs:
        found.append(
            (
                files.MORRIS.name,
                figures.morris_plane(analysis.indices, outputs),
                "Morris mu* (overall influence) against sigma (non-linearity or interactions).",
            )
        )
    if outputs and (analysis.indices["design"] == "N/2").any():
        found.append(
            (
                files.CONVERGENCE.name,
                figures.convergence(analysis.indices, method, outputs),
                f"{MAIN_INDEX[method]} from all runs (N) and from the first half of the design "
                "(N/2), with intervals: where they agree, the sample is large enough.",
            )
        )
    result = analysis.found
    if result is not None and not result.trajectories.empty:
        found.append(
            (
                files.PRIM_TRADEOFF.name,
                figures.prim_tradeoff(result.trajectories),
                "PRIM's peeling trajectory: each step trades coverage for density; the circled "
                "box is the one reported.",
            )
        )
        if not result.boxes.empty:
            found.append(
                (
                    files.PRIM_BOXES.name,
                    figures.prim_limits(result.boxes, result.summary),
                    "The parameter ranges of each PRIM box (green) within the sampled ranges.",
                )
            )
    return found


def write_outputs(
    folder: Path, sensitivity: Sensitivity, analysis: Analysis, runs: int
) -> tuple[dict[str, Any], list[dict[str, str]]]:
    """Write the tables, the summary and the figures; returns the summary and figure records."""
    results.write_parquet(files.POINTS.path(folder), analysis.points)
    results.write_parquet(files.INDICES.path(folder), analysis.indices)
    results.write_parquet(files.NOISE.path(folder), analysis.noise)
    if analysis.found is not None:
        results.write_parquet(files.BOXES.path(folder), analysis.found.boxes)
        results.write_parquet(files.TRAJECTORIES.path(folder), analysis.found.trajectories)
    document = summary(sensitivity, analysis, runs)
    results.write_json(files.SUMMARY.path(folder), document)
    written = []
    for name, figure, caption in figure_list(sensitivity, analysis):
        results.write_figure(folder / name, figure)
        written.append({"file": name, "caption": caption})
    return document, written
