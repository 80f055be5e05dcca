"""The files of a ``run`` results folder: written by :mod:`.outputs`, read by the report."""

from __future__ import annotations

from experiments.result_files import MANIFEST, ResultFile

SUMMARY = ResultFile("summary.json", "the report's numbers: the run --json document")
REPLICATIONS = ResultFile(
    "replications.parquet", "one row per replication: its seed, every indicator, its timings"
)
YEARLY = ResultFile("yearly.parquet", "every replication's yearly series")
COUNTRIES = ResultFile("countries.parquet", "window means per country and replication")
REGIONS = ResultFile(
    "regions.parquet", "window means of the integration indicators per region and replication"
)
YEARLY_FIGURE = ResultFile(
    "yearly.png", "the main indicators year by year: mean over replications with its 95% band"
)
FILES = (SUMMARY, REPLICATIONS, YEARLY, COUNTRIES, REGIONS, YEARLY_FIGURE, MANIFEST)
