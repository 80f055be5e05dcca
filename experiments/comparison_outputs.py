"""What ``run.py compare`` leaves behind: the results folder and the terminal tables."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
from rich.table import Table

from experiments import records, results
from experiments.comparison import OTHER_INDICATORS, Comparison, changes_table, summary_table
from experiments.comparison import yearly_changes as paired_yearly_changes
from experiments.figures.forest import forest_plot
from experiments.figures.quadrant import quadrant_plot
from experiments.figures.welfare import welfare_change_paths, welfare_paths
from experiments.labels import WELFARE_PARTIES, label, number
from experiments.replications import Replications
from experiments.scenarios import LoadedScenario
from experiments.statistics import Estimate
from experiments.tables import console

VERDICT_STYLE = {"triple win": "bold green", "loss": "bold red", "uncertain": "bold yellow"}
# Beyond this many scenarios a cell of the indicator table shows the mean change alone.
INTERVALS_UP_TO = 3


def header_comment(path: Path) -> str:
    """The comment lines at the top of a scenario file, without their ``#``."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line[1:].strip())
    return "\n".join(lines)


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
    results.write_parquet(folder / "changes.parquet", changes_table(comparisons, baseline.seed))
    results.write_parquet(folder / "replications.parquet", run_tables(baseline, scenarios))
    results.write_parquet(folder / "yearly.parquet", yearly_tables(baseline, scenarios))
    results.write_parquet(
        folder / "yearly_changes.parquet",
        _first(
            pd.concat([f.assign(scenario=n) for n, f in changes.items()], ignore_index=True),
            ["scenario"],
        ),
    )
    results.write_parquet(folder / "summary.parquet", summary_table(comparisons))
    results.write_json(folder / "summary.json", document)
    write_figures(folder, baseline, scenarios, comparisons, changes)
    results.write_json(folder / "manifest.json", manifest(folder, baseline, scenarios, comparisons))


def write_figures(
    folder: Path,
    baseline: Replications,
    scenarios: list[Replications],
    comparisons: list[Comparison],
    changes: dict[str, pd.DataFrame],
) -> None:
    """The forest plot, the who-gains quadrant and the yearly welfare paths, as PNG."""
    count = len(baseline.results)
    welfare = {c.name: c.welfare for c in comparisons}
    verdicts = {c.name: c.verdict for c in comparisons}
    window = baseline.loaded.scenario.simulation.evaluation_years
    subtitle = f"against '{baseline.name}', {count} paired replications (seed {baseline.seed})"
    results.write_figure(
        folder / "forest.png",
        forest_plot(welfare, verdicts, title=f"Change in welfare with 95% intervals, {subtitle}"),
    )
    results.write_figure(
        folder / "quadrant.png", quadrant_plot(welfare, title=f"Who gains, {subtitle}")
    )
    levels = {baseline.name: records.yearly_table(baseline.results)}
    for runs in scenarios:
        levels.setdefault(runs.name, records.yearly_table(runs.results))
    results.write_figure(folder / "welfare_paths.png", welfare_paths(levels, window, count))
    results.write_figure(
        folder / "welfare_changes.png",
        welfare_change_paths(changes, baseline.name, window, count),
    )


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
            "timings_by_scenario": [
                {"scenario": r.name, "role": "baseline" if i == 0 else "scenario", **r.timings()}
                for i, r in enumerate(everything)
            ],
            "outputs": sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")),
        },
    )


def interval_cell(change: Estimate, with_interval: bool = True) -> str:
    """``mean [low, high]``, or the mean alone."""
    if not with_interval or change.count < 2:
        return number(change.mean)
    return f"{number(change.mean)} [{number(change.low)}, {number(change.high)}]"


def verdict_table(comparisons: list[Comparison], baseline: str, seed: int) -> Table:
    """The triple-win test: each scenario's welfare changes, verdict and replication advice."""
    count = comparisons[0].replications
    table = Table(
        title=f"Triple-win test against '{baseline}': change in each party's welfare, mean of "
        f"{count} paired replications [95% interval] (seed {seed})",
        title_justify="left",
        show_lines=True,
    )
    table.add_column("scenario", style="bold")
    table.add_column("verdict")
    for party in WELFARE_PARTIES:
        table.add_column(party, justify="right")
    table.add_column("decided")
    for item in comparisons:
        advice = item.advice()
        table.add_row(
            item.name,
            f"[{VERDICT_STYLE[item.verdict]}]{item.verdict}[/]",
            *(interval_cell(change) for change in item.welfare.values()),
            decided_cell(advice.decided, advice.needed),
        )
    return table


def decided_cell(decided: bool, needed: int | None) -> str:
    """``yes``, or ``no`` with the replications that would decide."""
    if decided:
        return "yes"
    return f"no: ~{needed} runs" if needed is not None else "no"


def indicator_table(comparisons: list[Comparison]) -> Table:
    """The change in every other canonical indicator (``*``: the interval excludes zero)."""
    with_interval = len(comparisons) <= INTERVALS_UP_TO
    table = Table(
        title="Change in the other indicators (paired mean"
        + (" [95% interval]" if with_interval else "")
        + "; * the interval excludes zero)",
        title_justify="left",
    )
    table.add_column("indicator", style="bold")
    table.add_column("meaning")
    table.add_column("baseline", justify="right")
    for item in comparisons:
        table.add_column(item.name, justify="right")
    for name in OTHER_INDICATORS:
        cells = []
        for item in comparisons:
            change = item.estimates[name]
            mark = "*" if change.low > 0 or change.high < 0 else ""
            cells.append(interval_cell(change, with_interval) + mark)
        table.add_row(name, label(name), number(comparisons[0].baseline_levels[name].mean), *cells)
    return table


def print_tables(
    json_mode: bool,
    document: dict[str, Any],
    comparisons: list[Comparison],
    baseline: LoadedScenario,
    seed: int,
) -> None:
    """The verdicts, the other indicators and where the results are (stderr with --json)."""
    out = console(json_mode)
    if not out.is_terminal:
        out.width = max(out.width, 120)
    out.print(verdict_table(comparisons, baseline.name, seed))
    out.print("Replication advice:")
    for item in comparisons:
        out.print(f"  {item.name}: {item.advice().text}")
    out.print(indicator_table(comparisons))
    out.print(
        "Welfare: migrants in PPP $ a year per origin-born person; origin and destination in "
        "log points (0.01 is about 1%)."
    )
    out.print(
        f"results: {document['results']}  (report: python run.py report {document['results']})"
    )
