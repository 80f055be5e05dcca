"""What ``run.py compare`` leaves behind: the results folder, its figures and its manifest.

The files are those of :mod:`experiments.comparison.files`; the manifest is written last, so a
folder with one is complete.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from experiments import records, results
from experiments.comparison import files
from experiments.comparison.channels import channel_plot
from experiments.comparison.forest import forest_plot
from experiments.comparison.pairs import Comparison, changes_table, summary_table
from experiments.comparison.pairs import yearly_changes as paired_yearly_changes
from experiments.comparison.quadrant import quadrant_plot
from experiments.comparison.welfare import welfare_change_paths, welfare_paths
from experiments.figures import drawn_colours
from experiments.replications import Replications
from experiments.result_files import MANIFEST
from experiments.scenarios import LoadedScenario, header_comment
from experiments.style import scenario_colours


def describe(loaded: LoadedScenario, role: str) -> dict[str, Any]:
    """A scenario for the manifest: files, overrides, parameters, its role and its header."""
    return {**loaded.describe(), "role": role, "header": header_comment(loaded.path)}


def run_tables(baseline: Replications, scenarios: list[Replications]) -> pd.DataFrame:
    """Every run's indicators, with ``scenario`` and ``role`` (baseline or scenario) first."""
    frames = [baseline.table().assign(scenario=baseline.name, role="baseline")]
    frames += [s.table().assign(scenario=s.name, role="scenario") for s in scenarios]
    return _first(pd.concat(frames, ignore_index=True), ["scenario", "role"])


def yearly_tables(baseline: Replications, scenarios: list[Replications]) -> pd.DataFrame:
    """Every run's yearly series, with ``scenario`` and ``role`` first."""
    frames = [
        records.yearly_table(baseline.results).assign(scenario=baseline.name, role="baseline")
    ]
    frames += [
        records.yearly_table(s.results).assign(scenario=s.name, role="scenario") for s in scenarios
    ]
    return _first(pd.concat(frames, ignore_index=True), ["scenario", "role"])


def yearly_change_frames(
    baseline: Replications, scenarios: list[Replications]
) -> dict[str, pd.DataFrame]:
    """Each scenario's paired changes per year and replication."""
    return {s.name: paired_yearly_changes(baseline.results, s.results) for s in scenarios}


def _first(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    return frame[[*columns, *[c for c in frame.columns if c not in columns]]]


def write_results(
    folder: Path,
    document: dict[str, Any],
    baseline: Replications,
    scenarios: list[Replications],
    comparisons: list[Comparison],
) -> None:
    """Tables, figures and the summary, then the manifest last (a folder with one is complete)."""
    folder.mkdir(parents=True, exist_ok=True)
    changes = yearly_change_frames(baseline, scenarios)
    stacked = pd.concat([f.assign(scenario=n) for n, f in changes.items()], ignore_index=True)
    results.write_parquet(files.CHANGES.path(folder), changes_table(comparisons, baseline.seed))
    results.write_parquet(files.REPLICATIONS.path(folder), run_tables(baseline, scenarios))
    results.write_parquet(files.YEARLY.path(folder), yearly_tables(baseline, scenarios))
    results.write_parquet(files.YEARLY_CHANGES.path(folder), _first(stacked, ["scenario"]))
    results.write_parquet(files.SUMMARY_TABLE.path(folder), summary_table(comparisons))
    results.write_json(files.SUMMARY.path(folder), document)
    colours = write_figures(folder, baseline, scenarios, comparisons, changes)
    document = manifest(folder, baseline, scenarios, comparisons)
    document["scenario_colours"] = scenario_colours([baseline.name, *(s.name for s in scenarios)])
    document["figure_colours"] = colours
    results.write_json(MANIFEST.path(folder), document)


def write_figures(
    folder: Path,
    baseline: Replications,
    scenarios: list[Replications],
    comparisons: list[Comparison],
    changes: dict[str, pd.DataFrame],
) -> dict[str, dict[str, str]]:
    """The forest plot, the who-gains quadrant, the channels and the yearly paths, as PNG.

    A scenario keeps one colour in every figure: its position in the command's list, the
    baseline first (:func:`experiments.style.scenario_colours`).

    Returns:
        Each figure's scenarios with the colour they were drawn in, read from the figures.
    """
    count = len(baseline.results)
    welfare = {c.name: c.welfare for c in comparisons}
    verdicts = {c.name: c.verdict for c in comparisons}
    margin = comparisons[0].margin
    subtitle = (
        f"against '{baseline.name}', {count} paired replications (seed {baseline.seed}); "
        f"grey: within ±{margin:g}, negligible"
    )
    colours = scenario_colours([baseline.name, *(s.name for s in scenarios)])
    levels = {baseline.name: records.yearly_table(baseline.results)}
    for runs in scenarios:
        levels.setdefault(runs.name, records.yearly_table(runs.results))
    positions = {name: position for position, name in enumerate(levels)}
    drawn = {
        files.FOREST.name: forest_plot(
            welfare,
            verdicts,
            title=f"Equivalent variation with 95% intervals, {subtitle}",
            margin=margin,
            colours=colours,
        ),
        files.QUADRANT.name: quadrant_plot(
            welfare, title=f"Who gains, {subtitle}", margin=margin, colours=colours
        ),
        files.WELFARE_PATHS.name: welfare_paths(levels, positions, count),
        files.WELFARE_CHANGES.name: welfare_change_paths(changes, positions, baseline.name, count),
    }
    found = {}
    for name, figure in drawn.items():
        found[name] = drawn_colours(figure)
        results.write_figure(folder / name, figure)
    results.write_figure(
        files.CHANNELS.path(folder),
        channel_plot(
            {c.name: c.variations.channels() for c in comparisons},
            {c.name: {p: e.mean for p, e in c.welfare.items()} for c in comparisons},
            title=f"What each party's variation is made of, by channel, against "
            f"'{baseline.name}' (mean of {count} paired replications)",
        ),
    )
    return found


def manifest(
    folder: Path,
    baseline: Replications,
    scenarios: list[Replications],
    comparisons: list[Comparison],
) -> dict[str, Any]:
    """The manifest: every scenario's files, overrides, parameters and header; seeds; timings."""
    described = {baseline.name: describe(baseline.loaded, "baseline")}
    for runs in scenarios:
        role = "baseline and scenario" if runs.name == baseline.name else "scenario"
        described[runs.name] = describe(runs.loaded, role)
    everything = [baseline, *scenarios]
    timings = {
        key: sum(r.timings()[key] for r in everything) for key in ("build_s", "run_s", "total_s")
    }
    return results.manifest(
        "compare",
        scenarios=described,
        seed=baseline.seed,
        seeds=baseline.seeds(),
        timings=timings,
        extra={
            "baseline": baseline.name,
            "compared": [r.name for r in scenarios],
            "replications": len(baseline.results),
            "verdicts": {c.name: c.verdict for c in comparisons},
            "margin": comparisons[0].margin if comparisons else None,
            "timings_by_scenario": [
                {"scenario": r.name, "role": "baseline" if i == 0 else "scenario", **r.timings()}
                for i, r in enumerate(everything)
            ],
            "outputs": results.outputs(folder),
        },
    )
