"""Terminal tables of indicators (rich), on stdout or, with ``--json``, on stderr."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from experiments.formats import interval as written_interval
from experiments.formats import level
from experiments.statistics import Estimate
from model.catalogue import GROUPS, label, sections


def console(json_mode: bool) -> Console:
    """Where human-readable output goes: stderr when stdout is reserved for JSON."""
    return Console(stderr=json_mode, width=120 if not json_mode else None)


def interval(value: Estimate, indicator: str) -> str:
    """``[LO, HI]`` in the indicator's unit, or '-' with fewer than two replications."""
    if value.count < 2:
        return "-"
    return written_interval(value.low, value.high, indicator, of_change=False)


def indicator_table(title: str, summary: dict[str, Estimate], *, diagnostics: bool = True) -> Table:
    """Every indicator by party: mean and 95% interval over replications."""
    table = Table(title=title, title_justify="left", show_lines=False)
    table.add_column("indicator", style="bold")
    table.add_column("meaning")
    table.add_column("mean", justify="right")
    table.add_column("95% interval", justify="right")
    for party, names in sections().items():
        if party == GROUPS["diagnostics"] and not diagnostics:
            continue
        present = [n for n in names if n in summary]
        if not present:
            continue
        table.add_section()
        table.add_row(f"[underline]{party}[/underline]", "", "", "")
        for name in present:
            value = summary[name]
            table.add_row(name, label(name), level(value.mean, name), interval(value, name))
    return table


def country_table(summary: dict[str, dict[str, Estimate]], names: tuple[str, ...]) -> Table:
    """Selected indicators per country."""
    table = Table(title="By country", title_justify="left")
    table.add_column("indicator", style="bold")
    for country in summary:
        table.add_column(country, justify="right")
    for name in names:
        table.add_row(name, *(level(summary[c][name].mean, name) for c in summary))
    return table
