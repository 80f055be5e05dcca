"""Report of a ``validate`` folder: the model's behaviour beside what is known about migration.

Written for a reader who never ran the model: what validation means here (pattern-oriented
modelling), an overview of every check, then one section per check with its fact, source, how
the model measures it, the figure, the statistic against the band, and the verdict.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from experiments.report.page import (
    Section,
    bullets,
    escape,
    figure,
    folder_files,
    html_table,
    paragraph,
)
from experiments.validation import files

TITLE = "TripleWin: calibration and validation against known facts"
SUBTITLE = (
    "Does the simulator meet the facts it was calibrated to where the verdict is read, and does "
    "it reproduce patterns of migration it was never tuned to?"
)
KIND_TEXT = {
    "calibration": "Calibration checks (in-sample: targets the parameters were chosen to meet)",
    "validation": "Validation checks (out-of-sample: patterns the model was never tuned to)",
}


def number(value: float | None) -> str:
    """A number to four significant digits, or '-'."""
    return "-" if value is None else f"{value:.4g}"


def band_text(band: list[float | None]) -> str:
    """``[LO, HI]``, ``at least LO`` or ``at most HI``."""
    low, high = band
    if high is None:
        return f"at least {number(low)}"
    if low is None:
        return f"at most {number(high)}"
    return f"[{number(low)}, {number(high)}]"


def badge(passed: bool) -> str:
    """Pass or fail in colour."""
    css, text = ("verdict-triple-win", "pass") if passed else ("verdict-loss", "FAIL")
    return f'<span class="{css}">{text}</span>'


def interval_text(entry: dict[str, Any]) -> str:
    """The 95% interval of a check, or '-'."""
    interval = entry.get("interval")
    return f"[{number(interval[0])}, {number(interval[1])}]" if interval else "-"


def introduction(document: dict[str, Any], manifest: dict[str, Any]) -> str:
    """What validation means here, and what was run."""
    experiments = manifest.get("experiments", {})
    runs = sum(e.get("runs", 0) for e in experiments.values())
    quick = document.get("quick")
    parts = [
        paragraph(
            "A model that policy analysts can trust must reproduce what we already know. "
            "Pattern-oriented modelling (Grimm et al. 2005, Science 310: 987-991) tests an "
            "agent-based model against several patterns observed in the real system at once, "
            "each produced by different mechanisms: a model that reproduces many independent "
            "patterns is more likely to have the mechanisms right than one fitted to a single "
            "number. Each check below states a published fact, how the model measures the same "
            "thing, the experiment that tests it, and the band the model's statistic must lie in."
        ),
        paragraph(
            "The checks are of two kinds. Calibration checks are in-sample: facts the "
            "parameters were chosen to reproduce (model/calibration.yaml), read in the "
            "evaluation window where verdicts are read; passing them shows the calibration "
            "holds there, not that the model is right. Validation checks are out-of-sample: "
            "patterns from the literature the model was never tuned to, each measured by an "
            "experiment (usually paired runs across a lever or a world parameter); a wrong "
            "model would fail them. Facts that a parameter or an accounting identity meets by "
            "construction are not checked here but in the tests."
        ),
        paragraph(
            f"{len(experiments)} experiments, {runs} runs in all, seed {document.get('seed')}; "
            f"replication i of every experiment and of every point of a sweep used "
            "SeedSequence(seed, spawn_key=(i,)), so differences along a sweep are paired (common "
            f"random numbers). {document['passed']} checks pass and {document['failed']} fail"
            + "".join(
                f"; {kind}: {counts['passed']} of {counts['checks']} pass"
                for kind, counts in (document.get("kinds") or {}).items()
            )
            + ". "
            "Numbers are means over replications of the evaluation-window mean (the last years of "
            "each run), with 95% intervals over replications."
        ),
    ]
    if quick:
        parts.append(
            paragraph(
                "These are --quick results: tiny runs that check the machinery. The numbers mean "
                "nothing about the model.",
                "note",
            )
        )
    parts.append(
        paragraph(
            "A failing check is not tuned away: docs/validation.md explains why the model misses "
            "it and what change to the mechanism would close the gap.",
            "note",
        )
    )
    return "".join(parts)


def overview(document: dict[str, Any]) -> str:
    """One row per check."""
    rows = [
        [
            f'<a href="#{escape(anchor_of(name, entry))}">{escape(entry.get("title", name))}</a>',
            escape(entry.get("kind", "")),
            escape(number(entry["statistic"])),
            escape(interval_text(entry)),
            escape(band_text(entry["band"])),
            badge(entry["pass"]),
            escape(entry.get("cite") or entry["source"]),
        ]
        for name, entry in document["checks"].items()
    ]
    return html_table(
        ["check", "kind", "statistic", "95% interval", "band", "result", "source"],
        rows,
        caption="Every check",
        text_columns=(0, 1, 6),
    )


def anchor_of(name: str, entry: dict[str, Any]) -> str:
    """The id of a check's section (as ``page.anchor`` makes it from the title)."""
    from experiments.report.page import anchor

    return anchor(entry.get("title", name))


def experiments_section(manifest: dict[str, Any]) -> str:
    """The experiments that were run."""
    items = []
    for name, experiment in manifest.get("experiments", {}).items():
        sweep = experiment.get("sweep")
        swept = (
            f"; {sweep['parameter']} at {', '.join(f'{v:g}' for v in sweep['values'])}"
            if sweep
            else ""
        )
        items.append(
            f"{name}: {experiment['description']} Scenario {experiment['scenario']}, "
            f"{experiment['replications']} replications per point{swept}; {experiment['runs']} "
            f"runs in {experiment['seconds']:.0f} s."
        )
    return bullets(items)


def check_section(folder: Path, name: str, entry: dict[str, Any]) -> str:
    """Fact, source, measure, figure, statistic against band, verdict."""
    rule = (
        "its whole 95% interval must lie in the band"
        if entry.get("rule") == "interval"
        else "the estimate must lie in the band"
    )
    lines = [
        paragraph(KIND_TEXT.get(entry.get("kind", ""), "") + "."),
        paragraph(f"Fact: {entry['fact']}"),
        paragraph(f"Source: {entry['source']}", "small"),
        paragraph(f"How the model measures it: {entry.get('measure') or 'see the figure.'}"),
    ]
    path = files.FIGURE.path(folder, check=name)
    if path.is_file():
        lines.append(figure(path, f"{entry.get('title', name)}: the statistic beside its band."))
    extra = entry.get("extra") or {}
    more = "".join(
        f"; {key} {number(value['mean'])}"
        for key, value in extra.items()
        if value["mean"] is not None
    )
    lines.append(
        f"<p>{badge(entry['pass'])}: statistic {escape(number(entry['statistic']))} "
        f"(95% interval {escape(interval_text(entry))}{escape(more)}) against the band "
        f"{escape(band_text(entry['band']))}; {escape(rule)}. Experiment "
        f"<code>{escape(entry.get('experiment', ''))}</code>, {entry.get('replications')} "
        "replications.</p>"
    )
    return "".join(lines)


def data_files(manifest: dict[str, Any]) -> str:
    """Where the numbers behind the page are: the files of the folder, by family."""
    listed = folder_files(files.FILES, manifest)
    experiments = ", ".join(manifest.get("experiments", {}))
    return (
        paragraph("In this folder:")
        + listed
        + paragraph(f"EXPERIMENT is one of {experiments}; CHECK is a check's id.", "small")
    )


def sections(folder: Path, manifest: dict[str, Any]) -> list[Section]:
    """The page: introduction, overview, experiments, one section per check, data."""
    document = json.loads(files.SUMMARY.path(folder).read_text())
    parts = [
        Section("What validation means here", introduction(document, manifest)),
        Section("Overview", overview(document)),
        Section("The experiments", experiments_section(manifest)),
    ]
    for kind in KIND_TEXT:  # calibration checks first, then validation
        for name, entry in document["checks"].items():
            if entry.get("kind", "calibration") == kind:
                parts.append(Section(entry.get("title", name), check_section(folder, name, entry)))
    parts.append(Section("The data behind this page", data_files(manifest)))
    return parts
