"""The files of a ``sensitivity`` results folder: written by the analysis, read by the report."""

from __future__ import annotations

from experiments.engine import ledger, store
from experiments.result_files import MANIFEST, ResultFile

PLAN = ResultFile(
    ledger.PLAN,
    "written first: every run with its seed, and a fingerprint that --resume checks",
)
RUNS = ResultFile(
    store.RUNS,
    "one row per run: configuration, role, replication, seed, parameter values, every indicator "
    "(timing_* columns measure the machine)",
)
POINTS = ResultFile(
    "points.parquet",
    "one row per sample point: unit and real parameter values, replicate means and variances of "
    "each output, interval verdicts",
)
INDICES = ResultFile(
    "indices.parquet", "every index: method, output, factor, index, value, interval, at N and N/2"
)
NOISE = ResultFile("noise.parquet", "each output's share of variance that is replicate noise")
BOXES = ResultFile("prim_boxes.parquet", "PRIM's boxes: the parameter ranges each box keeps")
TRAJECTORIES = ResultFile("prim_trajectories.parquet", "PRIM's peeling trajectories")
SUMMARY = ResultFile("summary.json", "the results in one document (the --json document)")
INDEX_FIGURE = ResultFile("indices-{output}.png", "one output's indices with their intervals")
MORRIS = ResultFile("morris-mu-sigma.png", "Morris mu* against sigma for every output")
CONVERGENCE = ResultFile("convergence.png", "the main index from N and from N/2 runs")
PRIM_TRADEOFF = ResultFile("prim-tradeoff.png", "PRIM's coverage against density, step by step")
PRIM_BOXES = ResultFile("prim-boxes.png", "the ranges of each PRIM box within the sampled ones")
FILES = (
    PLAN,
    RUNS,
    POINTS,
    INDICES,
    NOISE,
    BOXES,
    TRAJECTORIES,
    SUMMARY,
    INDEX_FIGURE,
    MORRIS,
    CONVERGENCE,
    PRIM_TRADEOFF,
    PRIM_BOXES,
    MANIFEST,
)
