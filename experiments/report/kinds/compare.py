"""Report of a ``compare`` folder: does each policy make migration a triple win?

Written for a reader who never ran the model: the question, each scenario's verdict with the
groups that lose beside it (:mod:`experiments.report.verdicts`), what each scenario represents
(its description and the header comment of its file, kept in the manifest), the welfare figures,
channels, groups and horizons (:mod:`experiments.report.compare_welfare`), the change in every
other indicator, whether the replications suffice, and the caveats.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from experiments.comparison import files
from experiments.comparison.differences import differences, header_paragraphs
from experiments.formats import change, level
from experiments.report.compare_welfare import (
    Context,
    channels,
    forest,
    groups,
    horizons,
    quadrant,
)
from experiments.report.page import (
    Section,
    bullets,
    escape,
    folder_files,
    html_table,
    paragraph,
    scenario_key,
)
from experiments.report.verdicts import (
    advice_table,
    headline,
    verdict_table,
)
from experiments.verdicts import TRIPLE_WIN, VERDICTS
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
        Section("Verdicts", verdicts(context)),
        Section("The question", question(context)),
        Section("The scenarios", scenarios(context)),
        Section("Change in welfare", forest(folder, context)),
        Section("Channels", channels(folder, context)),
        Section("Groups", groups(context)),
        Section("Verdicts over time", horizons(folder, context)),
        Section("Who gains", quadrant(folder, context)),
        Section("The other indicators", other_indicators(context)),
        Section("Are the replications enough?", replication_advice(context)),
        Section("Caveats", caveats(context)),
        Section("The data behind this page", data_files(manifest)),
    ]


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
        f"{context.summary.get('seed')}). Replication i of every scenario shares its random "
        "numbers with replication i of the baseline (common random numbers): the same households "
        "meet the same luck, so the difference between the two runs is the policy's doing. The "
        "change is measured within each pair of runs, then averaged, and its 95% interval says "
        "how precisely the replications pin it down."
    )
    metric = (
        "Each party's change is an equivalent variation: the sum of money, in PPP dollars per "
        "person and year, that each of its people would have to be given in the baseline to be "
        "as well off as under the policy. It is measured on consumption (net of the extra costs "
        "of living abroad, migration and route costs, fees and the earnings a joining spouse "
        "gives up), discounted over the whole run, plus the assets held at the end less the "
        "public debt passed on (docs/ODD.md, section 7.19)."
    )
    test = (
        f"The test: a party's change is negligible when its 95% interval lies within "
        f"±{context.margin:g} PPP $ a year (the margin of a change too small to matter), a "
        "loss when the interval lies below zero, a gain when above, uncertain otherwise. A "
        "scenario is a triple win when all three parties gain; a loss when one loses; "
        "negligible when all three changes are negligible; uncertain otherwise. It is read "
        "over the whole run, and also after 10 and 20 years."
    )
    measures = bullets(
        [
            "Migrants: the people who moved, for the years they live abroad, counted per "
            "origin-born person (so that migrants and origin add up to the origin-born).",
            "Origin: everyone else born in the origin - those who stay, those who return, the "
            "family living with a migrant abroad and the migrants' grown children - per "
            "origin-born person. The origin-born are the same people in every run, so who "
            "leaves cannot pass for a change in welfare.",
            "Destination: the natives, per native. Pay below a migrant's marginal product is "
            "shown as the channel 'discrimination': a transfer from migrants to natives, not a "
            "gain.",
        ]
    )
    return (
        paragraph(opening)
        + paragraph(method)
        + paragraph(metric)
        + paragraph(test, "note")
        + "<p>The three parties:</p>"
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
    """Each scenario's headline, with the groups that lose beside it, then the table."""
    heads = "".join(
        headline(name, result, context.margin) for name, result in context.results.items()
    )
    table = verdict_table(context.results, context.description)
    caption = paragraph(
        f"Against '{context.baseline}': equivalent variation in PPP $ per person per year over "
        f"the whole run, mean of {context.replications} paired replications with its 95% "
        f"interval; negligible within ±{context.margin:g}. A group loses when its interval lies "
        "below zero and beyond the margin." + _posterior_note(context),
        "small",
    )
    key = scenario_key(context.colours) if context.colours else ""
    return paragraph(verdict_sentence(context)) + heads + caption + table + key


def _posterior_note(context: Context) -> str:
    """How the replications drew their parameters, when ``--posterior`` was given."""
    drawn = context.summary.get("posterior")
    if not drawn:
        return ""
    return (
        f" Each replication ran in one world drawn from the posterior {drawn.get('file', '')} "
        "(the same draw for the baseline and every scenario); the probability of a triple win "
        "is the share of those worlds in which all three parties gained beyond the margin, "
        "with its Wilson interval."
    )


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
        "An outcome is open (uncertain) when its interval includes zero and reaches beyond the "
        "margin: the replications cannot yet tell a gain or a loss from a change too small to "
        "matter. Taking the observed means and spreads as the truth, the table projects how "
        "many paired replications would decide each open party, and as what; a projection from "
        "the replications run, not a result. A modest number means: run again with "
        "--replications set to it."
    )
    caption = f"{context.replications} paired replications were run"
    return intro + advice_table(context.results, caption)


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
            "Migrants and origin are two parts of one fixed population, the origin-born, each "
            "counted per origin-born person: when more people leave, welfare moves from the "
            "origin's part to the migrants'; their sum is the origin-born's change. Groups "
            "whose members change with the policy (see 'size' in the groups table) mix how well "
            "their people do with how many they are.",
            "The intervals measure simulation noise only: how precisely the replications "
            "estimate the model's answer, not uncertainty about the model's parameters or "
            "structure.",
            "Paired replications on common random numbers make intervals much narrower than "
            "independent runs would; the verdict uses the paired interval. Comparing the "
            "baseline with itself gives changes of exactly zero.",
            f"Time: the headline is the present value over all {sim['years']} simulated years, "
            "discounted at welfare.discount_rate, with assets held at the end; the verdicts "
            "after 10 and 20 years show whether it flips with the horizon.",
            f"The margin (±{context.margin:g} PPP $ per person per year) is a modelling choice: "
            "rerun with --margin to see which verdicts depend on it.",
            "Many scenarios, one test each at 95%: with many scenarios a verdict can be decided "
            "by chance; confirm a surprising one with more replications or another seed.",
        ]
    )


def data_files(manifest: dict[str, Any]) -> str:
    """The files of the results folder, for analysts who want the numbers."""
    return folder_files(files.FILES, manifest)
