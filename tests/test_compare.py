"""``compare``: paired replications on common random numbers, verdicts, advice, folder, report."""

from __future__ import annotations

import contextlib
import io
import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from experiments.cli import main
from experiments.comparison.advice import advise, half_width, needed_for
from experiments.comparison.forest import fit_scale, forest_plot
from experiments.comparison.pairs import paired_changes
from experiments.comparison.quadrant import quadrant_plot
from experiments.figures import drawn_colours
from experiments.scenarios import load
from experiments.seeds import replication_seed
from experiments.statistics import Estimate, estimate
from experiments.style import GAIN_COLOUR, scenario_colours
from experiments.verdicts import LOSS, TRIPLE_WIN, UNCERTAIN, verdict
from model.simulation import RunResult, simulate
from tests.conftest import ROOT

PARTIES = ("migrants", "origin", "destination")
BASELINE = str(ROOT / "scenarios/baseline.yaml")
SMALL = ["--years", "12", "--set", "simulation.households=300"]


def run_py(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "run.py"), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )


def expected_verdict(entry: dict) -> str:
    """The triple-win rule (docs/ODD.md, section 7.19), from the intervals of a JSON entry."""
    intervals = [entry["ci95"][party] for party in PARTIES]
    if any(high < 0 for _, high in intervals):
        return LOSS
    if all(low > 0 for low, _ in intervals):
        return TRIPLE_WIN
    return UNCERTAIN


@pytest.fixture(scope="module")
def issue_command(tmp_path_factory) -> tuple[dict, Path, str]:
    """The issue's command, as typed."""
    folder = tmp_path_factory.mktemp("compare")
    done = run_py(
        "compare",
        "scenarios/baseline.yaml",
        "scenarios/cheap_remittances.yaml",
        "scenarios/no_migration.yaml",
        "--replications",
        "10",
        "--seed",
        "3",
        "--json",
        "--out",
        str(folder),
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout), folder, done.stderr


def test_json_has_the_design_shape_and_consistent_verdicts(issue_command):
    document, _, _ = issue_command
    assert document["baseline"] == "baseline"
    assert list(document["scenarios"]) == ["cheap_remittances", "no_migration"]
    for entry in document["scenarios"].values():
        assert set(entry["delta"]) == set(entry["ci95"]) == set(PARTIES)
        for party in PARTIES:
            low, high = entry["ci95"][party]
            assert low <= entry["delta"][party] <= high
        assert entry["verdict"] == expected_verdict(entry)
        assert entry["replications"] == 10
        assert entry["advice"]["decided"] == (entry["verdict"] != UNCERTAIN)
        assert "welfare_origin" not in entry["changes"]
        assert "origin_poverty_rate" in entry["changes"]


def test_cheap_remittances_raise_origin_welfare(issue_command):
    document, _, _ = issue_command
    low, _ = document["scenarios"]["cheap_remittances"]["ci95"]["origin"]
    assert low > 0


def test_closed_borders_lose_for_all_three_parties(issue_command):
    """Against no_migration, migration as such is a triple win: closing borders loses for all."""
    entry = issue_command[0]["scenarios"]["no_migration"]
    assert entry["verdict"] == LOSS
    assert all(entry["ci95"][party][1] < 0 for party in PARTIES)


def test_terminal_tables_go_to_stderr(issue_command):
    _, folder, stderr = issue_command
    assert "Triple-win test against 'baseline'" in stderr
    assert "Replication advice" in stderr and "origin_poverty_rate" in stderr
    assert str(folder) in stderr


def test_results_folder_holds_paired_tables_figures_and_manifest(issue_command):
    document, folder, _ = issue_command
    assert json.loads((folder / "summary.json").read_text()) == document
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["command"] == "compare" and manifest["baseline"] == "baseline"
    assert [s["spawn_key"] for s in manifest["seeds"]] == [[i] for i in range(10)]
    cheap = manifest["scenarios"]["cheap_remittances"]
    assert cheap["parameters"]["policy"]["remittance_fee"] == 0.03
    assert cheap["files"][-1].endswith("baseline.yaml") and "GCM objective 20" in cheap["header"]
    assert {"numpy", "mesa"} <= set(manifest["versions"]) and "commit" in manifest["git"]
    # Written last: the manifest lists everything else in the folder.
    on_disk = {p.name for p in folder.iterdir() if not p.name.startswith(".")}
    assert set(manifest["outputs"]) == on_disk - {"manifest.json"}

    runs = pd.read_parquet(folder / "replications.parquet")
    changes = pd.read_parquet(folder / "changes.parquet")
    assert len(changes) == 20 and len(runs) == 30
    base = runs[runs["role"] == "baseline"].set_index("replication")
    cheap_runs = runs[runs["scenario"] == "cheap_remittances"].set_index("replication")
    paired = changes[changes["scenario"] == "cheap_remittances"].set_index("replication")
    difference = cheap_runs["welfare_origin"] - base["welfare_origin"]
    assert np.array_equal(paired["welfare_origin"].to_numpy(), difference.to_numpy())
    mean = document["scenarios"]["cheap_remittances"]["delta"]["origin"]
    assert paired["welfare_origin"].mean() == pytest.approx(mean, rel=1e-12)
    assert len(pd.read_parquet(folder / "yearly.parquet")) == 3 * 10 * 40
    assert len(pd.read_parquet(folder / "yearly_changes.parquet")) == 2 * 10 * 40
    for name in ("forest", "quadrant", "welfare_paths", "welfare_changes"):
        assert (folder / f"{name}.png").stat().st_size > 10_000, name


def test_report_explains_scenarios_and_embeds_every_figure(issue_command, capsys):
    _, folder, _ = issue_command
    assert main(["report", str(folder), "--out", str(folder / "page.html")]) == 0
    page = (folder / "page.html").read_text()
    assert page.count('<img src="data:image/png;base64,') == 4
    for text in (
        "triple win",
        "United Nations Secretary-General",
        "GCM objective 20",
        "policy.remittance_fee: 0.062 → 0.03",
        'class="verdict-loss"',
        "Are the replications enough?",
        "Caveats",
    ):
        assert text in page, text


@pytest.fixture(scope="module")
def self_comparison(tmp_path_factory) -> tuple[dict, Path]:
    """The baseline against itself, small, in this process."""
    folder = tmp_path_factory.mktemp("self")
    args = ["compare", BASELINE, BASELINE, "--replications", "3", "--seed", "5", *SMALL]
    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout):
        assert main([*args, "--json", "--out", str(folder)]) == 0
    return json.loads(stdout.getvalue()), folder


def test_baseline_against_itself_changes_nothing_exactly(self_comparison):
    document, folder = self_comparison
    entry = document["scenarios"]["baseline"]
    assert entry["delta"] == {party: 0.0 for party in PARTIES}
    assert entry["ci95"] == {party: [0.0, 0.0] for party in PARTIES}
    assert entry["verdict"] == UNCERTAIN
    assert entry["advice"]["replications_needed"] is None
    assert "exactly zero" in entry["advice"]["text"]
    changes = pd.read_parquet(folder / "changes.parquet").drop(
        columns=["scenario", "replication", "seed"]
    )
    values = changes.to_numpy(dtype=float)
    assert np.all((values == 0.0) | np.isnan(values))
    assert np.count_nonzero(values == 0.0) > 0.9 * values.size


def test_replication_i_runs_on_the_seed_of_replication_i(self_comparison):
    """Common random numbers: each run of compare is simulate(scenario, SeedSequence(S, (i,)))."""
    _, folder = self_comparison
    runs = pd.read_parquet(folder / "replications.parquet")
    loaded = load(BASELINE, ["simulation.households=300"], years=12)
    for replication in range(3):
        again = simulate(loaded.scenario, replication_seed(5, replication)).indicators
        rows = runs[runs["replication"] == replication]
        assert len(rows) == 2
        assert (rows["welfare_origin"] == again["welfare_origin"]).all()


def fake_run(values: dict[str, float]) -> RunResult:
    yearly = pd.DataFrame({"year": [1], **{k: [v] for k, v in values.items()}})
    return RunResult(indicators=values, by_country={}, yearly=yearly)


def test_paired_changes_pair_replication_i_with_replication_i():
    baseline = [fake_run({"x": float(i), "y": 10.0 * i}) for i in range(4)]
    scenario = [fake_run({"x": float(i) + 0.5, "y": 20.0 * i}) for i in range(4)]
    changes = paired_changes(baseline, scenario)
    assert list(changes["replication"]) == [0, 1, 2, 3]
    assert list(changes["x"]) == [0.5] * 4
    assert list(changes["y"]) == [0.0, 10.0, 20.0, 30.0]
    with pytest.raises(ValueError, match="unpaired"):
        paired_changes(baseline, scenario[:3])


def interval(low: float, high: float) -> Estimate:
    return Estimate((low + high) / 2, low, high, 10)


@pytest.mark.parametrize(
    ("intervals", "expected"),
    [
        ([(1, 2), (0.1, 0.3), (5, 9)], TRIPLE_WIN),
        ([(1, 2), (-0.3, -0.1), (5, 9)], LOSS),
        ([(-2, 1), (-0.3, -0.1), (5, 9)], LOSS),
        ([(0, 2), (0.1, 0.3), (5, 9)], UNCERTAIN),
        ([(-1, 2), (0.1, 0.3), (5, 9)], UNCERTAIN),
        ([(math.nan, math.nan), (0.1, 0.3), (5, 9)], UNCERTAIN),
    ],
)
def test_verdict_follows_the_triple_win_rule(intervals, expected):
    welfare = {party: interval(*bounds) for party, bounds in zip(PARTIES, intervals, strict=True)}
    assert verdict(welfare) == expected


@settings(deadline=None, max_examples=60)
@given(
    mean=st.floats(0.05, 5.0),
    spread=st.floats(0.5, 5.0),
    pilot=st.integers(5, 30),
)
def test_advised_replications_are_the_fewest_that_narrow_the_interval_enough(mean, spread, pilot):
    values = mean + spread * np.linspace(-1.0, 1.0, pilot)
    change = estimate(values)
    needed = needed_for(values, change)
    observed = float(values.std(ddof=1))
    assert needed is not None and needed >= 2
    assert half_width(observed, needed) < abs(change.mean)
    if needed > 2:
        assert half_width(observed, needed - 1) >= abs(change.mean)


def test_advice_targets_a_loss_with_the_fewest_replications_among_losing_parties():
    rng = np.random.default_rng(7)
    samples = {
        "migrants": rng.normal(-1.0, 4.0, 10),
        "origin": rng.normal(-1.0, 8.0, 10),
        "destination": rng.normal(0.5, 4.0, 10),
    }
    welfare = {party: estimate(values) for party, values in samples.items()}
    advice = advise(welfare, samples, verdict(welfare))
    losing = [p for p in PARTIES if welfare[p].mean < 0]
    assert advice.needed == min(advice.parties[p].needed for p in losing)
    if not advice.decided:
        assert f"about {advice.needed} replications" in advice.text


def test_advice_on_a_decided_triple_win():
    samples = {party: np.linspace(1.0, 2.0, 8) for party in PARTIES}
    welfare = {party: estimate(values) for party, values in samples.items()}
    advice = advise(welfare, samples, verdict(welfare))
    assert advice.decided and all(a.decided for a in advice.parties.values())
    assert advice.text.startswith("Decided with 8 replications")


def test_forest_plot_keeps_each_scenarios_colour_and_shapes_the_outcome():
    welfare = {
        "gains": {party: interval(1, 2) for party in PARTIES},
        "loses": {party: interval(-2, -1) for party in PARTIES},
        "open": {party: interval(-1, 1) for party in PARTIES},
    }
    colours = scenario_colours(["base", *welfare])
    verdicts = {"gains": TRIPLE_WIN, "loses": LOSS, "open": UNCERTAIN}
    figure = forest_plot(welfare, verdicts, colours=colours)
    assert drawn_colours(figure) == {name: colours[name] for name in welfare}
    panels = [axis for axis in figure.axes if axis.get_lines()]
    assert len(panels) == 3
    for axis in panels:
        markers = [line for line in axis.get_lines() if line.get_gid()]
        assert [m.get_marker() for m in markers] == ["^", "v", "o"]  # gain, loss, uncertain
        assert markers[2].get_markerfacecolor() in ("white", (1.0, 1.0, 1.0, 1.0))  # hollow
        assert GAIN_COLOUR not in {m.get_color() for m in markers}  # green is never a scenario
        low, high = axis.get_xlim()
        assert low < -2 and high > 2


def test_axes_turn_logarithmic_only_when_one_change_dwarfs_the_others():
    import matplotlib.pyplot as plt

    figure, (even, uneven) = plt.subplots(1, 2)
    assert not fit_scale(even, [(1.0, 0.5, 1.5), (-2.0, -3.0, -1.0)])
    assert even.get_xscale() == "linear"
    assert fit_scale(uneven, [(0.1, 0.05, 0.2), (-250.0, -260.0, -240.0)])
    assert uneven.get_xscale() == "symlog"
    low, high = uneven.get_xlim()
    assert low < -260 and high > 0.2
    plt.close(figure)


def test_quadrant_centres_zero():
    welfare = {
        "a": {party: interval(1, 3) for party in PARTIES},
        "b": {party: interval(-0.5, -0.1) for party in PARTIES},
    }
    axis = quadrant_plot(welfare).axes[0]
    for low, high in (axis.get_xlim(), axis.get_ylim()):
        assert low == pytest.approx(-high) and high > 3


def write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def test_bad_input_exits_2_before_any_run(tmp_path, capsys):
    out = tmp_path / "out"
    missing = main(["compare", BASELINE, str(tmp_path / "nowhere.yaml"), "--out", str(out)])
    assert missing == 2 and "no such scenario file" in capsys.readouterr().err
    twin = write(
        tmp_path / "twin.yaml",
        f"extends: {BASELINE}\nname: baseline\npolicy:\n  enforcement: 0.1\n",
    )
    assert main(["compare", BASELINE, str(twin), "--out", str(out)]) == 2
    error = capsys.readouterr().err
    assert str(twin) in error and "name" in error and "already the name" in error
    longer = write(tmp_path / "longer.yaml", f"extends: {BASELINE}\nsimulation:\n  years: 50\n")
    assert main(["compare", BASELINE, str(longer), "--out", str(out)]) == 2
    assert "simulation.years" in capsys.readouterr().err
    wrong = main(
        ["compare", BASELINE, BASELINE, "--set", "policy.enforcement=2", "--out", str(out)]
    )
    assert wrong == 2 and "policy.enforcement" in capsys.readouterr().err
    assert not out.exists()
