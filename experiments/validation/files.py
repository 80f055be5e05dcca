"""The files of a ``validate`` results folder: written by :mod:`.outputs`, read by the report."""

from __future__ import annotations

from experiments.result_files import MANIFEST, ResultFile

RUNS = ResultFile(
    "runs_{experiment}.parquet",
    "every run of one experiment: its point, replication and every statistic the checks read",
)
CHECKS = ResultFile(
    "checks.parquet",
    "one row per check: statistic, 95% interval, band, rule, pass or fail, fact and source",
)
SUMMARY = ResultFile("validation.json", "the results in one document (the --json document)")
FIGURE = ResultFile("figures/{check}.png", "one check's statistic beside its band")
FILES = (RUNS, CHECKS, SUMMARY, FIGURE, MANIFEST)
