"""The calibration targets of the default scenario and a report of a set of runs against them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from model.simulation import RunResult

TARGETS_FILE = Path(__file__).with_name("calibration.yaml")


@dataclass(frozen=True)
class Target:
    """A published fact the default scenario must reproduce, within a band.

    Attributes:
        restates: What meets the target by construction (a parameter or an identity), for
            targets that are inputs rather than facts the parameters were chosen to reproduce;
            None for a calibration target proper.
    """

    name: str
    statistic: str
    band: tuple[float, float]
    fact: str
    source: str
    restates: str | None = None

    @property
    def calibrated(self) -> bool:
        """Whether the target is one the parameters are chosen to meet (not an identity)."""
        return self.restates is None


def load_targets(path: Path = TARGETS_FILE) -> list[Target]:
    """Read the calibration targets."""
    entries = yaml.safe_load(path.read_text())["targets"]
    return [
        Target(
            e["name"],
            e["statistic"],
            tuple(e["band"]),
            " ".join(str(e["fact"]).split()),
            " ".join(str(e["source"]).split()),
            e.get("restates"),
        )
        for e in entries
    ]


def statistic(result: RunResult | Mapping[str, float], name: str) -> float:
    """A run's value of an indicator (window mean) or cohort statistic.

    ``result`` is a run's result, or a run's record (a flat mapping of statistics, such as the
    rows ``run.py validate`` and ``run.py calibrate`` compute, which add the cohort statistics
    read in the evaluation window).
    """
    if isinstance(result, Mapping):
        return float(result[name])
    if name in result.cohorts:
        return result.cohorts[name]
    return result.indicators[name]


def calibration_report(
    results: Sequence[RunResult | Mapping[str, float]], targets: list[Target] | None = None
) -> pd.DataFrame:
    """One row per target: the mean over replications, its range, the band and whether it is inside."""
    rows = []
    for target in targets or load_targets():
        values = np.array([statistic(r, target.statistic) for r in results])
        mean = float(np.nanmean(values))
        low, high = target.band
        rows.append(
            {
                "target": target.name,
                "statistic": target.statistic,
                "mean": mean,
                "min": float(np.nanmin(values)),
                "max": float(np.nanmax(values)),
                "band": f"{low:g} to {high:g}",
                "inside": bool(low <= mean <= high),
                "source": target.source,
            }
        )
    return pd.DataFrame(rows)
