"""Report of a ``sweep`` folder: the design, the figures, and every point with its verdict."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from experiments.parties import PARTIES
from experiments.report.page import Section, escape, figure, html_table, paragraph, verdict_badge
from experiments.sweep import files
from experiments.sweep.figures import short, tick

TITLE = "TripleWin: a sweep over policies or parameters"
MAX_ROWS = 80


def introduction(manifest: dict[str, Any]) -> str:
    """What was run, in plain words."""
    experiment = manifest["experiment"]["content"]
    design = manifest["design"]
    simulation = manifest["scenarios"]["base"]["parameters"]["simulation"]
    points = len(design["points"]) - 1
    varied = ", ".join(design["parameters"]) or "the listed scenarios"
    what = {
        "grid": f"a grid of {points} combinations of {varied}",
        "lhs": f"a Latin hypercube of {points} samples of {varied}",
        "sobol": f"a scrambled Sobol' sample of {points} points of {varied}",
        "scenarios": f"{points} scenario files",
    }[design["kind"]]
    return (
        f"Experiment '{experiment['name']}' ({experiment.get('description') or 'no description'})"
        f": {what}, plus the base scenario '{manifest['scenarios']['base']['name']}' as the "
        f"reference, each run {manifest['replications']} times ({manifest['runs']} runs) for "
        f"{simulation['years']} years with {simulation['households']:,} origin households, "
        f"seed {manifest['seed']}. Indicators are means over the last "
        f"{simulation['evaluation_years']} years; each party's welfare is its present value "
        "over the whole run."
    )


def method_note(manifest: dict[str, Any]) -> str:
    """How changes and verdicts are computed, and what to beware of."""
    margin = manifest["scenarios"]["base"]["parameters"].get("welfare", {}).get("margin", 0)
    note = (
        "Replication r of every point and of the base scenario uses the same seed (common "
        "random numbers), so each point's change in a party's welfare is the mean of paired "
        "equivalent variations (PPP $ per person per year, present value over the run) with "
        f"its 95% interval. A party's change is negligible when its interval lies within "
        f"±{margin:g} (the base scenario's welfare.margin), a loss when it lies below zero, a "
        "gain when above, uncertain otherwise; a point is a triple win when all three gain, a "
        "loss when one loses, negligible when all three are, uncertain otherwise (the rule of "
        "run.py compare). With many points, some intervals exclude zero by chance (about one "
        "in twenty per party where a lever has no effect): read isolated verdicts with care."
    )
    rule = manifest["design"].get("integer_rule")
    return note + (f" Sampled {rule}." if rule else "")


def points_table(folder: Path, parameters: list[str]) -> str:
    """Every point (up to :data:`MAX_ROWS`) with its verdict and welfare changes.

    The verdict comes right after the point's number, so it is on screen however many
    parameters the design varies; a design's points are named by their parameter columns
    (short names; the full paths are in the caption), a scenario list's by the scenario.
    """
    points = pd.read_parquet(files.POINTS.path(folder))
    rows = []
    for _, point in points.head(MAX_ROWS).iterrows():
        cells = [escape(point["point"]), verdict_badge(str(point["verdict"]))]
        if parameters:
            cells += [escape(tick(point[path])) for path in parameters]
        else:
            cells.append(escape(point["point_name"]))
        for party in PARTIES:
            key = f"change_{party.key}"
            bounds = party.interval(point[f"{key}_low"], point[f"{key}_high"])
            judged = point.get(f"outcome_{party.key}")
            badge = verdict_badge(str(judged)) if isinstance(judged, str) else ""
            cells.append(
                f"{escape(party.change(point[key]))}<br>{badge}<br>"
                f"<span class='small'>{escape(bounds)}</span>"
            )
        # Group names break at their words, so the column stays narrow.
        groups = str(point.get("losing_groups") or "").replace("_", " ")
        cells.append(escape(groups))
        rows.append(cells)
    caption = (
        "Verdict and equivalent variations against the base scenario (mean and outcome, 95% "
        "interval beneath)"
    )
    if parameters:
        caption += " by point; columns: " + ", ".join(parameters)
    if len(points) > MAX_ROWS:
        caption += f" (first {MAX_ROWS} of {len(points)}; all in {files.POINTS.name})"
    # Names break at their words, so that many parameters still fit the page.
    names = [short(path).replace("_", " ") for path in parameters] or ["scenario"]
    columns = [
        "point",
        "verdict",
        *names,
        *(f"{p.label} ({p.axis_unit})" for p in PARTIES),
        "groups that lose",
    ]
    text = ((1,) if parameters else (1, 2)) + (len(columns) - 1,)
    return html_table(columns, rows, caption, text_columns=text)


def sections(folder: Path, manifest: dict[str, Any]) -> list[Section]:
    """The design, the verdict counts, the figures and the points."""
    counts = manifest.get("verdicts") or {}
    tally = ", ".join(f"{count} {verdict}" for verdict, count in counts.items()) or "none"
    body = paragraph(introduction(manifest)) + paragraph(method_note(manifest), "note")
    found = [
        Section("What was run", body),
        Section("Verdicts", paragraph(f"Design points by verdict: {tally}.")),
    ]
    images = "".join(
        figure(folder / item["file"], item["caption"])
        for item in manifest.get("figures", [])
        if (folder / item["file"]).is_file()
    )
    if images:
        found.append(Section("Figures", images))
    found.append(Section("Every point", points_table(folder, manifest["design"]["parameters"])))
    cluster = manifest.get("cluster") or {}
    found.append(
        Section(
            "How it ran",
            paragraph(
                f"On a {cluster.get('kind', 'local')} Dask cluster with {cluster.get('workers')} "
                f"workers, in {len(manifest.get('sessions', []))} session(s); one row per run in "
                f"{files.RUNS.name} (timing_* columns measure the machine and are not "
                "reproducible)."
            ),
        )
    )
    return found
