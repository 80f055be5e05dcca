"""Report of a ``run`` folder: the scenario's indicators with intervals and its yearly paths."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from experiments.labels import PARTIES, label
from experiments.report.page import Section, figure, paragraph, table

TITLE = "TripleWin: one scenario"


def sections(folder: Path, manifest: dict[str, Any]) -> list[Section]:
    """What the scenario does to the three parties, every indicator, and the yearly paths."""
    summary = json.loads((folder / "summary.json").read_text())
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
    rows = []
    for party, names in PARTIES.items():
        for indicator in names:
            value = summary["indicators"].get(indicator)
            if value is None:
                continue
            low, high = value["ci95"]
            rows.append(
                {
                    "party": party,
                    "indicator": indicator,
                    "meaning": label(indicator),
                    "mean": value["mean"],
                    "95% low": low,
                    "95% high": high,
                }
            )
    frame = pd.DataFrame(rows).astype({"mean": float, "95% low": float, "95% high": float})
    caveat = (
        "A single scenario's welfare numbers are levels, not gains: whether a policy makes "
        "migration a triple win is judged against a baseline with paired replications "
        "(python run.py compare BASELINE SCENARIO)."
    )
    return [
        Section("What was run", paragraph(intro) + paragraph(caveat, "note")),
        Section(
            "Yearly paths",
            figure(
                folder / "yearly.png",
                "Mean over replications with its 95% band; the shaded "
                "years are the evaluation window.",
            ),
        ),
        Section("Every indicator", table(frame, "Indicators by party")),
    ]
