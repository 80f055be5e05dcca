"""Report of a ``run`` folder: the scenario's indicators with intervals and its yearly paths."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from experiments.formats import interval, level
from experiments.report.page import (
    Section,
    escape,
    figure,
    folder_files,
    html_table,
    paragraph,
)
from experiments.result_files import ResultFile
from experiments.run import files
from model.catalogue import label
from model.catalogue import sections as groups

TITLE = "TripleWin: one scenario"


def indicator_rows(indicators: dict[str, Any]) -> list[list[str]]:
    """Every indicator by group: its mean and 95% interval, in its unit."""
    rows = []
    for group, names in groups().items():
        for name in names:
            value = indicators.get(name)
            if value is None:
                continue
            low, high = value["ci95"]
            rows.append(
                [
                    escape(group),
                    f"<code>{escape(name)}</code>",
                    escape(label(name)),
                    escape(level(value["mean"], name)),
                    escape(interval(low, high, name, of_change=False)),
                ]
            )
    return rows


def drawn_or_saved(folder: Path, saved: ResultFile, draw: Callable[[], Any]) -> Path | Any:
    """The folder's figure file when ``run --figures`` wrote it, else the figure drawn now."""
    path = saved.path(folder)
    return path if path.exists() else draw()


def yearly_paths(folder: Path, name: str, simulation: dict[str, Any]) -> Path | Any:
    """The yearly paths figure: the folder's, or drawn from ``yearly.parquet``."""

    def draw() -> Any:
        import pandas as pd

        from experiments.run.figures import yearly_figure

        yearly = pd.read_parquet(files.YEARLY.path(folder))
        return yearly_figure(yearly, name, simulation["evaluation_years"])

    return drawn_or_saved(folder, files.YEARLY_FIGURE, draw)


def flow_diagram(folder: Path, name: str, simulation: dict[str, Any]) -> Path | Any | None:
    """The money flows figure: the folder's, or drawn from ``accounts.parquet`` (if it has one)."""
    if not files.ACCOUNTS.path(folder).exists() and not files.ACCOUNTS_FIGURE.path(folder).exists():
        return None

    def draw() -> Any:
        import pandas as pd

        from experiments.run.figures import accounts_figure

        flows = pd.read_parquet(files.ACCOUNTS.path(folder))
        return accounts_figure(flows, name, simulation["years"], simulation["evaluation_years"])

    return drawn_or_saved(folder, files.ACCOUNTS_FIGURE, draw)


def books(folder: Path, summary: dict[str, Any], simulation: dict[str, Any]) -> str:
    """How the money and people accounts closed, and the money flows between sectors."""
    accounts = summary.get("accounts")
    if not accounts:
        return paragraph("This folder has no accounts (it predates them).", "note")
    text = paragraph(
        "Every payment goes from one named account to another (a social accounting matrix), "
        "and every account's stock, measured from the model's state, changes by exactly its "
        "inflows less its outflows: the largest relative residual of any account in any year "
        f"was {accounts['max_relative_residual']:.1e}, and the people accounts (births, deaths, "
        f"moves) were off by {accounts['people_residual']} persons (docs/ODD.md, section 7.25)."
    )
    rows = [
        [
            escape(sector.replace("_", " ")),
            escape(f"{totals['inflows']:,.0f}"),
            escape(f"{totals['outflows']:,.0f}"),
            escape(f"{totals['stock_change']:,.0f}"),
        ]
        for sector, totals in accounts["sectors"].items()
    ]
    table = html_table(
        ["sector", "inflows", "outflows", "change of stock"],
        rows,
        "Each sector over the run (PPP $, mean over replications)",
    )
    diagram = ""
    source = flow_diagram(folder, summary["scenario"], simulation)
    if source is not None:
        diagram = figure(
            source,
            "Flows between sectors in the evaluation window, payers on the left, receivers on "
            "the right; the largest flows that cover 97% of the money moved.",
        )
    return text + diagram + table


def sections(folder: Path, manifest: dict[str, Any]) -> list[Section]:
    """What the scenario does to the three parties, every indicator, and the yearly paths."""
    summary = json.loads(files.SUMMARY.path(folder).read_text())
    name = summary["scenario"]
    parameters = next(iter(manifest["scenarios"].values()))["parameters"]
    simulation = parameters["simulation"]
    intro = (
        f"Scenario '{name}' ({parameters.get('description') or 'no description'}): "
        f"{summary['replications']} replications of {simulation['years']} years with "
        f"{simulation['households']:,} origin households, seed {summary['seed']}. Each number is "
        f"a mean over the last {simulation['evaluation_years']} years, averaged over "
        "replications, with the 95% confidence interval of that average."
    )
    caveat = (
        "A single scenario's welfare numbers are levels, not gains: whether a policy makes "
        "migration a triple win is judged against a baseline with paired replications "
        "(uv run run.py compare BASELINE SCENARIO)."
    )
    table = html_table(
        ["group", "indicator", "meaning", "mean", "95% interval"],
        indicator_rows(summary["indicators"]),
        "Indicators by group",
        text_columns=(2,),
    )
    return [
        Section("What was run", paragraph(intro) + paragraph(caveat, "note")),
        Section(
            "Yearly paths",
            figure(
                yearly_paths(folder, name, simulation),
                "Mean over replications with its 95% band; the shaded "
                "years are the evaluation window.",
            ),
        ),
        Section("Every indicator", table),
        Section("The books", books(folder, summary, simulation)),
        Section("The data behind this page", folder_files(files.FILES, manifest)),
    ]
