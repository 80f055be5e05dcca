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
    parser.add_argument(
        "--json",
        action="store_true",
        help="print exactly one JSON document on stdout (tables and progress go to stderr)",
    )
