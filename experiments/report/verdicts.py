"""The verdict side of a ``compare`` report: headlines with the groups that lose, and tables.

Each scenario's headline gives its verdict, the three parties' equivalent variations with their
outcomes and, in the same line, the groups that lose: a loss inside a party that gains on
average is never left to a table further down. The tables give the verdicts at each horizon,
the channels of each party's variation and every group's. They read the ``compare --json``
document (``summary.json``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from experiments.formats import write_change
from experiments.parties import PARTIES
from experiments.report.page import escape, html_table, verdict_badge
from experiments.welfare import GROUPS, HORIZONS
from model.catalogue import UNITS
from model.channels import CHANNELS

DOLLARS = UNITS["PPP $"]
HORIZON_NAMES = {"10": "after 10 years", "20": "after 20 years", "end": "over the whole run"}
# Scenarios per channels table: three parties each.
SCENARIOS_PER_TABLE = 2


def dollars(value: float | None) -> str:
    """A variation in PPP $ per person per year, signed ('-' when undefined)."""
    return write_change(value, DOLLARS)


def interval(bounds: list[float | None]) -> str:
    """``[low, high]`` in dollars, or nothing when undefined."""
    low, high = bounds
    if low is None or high is None:
        return ""
    return f"[{dollars(low)}, {dollars(high)}]"


def losing_groups(result: Mapping[str, Any]) -> list[str]:
    """The groups whose variation is a loss, as written: name and variation."""
    groups = result.get("groups", {})
    return [
        f"{name} {dollars(groups[name]['delta'])} {interval(groups[name]['ci95'])}"
        for name in result.get("losing_groups", [])
    ]


def triple_win_chance(result: Mapping[str, Any]) -> str:
    """With a posterior (``compare --posterior``): how often all three gained, and its interval;
    else nothing."""
    probability = result.get("triple_win_probability")
    if probability is None:
        return ""
    low, high = result.get("triple_win_probability_ci95") or (None, None)
    bounds = f" (95% interval {low:.2f}-{high:.2f})" if low is not None else ""
    return (
        f"Triple win in {result.get('triple_wins', 0)} of {result.get('replications', 0)} "
        f"worlds drawn from the posterior: probability {probability:.2f}{bounds}."
    )


def headline(name: str, result: Mapping[str, Any], margin: float) -> str:
    """One scenario's verdict, its parties' variations and outcomes, the groups that lose and,
    with a posterior, the probability of a triple win."""
    parties = "; ".join(
        f"{escape(p.label)} {escape(dollars(result['delta'][p.key]))} "
        f"<span class='small'>{escape(interval(result['ci95'][p.key]))}</span> "
        f"{verdict_badge(result['outcomes'][p.key])}"
        for p in PARTIES
    )
    losers = losing_groups(result)
    said = (
        "Groups that lose: " + escape("; ".join(losers)) + "."
        if losers
        else f"No group loses (beyond ±{margin:g})."
    )
    chance = triple_win_chance(result)
    chance_html = f' <span class="chance">{escape(chance)}</span>' if chance else ""
    return (
        f'<div class="headline" id="headline-{escape(name)}"><strong>{escape(name)}</strong>: '
        f"{verdict_badge(result['verdict'])} - {parties}. "
        f'<span class="losers">{said}</span>{chance_html}</div>'
    )


def verdict_table(results: Mapping[str, Mapping[str, Any]], describe: Callable[[str], str]) -> str:
    """Scenario, what it is, verdict, each party's variation with outcome, groups that lose."""
    rows = []
    for name, result in results.items():
        cells = [
            f"<strong>{escape(name)}</strong>",
            escape(describe(name)),
            verdict_badge(result["verdict"]),
        ]
        for party in PARTIES:
            cells.append(
                f"{escape(dollars(result['delta'][party.key]))}<br>"
                f"<span class='small'>{escape(interval(result['ci95'][party.key]))}</span><br>"
                f"{verdict_badge(result['outcomes'][party.key])}"
            )
        cells.append(escape(", ".join(result.get("losing_groups", [])) or "none"))
        rows.append(cells)
    columns = ["scenario", "what it is", "verdict", *(f"{p.label} ($ a year)" for p in PARTIES)]
    return html_table([*columns, "groups that lose"], rows, text_columns=(1, 6))


def horizon_table(results: Mapping[str, Mapping[str, Any]]) -> str:
    """The verdict after 10 and 20 years and over the whole run."""
    rows = []
    for name, result in results.items():
        horizons = result.get("horizons", {})
        cells = [f"<strong>{escape(name)}</strong>"]
        for key in HORIZONS:
            verdict = horizons.get(key)
            cells.append(verdict_badge(verdict) if verdict else "- (beyond the run)")
        rows.append(cells)
    return html_table(["scenario", *(HORIZON_NAMES[k] for k in HORIZONS)], rows)


def channel_tables(results: Mapping[str, Mapping[str, Any]]) -> str:
    """Each party's variation by channel, and the total, a table per pair of scenarios."""
    names = list(results)
    chunks = [names[i : i + SCENARIOS_PER_TABLE] for i in range(0, len(names), SCENARIOS_PER_TABLE)]
    return "".join(_channel_table(results, chunk) for chunk in chunks)


def _channel_table(results: Mapping[str, Mapping[str, Any]], names: list[str]) -> str:
    columns = ["channel", *(f"{n}: {p.key}" for n in names for p in PARTIES)]
    rows = [
        [
            escape(channel),
            *(
                escape(dollars(results[n]["channels"][p.key].get(channel)))
                for n in names
                for p in PARTIES
            ),
        ]
        for channel in CHANNELS
    ]
    rows.append(
        [
            "<strong>total</strong>",
            *(
                f"<strong>{escape(dollars(results[n]['delta'][p.key]))}</strong>"
                for n in names
                for p in PARTIES
            ),
        ]
    )
    return html_table(columns, rows)


def group_table(results: Mapping[str, Mapping[str, Any]]) -> str:
    """Every group's variation, interval, outcome and change in size, per scenario."""
    names = list(results)
    rows = []
    for group in GROUPS:
        cells = [f"<code>{escape(group)}</code>"]
        for name in names:
            entry = results[name].get("groups", {}).get(group)
            if entry is None:
                cells.append("-")
                continue
            size = entry.get("size_change")
            resized = "" if size is None else f"; size {100 * size:+.0f}%"
            cells.append(
                f"{escape(dollars(entry['delta']))} {verdict_badge(entry['outcome'])}<br>"
                f"<span class='small'>{escape(interval(entry['ci95']) + resized)}</span>"
            )
        rows.append(cells)
    rows.append(["migrants worse off than at home", *(_worse_off(results[n]) for n in names)])
    return html_table(["group", *names], rows)


def _worse_off(result: Mapping[str, Any]) -> str:
    shares = result.get("migrants_worse_off_than_at_home") or {}
    written = [
        "-" if shares.get(key) is None else f"{100 * shares[key]:.1f}%"
        for key in ("baseline", "scenario")
    ]
    return escape(f"{written[0]} → {written[1]}")


def advice_table(results: Mapping[str, Mapping[str, Any]], caption: str) -> str:
    """Per scenario: verdict, whether settled, the projected count, each party, the advice."""
    rows = []
    for name, result in results.items():
        advice = result["advice"]
        needed = advice["replications_needed"]
        rows.append(
            [
                f"<strong>{escape(name)}</strong>",
                verdict_badge(result["verdict"]),
                "yes" if advice["decided"] else "no",
                escape(needed if needed is not None else "-"),
                *(_party_advice(a) for a in advice["parties"].values()),
                escape(advice["text"]),
            ]
        )
    columns = [
        "scenario",
        "verdict",
        "settled",
        "replications to settle",
        *(p.label for p in PARTIES),
        "advice",
    ]
    return html_table(columns, rows, caption, text_columns=(len(columns) - 1,))


def _party_advice(advice: Mapping[str, Any]) -> str:
    """A party's outcome, or 'open' with the projected count and outcome."""
    if advice["decided"]:
        return verdict_badge(advice["outcome"])
    needed, projected = advice.get("replications_needed"), advice.get("projected")
    if needed is None:
        return "open"
    return f"open (~{escape(needed)}: {escape(projected or 'open')})"
