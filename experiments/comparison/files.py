"""The files of a ``compare`` results folder: written by :mod:`.outputs`, read by the report."""

from __future__ import annotations

from experiments.result_files import MANIFEST, ResultFile

SUMMARY = ResultFile("summary.json", "the report's numbers: the compare --json document")
SUMMARY_TABLE = ResultFile(
    "summary.parquet",
    "every scenario's equivalent variations (parties at each horizon, channels, groups, with "
    "outcomes) and its change in every canonical indicator, one row each",
)
CHANGES = ResultFile(
    "changes.parquet",
    "per scenario and replication: the equivalent variations (ev_*) and the paired change in "
    "every statistic",
)
REPLICATIONS = ResultFile(
    "replications.parquet", "every run's indicators, baseline and scenarios (scenario, role)"
)
YEARLY = ResultFile("yearly.parquet", "every run's yearly series")
YEARLY_CHANGES = ResultFile(
    "yearly_changes.parquet", "paired changes per year, replication and scenario"
)
FOREST = ResultFile(
    "forest.png", "each scenario's equivalent variation for each party with its 95% interval"
)
QUADRANT = ResultFile(
    "quadrant.png", "who gains: variation for the origin against the destination, per scenario"
)
CHANNELS = ResultFile(
    "channels.png", "each party's equivalent variation by channel, stacked, per scenario"
)
WELFARE_PATHS = ResultFile(
    "welfare_paths.png", "each party's consumption year by year, per scenario, with 95% bands"
)
WELFARE_CHANGES = ResultFile(
    "welfare_changes.png", "each party's paired change in consumption, year by year"
)
FILES = (
    SUMMARY,
    SUMMARY_TABLE,
    CHANGES,
    REPLICATIONS,
    YEARLY,
    YEARLY_CHANGES,
    FOREST,
    QUADRANT,
    CHANNELS,
    WELFARE_PATHS,
    WELFARE_CHANGES,
    MANIFEST,
)
