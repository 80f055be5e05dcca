"""The welfare sections of a ``compare`` page: the equivalent variation of the three parties, its
channels, groups and horizons, and the figures that show them (forest, channels, paths, quadrant).

:class:`Context` carries what every section of the page needs; the other sections are in
:mod:`experiments.report.kinds.compare`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from experiments.comparison import files
from experiments.report.page import figure, paragraph
from experiments.report.verdicts import channel_tables, group_table, horizon_table
from experiments.verdicts import OUTCOMES


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
        self.margin = float(summary.get("margin") or 0.0)
        # Each scenario's colour, and as drawn in each figure (older folders have neither).
        self.colours: dict[str, str] = manifest.get("scenario_colours") or {}
        self.drawn: dict[str, dict[str, str]] = manifest.get("figure_colours") or {}

    def description(self, name: str) -> str:
        """A scenario's ``description:`` (or a plain fallback)."""
        entry = self.described.get(name, {})
        return entry.get("parameters", {}).get("description") or "no description given"


def outcome_colours() -> str:
    """How the figures' colours read: one per outcome, in words."""
    return "; ".join(f"{o.name}: {o.meaning}" for o in OUTCOMES)


def forest(folder: Path, context: Context) -> str:
    """The forest plot with how to read it."""
    return figure(
        files.FOREST.path(folder),
        "Each row is a scenario, in its colour of every figure of this page; each panel a "
        "party, each on its own linear axis in PPP $ per person per year. The marker is the "
        "mean equivalent variation against the baseline, the bar its 95% interval; the "
        "marker's shape is the party's outcome: pointing up a gain, down a loss, a diamond "
        f"negligible, hollow uncertain ({outcome_colours()}). The grey band is the margin of a "
        "negligible change. A triple win is a row of upward markers in all three panels.",
        alt="Forest plot of the equivalent variation of migrants, origin and destination",
        colours=context.drawn.get(files.FOREST.name),
    )


def channels(folder: Path, context: Context) -> str:
    """The channels figure and tables: what each party's variation is made of."""
    note = paragraph(
        "Each party's variation split into channels that add up to it exactly: wages, "
        "discrimination (pay below marginal product: a loss for migrants that natives gain as "
        "firm owners), capital income, enterprise and interest, fiscal, remittances, fees, "
        "migration costs, living costs abroad, education and skills, public programmes, saving "
        "and assets, and public debt passed on. A transfer shows as a channel of one sign for one "
        "party and of the other for another.",
    )
    shown = ""
    if files.CHANNELS.path(folder).is_file():
        shown = figure(
            files.CHANNELS.path(folder),
            "Stacked bars: gains to the right of zero, losses to the left; the black mark is "
            "their sum, the party's variation (PPP $ per person per year).",
            alt="Each party's equivalent variation by channel, per scenario",
        )
    return note + shown + channel_tables(context.results)


def groups(context: Context) -> str:
    """Every group's variation and outcome, and the share of migrants worse off."""
    note = paragraph(
        "Groups inside the parties, each judged like a party (PPP $ per person of the group "
        "per year, 95% interval beneath, with the margin). 'size' is how much the policy "
        "changes the group's person-years: where it is far from 0 the group's members change "
        "with the policy (migrants by status, stayers without a migrant), and its variation "
        "mixes how well its people do with how many they are. The last row is the share of "
        "migrants' years abroad spent consuming less than they would earn at home, in the "
        "baseline and under the scenario.",
        "small",
    )
    return note + group_table(context.results)


def horizons(folder: Path, context: Context) -> str:
    """The verdicts after 10 and 20 years and over the whole run, and the yearly paths."""
    note = paragraph(
        "A policy can cost first and pay later, or the other way round: the verdict over the "
        "first 10 and 20 years beside the verdict over the whole run (all discounted to the "
        "start, with the same margin)."
    )
    return (
        note
        + horizon_table(context.results)
        + figure(
            files.WELFARE_PATHS.path(folder),
            "The yearly indicators behind the verdict: each party's consumption this year (per "
            "origin-born person, or per native), mean over replications with its 95% band.",
            alt="Yearly consumption of migrants, origin and destination by scenario",
            colours=context.drawn.get(files.WELFARE_PATHS.name),
        )
        + figure(
            files.WELFARE_CHANGES.path(folder),
            "The change in those indicators against the baseline year by year, measured within "
            "each pair of replications: when a policy's gains or losses appear, and whether "
            "they last.",
            alt="Yearly change in consumption against the baseline by scenario",
            colours=context.drawn.get(files.WELFARE_CHANGES.name),
        )
    )


def quadrant(folder: Path, context: Context) -> str:
    """The who-gains quadrant with how to read it."""
    return figure(
        files.QUADRANT.path(folder),
        "Each scenario, in its colour, placed by its equivalent variation for the origin "
        "(across) and the destination (up), both linear in PPP $ per person per year, with 95% "
        "intervals; the marker's shape is the migrants' outcome (up a gain, down a loss, a "
        "diamond negligible, hollow uncertain) and the grey cross the margin. Candidates for a "
        "triple win sit in the shaded top-right quadrant with an upward marker and both "
        "intervals clear of the axes.",
        alt="Quadrant chart of the variation for the origin against that for the destination",
        colours=context.drawn.get(files.QUADRANT.name),
    )
