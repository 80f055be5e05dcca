"""The files of a ``sweep`` results folder: written by the sweep, read by the report."""

from __future__ import annotations

from experiments.engine import ledger, store
from experiments.result_files import MANIFEST, ResultFile

PLAN = ResultFile(
    ledger.PLAN,
    "written first: every run with its seed, and a fingerprint that --resume checks",
)
RUNS = ResultFile(
    store.RUNS,
    "one row per run: run id, design point, replication, seed, parameter values, every "
    "indicator (timing_* columns measure the machine and are not reproducible)",
)
YEARLY = ResultFile(store.YEARLY, "every run's yearly series, when the experiment asks for them")
POINTS = ResultFile(
    "points.parquet",
    "one row per design point: parameter values, mean indicators, each party's equivalent "
    "variation against the base scenario (change_PARTY, PPP $ per person per year) with its 95% "
    "interval and outcome, the verdict at the end, at 10 and 20 years, the groups that lose",
)
WELFARE = ResultFile("welfare.png", "equivalent variations along one lever, or per listed scenario")
DISTRIBUTIONS = ResultFile(
    "distributions.png", "a sampled design: each main indicator's distribution over the points"
)
PARAMETERS = ResultFile(
    "parameters.png", "a sampled design: each point's variations against each parameter"
)
HEATMAPS = ResultFile(
    "heatmaps{suffix}.png",
    "a grid: each party's equivalent variation and the verdict over two levers",
)
LEVELS = ResultFile("levels{suffix}.png", "a grid: the main indicators' levels over two levers")
FILES = (
    PLAN,
    RUNS,
    YEARLY,
    POINTS,
    WELFARE,
    DISTRIBUTIONS,
    PARAMETERS,
    HEATMAPS,
    LEVELS,
    MANIFEST,
)
