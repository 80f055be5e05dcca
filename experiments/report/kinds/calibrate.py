"""Report of a ``calibrate`` folder: what was estimated, how well, and what the posterior says.

Written for a reader who never ran the model: what likelihood-free calibration is, the priors
and targets, the diagnostics by generation, the posterior (marginal and pairwise), and the
posterior predictive checks of every target against its band. File names come from
:mod:`experiments.calibration.files`, where the writer takes them too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from experiments.calibration import files
from experiments.report.page import (
    Section,
    escape,
    figure,
    folder_files,
    html_table,
    paragraph,
    table,
)

TITLE = "TripleWin: calibration of uncertain parameters"
SUBTITLE = (
    "Which values of the weakly evidenced parameters reproduce the facts the model must match, "
    "and how sure can we be?"
)


def number(value: float | None) -> str:
    """A number to four significant digits, or '-'."""
    return "-" if value is None else f"{value:.4g}"


def introduction(document: dict[str, Any], manifest: dict[str, Any]) -> str:
    """What the method does and what was run."""
    calibration = manifest.get("calibration", {}).get("experiment", {})
    abc = calibration.get("abc", {})
    return "".join(
        [
            paragraph(
                "The model cannot write down the probability of the data given its parameters, so "
                "its parameters are estimated by approximate Bayesian computation (ABC): "
                "parameter sets are drawn from the priors, the model is run with each, and a "
                "set is kept when the model's statistics lie close to the calibration targets. "
                "Sequential Monte Carlo (ABC-SMC: Toni et al. 2009; Beaumont et al. 2009) does "
                "this in generations, each proposing near the sets kept by the previous one "
                "and tightening the threshold; weights correct for where proposals came from. "
                "The kept, weighted sets of the last generation are the posterior sample. The "
                "library is pyabc (Schälte et al. 2022)."
            ),
            paragraph(
                "Distance: each target statistic, read in the evaluation window, minus the centre "
                "of its band, over half the band's width; the root mean square over targets. A "
                "model with every statistic on the edge of its band is at distance 1."
            ),
            paragraph(
                f"Calibration {document['calibration']!r}, seed {document['seed']}: "
                f"{document['generations']} generations (of {document['generations_asked']} "
                f"asked) of {document['population']} particles, {document['evaluations']} model "
                f"evaluations, {abc.get('replications', 1)} simulation(s) per particle. Every "
                "evaluation was seeded from SeedSequence(seed, spawn_key=(generation + 1, "
                "evaluation)): the same file gives the same posterior on any number of workers."
            ),
        ]
    )


def priors_section(document: dict[str, Any]) -> str:
    """Each parameter's prior and posterior summary."""
    rows = []
    for name, entry in document["posterior"].items():
        prior = entry["prior"]
        low, high = entry["ci95"]
        rows.append(
            [
                f"<code>{escape(name)}</code>",
                escape(f"{prior['distribution']} [{prior['low']:g}, {prior['high']:g}]"),
                escape(number(entry["mean"])),
                escape(number(entry["median"])),
                escape(f"[{number(low)}, {number(high)}]"),
            ]
        )
    return html_table(
        ["parameter", "prior", "posterior mean", "median", "95% interval"],
        rows,
        caption="Priors and the weighted posterior",
        text_columns=(0, 1),
    )


def diagnostics_section(folder: Path, document: dict[str, Any]) -> str:
    """The per-generation table and figure."""
    frame = pd.read_parquet(files.DIAGNOSTICS.path(folder)).drop(columns="wall_time_s")
    parts = [
        paragraph(
            "Read it this way: the threshold (epsilon) should fall from one generation to the "
            "next; when it stops falling, the targets cannot be met more closely with these "
            "parameters. The acceptance rate falls as the threshold tightens (each generation "
            "costs more runs). The effective sample size (Kish: 1 / sum of squared weights) "
            "says how many equally weighted particles the weighted sample is worth; far below "
            "the population, the posterior rests on few particles: use more particles."
        ),
        table(frame, caption="Diagnostics by generation"),
    ]
    path = files.DIAGNOSTICS_FIGURE.path(folder)
    if path.is_file():
        parts.append(figure(path, "Threshold and distances, acceptance rate and ESS."))
    return "".join(parts)


def posterior_section(folder: Path) -> str:
    """Marginal and pairwise figures."""
    parts = [
        paragraph(
            "A marginal posterior much narrower than its prior's range means the targets inform "
            "the parameter; one as wide as the prior means they do not (the parameter is not "
            "identified by these targets, and results that rest on it rest on the prior). "
            "Strong correlations between two parameters mean the targets pin down a "
            "combination of them, not each."
        )
    ]
    for item, caption in (
        (files.MARGINALS_FIGURE, "Marginal posteriors over each prior's range."),
        (files.PAIRS_FIGURE, "Pairwise posterior: particles and weighted correlations."),
    ):
        if item.path(folder).is_file():
            parts.append(figure(item.path(folder), caption))
    return "".join(parts)


def predictive_section(folder: Path, document: dict[str, Any]) -> str:
    """Every target against its band, from runs at posterior draws."""
    rows = []
    for name, entry in document["predictive_checks"].items():
        low, high = entry["interval95"]
        css, text = ("verdict-triple-win", "pass") if entry["pass"] else ("verdict-loss", "FAIL")
        rows.append(
            [
                escape(name),
                escape(number(entry["median"])),
                escape(f"[{number(low)}, {number(high)}]"),
                escape(f"[{entry['band'][0]:g}, {entry['band'][1]:g}]"),
                escape(f"{entry['share_in_band']:.0%}"),
                f'<span class="{css}">{text}</span>',
                escape(entry["source"]),
            ]
        )
    parts = [
        paragraph(
            "The model run once at each of a number of parameter sets drawn from the posterior "
            "(with its weights). A target passes when the predictive median lies in its band; "
            "the share of runs in the band says how often a single run meets it. A target that "
            "fails at the posterior is one these parameters cannot reach: the model's structure "
            "or another parameter must change (docs/calibration.md)."
        ),
        html_table(
            ["target", "median", "95% range", "band", "runs in band", "result", "source"],
            rows,
            caption="Posterior predictive checks",
            text_columns=(0, 6),
        ),
    ]
    path = files.PREDICTIVE_FIGURE.path(folder)
    if path.is_file():
        parts.append(figure(path, "Each target's predictive distribution and its band."))
    return "".join(parts)


def data_files(manifest: dict[str, Any]) -> str:
    """Where the numbers are: the files of the folder, figures in their subfolder."""
    return paragraph("In this folder:") + folder_files(files.FILES, manifest)


def sections(folder: Path, manifest: dict[str, Any]) -> list[Section]:
    """The page."""
    document = json.loads(files.SUMMARY.path(folder).read_text())
    return [
        Section("What calibration means here", introduction(document, manifest)),
        Section("Priors and posterior", priors_section(document)),
        Section("Diagnostics", diagnostics_section(folder, document)),
        Section("The posterior", posterior_section(folder)),
        Section("Posterior predictive checks", predictive_section(folder, document)),
        Section("The data behind this page", data_files(manifest)),
    ]
