"""Shared pieces of the benchmark scripts: the default scenario at a size, and a small table."""

from __future__ import annotations

import argparse
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# Importing the model package first pins numpy's code path, the one run.py computes on.
import model  # noqa: E402, F401, I001

import yaml  # noqa: E402

from model.randomness import use_kernels  # noqa: E402
from model.scenario.schema import Scenario  # noqa: E402

# The benchmarks time the simulator as long work runs it: with numba's kernels loaded (a single
# run from the command line draws with numpy until they pay for themselves, model/randomness.py).
use_kernels("compiled")


def default_scenario(households: int, years: int = 40) -> Scenario:
    """The shipped baseline scenario with another number of households and years."""
    data = yaml.safe_load((ROOT / "scenarios" / "baseline.yaml").read_text())
    data["simulation"].update({"households": households, "years": years})
    data["simulation"]["evaluation_years"] = min(data["simulation"]["evaluation_years"], years)
    return Scenario(**data)


def benchmark_parser(description: str, quick: str) -> argparse.ArgumentParser:
    """A benchmark's command line: its docstring as help, and ``--quick`` described by ``quick``."""
    made = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    made.add_argument("--quick", action="store_true", help=f"{quick}: check the script runs")
    return made


def machine() -> str:
    """One line naming the machine and the interpreter."""
    import os

    return f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def print_table(header: list[str], rows: list[list[str]]) -> None:
    """A plain aligned table on stdout."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, ["-" * w for w in widths], *rows]:
        print("  ".join(str(c).rjust(w) for c, w in zip(row, widths, strict=True)))
