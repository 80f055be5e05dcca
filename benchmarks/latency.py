"""Milliseconds for one warm run of the default scenario at 1,000 households for 40 years.

``uv run python benchmarks/latency.py`` builds and runs the model repeatedly in one process
(after a warm-up run) and prints the median, construction included. ``--quick`` checks it runs.
"""

from __future__ import annotations

import statistics
import time

from _common import benchmark_parser, default_scenario, machine, print_table

from model.simulation import simulate

TARGET_MS = 50.0


def main() -> None:
    parser = benchmark_parser(__doc__, "few repetitions")
    parser.add_argument("--repeats", type=int, default=21)
    args = parser.parse_args()
    repeats = 3 if args.quick else args.repeats
    scenario = default_scenario(1_000, 40)
    simulate(scenario, 0)
    times = []
    for seed in range(1, repeats + 1):
        start = time.perf_counter()
        simulate(scenario, seed)
        times.append((time.perf_counter() - start) * 1000)
    print(f"machine: {machine()}")
    print_table(
        ["runs", "min ms", "median ms", "max ms"],
        [
            [
                str(repeats),
                f"{min(times):.1f}",
                f"{statistics.median(times):.1f}",
                f"{max(times):.1f}",
            ]
        ],
    )
    median = statistics.median(times)
    verdict = "meets" if median <= TARGET_MS else "misses"
    print(
        f"latency of a warm 1,000-household 40-year run: {median:.1f} ms ({verdict} the {TARGET_MS:g} ms target)"
    )


if __name__ == "__main__":
    main()
