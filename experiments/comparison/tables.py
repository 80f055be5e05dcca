"""The terminal tables of ``run.py compare``: verdicts, replication advice, other indicators."""

from __future__ import annotations

from typing import Any

from rich.table import Table

from experiments.comparison.pairs import OTHER_INDICATORS, Comparison, excludes_zero
from experiments.formats import change as written_change
from experiments.formats import interval, level
from experiments.parties import PARTIES
from experiments.statistics import Estimate
from experiments.style import rich_style
from experiments.tables import console
from model.catalogue import label

# Beyond this many scenarios a cell of the indicator table shows the mean change alone.
INTERVALS_UP_TO = 3


def change_cell(change: Estimate, indicator: str, with_interval: bool = True) -> str:
    """A change in an indicator's unit, ``mean [low, high]`` or the mean alone."""
    mean = written_change(change.mean, indicator)
    if not with_interval or change.count < 2:
        return mean
    return f"{mean} {interval(change.low, change.high, indicator, of_change=True)}"


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
    for party in PARTIES:
        table.add_column(f"{party.key} ({party.axis_unit})", justify="right")
    table.add_column("decided")
    for item in comparisons:
        advice = item.advice()
        table.add_row(
            item.name,
            f"[{rich_style(item.verdict)}]{item.verdict}[/]",
            *(change_cell(item.welfare[p.key], p.indicator) for p in PARTIES),
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
        + "; * the interval excludes zero; changes of shares in percentage points)",
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
            mark = "*" if excludes_zero(change) else ""
            cells.append(change_cell(change, name, with_interval) + mark)
        baseline = level(comparisons[0].baseline_levels[name].mean, name)
        table.add_row(name, label(name), baseline, *cells)
    return table


def print_tables(
    json_mode: bool,
    document: dict[str, Any],
    comparisons: list[Comparison],
    baseline: str,
    seed: int,
) -> None:
    """The verdicts, the other indicators and where the results are (stderr with --json)."""
    out = console(json_mode)
    if not out.is_terminal:
        out.width = max(out.width, 120)
    out.print(verdict_table(comparisons, baseline, seed))
    out.print("Replication advice:")
    for item in comparisons:
        out.print(f"  {item.name}: {item.advice().text}")
    out.print(indicator_table(comparisons))
    out.print(
        "Welfare: "
        + "; ".join(f"{p.key} in {p.change_unit}" for p in PARTIES)
        + ". A change in logs of 0.01 is about 1%."
    )
    out.print(
        f"results: {document['results']}  (report: uv run run.py report {document['results']})"
    )
