"""Agent-years per second of the default scenario, against Mesa's Boltzmann wealth example.

``uv run python benchmarks/throughput.py`` runs the default scenario at 1,000, 10,000 and
100,000 households for 40 years and counts the agents advanced each year (households plus the
people in the migrant table: abroad or returned). In the same process it runs Mesa's own
Boltzmann wealth example with 10,000 agents (its per-object stepping and data collection) as the
reference, and prints the ratio. Model construction is timed apart from stepping.
``--quick`` runs tiny sizes to check the script works (CI), not to measure.
"""

from __future__ import annotations

import time

from _common import benchmark_parser, default_scenario, machine, print_table
from mesa.examples.basic.boltzmann_wealth_model.model import BoltzmannScenario, BoltzmannWealth

from model.model import TripleWinModel

TARGET_RATE = 1_000_000
TARGET_RATIO = 10.0


def triplewin_rate(households: int, years: int) -> tuple[float, float, float]:
    """Construction seconds, stepping seconds and agent-years per second of one run."""
    start = time.perf_counter()
    model = TripleWinModel(default_scenario(households, years), seed=1)
    built = time.perf_counter()
    agent_years = 0
    for _ in range(years):
        agent_years += model.households.size + int(model.migrants.alive().sum())
        model.step()
    stepped = time.perf_counter()
    return built - start, stepped - built, agent_years / (stepped - built)


def boltzmann_rate(agents: int, steps: int) -> float:
    """Agent-steps per second of Mesa's Boltzmann wealth example (grid of about one agent a cell)."""
    side = max(int(agents**0.5), 1)
    model = BoltzmannWealth(BoltzmannScenario(n=agents, width=side, height=side, rng=42))
    start = time.perf_counter()
    for _ in range(steps):
        model.step()
    return agents * steps / (time.perf_counter() - start)


def main() -> None:
    parser = benchmark_parser(__doc__, "tiny sizes")
    args = parser.parse_args()
    sizes, years = ([300, 1000], 5) if args.quick else ([1_000, 10_000, 100_000], 40)
    reference = boltzmann_rate(1_000 if args.quick else 10_000, 2 if args.quick else 20)
    print(f"machine: {machine()}")
    print(f"Mesa Boltzmann wealth reference: {reference:,.0f} agent-steps/s")
    rows = []
    rate = 0.0
    for households in sizes:
        build, run, rate = triplewin_rate(households, years)
        rows.append(
            [
                f"{households:,}",
                f"{build:.2f}",
                f"{run:.2f}",
                f"{rate:,.0f}",
                f"{rate / reference:.1f}",
            ]
        )
    print_table(["households", "build s", "run s", "agent-years/s", "x Boltzmann"], rows)
    verdict = "meets" if rate >= TARGET_RATE and rate / reference >= TARGET_RATIO else "misses"
    print(
        f"throughput at {sizes[-1]:,} households: {rate:,.0f} agent-years/s, "
        f"{rate / reference:.1f}x Boltzmann ({verdict} the targets of {TARGET_RATE:,} and {TARGET_RATIO:g}x)"
    )


if __name__ == "__main__":
    main()
