"""Peak memory per agent of the default scenario at 100,000 households for 40 years.

``uv run python benchmarks/memory.py`` traces every allocation (Python objects and numpy arrays,
through ``tracemalloc``) while the model is built and run, and divides the peak by the number of
agents registered with the model at its largest (households, migrant rows and economies).
``--quick`` uses 2,000 households and 5 years to check the script runs.
"""

from __future__ import annotations

import tracemalloc

from _common import benchmark_parser, default_scenario, machine, print_table

from model.model import TripleWinModel

TARGET_BYTES = 1024


def main() -> None:
    parser = benchmark_parser(__doc__, "small size")
    args = parser.parse_args()
    households, years = (2_000, 5) if args.quick else (100_000, 40)
    scenario = default_scenario(households, years)
    tracemalloc.start()
    model = TripleWinModel(scenario, seed=1)
    most_agents = len(model.agents)
    for _ in range(years):
        model.step()
        most_agents = max(most_agents, len(model.agents))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    per_agent = peak / most_agents
    print(f"machine: {machine()}")
    print_table(
        ["households", "years", "agents at most", "peak MB", "bytes/agent"],
        [
            [
                f"{households:,}",
                str(years),
                f"{most_agents:,}",
                f"{peak / 1e6:.1f}",
                f"{per_agent:.0f}",
            ]
        ],
    )
    verdict = "meets" if per_agent <= TARGET_BYTES else "misses"
    print(
        f"peak memory per agent at {households:,} households: {per_agent:.0f} bytes ({verdict} the 1 KB target)"
    )


if __name__ == "__main__":
    main()
