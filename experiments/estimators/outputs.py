"""The ``survey`` results folder: data of replication 0, estimates, scores, figures, summary.

File names come from :mod:`experiments.survey_files`, which the report page reads too. Every
file is written whole or not at all, and the manifest last (:mod:`experiments.results`).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pandas as pd

from experiments import results, survey_files
from experiments.estimators.bank import BY_NAME
from experiments.estimators.figures import scores_figure, sweep_figure
from experiments.estimators.laboratory import SCENARIO_SETTING, Laboratory, headlines


def write_tables(folder: Path, tables: dict[str, pd.DataFrame]) -> list[str]:
    """Each table as Parquet and as CSV, atomically; returns the file names written."""
    written = []
    for name, frame in tables.items():
        results.write_parquet(folder / f"{name}.parquet", frame)
        results.write_atomically(
            folder / f"{name}.csv", lambda tmp, frame=frame: frame.to_csv(tmp, index=False)
        )
        written += survey_files.table_files(name)
    return written


def _finite(value: float) -> float | None:
    return float(value) if isinstance(value, float | int) and math.isfinite(value) else None


def json_document(name: str, seed: int, laboratory: Laboratory, folder: Path) -> dict[str, Any]:
    """The ``--json`` document: every estimator's estimate, interval, truth, bias, RMSE, coverage."""
    estimators = {}
    for row in laboratory.scores.itertuples():
        info = BY_NAME[row.estimator]
        estimators[row.estimator] = {
            "target": info.target,
            "unit": info.unit,
            "estimate": _finite(row.estimate),
            "ci95": [_finite(row.low), _finite(row.high)],
            "truth": _finite(row.truth),
            "bias": _finite(row.bias),
            "relative_bias": _finite(row.relative_bias),
            "rmse": _finite(row.rmse),
            "coverage": _finite(row.coverage),
            "exact_in_principle": info.exact,
            "data": info.data,
            "source": info.source,
        }
    document: dict[str, Any] = {
        "scenario": name,
        "replications": int(laboratory.estimates["replication"].nunique()),
        "seed": seed,
        "census_years": laboratory.first.census_years,
        "measurement": laboratory.first.measurement.model_dump(mode="json"),
        "estimators": estimators,
        "results": str(folder),
    }
    if not laboratory.sweep.empty:
        document["sweep"] = {
            "parameter": str(laboratory.sweep["parameter"].iloc[0]),
            "values": sorted(set(laboratory.sweep["value"])),
            "scores": [
                {k: (_finite(v) if isinstance(v, float) else v) for k, v in r.items()}
                for r in laboratory.sweep[
                    ["value", "estimator", "bias", "rmse", "coverage"]
                ].to_dict(orient="records")
            ],
        }
    return document


def write_folder(folder: Path, laboratory: Laboratory, document: dict[str, Any]) -> list[str]:
    """Everything but the manifest; returns the files written, relative to ``folder``."""
    first = laboratory.first
    written = [
        f"{survey_files.OBSERVED}/{n}"
        for n in write_tables(folder / survey_files.OBSERVED, first.observed)
    ]
    written += [
        f"{survey_files.MICRODATA}/{n}"
        for n in write_tables(folder / survey_files.MICRODATA, first.microdata)
    ]
    written += [
        f"{survey_files.TRUTH}/{n}" for n in write_tables(folder / survey_files.TRUTH, first.truth)
    ]
    tables = {survey_files.ESTIMATES: laboratory.estimates, survey_files.SCORES: laboratory.scores}
    if not laboratory.sweep.empty:
        tables[survey_files.SWEEP] = laboratory.sweep
    written += write_tables(folder, tables)
    scored = headlines(laboratory.estimates, SCENARIO_SETTING)
    results.write_figure(
        folder / survey_files.SCORES_FIGURE, scores_figure(scored, laboratory.scores)
    )
    written.append(survey_files.SCORES_FIGURE)
    if not laboratory.sweep.empty:
        results.write_figure(folder / survey_files.SWEEP_FIGURE, sweep_figure(laboratory.sweep))
        written.append(survey_files.SWEEP_FIGURE)
    results.write_json(folder / survey_files.SUMMARY, document)
    written.append(survey_files.SUMMARY)
    return written
