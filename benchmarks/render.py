"""Milliseconds for the classroom app to step a 2,000-household model and redraw its views.

``uv run python benchmarks/render.py`` builds the app's model (the scenario and its same-seed
baseline, run side by side) at the default 2,000 households and, year after year, times the step
and then the drawing of all five charts to PNG, as the page would (it shows three at a time, so
this is the most a year can cost). The step alone is the reference measured in the same run.
Medians over the years after a warm-up year. The issue's budget: well under a second.
``--quick`` runs 300 households for a few years to check the script works.
"""

from __future__ import annotations

import statistics
import time

from _common import benchmark_parser, machine, print_table

from app.classroom import BASELINE, ClassroomModel
from app.figures.every_view import EveryView

BUDGET_MS = 1000.0


def main() -> None:
    parser = benchmark_parser(__doc__, "small and short")
    args = parser.parse_args()
    households, years = (300, 3) if args.quick else (2_000, 11)
    model = ClassroomModel(BASELINE, seed=2, households=households)
    views = EveryView(model)
    steps, draws = [], []
    for _ in range(years):
        start = time.perf_counter()
        model.step()
        stepped = time.perf_counter()
        views.draw()
        steps.append((stepped - start) * 1000)
        draws.append((time.perf_counter() - stepped) * 1000)
    step, draw = statistics.median(steps[1:]), statistics.median(draws[1:])
    print(f"machine: {machine()}")
    print_table(
        ["households", "years", "step ms", "five charts ms", "year ms", "charts / step"],
        [
            [
                f"{households:,}",
                str(years - 1),
                f"{step:.1f}",
                f"{draw:.1f}",
                f"{step + draw:.1f}",
                f"{draw / step:.1f}",
            ]
        ],
    )
    verdict = "meets" if step + draw < BUDGET_MS else "misses"
    print(
        f"render of a {households:,}-household year: {step + draw:.0f} ms for the step and all "
        f"five charts ({verdict} the budget of {BUDGET_MS:,.0f} ms)"
    )


if __name__ == "__main__":
    main()
