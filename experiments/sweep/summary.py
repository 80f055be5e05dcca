"""One row per design point: its parameters, mean indicators, welfare changes and verdict.

The change in a party's welfare at a point is its equivalent variation against the base
scenario (point 0), pair by pair: replication ``r`` of the point against replication ``r`` of
the base, which ran on the same seed (:mod:`experiments.welfare`: PPP $ per person per year,
the present value over the run). The outcomes, the verdict at the end and at 10 and 20 years,
and the groups that lose are those of ``run.py compare`` (:mod:`experiments.verdicts`, with
the base scenario's ``welfare.margin``).
"""

from __future__ import annotations

from collections.abc import Collection

import pandas as pd

from experiments.comparison.variations import WelfareChanges
from experiments.engine.spec import ID_COLUMNS, TIMING_PREFIX
from experiments.parties import PARTIES
from experiments.welfare import variation_rows

REFERENCE_VERDICT = "reference"
# A point whose simulation settings (households, years, window) differ from the base scenario's:
# its runs are not a pair with the base's, so it gets no welfare change and no verdict.
NOT_PAIRED = "not paired"
LABEL_COLUMNS = ("point_name",)
# Prefixes of the welfare record's columns: read for the variations, not averaged as indicators.
RECORD_PREFIXES = ("pv_", "years_", "channel_", "group_")


def indicator_columns(runs: pd.DataFrame, parameters: list[str]) -> list[str]:
    """The columns of ``runs`` that hold a run's indicators (not ids, labels, timings or the
    welfare record)."""
    skip = {*ID_COLUMNS, *LABEL_COLUMNS, *parameters}
    return [
        c
        for c in runs.columns
        if c not in skip and not c.startswith((TIMING_PREFIX, *RECORD_PREFIXES))
    ]


Records = dict[int, dict[str, float]]


def welfare_records(runs: pd.DataFrame) -> Records:
    """Each run's welfare record (the columns of :func:`model.welfare.flat_record`), by the
    replication that indexes ``runs``."""
    columns = [c for c in runs.columns if c.startswith(RECORD_PREFIXES)]
    return {int(r): row for r, row in runs[columns].to_dict("index").items()}


def welfare_changes(
    point: Records, reference: Records, margin: float, last_year: int | None
) -> WelfareChanges:
    """The point's variations against the reference, replication by replication (replications
    missing from either side are skipped)."""
    shared = sorted(set(point) & set(reference))
    rows = variation_rows([reference[r] for r in shared], [point[r] for r in shared], last_year)
    return WelfareChanges(pd.DataFrame(rows).assign(replication=shared), margin)


def point_row(
    group: pd.DataFrame,
    reference: Records,
    parameters: list[str],
    indicators: list[str],
    margin: float = 0.0,
    last_year: int | None = None,
    paired: bool = True,
) -> dict[str, object]:
    """The summary of one point (``group`` holds its runs, indexed by replication; ``reference``
    the base scenario's welfare records).

    A point that is not ``paired`` with the reference gets undefined changes and no verdict.
    """
    index = int(group["point"].iloc[0])
    row: dict[str, object] = {
        "point": index,
        "point_name": group["point_name"].iloc[0],
        **{path: group[path].iloc[0] for path in parameters},
        "replications": len(group),
    }
    if not paired:
        for party in (p.key for p in PARTIES):
            for suffix in ("", "_low", "_high"):
                row[f"change_{party}{suffix}"] = float("nan")
            row[f"outcome_{party}"] = NOT_PAIRED
        row["verdict"] = NOT_PAIRED
        row["losing_groups"] = ""
        row.update({name: float(group[name].mean()) for name in indicators})
        return row
    changes = welfare_changes(welfare_records(group), reference, margin, last_year)
    outcomes = changes.outcomes()
    for party, change in changes.parties().items():
        row[f"change_{party}"] = change.mean
        row[f"change_{party}_low"] = change.low
        row[f"change_{party}_high"] = change.high
        row[f"outcome_{party}"] = outcomes[party]
    reference_point = index == 0
    row["verdict"] = REFERENCE_VERDICT if reference_point else changes.verdict()
    for horizon, verdict in changes.horizons().items():
        if horizon != "end":
            row[f"verdict_{horizon}"] = REFERENCE_VERDICT if reference_point else verdict
    row["losing_groups"] = ", ".join(changes.losing_groups())
    row.update({name: float(group[name].mean()) for name in indicators})
    return row


def point_summary(
    runs: pd.DataFrame,
    parameters: list[str],
    margin: float = 0.0,
    last_year: int | None = None,
    unpaired: Collection[int] = (),
) -> pd.DataFrame:
    """One row per point, in point order.

    Args:
        runs: The sweep's ``runs.parquet`` as a data frame.
        parameters: The varied parameter paths (columns of ``runs``).
        margin: The margin of a negligible change (PPP $ per person per year).
        last_year: The runs' last year (to read the verdicts after 10 and 20 years).
        unpaired: Points whose simulation settings differ from the reference's
            (:meth:`experiments.sweep.plan.Sweep.unpaired_points`): no change, no verdict.
    """
    indicators = indicator_columns(runs, parameters)
    reference = welfare_records(runs[runs["point"] == 0].set_index("replication"))
    rows = [
        point_row(
            group.set_index("replication"),
            reference,
            parameters,
            indicators,
            margin,
            last_year,
            paired=int(point) not in unpaired,
        )
        for point, group in runs.groupby("point", sort=True)
    ]
    return pd.DataFrame(rows)


def verdict_counts(points: pd.DataFrame) -> dict[str, int]:
    """How many design points (the reference excluded) got each verdict."""
    design = points[points["point"] != 0]
    return {str(k): int(v) for k, v in design["verdict"].value_counts().sort_index().items()}
