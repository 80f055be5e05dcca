"""One row per sample point: its values, replicate means of every output, and replicate noise.

The outputs of a point are means over its replications: for welfare, each party's equivalent
variation against the point's paired baseline run of the same replication (hence the same seed
and world; :mod:`experiments.welfare`, PPP $ per person per year over the run),
``change_migrants``, ``change_origin`` and ``change_destination``; the triple-win indicator
``triple_win`` (1 when all three mean variations exceed the margin of a negligible change, the
base scenario's ``welfare.margin``: all three gain); and each listed indicator's level. Beside
each mean: the replicates' variance (``var_*``, ``ddof = 1``), from which the noise share is
computed, and for the variations the 95% t-interval, each party's outcome and the interval
verdict of ``run.py compare`` (``verdict``, :mod:`experiments.verdicts`), which is stricter.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from experiments.sensitivity.plan import Sensitivity
from experiments.statistics import Estimate, estimate
from experiments.verdicts import outcome, verdict_of
from experiments.welfare import PARTIES, per_year, pv_key, years_key

TRIPLE_WIN = "triple_win"


def output_names(sensitivity: Sensitivity) -> list[str]:
    """The analysed outputs, in report order."""
    names = [f"change_{party}" for party in PARTIES] if sensitivity.paired else []
    names += [TRIPLE_WIN] if sensitivity.paired else []
    return names + list(sensitivity.experiment.outputs.indicators)


def run_matrix(runs: pd.DataFrame, column: str, configs: int, replications: int) -> np.ndarray:
    """A run column as a (configuration, replication) matrix (NaN where a value is missing)."""
    matrix = np.full((configs, replications), np.nan)
    if column not in runs.columns:
        return matrix
    values = pd.to_numeric(runs[column], errors="coerce").to_numpy(dtype=float)
    matrix[runs["point"].to_numpy(), runs["replication"].to_numpy()] = values
    return matrix


def replicate_stats(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean and variance (ddof 1; NaN with one replication) of each row of replicate values."""
    mean = values.mean(axis=1)
    if values.shape[1] < 2:
        return mean, np.full(len(values), np.nan)
    return mean, values.var(axis=1, ddof=1)


def variations(sensitivity: Sensitivity, runs: pd.DataFrame, party: str) -> np.ndarray:
    """A party's equivalent variation per (point, replication): the point's run against its
    paired baseline run (:func:`experiments.welfare.per_year`)."""
    replications = sensitivity.experiment.replications
    count = len(sensitivity.configs)
    scenario, baseline = sensitivity.pairs[:, 0], sensitivity.pairs[:, 1]
    present = run_matrix(runs, pv_key(party), count, replications)
    years = run_matrix(runs, years_key(party), count, replications)
    return per_year(present[scenario] - present[baseline], years[baseline])


def welfare_columns(sensitivity: Sensitivity, runs: pd.DataFrame) -> dict[str, np.ndarray]:
    """Paired variations per point: mean, interval, variance, outcome; triple win and verdict."""
    margin = sensitivity.margin
    columns: dict[str, np.ndarray] = {}
    estimates: dict[str, list[Estimate]] = {}
    for party in PARTIES:
        change = variations(sensitivity, runs, party)
        mean, variance = replicate_stats(change)
        estimates[party] = [estimate(row) for row in change]
        columns[f"change_{party}"] = mean
        columns[f"change_{party}_low"] = np.array([e.low for e in estimates[party]])
        columns[f"change_{party}_high"] = np.array([e.high for e in estimates[party]])
        columns[f"var_change_{party}"] = variance
        columns[f"outcome_{party}"] = np.array([outcome(e, margin) for e in estimates[party]])
    means = np.column_stack([columns[f"change_{party}"] for party in PARTIES])
    columns[TRIPLE_WIN] = (means > margin).all(axis=1).astype(float)
    columns["verdict"] = np.array(
        [
            verdict_of(columns[f"outcome_{party}"][row] for party in PARTIES)
            for row in range(len(means))
        ]
    )
    return columns


def indicator_columns(sensitivity: Sensitivity, runs: pd.DataFrame) -> dict[str, np.ndarray]:
    """Replicate means and variances of each listed indicator at each point (its scenario)."""
    replications = sensitivity.experiment.replications
    scenario = sensitivity.pairs[:, 0]
    columns = {}
    for name in sensitivity.experiment.outputs.indicators:
        matrix = run_matrix(runs, name, len(sensitivity.configs), replications)
        mean, variance = replicate_stats(matrix[scenario])
        columns[name], columns[f"var_{name}"] = mean, variance
    return columns


def point_table(sensitivity: Sensitivity, runs: pd.DataFrame) -> pd.DataFrame:
    """One row per sample point, in the design's order.

    Args:
        sensitivity: The experiment (its design, parameters and configurations).
        runs: ``runs.parquet`` as a data frame.
    """
    design = sensitivity.design
    half = np.zeros(len(design.unit), dtype=bool)
    if design.half is not None:
        half[design.half] = True
    # Built as one dict: a frame grown column by column (98 parameters twice) fragments.
    columns: dict[str, object] = {
        "sample": np.arange(len(design.unit)),
        "block": design.blocks,
        "in_half": half,
    }
    for index, parameter in enumerate(sensitivity.parameters):
        columns[f"unit:{parameter.path}"] = design.unit[:, index]
    values = pd.DataFrame(sensitivity.points, columns=[p.path for p in sensitivity.parameters])
    columns.update({path: values[path].to_numpy() for path in values.columns})
    columns["scenario_config"] = sensitivity.pairs[:, 0]
    columns["baseline_config"] = sensitivity.pairs[:, 1]
    if sensitivity.paired:
        columns.update(welfare_columns(sensitivity, runs))
    columns.update(indicator_columns(sensitivity, runs))
    return pd.DataFrame(columns)


def noise_shares(sensitivity: Sensitivity, points: pd.DataFrame) -> pd.DataFrame:
    """How much of each output's variance over points is replicate noise.

    With ``r`` replications, the noise variance of a point's mean is the mean within-point
    variance divided by ``r``; its share is that over the variance of the point means. Under
    common random numbers part of the noise is shared by all points and does not vary between
    them, so the share is an upper bound. Undefined with one replication, and not computed for
    the triple-win indicator (a function of three means, see the interval verdicts instead).
    """
    replications = sensitivity.experiment.replications
    rows = []
    for name in output_names(sensitivity):
        if name == TRIPLE_WIN:
            continue
        means = points[name].to_numpy(dtype=float)
        within = points[f"var_{name}"].to_numpy(dtype=float)
        total = float(np.nanvar(means, ddof=1)) if np.isfinite(means).sum() > 1 else np.nan
        measured = replications > 1 and np.isfinite(within).any()
        noise = float(np.nanmean(within)) / replications if measured else np.nan
        share = noise / total if total and np.isfinite(total) and total > 0 else np.nan
        rows.append(
            {
                "output": name,
                "replications": replications,
                "variance_of_point_means": total,
                "noise_variance_of_a_mean": noise,
                "noise_share": share,
            }
        )
    return pd.DataFrame(rows)
