"""Scoring estimators against the truth over paired replications.

Replication ``i`` of a scenario runs with ``SeedSequence(seed, spawn_key=(i,))``, the same seed
as replication ``i`` of ``run``; its observers draw from their own streams of that seed. Over the
replications, each estimator's headline estimate ``x_i`` (:func:`bank.headline`) is scored
against the truth ``T_i`` of the same replication:

* bias ``mean(x_i - T_i)`` and relative bias ``bias / mean(T_i)``;
* root mean squared error ``sqrt(mean((x_i - T_i)^2))``;
* coverage: the share of replications whose 95% interval holds ``T_i`` (0.95 for an honest
  interval of an unbiased estimator, up to the binomial noise of few replications: with 20, a
  true 0.95 shows as 0.85-1 nineteen times in twenty).

In a sweep over an error parameter every value observes the same simulated runs (one model per
replication, one observer per value, coupled draws), so the differences between values are the
error's effect alone.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from experiments.estimators.bank import BANK, BY_NAME

SCORE_COLUMNS = [
    "estimator",
    "target",
    "unit",
    "replications",
    "estimate",
    "low",
    "high",
    "truth",
    "bias",
    "relative_bias",
    "rmse",
    "coverage",
    "exact_in_principle",
    "data",
    "source",
]


def score(estimates: pd.DataFrame, by: list[str] | None = None) -> pd.DataFrame:
    """Bias, RMSE and coverage of each estimator over the replications in ``estimates``.

    Args:
        estimates: Headline estimates, one row per replication and estimator (and per value of
            the columns in ``by``).
        by: Further columns to score separately (the swept parameter's value).
    """
    keys = [*(by or []), "estimator"]
    rows = []
    for key, group in estimates.groupby(keys, sort=False):
        key = key if isinstance(key, tuple) else (key,)
        name = key[-1]
        info = BY_NAME[name]
        error = group["estimate"] - group["truth"]
        truth = float(group["truth"].mean())
        rows.append(
            {
                **dict(zip(keys, key, strict=True)),
                "target": info.target,
                "unit": info.unit,
                "replications": len(group),
                "estimate": float(group["estimate"].mean()),
                "low": float(group["low"].mean()),
                "high": float(group["high"].mean()),
                "truth": truth,
                "bias": float(error.mean()),
                "relative_bias": float(error.mean() / truth) if truth != 0 else np.nan,
                "rmse": float(np.sqrt((error**2).mean())),
                "coverage": float(group["covered"].mean()),
                "exact_in_principle": info.exact,
                "data": info.data,
                "source": info.source,
            }
        )
    frame = pd.DataFrame(rows)
    order = {estimator.name: i for i, estimator in enumerate(BANK)}
    frame = frame.sort_values(
        [*(by or []), "estimator"], key=lambda s: s.map(order) if s.name == "estimator" else s
    )
    return frame[[*(by or []), *SCORE_COLUMNS]].reset_index(drop=True)
