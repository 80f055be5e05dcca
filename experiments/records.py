"""Flat records of runs: what a results table holds for one replication."""

from __future__ import annotations

import numpy as np
import pandas as pd

from model.simulation import RunResult


def run_record(result: RunResult) -> dict[str, float]:
    """Window means of every indicator, the cohort return statistics and the parties' welfare
    (present values by horizon, channels, groups: :func:`model.welfare.flat_record`), flat."""
    return {**result.indicators, **result.cohorts, **result.welfare}


def replication_table(results: list[RunResult], seed: int) -> pd.DataFrame:
    """One row per replication: its number, seed, every indicator and its timings."""
    rows = []
    for replication, result in enumerate(results):
        rows.append(
            {
                "replication": replication,
                "seed": seed,
                **run_record(result),
                **{f"timing_{k}": v for k, v in result.timings.items()},
            }
        )
    return pd.DataFrame(rows)


def yearly_table(results: list[RunResult]) -> pd.DataFrame:
    """Every replication's yearly series stacked, with a ``replication`` column first."""
    frames = [r.yearly.assign(replication=i) for i, r in enumerate(results)]
    frame = pd.concat(frames, ignore_index=True)
    return frame[["replication", *[c for c in frame.columns if c != "replication"]]]


def country_table(results: list[RunResult]) -> pd.DataFrame:
    """Window means per country and replication (``country`` is ``origin:NAME`` or ``destination:NAME``)."""
    rows = [
        {"replication": i, "country": key, **values}
        for i, result in enumerate(results)
        for key, values in result.by_country.items()
    ]
    return pd.DataFrame(rows)


def region_table(results: list[RunResult]) -> pd.DataFrame:
    """Window means of the integration indicators per region and replication.

    The ``region`` column reads ``destination:NAME/REGION``.
    """
    rows = [
        {"replication": i, "region": key, **values}
        for i, result in enumerate(results)
        for key, values in result.by_region.items()
    ]
    return pd.DataFrame(rows)


def column(results: list[RunResult], name: str) -> np.ndarray:
    """One statistic across replications."""
    return np.array([run_record(r)[name] for r in results], dtype=float)
