"""One row per design point: its parameters, mean indicators, welfare changes and verdict.

The change in a party's welfare at a point is estimated from paired differences: replication
``r`` of the point minus replication ``r`` of the base scenario (point 0), which ran on the same
seed. The verdict is the triple-win test (:mod:`experiments.verdicts`) on those changes, the
rule of ``run.py compare``.
"""

from __future__ import annotations

from collections.abc import Collection

import pandas as pd

from experiments.engine.spec import ID_COLUMNS, TIMING_PREFIX
from experiments.parties import WELFARE_PARTIES
from experiments.statistics import Estimate, estimate
from experiments.verdicts import verdict

REFERENCE_VERDICT = "reference"
# A point whose simulation settings (households, years, window) differ from the base scenario's:
# its runs are not a pair with the base's, so it gets no welfare change and no verdict.
NOT_PAIRED = "not paired"
LABEL_COLUMNS = ("point_name",)


def indicator_columns(runs: pd.DataFrame, parameters: list[str]) -> list[str]:
    """The columns of ``runs`` that hold a run's statistics (not ids, labels or timings)."""
    skip = {*ID_COLUMNS, *LABEL_COLUMNS, *parameters}
    return [c for c in runs.columns if c not in skip and not c.startswith(TIMING_PREFIX)]


def paired_change(point: pd.DataFrame, reference: pd.DataFrame, indicator: str) -> Estimate:
    """Mean and 95% interval of a point's change in ``indicator`` against the reference.

    Both frames are indexed by replication; replications missing from either side are skipped.
    """
    change = point[indicator] - reference[indicator].reindex(point.index)
    return estimate(change.to_numpy(dtype=float))


def point_row(
    group: pd.DataFrame,
    reference: pd.DataFrame,
    parameters: list[str],
    indicators: list[str],
    paired: bool = True,
) -> dict[str, object]:
    """The summary of one point (``group`` holds its runs, indexed by replication).

    A point that is not ``paired`` with the reference gets undefined changes and no verdict.
    """
    index = int(group["point"].iloc[0])
    row: dict[str, object] = {
        "point": index,
        "point_name": group["point_name"].iloc[0],
        **{path: group[path].iloc[0] for path in parameters},
        "replications": len(group),
    }
    changes = {
        party: paired_change(group, reference if paired else reference.iloc[0:0], indicator)
        for party, indicator in WELFARE_PARTIES.items()
    }
    for party, change in changes.items():
        row[f"change_{party}"] = change.mean
        row[f"change_{party}_low"] = change.low
        row[f"change_{party}_high"] = change.high
    row["verdict"] = REFERENCE_VERDICT if index == 0 else verdict(changes) if paired else NOT_PAIRED
    row.update({name: float(group[name].mean()) for name in indicators})
    return row


def point_summary(
    runs: pd.DataFrame, parameters: list[str], unpaired: Collection[int] = ()
) -> pd.DataFrame:
    """One row per point, in point order.

    Args:
        runs: The sweep's ``runs.parquet`` as a data frame.
        parameters: The varied parameter paths (columns of ``runs``).
        unpaired: Points whose simulation settings differ from the reference's
            (:meth:`experiments.sweep.plan.Sweep.unpaired_points`): no change, no verdict.
    """
    indicators = indicator_columns(runs, parameters)
    reference = runs[runs["point"] == 0].set_index("replication")
    rows = [
        point_row(
            group.set_index("replication"),
            reference,
            parameters,
            indicators,
            paired=int(point) not in unpaired,
        )
        for point, group in runs.groupby("point", sort=True)
    ]
    return pd.DataFrame(rows)


def verdict_counts(points: pd.DataFrame) -> dict[str, int]:
    """How many design points (the reference excluded) got each verdict."""
    design = points[points["point"] != 0]
    return {str(k): int(v) for k, v in design["verdict"].value_counts().sort_index().items()}
