"""Checks evaluated on the experiments' runs: statistic, interval, band, pass or fail.

The JSON document (``validate --json``, ``validation.json``) is
``{"checks": {ID: {"kind": "calibration"|"validation", "statistic": X, "band": [LO, HI],
"source": "...", "pass": true|false, "fact": "...", "interval": [LO, HI]}}, "passed": N,
"failed": M, "kinds": {KIND: {"checks": N, "passed": N}}}``; an open end of a band and an
undefined number are JSON ``null``, and ``interval`` is left out where it is undefined.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import pandas as pd

from experiments.validation import files
from experiments.validation.figures import FIGURES
from experiments.validation.probes import PROBES
from experiments.validation.registry import CHECKS_FILE, KINDS, Check, Declarations
from experiments.validation.runner import ExperimentData
from experiments.validation.statistics import STATISTICS, Outcome, compute, passes
from model.errors import InputError


@dataclass(frozen=True)
class CheckResult:
    """One check with its statistic and verdict."""

    check: Check
    outcome: Outcome

    @property
    def passed(self) -> bool:
        """Whether the check passes under its rule."""
        return passes(self.outcome, self.check.band, self.check.rule)


def verify(declarations: Declarations) -> None:
    """Every statistic, figure and probe named in the declarations exists (before any run)."""
    for check in declarations.checks:
        for key, name, known in (
            ("statistic", check.statistic, STATISTICS),
            ("figure", check.figure, FIGURES),
        ):
            if name not in known:
                raise InputError(
                    str(CHECKS_FILE),
                    f"checks.{check.id}.{key}",
                    f"unknown {name!r}; known: {list(known)}",
                )
    for experiment in declarations.experiments.values():
        for probe in experiment.probes:
            if probe not in PROBES:
                raise InputError(
                    str(CHECKS_FILE),
                    f"experiments.{experiment.id}.probes",
                    f"unknown {probe!r}; known: {list(PROBES)}",
                )


def evaluate(checks: list[Check], data: dict[str, ExperimentData]) -> list[CheckResult]:
    """Every check's statistic, computed from the runs of its experiment."""
    return [
        CheckResult(check, compute(check.statistic, data[check.experiment].runs, check.options))
        for check in checks
    ]


def _finite(value: float | None) -> float | None:
    return float(value) if value is not None and math.isfinite(value) else None


def check_entry(result: CheckResult) -> dict[str, Any]:
    """The JSON entry of one check."""
    check, outcome = result.check, result.outcome
    entry: dict[str, Any] = {
        "kind": check.kind,
        "title": check.title,
        "statistic": _finite(outcome.value),
        "band": [_finite(check.band[0]), _finite(check.band[1])],
        "rule": check.rule,
        "pass": result.passed,
        "fact": check.fact,
        "measure": check.measure,
        "source": check.source,
        "cite": check.cite,
        "experiment": check.experiment,
        "replications": outcome.estimate.count,
    }
    if outcome.interval is not None:
        entry["interval"] = [_finite(outcome.interval[0]), _finite(outcome.interval[1])]
    if outcome.extra:
        entry["extra"] = {name: value.as_json() for name, value in outcome.extra.items()}
    return entry


def json_document(checked: list[CheckResult], **context: Any) -> dict[str, Any]:
    """The document ``validate --json`` prints, with ``context`` (folder, seed, ...) appended."""
    passed = sum(result.passed for result in checked)
    kinds = {
        kind: {
            "checks": sum(r.check.kind == kind for r in checked),
            "passed": sum(r.check.kind == kind and r.passed for r in checked),
        }
        for kind in KINDS
    }
    return {
        "checks": {result.check.id: check_entry(result) for result in checked},
        "passed": passed,
        "failed": len(checked) - passed,
        "kinds": kinds,
        **context,
    }


def checks_table(results: list[CheckResult]) -> pd.DataFrame:
    """One row per check: what it tests, the statistic, interval, band and verdict."""
    rows = []
    for result in results:
        check, outcome = result.check, result.outcome
        interval = outcome.interval or (math.nan, math.nan)
        rows.append(
            {
                "id": check.id,
                "kind": check.kind,
                "title": check.title,
                "experiment": check.experiment,
                "statistic_function": check.statistic,
                "statistic": outcome.value,
                "interval_low": interval[0],
                "interval_high": interval[1],
                "band_low": math.nan if check.band[0] is None else check.band[0],
                "band_high": math.nan if check.band[1] is None else check.band[1],
                "rule": check.rule,
                "pass": result.passed,
                "replications": outcome.estimate.count,
                "fact": check.fact,
                "measure": check.measure,
                "source": check.source,
                "figure": files.FIGURE.named(check=check.id),
            }
        )
    return pd.DataFrame(rows)
