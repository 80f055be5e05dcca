"""The files of a ``calibrate`` results folder, named once for the writer and the report page."""

from __future__ import annotations

# pyabc's database: every generation's particles, weights, distances and statistics. It is what
# --resume continues from.
HISTORY = "history.db"
# The experiment as resolved when the calibration started, compared on --resume.
PLAN = "calibration_plan.json"
# One row per particle of the last generation: each parameter by dotted path, and `weight`.
POSTERIOR = "posterior.parquet"
# One row per generation: epsilon, distances, acceptance rate, effective sample size.
DIAGNOSTICS = "diagnostics.parquet"
# One row per posterior predictive run: the draw, its parameters and every target statistic.
PREDICTIVE = "predictive.parquet"
# One row per target: band, the posterior predictive distribution and the share in the band.
CHECKS = "predictive_checks.parquet"
# The --json document.
SUMMARY = "calibration.json"
FIGURES = "figures"
MARGINALS_FIGURE = f"{FIGURES}/marginals.png"
PAIRS_FIGURE = f"{FIGURES}/pairs.png"
DIAGNOSTICS_FIGURE = f"{FIGURES}/diagnostics.png"
PREDICTIVE_FIGURE = f"{FIGURES}/predictive_checks.png"
