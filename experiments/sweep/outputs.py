"""What a finished sweep leaves in its folder besides the runs: the point summary and figures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from experiments import results
from experiments.sweep import figures, files
from experiments.sweep.plan import Sweep
from experiments.sweep.summary import point_summary


def figure_list(sweep: Sweep, points: pd.DataFrame) -> list[tuple[str, Any, str]]:
    """The figures that suit the design: ``(file name, figure, caption)``."""
    kind, levers = sweep.experiment.design.kind, sweep.parameters
    replications = sweep.experiment.replications
    paired = f"paired on {replications} replications against the base scenario"
    if kind == "scenarios":
        title = f"{sweep.name}: welfare changes, {paired}"
        return [(files.WELFARE.name, figures.scenario_changes(points, title), title)]
    if sweep.experiment.sampled:
        return [
            (
                files.DISTRIBUTIONS.name,
                figures.indicator_histograms(
                    points, f"{sweep.name}: {len(points) - 1} points (dashed: the base scenario)"
                ),
                "Distribution over the sampled points of each main indicator (mean over "
                "replications); the dashed line is the base scenario.",
            ),
            (
                files.PARAMETERS.name,
                figures.parameter_scatter(points, levers, f"{sweep.name}: welfare changes"),
                f"Each point's welfare changes ({paired}) against each sampled parameter, "
                "coloured by the point's verdict.",
            ),
        ]
    if len(levers) == 1:
        title = f"{sweep.name}: welfare changes, {paired}"
        return [(files.WELFARE.name, figures.lever_lines(points, levers[0], title), title)]
    return grid_figures(sweep, points, paired)


def grid_figures(sweep: Sweep, points: pd.DataFrame, paired: str) -> list[tuple[str, Any, str]]:
    """Heat maps over the first two levers, one pair of figures per value of the others."""
    x, y = sweep.parameters[1], sweep.parameters[0]
    found = []
    for number, (where, design) in enumerate(figures.grid_slices(points, sweep.parameters), 1):
        suffix = f"-{number}" if where else ""
        at = f" at {where}" if where else ""
        welfare = (
            f"{sweep.name}{at}: mean equivalent variations ({paired}; * a gain or a loss, "
            "~ negligible)"
        )
        levels = f"{sweep.name}{at}: mean levels of the main indicators"
        heatmaps = figures.lever_heatmaps(design, x, y, welfare)
        found.append((files.HEATMAPS.named(suffix=suffix), heatmaps, welfare))
        heights = figures.level_heatmaps(design, x, y, levels)
        found.append((files.LEVELS.named(suffix=suffix), heights, levels))
    return found


def write_outputs(folder: Path, sweep: Sweep, runs: pd.DataFrame) -> tuple[pd.DataFrame, list]:
    """Write the point summary and the figures; returns the summary and the figure records."""
    points = point_summary(
        runs,
        sweep.parameters,
        margin=float(sweep.base.data["welfare"]["margin"]),
        last_year=int(sweep.base.data["simulation"]["years"]),
        unpaired=sweep.unpaired_points(),
    )
    results.write_parquet(files.POINTS.path(folder), points)
    written = []
    for name, figure, caption in figure_list(sweep, points):
        results.write_figure(folder / name, figure)
        written.append({"file": name, "caption": caption})
    return points, written
