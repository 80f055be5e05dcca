"""Terminal tables of indicators (rich), on stdout or, with ``--json``, on stderr."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from experiments.labels import PARTIES, label, number
from experiments.statistics import Estimate


def console(json_mode: bool) -> Console:
    """Where human-readable output goes: stderr when stdout is reserved for JSON."""
    return Console(stderr=json_mode, width=120 if not json_mode else None)


def interval(value: Estimate) -> str:
    """``[LO, HI]`` or '-' with fewer than two replications."""
    if value.count < 2:
        return "-"
    return f"[{number(value.low)}, {number(value.high)}]"


def indicator_table(title: str, summary: dict[str, Estimate], *, diagnostics: bool = True) -> Table:
    """Every indicator by party: mean and 95% interval over replications."""
    table = Table(title=title, title_justify="left", show_lines=False)
    table.add_column("indicator", style="bold")
    table.add_column("meaning")
    table.add_column("mean", justify="right")
    table.add_column("95% interval", justify="right")
    for party, names in PARTIES.items():
        if party == "Diagnostics" and not diagnostics:
            continue
        present = [n for n in names if n in summary]
        if not present:
            continue
        table.add_section()
        table.add_row(f"[underline]{party}[/underline]", "", "", "")
        for name in present:
            value = summary[name]
            table.add_row(name, label(name), number(value.mean), interval(value))
    return table


def country_table(summary: dict[str, dict[str, Estimate]], names: tuple[str, ...]) -> Table:
    """Selected indicators per country."""
    table = Table(title="By country", title_justify="left")
    table.add_column("indicator", style="bold")
    for country in summary:
        table.add_column(country, justify="right")
    for name in names:
        table.add_row(name, *(number(summary[c][name].mean) for c in summary))
    return table
