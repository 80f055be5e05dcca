"""Report of a ``survey`` folder: every estimator against the truth, and how errors degrade it.

Written for a reader who never ran the model: what the laboratory does, the table of estimates
with what each estimates and its unit, bias, RMSE and coverage, the figures, what each data
source gets wrong, and where the numbers are.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from experiments.estimators import files
from experiments.report.page import (
    Section,
    escape,
    figure,
    folder_files,
    html_table,
    paragraph,
)

TITLE = "TripleWin: the estimation laboratory"
SUBTITLE = (
    "How well do the standard ways of measuring migration recover the truth, which only a "
    "simulation knows?"
)


def number(value: float | None) -> str:
    """A number to four significant digits, or '-'."""
    if value is None or value != value:
        return "-"
    return f"{value:,.0f}" if abs(value) >= 1e4 else f"{value:.4g}"


def introduction(document: dict[str, Any], manifest: dict[str, Any]) -> str:
    """What was run and how to read the scores."""
    measurement = document.get("measurement", {})
    return paragraph(
        f"Scenario '{document['scenario']}': {document['replications']} replications (seed "
        f"{document['seed']}), each a simulated population observed by a census and its "
        "microdata sample, a labour force survey, an origin household survey, registers and "
        "two administrative lists of irregular migrants, with the measurement errors of the "
        f"scenario (census every {measurement.get('census_interval')} years; census years "
        f"{', '.join(map(str, document.get('census_years', [])))}). Every estimator is applied "
        "to what the observers publish, for the last census year or the last interval between "
        "censuses, all places together, and compared with the truth of the same replication."
    ) + paragraph(
        "Bias is the mean error (estimate minus truth); RMSE the root mean squared error; "
        "coverage the share of replications whose 95% interval holds the truth: about 0.95 "
        "for an honest interval, up to chance (with 20 replications an honest interval shows "
        "0.85-1). Estimate, interval and truth are means over the replications. 'Exact' marks "
        "the estimators that recover the truth when every error is switched off and samples "
        "are complete; the others rest on models of the data and are scored as they are.",
        "note",
    )


def estimate_table(document: dict[str, Any]) -> str:
    """One row per estimator: what is estimated, unit, estimate, interval, truth, scores."""
    rows = []
    for name, entry in document["estimators"].items():
        low, high = entry["ci95"]
        rows.append(
            [
                escape(name),
                escape(entry["target"]),
                escape(entry["unit"]),
                escape(number(entry["estimate"])),
                escape(f"[{number(low)}, {number(high)}]"),
                escape(number(entry["truth"])),
                escape(number(entry["bias"])),
                escape(number(entry["rmse"])),
                escape(number(entry["coverage"])),
                "yes" if entry.get("exact_in_principle") else "no",
            ]
        )
    return html_table(
        [
            "estimator",
            "what is estimated",
            "unit",
            "estimate",
            "95% interval",
            "truth",
            "bias",
            "RMSE",
            "coverage",
            "exact",
        ],
        rows,
        caption="Estimates against the truth",
        text_columns=(0, 1, 2, 9),
    )


def sources_table(document: dict[str, Any]) -> str:
    """Where each estimator's data and method come from."""
    rows = [
        [escape(name), escape(entry.get("data", "")), escape(entry.get("source", ""))]
        for name, entry in document["estimators"].items()
    ]
    return html_table(
        ["estimator", "data", "method after"],
        rows,
        caption="Data and sources",
        text_columns=(0, 1, 2),
    )


def sweep_section(folder: Path, document: dict[str, Any]) -> str:
    """How each estimator responds to the swept error parameter."""
    sweep = document["sweep"]
    frame = pd.DataFrame(sweep["scores"])
    parts = [
        paragraph(
            f"Every replication was also observed with {sweep['parameter']} at "
            f"{', '.join(f'{v:g}' for v in sweep['values'])}, the rest of the scenario "
            "unchanged: the same simulated populations, seen through coupled draws, so the "
            "differences are the error's alone."
        )
    ]
    path = files.SWEEP_FIGURE.path(folder)
    if path.is_file():
        parts.append(figure(path, "Relative bias, relative RMSE and coverage against the value."))
    rows = [
        [
            escape(r.estimator),
            escape(f"{r.value:g}"),
            escape(number(r.bias)),
            escape(number(r.rmse)),
            escape(number(r.coverage)),
        ]
        for r in frame.itertuples()
    ]
    parts.append(
        html_table(
            ["estimator", "value", "bias", "RMSE", "coverage"],
            rows,
            caption=f"Scores by value of {sweep['parameter']}",
            text_columns=(0,),
        )
    )
    return "".join(parts)


def data_files(manifest: dict[str, Any]) -> str:
    """Where the numbers behind the page are: the files of the folder, by family."""
    listed = folder_files(files.FILES, manifest)
    return (
        paragraph("In this folder (FORMAT is parquet, and csv for spreadsheets):")
        + listed
        + paragraph(
            "Definitions, error models and sources: docs/integration_and_measurement.md. "
            f"Every file: {', '.join(manifest.get('outputs', []))}.",
            "small",
        )
    )


def sections(folder: Path, manifest: dict[str, Any]) -> list[Section]:
    """The page: what was run, the estimates, the figure, sources, the sweep, the data."""
    document = json.loads(files.SUMMARY.path(folder).read_text())
    parts = [
        Section("What was run", introduction(document, manifest)),
        Section("Estimates against the truth", estimate_table(document)),
    ]
    path = files.SCORES_FIGURE.path(folder)
    if path.is_file():
        parts.append(
            Section(
                "Errors and coverage",
                figure(
                    path,
                    "Left: each replication's error relative to the mean truth, and their mean. "
                    "Right: coverage of the 95% intervals; the band is where an honest "
                    "interval's coverage falls over this many replications.",
                ),
            )
        )
    parts.append(Section("Data and sources", sources_table(document)))
    if "sweep" in document:
        parts.append(Section("When an error grows", sweep_section(folder, document)))
    parts.append(Section("The data behind this page", data_files(manifest)))
    return parts
