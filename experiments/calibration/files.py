"""The files of a ``calibrate`` results folder: written by :mod:`.outputs`, :mod:`.plan` and
:mod:`.smc`, read by the report page."""

from __future__ import annotations

from experiments.result_files import MANIFEST, ResultFile

# Where the figures go, inside the folder.
FIGURES = "figures"

HISTORY = ResultFile(
    "history.db",
    "pyabc's database: every generation's particles, weights, distances and statistics; "
    "--resume continues from it",
)
PLAN = ResultFile(
    "calibration_plan.json",
    "the experiment as resolved when the calibration started, compared on --resume, and its "
    "sessions",
)
POSTERIOR = ResultFile(
    "posterior.parquet",
    "one row per particle of the last generation: each parameter by dotted path and its "
    "normalised weight (use it with compare --posterior)",
)
DIAGNOSTICS = ResultFile(
    "diagnostics.parquet",
    "one row per generation: epsilon, distances, acceptance rate, effective sample size",
)
PREDICTIVE = ResultFile(
    "predictive.parquet",
    "one row per posterior predictive run: the draw, its parameters and every target statistic",
)
CHECKS = ResultFile(
    "predictive_checks.parquet",
    "one row per target: its band, the posterior predictive distribution and the share in the band",
)
SUMMARY = ResultFile("calibration.json", "the results in one document (the --json document)")
MARGINALS_FIGURE = ResultFile(
    f"{FIGURES}/marginals.png", "each parameter's marginal posterior over its prior's range"
)
PAIRS_FIGURE = ResultFile(
    f"{FIGURES}/pairs.png", "the pairwise posterior: particles and weighted correlations"
)
DIAGNOSTICS_FIGURE = ResultFile(
    f"{FIGURES}/diagnostics.png",
    "threshold and distances, acceptance rate and effective sample size by generation",
)
PREDICTIVE_FIGURE = ResultFile(
    f"{FIGURES}/predictive_checks.png", "each target's predictive distribution and its band"
)
FILES = (
    POSTERIOR,
    DIAGNOSTICS,
    PREDICTIVE,
    CHECKS,
    SUMMARY,
    HISTORY,
    PLAN,
    MARGINALS_FIGURE,
    PAIRS_FIGURE,
    DIAGNOSTICS_FIGURE,
    PREDICTIVE_FIGURE,
    MANIFEST,
)
