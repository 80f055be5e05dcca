"""The results folder of ``calibrate``: tables, figures, the JSON document and the manifest.

Written at the end, each file whole or not at all (:mod:`experiments.results`), the manifest
last; ``history.db`` and ``calibration_plan.json`` are written while the estimation runs. The
file names are those of :mod:`experiments.calibration.files`.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pandas as pd

from experiments import results
from experiments.calibration import files
from experiments.calibration.experiment import Calibration
from experiments.calibration.figures import (
    diagnostics_figure,
    marginals_figure,
    pairs_figure,
    predictive_figure,
)
from experiments.calibration.posterior import Posterior
from experiments.result_files import MANIFEST


def _finite(value: Any) -> float | None:
    value = float(value)
    return value if math.isfinite(value) else None


def posterior_summary(posterior: Posterior, calibration: Calibration) -> dict[str, Any]:
    """Each parameter's weighted mean, median and 95% interval, beside its prior's range."""
    means, quantiles = posterior.mean(), posterior.quantiles()
    return {
        name: {
            "mean": _finite(means[name]),
            "median": _finite(quantiles.loc[name, "q0.5"]),
            "ci95": [
                _finite(quantiles.loc[name, "q0.025"]),
                _finite(quantiles.loc[name, "q0.975"]),
            ],
            "prior": calibration.priors[name].model_dump(exclude_none=True),
        }
        for name in posterior.parameters
    }


def json_document(
    calibration: Calibration,
    posterior: Posterior,
    diagnostics: pd.DataFrame,
    checks: pd.DataFrame,
    **context: Any,
) -> dict[str, Any]:
    """The ``calibrate --json`` document."""
    abc = calibration.experiment.abc
    return {
        "calibration": calibration.name,
        "seed": calibration.experiment.seed,
        "population": abc.population,
        "generations": len(diagnostics),
        "generations_asked": abc.generations,
        "evaluations": int(diagnostics["evaluations"].sum()),
        "effective_sample_size": posterior.effective_sample_size(),
        "posterior": posterior_summary(posterior, calibration),
        "diagnostics": [
            {key: _finite(value) for key, value in row.items()}
            for row in diagnostics.drop(columns="wall_time_s").to_dict(orient="records")
        ],
        "predictive_checks": {
            row["statistic"]: {
                "target": row["target"],
                "band": [row["band_low"], row["band_high"]],
                "median": _finite(row["median"]),
                "interval95": [_finite(row["q025"]), _finite(row["q975"])],
                "share_in_band": _finite(row["share_in_band"]),
                "pass": bool(row["median_in_band"]),
                "source": row["source"],
            }
            for row in checks.to_dict(orient="records")
        },
        **context,
    }


def write_figures(
    folder: Path,
    calibration: Calibration,
    posterior: Posterior,
    diagnostics: pd.DataFrame,
    sample: pd.DataFrame,
    checks: pd.DataFrame,
) -> None:
    """The four figures."""
    priors = calibration.priors
    results.write_figure(files.MARGINALS_FIGURE.path(folder), marginals_figure(posterior, priors))
    results.write_figure(files.PAIRS_FIGURE.path(folder), pairs_figure(posterior, priors))
    results.write_figure(files.DIAGNOSTICS_FIGURE.path(folder), diagnostics_figure(diagnostics))
    results.write_figure(files.PREDICTIVE_FIGURE.path(folder), predictive_figure(sample, checks))


def write_folder(
    folder: Path,
    calibration: Calibration,
    posterior: Posterior,
    diagnostics: pd.DataFrame,
    sample: pd.DataFrame,
    checks: pd.DataFrame,
    document: dict[str, Any],
    extra: dict[str, Any],
) -> None:
    """Every output of a calibration, the manifest written last."""
    results.write_parquet(files.POSTERIOR.path(folder), posterior.table())
    results.write_parquet(files.DIAGNOSTICS.path(folder), diagnostics)
    results.write_parquet(files.PREDICTIVE.path(folder), sample)
    results.write_parquet(files.CHECKS.path(folder), checks)
    write_figures(folder, calibration, posterior, diagnostics, sample, checks)
    results.write_json(files.SUMMARY.path(folder), document)
    scenarios = {}
    if calibration.experiment.base is not None:
        scenarios["base"] = {
            "file": str(calibration.file.parent / calibration.experiment.base),
            "parameters": calibration.scenario,
        }
    manifest = results.manifest(
        "calibrate",
        scenarios=scenarios,
        seed=calibration.experiment.seed,
        seeds=[
            {
                "rule": "evaluation j of generation t: SeedSequence(seed, spawn_key=(t + 1, j)); "
                "predictive draw i: SeedSequence(seed, spawn_key=(1000000, i))"
            }
        ],
        timings=extra.pop("timings"),
        extra={
            "calibration_file": str(calibration.file),
            "calibration": calibration.content(),
            **extra,
            "outputs": results.outputs(folder),
        },
    )
    results.write_json(MANIFEST.path(folder), manifest)
