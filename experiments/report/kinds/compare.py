"""Report of a ``compare`` folder: does each policy make migration a triple win?

Written for a reader who never ran the model: the question, what each scenario represents (its
description and the header comment of its file, kept in the manifest), the verdicts, the figures,
the change in every other indicator, whether the replications suffice, and the caveats.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from experiments.comparison import files
from experiments.comparison.differences import differences, header_paragraphs
from experiments.formats import change, level
from experiments.parties import PARTIES
from experiments.report.page import (
    Section,
    bullets,
    escape,
    figure,
    html_table,
    paragraph,
    scenario_key,
    verdict_badge,
)
from experiments.result_files import described
from experiments.verdicts import OUTCOMES, TRIPLE_WIN, VERDICTS
from model.catalogue import label

TITLE = "TripleWin: is the policy a triple win?"
SUBTITLE = (
    "Policy scenarios compared with a baseline, for migrants, their countries of origin and the "
    "societies that receive them"
)
VERDICT_ORDER = (TRIPLE_WIN, *(v.name for v in VERDICTS if v.name != TRIPLE_WIN))
# Scenarios per table of the other indicators: more would not fit the page's width.
COLUMNS_PER_TABLE = 3


def sections(folder: Path, manifest: dict[str, Any]) -> list[Section]:
    """The page's sections, from ``summary.json``, the manifest and the figures."""
    summary = json.loads(files.SUMMARY.path(folder).read_text())
    context = Context(summary, manifest)
    return [
        Section("The question", question(context)),
        Section("Verdicts", verdicts(context)),
        Section("The scenarios", scenarios(context)),
        Section("Change in welfare", forest(folder, context)),
        Section("Who gains", quadrant(folder, context)),
        Section("Welfare over time", paths(folder, context)),
        Section("The other indicators", other_indicators(context)),
        Section("Are the replications enough?", replication_advice(context)),
        Section("Caveats", caveats(context)),
        Section("The data behind this page", data_files(manifest)),
    ]


class Context:
    """What every section needs: the summary, the manifest and the baseline's settings."""

    def __init__(self, summary: dict[str, Any], manifest: dict[str, Any]) -> None:
        self.summary = summary
        self.manifest = manifest
        self.baseline: str = summary["baseline"]
        self.results: dict[str, Any] = summary["scenarios"]
        self.described: dict[str, Any] = manifest["scenarios"]
        self.simulation = self.described[self.baseline]["parameters"]["simulation"]
        self.replications = int(summary.get("replications") or manifest.get("replications", 0))
        # Each scenario's colour, and as drawn in each figure (older folders have neither).
        self.colours: dict[str, str] = manifest.get("scenario_colours") or {}
        self.drawn: dict[str, dict[str, str]] = manifest.get("figure_colours") or {}

    def description(self, name: str) -> str:
        """A scenario's ``description:`` (or a plain fallback)."""
        entry = self.described.get(name, {})
        return entry.get("parameters", {}).get("description") or "no description given"


def question(context: Context) -> str:
    """The triple-win question, how it is answered, and what the welfare measures mean."""
    sim, count = context.simulation, len(context.results)
    opening = (
        "International migration is said to be able to bring a 'triple win': gains for the "
        "migrants themselves, for their countries of origin and for the societies that receive "
        "them (United Nations Secretary-General, report to the General Assembly on international "
        "migration and development, 2006). Whether a policy delivers all three at once is an "
        "empirical question. This page answers it with TripleWin, an agent-based simulation of "
        "origin households, the members they send abroad and the economies on both sides, for "
        f"{count} scenario{'s' if count != 1 else ''} compared with the baseline "
        f"'{context.baseline}' ({context.description(context.baseline).rstrip('.')})."
    )
    method = (
        f"Each scenario was simulated {context.replications} times (replications) for "
        f"{sim['years']} years with {sim['households']:,} origin households (seed "
        f"{context.summary.get('seed')}); every number is an average over the last "
        f"{sim['evaluation_years']} years. Replication i of every scenario shares its random "
        "numbers with replication i of the baseline (common random numbers): the same households "
        "meet the same luck, so the difference between the two runs is the policy's doing. The "
        "change is measured within each pair of runs, then averaged, and its 95% interval says "
        "how precisely the replications pin it down."
    )
    test = (
        "The test: a scenario is a triple win when the 95% interval of the change lies above zero "
        "for all three parties; a loss when the interval for at least one party lies below zero; "
        "uncertain otherwise (an interval includes zero: the replications cannot tell a gain from "
        "no change)."
    )
    measures = bullets(
        [
            "Migrants: the income migrants gain over what they would earn at home (PPP dollars a "
            "year), summed over migrants and divided by the origin-born population, so a policy "
            "that lets more people gain counts as well as one that raises each gain.",
            "Origin: the mean log consumption of the people living in the origin country, "
            "remittances included; shown as a percentage change (0.01 in logs is about 1%).",
            "Destination: the log of natives' income per native - their labour and capital "
            "income plus migrants' net contribution to public finances (the immigration surplus "
            "of Borjas 1995); shown as a percentage change.",
        ]
    )
    return (
        paragraph(opening)
        + paragraph(method)
        + paragraph(test, "note")
        + "<p>The three welfare measures:</p>"
        + measures
    )


def change_cell(indicator: str, mean: float | None, interval: list[float | None]) -> str:
    """A change in an indicator's unit, with its interval beneath."""
    shown = escape(change(mean, indicator))
    low, high = interval
    if low is None or high is None:
        return shown
    bounds = f"[{change(low, indicator)}, {change(high, indicator)}]"
    return f'{shown}<br><span class="small">{escape(bounds)}</span>'


def verdicts(context: Context) -> str:
    """The verdict table and a sentence naming the triple wins."""
    rows = []
    for name, result in context.results.items():
        rows.append(
            [
                f"<strong>{escape(name)}</strong>",
                escape(context.description(name)),
                verdict_badge(result["verdict"]),
                *(
                    change_cell(p.indicator, result["delta"][p.key], result["ci95"][p.key])
                    for p in PARTIES
                ),
            ]
        )
    units = [f"{p.label} ({p.axis_unit})" for p in PARTIES]
    table = html_table(
        ["scenario", "what it is", "verdict", *units],
        rows,
        f"Change against '{context.baseline}': mean of {context.replications} paired "
        "replications, 95% interval beneath",
        text_columns=(1,),
    )
    key = scenario_key(context.colours) if context.colours else ""
    return paragraph(verdict_sentence(context)) + table + key


def verdict_sentence(context: Context) -> str:
    """Which scenarios are triple wins, losses and uncertain, in one sentence."""
    groups: dict[str, list[str]] = {verdict: [] for verdict in VERDICT_ORDER}
    for name, result in context.results.items():
        groups.setdefault(result["verdict"], []).append(name)
    parts = [
        f"{verdict}: {', '.join(names)}" if names else f"{verdict}: none"
        for verdict, names in groups.items()
    ]
    return "In short - " + "; ".join(parts) + "."


def scenarios(context: Context) -> str:
    """What each scenario represents: description, header comment, and what it changes."""
    baseline_entry = context.described[context.baseline]
    parts = [_scenario_block(context.baseline, baseline_entry, "the baseline")]
    for name in context.results:
        if name == context.baseline:
            parts.append(paragraph(f"'{name}' is also compared with itself (a check)."))
            continue
        entry = context.described[name]
        changed = differences(baseline_entry["parameters"], entry["parameters"])
        parts.append(_scenario_block(name, entry, "a scenario") + _changes_list(changed))
    return "".join(parts)


def _scenario_block(name: str, entry: dict[str, Any], role: str) -> str:
    files = ", ".join(entry.get("files") or [entry.get("file", "")])
    overrides = entry.get("overrides") or []
    head = f"<h3>{escape(name)} <span class='small'>({escape(role)}; {escape(files)})</span></h3>"
    body = paragraph(entry.get("parameters", {}).get("description") or "No description given.")
    header = header_paragraphs(entry.get("header", ""))
    if header:
        body += "<blockquote>" + "".join(paragraph(p) for p in header) + "</blockquote>"
    if overrides:
        body += paragraph("Command-line changes: " + ", ".join(overrides), "small")
    return head + body


def _changes_list(changed: list[str]) -> str:
    if not changed:
        return paragraph("Its parameters are the baseline's.")
    return "<p>What differs from the baseline:</p>" + bullets(changed, escaped=True)


def outcome_colours() -> str:
    """How the figures' colours read: one per outcome, in words."""
    return "; ".join(f"{o.name}: {o.meaning}" for o in OUTCOMES)


def forest(folder: Path, context: Context) -> str:
    """The forest plot with how to read it."""
    return figure(
        files.FOREST.path(folder),
        "Each row is a scenario, in its colour of every figure of this page; each panel a "
        "party. The marker is the mean change against the baseline, the bar its 95% interval; "
        "the marker's shape is the party's outcome: pointing up a gain, down a loss, hollow "
        f"uncertain ({outcome_colours()}). A triple win is a row of upward markers in all three "
        "panels. Where one scenario dwarfs the others the axis is logarithmic beyond the small "
        "changes.",
        alt="Forest plot of the change in the welfare of migrants, origin and destination",
        colours=context.drawn.get(files.FOREST.name),
    )


def quadrant(folder: Path, context: Context) -> str:
    """The who-gains quadrant with how to read it."""
    return figure(
        files.QUADRANT.path(folder),
        "Each scenario, in its colour, placed by the change it brings the origin (across) and "
        "the destination (up), with 95% intervals; the marker's shape is the migrants' outcome "
        "(up a gain, down a loss, hollow uncertain). Candidates for a triple win sit in the "
        "shaded top-right quadrant with an upward marker and both intervals clear of the axes.",
        alt="Quadrant chart of the change for the origin against the change for the destination",
        colours=context.drawn.get(files.QUADRANT.name),
    )


def paths(folder: Path, context: Context) -> str:
    """Yearly paths of the three parties' welfare: levels and paired changes."""
    window = context.simulation["evaluation_years"]
    return figure(
        files.WELFARE_PATHS.path(folder),
        "Each party's welfare year by year, mean over replications with its 95% band. The "
        f"shaded years (the last {window}) are the evaluation window the verdicts average over.",
        alt="Yearly welfare of migrants, origin and destination by scenario",
        colours=context.drawn.get(files.WELFARE_PATHS.name),
    ) + figure(
        files.WELFARE_CHANGES.path(folder),
        "The change against the baseline year by year, measured within each pair of "
        "replications: when a policy's gains or losses appear, and whether they last.",
        alt="Yearly change in welfare against the baseline by scenario",
        colours=context.drawn.get(files.WELFARE_CHANGES.name),
    )


def other_indicators(context: Context) -> str:
    """Every other canonical indicator: its baseline level and each scenario's change."""
    note = paragraph(
        "The change in each indicator against the baseline, mean of the paired replications "
        "with its 95% interval beneath; * marks an interval that excludes zero. '-' means the "
        "indicator is undefined (no migrants under closed borders, for instance).",
        "small",
    )
    names = list(context.results)
    groups = [names[i : i + COLUMNS_PER_TABLE] for i in range(0, len(names), COLUMNS_PER_TABLE)]
    return note + "".join(_indicator_table(context, group) for group in groups)


def _indicator_table(context: Context, scenarios: list[str]) -> str:
    first = context.results[scenarios[0]]["changes"]
    rows = []
    for indicator, entry in first.items():
        cells = [f"<code>{escape(indicator)}</code>", escape(label(indicator))]
        cells.append(escape(level(entry["baseline"], indicator)))
        for name in scenarios:
            mine = context.results[name]["changes"][indicator]
            cells.append(change_cell(indicator, mine["mean"], mine["ci95"]))
            cells[-1] += " *" if mine["decided"] else ""
        rows.append(cells)
    columns = ["indicator", "meaning", "baseline level", *scenarios]
    return html_table(columns, rows, text_columns=(1,))


def replication_advice(context: Context) -> str:
    """Whether each verdict is decided, and how many replications would decide it."""
    intro = paragraph(
        "An interval that includes zero may mean that the policy changes nothing for that party, "
        "or that too few replications were run to see the change. Taking the observed changes "
        "and their spread as the truth, the table gives the number of paired replications that "
        "would shrink each interval enough to exclude zero - for the verdict, and for each party "
        "(~N beside 'decided' or 'open'). A very large number means the change is too small to "
        "matter; a modest one means: run again with --replications set to it."
    )
    rows = []
    for name, result in context.results.items():
        advice = result["advice"]
        needed = advice["replications_needed"]
        parties = [
            ("decided" if a["decided"] else "open")
            + (f" (~{a['replications_needed']})" if a["replications_needed"] else "")
            for a in advice["parties"].values()
        ]
        rows.append(
            [
                f"<strong>{escape(name)}</strong>",
                verdict_badge(result["verdict"]),
                "yes" if advice["decided"] else "no",
                escape(needed if needed is not None else "-"),
                *(escape(p) for p in parties),
                escape(advice["text"]),
            ]
        )
    columns = [
        "scenario",
        "verdict",
        "decided",
        "replications to decide",
        *(p.label for p in PARTIES),
        "advice",
    ]
    caption = f"{context.replications} paired replications were run"
    return intro + html_table(columns, rows, caption, text_columns=(len(columns) - 1,))


def caveats(context: Context) -> str:
    """What the numbers do and do not say."""
    sim = context.simulation
    return bullets(
        [
            "A stylised model. The countries are stylised - a lower-middle-income origin and a "
            "high-income destination - calibrated to broad facts (model/calibration.yaml, "
            "docs/ODD.md section 7.21), not to a particular pair of countries. Signs and rankings "
            "of the changes are more telling than their sizes.",
            "Calibration bands. The targets are ranges (remittances of 5-10% of GDP, a migrant "
            "share of 10-20% of the labour force, ...); a policy's effect can depend on where in "
            "those ranges the baseline sits. Sensitivity analysis (run.py sensitivity) tests that.",
            "What the welfare measures leave out: how gains are shared within each party (see "
            "poverty, the Gini and native low-skilled wages among the other indicators), and "
            "what is not income - family separation, rights, the dangers of irregular journeys. "
            "Migrants' welfare is counted per origin-born person, so it rises when more people "
            "migrate even if each gains less.",
            "The intervals measure simulation noise only: how precisely the replications "
            "estimate the model's answer, not uncertainty about the model's parameters or "
            "structure.",
            "Paired replications on common random numbers make intervals much narrower than "
            "independent runs would; the verdict uses the paired interval. Comparing the "
            "baseline with itself gives changes of exactly zero.",
            f"Long run: the verdicts average the last {sim['evaluation_years']} of "
            f"{sim['years']} simulated years; the yearly figures show the transition.",
            "Many scenarios, one test each at 95%: with many scenarios a verdict can be decided "
            "by chance; confirm a surprising one with more replications or another seed.",
        ]
    )


def data_files(manifest: dict[str, Any]) -> str:
    """The files of the results folder, for analysts who want the numbers."""
    present = [*manifest.get("outputs", []), files.MANIFEST.name]
    items = [
        f"<code>{escape(name)}</code>: {escape(about)}"
        for name, about in described(files.FILES, present)
    ]
    return bullets(items, escaped=True)
