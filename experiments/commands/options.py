"""Command-line options shared by the commands that run scenarios."""

from __future__ import annotations

import argparse
from pathlib import Path


def positive_int(text: str) -> int:
    """An integer of at least 1 (argparse type)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def seed_int(text: str) -> int:
    """A non-negative integer seed (argparse type)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {value}")
    return value


def add_run_options(parser: argparse.ArgumentParser, *, years: bool = True) -> None:
    """``--years``, ``--replications``, ``--seed``, ``--set``, ``--out`` and ``--json``."""
    if years:
        parser.add_argument(
            "--years", type=positive_int, help="simulated years (default: the scenario's)"
        )
    parser.add_argument(
        "--replications",
        type=positive_int,
        help="replications, each with its own seed (default: the scenario's, 10)",
    )
    parser.add_argument(
        "--seed",
        type=seed_int,
        default=0,
        help="seed of the experiment; replication i uses SeedSequence(SEED, spawn_key=(i,)) "
        "(default: 0)",
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="change a parameter by its dotted path, e.g. policy.remittance_fee=0.03 (repeatable)",
    )
    parser.add_argument(
        "--out", type=Path, help="results folder (default: a new folder under results/)"
    )
    add_json_option(parser)


def add_json_option(parser: argparse.ArgumentParser) -> None:
    """``--json``: the result as one JSON document on stdout, so that it can be piped."""
    parser.add_argument(
        "--json",
        action="store_true",
        help="print exactly one JSON document on stdout (tables and progress go to stderr)",
    )


def add_cluster_options(parser: argparse.ArgumentParser, command: str, unit: str) -> None:
    """``--workers`` or ``--scheduler``, ``--resume`` and ``--out`` of a command that runs many
    models on a Dask cluster and can finish an interrupted job.

    Args:
        parser: The command's parser.
        command: The command's name (its results go under ``results/COMMAND/``).
        unit: What ``--resume`` does not repeat, in words ("the runs not yet on disk").
    """
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--workers",
        type=positive_int,
        metavar="N",
        help="worker processes of a local cluster (default: one per core)",
    )
    where.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="use the existing Dask cluster at ADDRESS (e.g. tcp://10.0.0.5:8786) as it is",
    )
    parser.add_argument(
        "--resume",
        action="store_true",
        help=f"finish an interrupted {command} in --out (default: the latest folder of this "
        f"experiment under results/{command}/), running only {unit}",
    )
    parser.add_argument(
        "--out",
        type=Path,
        metavar="DIR",
        help=f"results folder (default: a new folder under results/{command}/)",
    )
