"""``validate``: the declared checks, the statistics, the probes, the command and its report."""

from __future__ import annotations

import html
import io
import json
import math
import sys
from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest

from experiments.cli import main
from experiments.records import run_record
from experiments.scenarios import load
from experiments.seeds import replication_seed
from experiments.validation import files, registry
from experiments.validation.figures import FIGURES
from experiments.validation.probes import PROBES, TripsProbe
from experiments.validation.runner import run_once
from experiments.validation.statistics import (
    STATISTICS,
    compute,
    ols_slope,
    paired_peak,
    paired_ratio,
    paired_slope,
    passes,
    peak_position,
    replication_mean,
)
from model.calibration import load_targets
from model.errors import InputError
from tests.conftest import ROOT

# The out-of-sample patterns (issue 18), by id; identities left validate for tests/test_identities.
VALIDATION_CHECKS = (
    "emigration_hump",
    "remittances_insurance",
    "migrant_networks",
    "brain_gain",
    "native_wages",
    "assimilation",
    "circular_migration",
)
LEFT = (
    "place_premium",
    "remittances_saved",
    "fiscal_employment",
    "remittance_fee_direction",
    "remittance_fee_elasticity",
)
TINY = ["simulation.households=150", "simulation.years=14", "simulation.evaluation_years=4"]


@pytest.fixture(scope="module")
def declarations() -> registry.Declarations:
    return registry.load_declarations()


def test_every_check_has_a_kind_and_six_or_more_are_out_of_sample(declarations) -> None:
    checks = {check.id: check for check in declarations.checks}
    assert all(check.kind in registry.KINDS for check in declarations.checks)
    assert [c.id for c in declarations.checks if c.kind == "validation"] == list(VALIDATION_CHECKS)
    assert not set(LEFT) & set(checks)
    for name in VALIDATION_CHECKS:
        check = checks[name]
        assert len(check.fact) > 20 and len(check.source) > 10 and len(check.measure) > 20
        assert any(end is not None for end in check.band) and check.target is None
        assert check.experiment in declarations.experiments
        assert check.statistic in STATISTICS and check.figure in FIGURES
    for experiment in declarations.experiments.values():
        assert experiment.scenario.is_file()
        assert set(experiment.probes) <= set(PROBES)


def test_calibration_checks_are_the_targets_that_do_not_restate_a_parameter(declarations) -> None:
    calibrated = {t.statistic for t in load_targets() if t.calibrated}
    assert "origin_poverty_rate" in calibrated and "left_within_5y_window" in calibrated
    checked = {c.target for c in declarations.checks if c.kind == "calibration"}
    assert checked == calibrated
    restating = {t.statistic for t in load_targets() if not t.calibrated}
    assert restating == {"remittance_cost_share", "remittances_saved_share", "place_premium"}


def test_every_calibration_target_is_checked_once_with_its_own_band(declarations) -> None:
    """The targets' numbers live in model/calibration.yaml only; each target is one check."""
    for target in (t for t in load_targets() if t.calibrated):
        measuring = [
            check
            for check in declarations.checks
            if check.target == target.statistic and check.options.get("column") == target.statistic
        ]
        assert len(measuring) == 1, target.statistic
        assert measuring[0].band == tuple(float(v) for v in target.band)
        assert measuring[0].source == target.source


def test_select_and_quick_profile(declarations) -> None:
    chosen = registry.select(declarations, ["brain_gain"])
    assert [c.id for c in chosen.checks] == ["brain_gain"]
    assert list(chosen.experiments) == ["selectivity_sweep"]
    quick = registry.adjust(chosen, ["policy.visa_years=2"], quick=True)
    sweep = quick.experiments["selectivity_sweep"]
    assert sweep.replications == 2 and sweep.sweep is not None
    assert sweep.sweep.values == (0.0, 0.5, 1.0)
    assert sweep.points()[0][1][-2:] == ["policy.visa_years=2", "policy.skill_selectivity=0.0"]
    with pytest.raises(InputError, match="unknown check 'nonsense'"):
        registry.select(declarations, ["nonsense"])
    assert registry.thin((1.0, 2.0, 3.0, 4.0), 2) == (1.0, 4.0)


def sweep_runs(
    values: np.ndarray, make: Callable[[float, int], dict[str, float]], replications: int = 6
) -> pd.DataFrame:
    """A synthetic sweep: ``make(value, replication)`` gives each run's statistics."""
    rows = [
        {"point": p, "value": v, "replication": r, **make(v, r)}
        for p, v in enumerate(values)
        for r in range(replications)
    ]
    return pd.DataFrame(rows)


def test_log_slope_recovers_a_known_elasticity() -> None:
    shares = np.array([0.05, 0.1, 0.2, 0.4])
    noise = np.random.default_rng(1)
    runs = sweep_runs(
        shares,
        lambda s, r: {"x": s, "y": (1 + r) * s**0.07 * math.exp(noise.normal(0, 1e-4))},
    )
    outcome = paired_slope(runs, "x", "y", log_x=True, log_y=True)
    assert outcome.value == pytest.approx(0.07, abs=0.002)
    assert outcome.interval[0] < 0.07 < outcome.interval[1]


def test_paired_statistics_remove_what_replications_share() -> None:
    """A replication effect common to every point cancels: slope and ratio are exact."""
    levels = np.array([0.3, 0.6, 0.9])
    runs = sweep_runs(levels, lambda v, r: {"x": v + 0.1 * r, "y": 2.0 * v + 5.0 * r})
    slope = paired_slope(runs, "x", "y", extra=("x",))
    assert np.allclose(slope.per_replication, 2.0) and slope.value == pytest.approx(2.0)
    assert slope.extra["slope of x"].mean == pytest.approx(1.0)
    ratio = paired_ratio(runs, "x", "y", scale=-1.0)
    assert np.allclose(ratio.per_replication, -2.0)
    mean = replication_mean(pd.DataFrame({"a": [1.0, 3.0], "b": [2.0, 2.0]}), "a", ("b",))
    assert mean.value == 2.0 and mean.extra["b"].mean == 2.0
    assert math.isnan(ols_slope(np.ones(3), np.arange(3.0)))
    with pytest.raises(InputError, match="no statistic 'missing'"):
        compute("paired_slope", runs, {"x": "x", "y": "missing"})


def test_peak_of_a_hump_and_no_peak_without_one() -> None:
    incomes = np.array([1500.0, 3000, 6000, 12000, 24000])
    hump = 0.1 - 0.02 * (np.log(incomes) - math.log(6000)) ** 2
    assert peak_position(incomes, hump) == pytest.approx(6000, rel=1e-6)
    assert math.isnan(peak_position(incomes, np.log(incomes)))  # rises only: no hump
    assert math.isnan(peak_position(incomes, -((np.log(incomes) - 11.0) ** 2)))  # peak beyond
    runs = sweep_runs(incomes, lambda v, r: {"x": v, "y": 1.0 + r - (math.log(v) - 9.0) ** 2})
    outcome = paired_peak(runs, "x", "y")
    assert outcome.value == pytest.approx(math.exp(9.0), rel=1e-6)
    assert outcome.extra["share of replications with a hump"].mean == 1.0
    flat = paired_peak(sweep_runs(incomes, lambda v, r: {"x": v, "y": math.log(v)}), "x", "y")
    assert not passes(flat, (0.0, None), "estimate")


def test_pass_rules_open_bands_and_undefined_values() -> None:
    runs = pd.DataFrame({"a": [0.9, 1.1, 1.0, 1.0]})
    outcome = replication_mean(runs, "a")
    assert passes(outcome, (0.5, None), "estimate") and passes(outcome, (0.5, None), "interval")
    assert passes(outcome, (0.99, 1.5), "estimate") and not passes(outcome, (0.99, 1.5), "interval")
    assert not passes(outcome, (None, 0.5), "estimate")
    undefined = replication_mean(pd.DataFrame({"a": [np.nan, np.nan]}), "a")
    assert not passes(undefined, (None, None), "estimate")


def test_probed_run_matches_simulate() -> None:
    """The validation runner reports exactly what model.simulation.simulate reports."""
    from model.simulation import simulate

    scenario = load(ROOT / "scenarios/baseline.yaml", TINY).scenario
    seed = replication_seed(3, 1)
    probed = run_once(scenario, seed, [PROBES[name]() for name in PROBES])
    plain = run_record(simulate(scenario, replication_seed(3, 1)))
    for name, value in plain.items():
        assert probed[name] == pytest.approx(value, nan_ok=True), name


def test_returns_are_a_part_of_the_departures_within_five_years() -> None:
    """Returns alone (the probe) are some, and no more than, returns and ends of working life."""
    scenario = load(ROOT / "scenarios/baseline.yaml", TINY).scenario
    record = run_once(scenario, replication_seed(3, 0), [PROBES["cohort_exits"]()])
    assert 0 < record["returned_within_5y"] <= record["left_within_5y"]
    assert record["returned_within_2y"] <= record["returned_within_5y"]


def test_experiments_are_reproducible_and_paired() -> None:
    """Same seed, same numbers; replication i of every point shares its seed."""
    from experiments.validation.runner import run_experiment

    experiment = registry.Experiment(
        id="tiny",
        description="",
        scenario=ROOT / "scenarios/baseline.yaml",
        replications=2,
        sweep=registry.Sweep("policy.return_bonus", (0.0, 0.0)),
        overrides=tuple(TINY),
    )
    first, second = run_experiment(experiment, 5), run_experiment(experiment, 5)
    columns = [c for c in first.runs.columns if c != "seconds"]
    pd.testing.assert_frame_equal(first.runs[columns], second.runs[columns])
    # Two points with identical parameters: common random numbers make them identical.
    by_point = [
        g.drop(columns="point").reset_index(drop=True)
        for _, g in first.runs[columns].groupby("point")
    ]
    pd.testing.assert_frame_equal(by_point[0], by_point[1])


def trips_run(path: str) -> tuple[TripsProbe, dict[str, float], int]:
    from model.model import TripleWinModel

    scenario = load(ROOT / path, [*TINY, "simulation.years=20"]).scenario
    model = TripleWinModel(scenario, seed=replication_seed(0, 0))
    probe = TripsProbe()
    probe.start(model)
    for _ in range(model.horizon):
        model.step()
        probe.observe(model)
    return probe, probe.finish(model), int(model.migrants.person_id[model.migrants.alive()].max())


def test_trips_probe_follows_everyone_who_ever_migrated() -> None:
    probe, stats, newest = trips_run("scenarios/circular_migration.yaml")
    # Every person id ever given out was seen, including people who left the model.
    assert (probe.first_year[: newest + 1] >= 0).all()
    for group in ("circular_permit", "all"):
        shares = [stats[f"trips_{k}_{group}"] for k in (1, 2, 3, 4)]
        assert sum(shares) == pytest.approx(1.0)
        assert stats[f"repeat_share_{group}"] == pytest.approx(1.0 - shares[0])
    assert stats["repeat_share_circular_permit"] > 0
    assert stats["people_all"] >= stats["people_circular_permit"] > 0


def test_without_circular_reentry_nobody_makes_a_second_trip() -> None:
    _, stats, _ = trips_run("scenarios/baseline.yaml")
    assert stats["people_all"] > 0 and stats["repeat_share_all"] == 0.0


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory) -> tuple[dict, object]:
    folder = tmp_path_factory.mktemp("validate")
    capture = pytest.MonkeyPatch()
    stdout = io.StringIO()
    capture.setattr(sys, "stdout", stdout)
    try:
        status = main(["validate", "--quick", "--json", "--out", str(folder)])
    finally:
        capture.undo()
    assert status == 0
    return json.loads(stdout.getvalue()), folder


def test_quick_validate_prints_the_documented_document(quick_run, declarations) -> None:
    document, folder = quick_run
    assert set(document) >= {"checks", "passed", "failed"}
    assert list(document["checks"]) == [check.id for check in declarations.checks]
    assert document["passed"] + document["failed"] == len(declarations.checks)
    assert sum(k["checks"] for k in document["kinds"].values()) == len(declarations.checks)
    for entry in document["checks"].values():
        assert entry["kind"] in ("calibration", "validation")
        assert isinstance(entry["pass"], bool) and entry["fact"] and entry["source"]
        assert len(entry["band"]) == 2
        assert entry["statistic"] is None or math.isfinite(entry["statistic"])
        if "interval" in entry:
            assert len(entry["interval"]) == 2
    assert sum(e["pass"] for e in document["checks"].values()) == document["passed"]
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["command"] == "validate" and manifest["options"]["quick"] is True
    for name in declarations.experiments:
        assert len(pd.read_parquet(folder / f"runs_{name}.parquet")) > 0
    table = pd.read_parquet(folder / "checks.parquet")
    assert list(table["id"]) == list(document["checks"])
    for name in document["checks"]:
        assert (folder / "figures" / f"{name}.png").stat().st_size > 10_000


def test_validation_report_renders_one_figure_per_check(quick_run, capsys) -> None:
    document, folder = quick_run
    assert main(["report", str(folder)]) == 0
    page = (folder / "report.html").read_text()
    assert "pattern-oriented modelling" in page.lower() and "out-of-sample" in page
    assert page.count("<img") == len(document["checks"])
    for entry in document["checks"].values():
        assert html.escape(entry["title"]) in page
    # Every file family of the folder is listed with what it holds, the figures' too.
    for item in files.FILES:
        assert f"<code>{item.shown}</code>: " in page, item.name


def test_bad_input_is_one_line_and_status_2(capsys) -> None:
    assert main(["validate", "--only", "nonsense", "--quick"]) == 2
    assert main(["validate", "--quick", "--set", "policy.no_such_lever=1"]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("error:") for line in lines)
