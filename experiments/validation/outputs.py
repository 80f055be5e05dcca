"""The results folder of ``validate``: data, checks, figures, JSON document, manifest (last).

Every run of each experiment (one row per point and replication), one row per check, one figure
per check, the ``--json`` document, and the manifest of how it was all made; the files are those
of :mod:`experiments.validation.files`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from experiments import results
from experiments.result_files import MANIFEST
from experiments.seeds import describe_seed, replication_seed
from experiments.validation import files
from experiments.validation.evaluate import CheckResult, checks_table
from experiments.validation.figures import FIGURES
from experiments.validation.registry import CHECKS_FILE
from experiments.validation.runner import ExperimentData
from model.calibration import TARGETS_FILE


def write_figures(
    folder: Path, checked: list[CheckResult], data: dict[str, ExperimentData]
) -> None:
    """One PNG per check, drawn by the check's figure kind."""
    for result in checked:
        figure = FIGURES[result.check.figure](
            result.check, result.outcome, data[result.check.experiment].runs
        )
        results.write_figure(files.FIGURE.path(folder, check=result.check.id), figure)


def experiment_manifest(data: ExperimentData) -> dict[str, Any]:
    """What an experiment ran: its scenario, points, replications and time."""
    experiment = data.experiment
    return {
        "description": experiment.description,
        "scenario": str(experiment.scenario),
        "replications": experiment.replications,
        "probes": list(experiment.probes),
        "sweep": None
        if experiment.sweep is None
        else {"parameter": experiment.sweep.parameter, "values": list(experiment.sweep.values)},
        "overrides": list(experiment.overrides),
        "runs": len(data.runs),
        "seconds": data.seconds,
    }


def write_folder(
    folder: Path,
    checked: list[CheckResult],
    data: dict[str, ExperimentData],
    document: dict[str, Any],
    *,
    seed: int,
    seconds: float,
    options: dict[str, Any],
) -> None:
    """Every output of a validation, the manifest written last."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, done in data.items():
        results.write_parquet(files.RUNS.path(folder, experiment=name), done.runs)
    results.write_parquet(files.CHECKS.path(folder), checks_table(checked))
    write_figures(folder, checked, data)
    results.write_json(files.SUMMARY.path(folder), document)
    scenarios = {
        f"{name}/{i}": loaded.describe()
        for name, done in data.items()
        for i, loaded in enumerate(done.loaded)
    }
    count = max((d.experiment.replications for d in data.values()), default=0)
    manifest = results.manifest(
        "validate",
        scenarios=scenarios,
        seed=seed,
        seeds=[
            {"replication": i, **describe_seed(replication_seed(seed, i))} for i in range(count)
        ],
        timings={"total_s": seconds, **{f"{k}_s": d.seconds for k, d in data.items()}},
        extra={
            "declarations": [str(CHECKS_FILE), str(TARGETS_FILE)],
            "options": options,
            "experiments": {name: experiment_manifest(done) for name, done in data.items()},
            "checks": [result.check.id for result in checked],
            "outputs": results.outputs(folder),
        },
    )
    results.write_json(MANIFEST.path(folder), manifest)
