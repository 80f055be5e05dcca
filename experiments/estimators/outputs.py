"""The ``survey`` results folder: data of replication 0, estimates, scores, figures, summary.

File names come from :mod:`experiments.estimators.files`, which the report page reads too. Every
file is written whole or not at all, and the manifest last (:mod:`experiments.results`).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pandas as pd

from experiments import results
from experiments.estimators import files
from experiments.estimators.bank import BY_NAME
from experiments.estimators.figures import scores_figure, sweep_figure
from experiments.estimators.laboratory import SCENARIO_SETTING, Laboratory, headlines
from experiments.result_files import ResultFile


def write_csv(path: Path, frame: pd.DataFrame) -> Path:
    """A table as CSV, atomically."""
    return results.write_atomically(path, lambda tmp: frame.to_csv(tmp, index=False))


WRITERS = {"parquet": results.write_parquet, "csv": write_csv}


def write_table(folder: Path, item: ResultFile, frame: pd.DataFrame, **fields: str) -> list[str]:
    """A table in every format (:data:`files.FORMATS`); returns the names written."""
    names = files.table_files(item, **fields)
    for form, name in names.items():
        WRITERS[form](folder / name, frame)
    return list(names.values())


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
    written = []
    for family, data in (
        (files.OBSERVED, first.observed),
        (files.MICRODATA, first.microdata),
        (files.TRUTH, first.truth),
    ):
        for name, frame in data.items():
            written += write_table(folder, family, frame, table=name)
    tables = [(files.ESTIMATES, laboratory.estimates), (files.SCORES, laboratory.scores)]
    if not laboratory.sweep.empty:
        tables.append((files.SWEEP, laboratory.sweep))
    for table, frame in tables:
        written += write_table(folder, table, frame)
    scored = headlines(laboratory.estimates, SCENARIO_SETTING)
    results.write_figure(files.SCORES_FIGURE.path(folder), scores_figure(scored, laboratory.scores))
    written.append(files.SCORES_FIGURE.name)
    if not laboratory.sweep.empty:
        results.write_figure(files.SWEEP_FIGURE.path(folder), sweep_figure(laboratory.sweep))
        written.append(files.SWEEP_FIGURE.name)
    results.write_json(files.SUMMARY.path(folder), document)
    written.append(files.SUMMARY.name)
    return written
