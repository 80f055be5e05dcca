"""The work a Dask worker does: build models from parameters and seeds, run them, return records.

Tasks receive plain data (scenario mappings, run specifications) and return plain data (one flat
mapping per run, and optionally the yearly series), so they pickle small and import nothing from
the client's session. The model is built inside the task: no model object ever crosses the wire.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from experiments.engine.spec import TIMING_PREFIX, RunSpec
from model.scenario.paths import set_path


@dataclass
class ChunkResult:
    """What one chunk of runs reports.

    Attributes:
        rows: One flat mapping per run: identifiers, labels, indicators, timings.
        yearly: The runs' yearly series stacked (``run_id``, ``year``, indicators), or None.
    """

    rows: list[dict[str, Any]]
    yearly: pd.DataFrame | None


def scenario_data(base: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    """The base scenario mapping with every override applied."""
    data = base
    for path, value in overrides.items():
        data = set_path(data, path, value)
    return data


def run_record(
    spec: RunSpec, scenario: Any, yearly: bool = True
) -> tuple[dict[str, Any], pd.DataFrame]:
    """Run one model and flatten its result into a row (and its yearly table).

    Without ``yearly``, indicators are computed in the evaluation window only (the row is the
    same; the yearly table holds the window alone).
    """
    from experiments.records import run_record as indicator_record
    from model.simulation import simulate

    result = simulate(scenario, spec.seed(), yearly=yearly)
    row = {
        **spec.identifiers(),
        **indicator_record(result),
        **{f"{TIMING_PREFIX}{name}": seconds for name, seconds in result.timings.items()},
    }
    return row, result.yearly


def evaluate_chunk(specs: Sequence[RunSpec], evaluator: str) -> ChunkResult:
    """Evaluate a test model (``"module:function"``) at each run's overrides and seed.

    A test model is a plain function of the parameters (such as the Ishigami function) that
    stands in for the simulator, so that a command's plan, engine and analysis can be checked
    against known results.
    """
    import importlib

    module, _, name = evaluator.partition(":")
    function = getattr(importlib.import_module(module), name)
    rows = [{**spec.identifiers(), **function(spec.overrides, spec.seed())} for spec in specs]
    return ChunkResult(rows, None)


def run_chunk(
    scenarios: dict[str, dict[str, Any]],
    specs: Sequence[RunSpec],
    yearly: bool,
    evaluator: str | None = None,
) -> ChunkResult:
    """Run a chunk of runs one after the other on this worker.

    Args:
        scenarios: Base scenario mappings by key (at least those the specs name).
        specs: The runs, usually consecutive replications of a few design points.
        yearly: Keep each run's yearly series.
        evaluator: A test model to evaluate instead of the simulator (see :class:`Plan`).

    Returns:
        The chunk's rows, in the order of ``specs``, and its yearly series if asked for.
    """
    if evaluator is not None:
        return evaluate_chunk(specs, evaluator)
    from model.scenario.schema import Scenario

    rows, frames = [], []
    built: tuple[tuple[str, str], Any] | None = None
    for spec in specs:
        # Consecutive replications of a point share one validated scenario.
        identity = (spec.scenario, repr(sorted(spec.overrides.items())))
        if built is None or built[0] != identity:
            data = scenario_data(scenarios[spec.scenario], spec.overrides)
            built = (identity, Scenario.model_validate(data))
        row, series = run_record(spec, built[1], yearly)
        rows.append(row)
        if yearly:
            frames.append(series.assign(run_id=spec.run_id))
    if not yearly:
        return ChunkResult(rows, None)
    frame = pd.concat(frames, ignore_index=True)
    return ChunkResult(rows, frame[["run_id", *[c for c in frame.columns if c != "run_id"]]])
