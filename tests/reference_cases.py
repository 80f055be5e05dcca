"""Small runs whose yearly indicators are pinned, so optimisations cannot change results by seed.

``python -m tests.reference_cases`` rewrites ``tests/data/reference_runs.json`` from the current
code; do that only for a deliberate change of the model's behaviour, never to make a speed-up pass.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

# Importing the model package pins numpy's code path, as for run.py and the tests.
from model.scenario.schema import Scenario
from model.simulation import simulate
from tests.conftest import small

REFERENCE_FILE = Path(__file__).with_name("data") / "reference_runs.json"


def cases() -> dict[str, tuple[Scenario, int]]:
    """Scenarios that exercise every mechanism, with their seeds."""
    busy_policy = small(
        policy={
            "circular_reentry": True,
            "return_bonus": 1.0,
            "training_partnership": 20.0,
            "diaspora_matching": 0.5,
            "education_subsidy": 0.3,
            "regularisation": 0.1,
        }
    )
    two_by_two = small(
        replace={
            "origins": {"south": {"gdp_per_capita": 6000.0}, "east": {"gdp_per_capita": 11000.0}},
            "destinations": {"north": {}, "west": {"gdp_per_capita": 45000.0}},
            "corridors": {
                f"{o}_{d}": {"origin": o, "destination": d}
                for o in ("south", "east")
                for d in ("north", "west")
            },
        }
    )
    return {
        "default": (small(), 101),
        "busy_policy": (busy_policy, 202),
        "two_by_two": (two_by_two, 303),
    }


def yearly_values(scenario: Scenario, seed: int) -> dict[str, list[float | None]]:
    """Every indicator's yearly series, NaN written as None (JSON has no NaN)."""
    frame = simulate(scenario, seed).yearly
    return {
        column: [None if math.isnan(v) else float(v) for v in frame[column].to_numpy()]
        for column in frame.columns
    }


def main() -> None:
    reference = {name: yearly_values(s, seed) for name, (s, seed) in cases().items()}
    REFERENCE_FILE.write_text(json.dumps(reference, indent=0))


if __name__ == "__main__":
    main()
