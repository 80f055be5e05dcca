"""What a large run will cost, said before it starts: memory and time from the benchmarks.

A run of ten million households needs gigabytes and many minutes; without a word it only looks
like a machine filling its memory. The figures are those measured by ``benchmarks/`` and
reported in ``benchmarks/README.md`` ("Measured"; a test keeps these constants equal to the
README's): bytes traced per agent and agents per origin household in ``memory.py`` at 100,000
households, and agent-years per second of one core in ``throughput.py``. Python itself and the
libraries come on top (a few hundred MB), and a busier or slower machine takes longer.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

# benchmarks/README.md, "Measured": memory.py and throughput.py at 100,000 households.
BYTES_PER_AGENT = 574
AGENTS_MEASURED, HOUSEHOLDS_MEASURED = 175_871, 100_000
AGENT_YEARS_PER_SECOND = 1_465_321
# From this many origin households on, a run says what it will cost before it starts.
LARGE_HOUSEHOLDS = 200_000


@dataclass(frozen=True)
class Cost:
    """The expected cost of a command's runs.

    Attributes:
        agents: Agents of one run at its largest (households and migrant rows).
        memory_bytes: Memory the model of one run holds at its largest.
        seconds: Time of all the runs, one after the other on one core.
    """

    agents: int
    memory_bytes: float
    seconds: float


def expected(households: int, years: int, runs: int) -> Cost:
    """The expected cost of ``runs`` runs of ``households`` households for ``years`` years."""
    agents = round(households * AGENTS_MEASURED / HOUSEHOLDS_MEASURED)
    return Cost(agents, agents * BYTES_PER_AGENT, runs * agents * years / AGENT_YEARS_PER_SECOND)


def available_memory() -> float | None:
    """Bytes of memory available now (None where the system does not say)."""
    try:
        return float(os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE"))
    except (AttributeError, OSError, ValueError):
        return None


def duration(seconds: float) -> str:
    """A duration in the largest sensible unit."""
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 90 * 60:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def note(households: int, years: int, runs: int) -> str | None:
    """What a large command will cost, in one line (None for a usual size)."""
    if households < LARGE_HOUSEHOLDS:
        return None
    cost = expected(households, years, runs)
    line = (
        f"note: {households:,} households: about {cost.agents:,} agents, at least "
        f"{cost.memory_bytes / 1e9:.1f} GB of memory per run and about {duration(cost.seconds)} "
        f"for {runs} run{'s' if runs != 1 else ''} of {years} years (measured: "
        f"{BYTES_PER_AGENT} bytes per agent, {AGENT_YEARS_PER_SECOND:,} agent-years a second; "
        "benchmarks/README.md)"
    )
    free = available_memory()
    if free is not None and cost.memory_bytes > free:
        line += f"; only {free / 1e9:.1f} GB is available now"
    return line


def announce(households: int, years: int, runs: int) -> None:
    """Print :func:`note` on stderr when the command is large."""
    line = note(households, years, runs)
    if line:
        print(line, file=sys.stderr, flush=True)
