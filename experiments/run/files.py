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
    "yearly.png",
    "the main indicators year by year: mean over replications with its 95% band (run "
    "--figures; the report draws it from yearly.parquet otherwise)",
)
ACCOUNTS = ResultFile(
    "accounts.parquet",
    "the social accounting matrix: every money flow of every year and replication, "
    "from one account to another",
)
ACCOUNT_STOCKS = ResultFile(
    "account_stocks.parquet",
    "every money account's stock, inflows, outflows and residual per year and replication",
)
ACCOUNTS_FIGURE = ResultFile(
    "accounts.png",
    "the money flows between sectors in the evaluation window, Sankey diagrams (run --figures; "
    "the report draws it from accounts.parquet otherwise)",
)
FILES = (
    SUMMARY,
    REPLICATIONS,
    YEARLY,
    COUNTRIES,
    REGIONS,
    ACCOUNTS,
    ACCOUNT_STOCKS,
    YEARLY_FIGURE,
    ACCOUNTS_FIGURE,
    MANIFEST,
)
