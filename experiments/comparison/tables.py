"""The terminal tables of ``run.py compare``: verdicts, replication advice, other indicators."""

from __future__ import annotations

from typing import Any

from rich.table import Table

from experiments.comparison.pairs import OTHER_INDICATORS, Comparison, excludes_zero
from experiments.formats import change as written_change
from experiments.formats import interval, level, write_change
from experiments.parties import PARTIES, Party
from experiments.statistics import Estimate
from experiments.style import rich_style
from experiments.tables import console
from experiments.verdicts import outcome
from experiments.welfare import GROUPS
from model.catalogue import UNITS, label
from model.channels import CHANNELS

# Beyond this many scenarios a cell of the indicator table shows the mean change alone.
INTERVALS_UP_TO = 3
# Beyond this many scenarios the channels table would not fit a terminal.
CHANNELS_UP_TO = 2


def change_cell(change: Estimate, indicator: str, with_interval: bool = True) -> str:
    """A change in an indicator's unit, ``mean [low, high]`` or the mean alone."""
    mean = written_change(change.mean, indicator)
    if not with_interval or change.count < 2:
        return mean
    return f"{mean} {interval(change.low, change.high, indicator, of_change=True)}"


def party_cell(change: Estimate, party: Party, judged: str) -> str:
    """A party's variation, its interval and its outcome in the outcome's colour."""
    return f"{change_cell(change, party.indicator)} [{rich_style(judged)}]{judged}[/]"


def horizon_cell(horizons: dict[str, str | None]) -> str:
    """The verdicts at 10 and 20 years, each in its colour ('-' beyond the run)."""
    return " / ".join(
        f"[{rich_style(v)}]{v}[/]" if v else "-" for key, v in horizons.items() if key != "end"
    )


def verdict_table(comparisons: list[Comparison], baseline: str, seed: int) -> Table:
    """The triple-win test: each party's variation and outcome, the verdict at each horizon,
    the groups that lose and the replication advice."""
    count, margin = comparisons[0].replications, comparisons[0].margin
    table = Table(
        title=f"Triple-win test against '{baseline}': equivalent variation of each party, PPP $ "
        f"per person per year over the run, mean of {count} paired replications [95% interval]; "
        f"negligible within ±{margin:g} (seed {seed})",
        title_justify="left",
        show_lines=True,
    )
    table.add_column("scenario", style="bold")
    table.add_column("verdict")
    for party in PARTIES:
        table.add_column(f"{party.key} ({party.axis_unit})", justify="right")
    table.add_column("at 10 / 20 years")
    table.add_column("groups that lose")
    table.add_column("decided")
    for item in comparisons:
        advice, outcomes = item.advice(), item.outcomes
        table.add_row(
            item.name,
            f"[{rich_style(item.verdict)}]{item.verdict}[/]",
            *(party_cell(item.welfare[p.key], p, outcomes[p.key]) for p in PARTIES),
            horizon_cell(item.variations.horizons()),
            ", ".join(item.variations.losing_groups()) or "none",
            decided_cell(advice.decided, advice.needed),
        )
    return table


def group_table(comparisons: list[Comparison]) -> Table:
    """Each group's equivalent variation and outcome, per scenario."""
    table = Table(
        title="Groups: equivalent variation, PPP $ per person of the group per year (mean), "
        "and outcome",
        title_justify="left",
    )
    table.add_column("group", style="bold")
    for item in comparisons:
        table.add_column(item.name, justify="right")
    for name in GROUPS:
        cells = []
        for item in comparisons:
            change = item.variations.group(name)
            judged = outcome(change, item.margin)
            written = write_change(change.mean, UNITS["PPP $"])
            cells.append(f"{written} [{rich_style(judged)}]{judged}[/]")
        table.add_row(name, *cells)
    worse = [item.variations.worse_off() for item in comparisons]
    table.add_row(
        "migrants worse off than at home (share of years abroad: baseline → scenario)",
        *(f"{_share(w['baseline'])} → {_share(w['scenario'])}" for w in worse),
    )
    return table


def channel_table(comparisons: list[Comparison]) -> Table:
    """Each party's variation by channel (they add up to the party's), per scenario."""
    table = Table(
        title="Channels: each party's equivalent variation by channel, PPP $ per person per year "
        "(mean; the channels add up to the total)",
        title_justify="left",
    )
    table.add_column("channel", style="bold")
    for item in comparisons:
        for party in PARTIES:
            table.add_column(f"{item.name}: {party.key}", justify="right")
    channels = {item.name: item.variations.channels() for item in comparisons}
    for channel in CHANNELS:
        table.add_row(
            channel,
            *(
                written_change(channels[item.name][party.key][channel], party.indicator)
                for item in comparisons
                for party in PARTIES
            ),
        )
    table.add_row(
        "total",
        *(
            written_change(item.welfare[party.key].mean, party.indicator)
            for item in comparisons
            for party in PARTIES
        ),
    )
    return table


def _share(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


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
    out.print(group_table(comparisons))
    if len(comparisons) <= CHANNELS_UP_TO:
        out.print(channel_table(comparisons))
    else:
        out.print(f"Channels of {len(comparisons)} scenarios: see the report and summary.json.")
    out.print(indicator_table(comparisons))
    out.print(
        "Welfare: "
        + "; ".join(f"{p.key} in {p.change_unit}" for p in PARTIES)
        + ". A change in logs of 0.01 is about 1%."
    )
    out.print(
        f"results: {document['results']}  (report: uv run run.py report {document['results']})"
    )
