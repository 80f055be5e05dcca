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
from experiments.comparison.advice import advise, half_width, needed_for, projection
from experiments.comparison.forest import fit_scale, forest_plot
from experiments.comparison.pairs import paired_changes
from experiments.comparison.quadrant import quadrant_plot
from experiments.figures import drawn_colours
from experiments.scenarios import load
from experiments.seeds import replication_seed
from experiments.statistics import Estimate, estimate
from experiments.style import GAIN_COLOUR, scenario_colours
from experiments.verdicts import GAIN, LOSS, NEGLIGIBLE, TRIPLE_WIN, UNCERTAIN, verdict
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


def expected_outcome(low: float, high: float, margin: float) -> str:
    """A party's outcome (docs/ODD.md, section 7.19), written out from its interval."""
    if -margin <= low and high <= margin:
        return NEGLIGIBLE
    if high < 0:
        return LOSS
    return GAIN if low > 0 else UNCERTAIN


def expected_verdict(entry: dict, margin: float) -> str:
    """The triple-win rule, from the intervals of a JSON entry and the margin."""
    outcomes = [expected_outcome(*entry["ci95"][party], margin) for party in PARTIES]
    if LOSS in outcomes:
        return LOSS
    if all(o == GAIN for o in outcomes):
        return TRIPLE_WIN
    if all(o == NEGLIGIBLE for o in outcomes):
        return NEGLIGIBLE
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
    margin = document["margin"]
    assert margin == 25.0  # the baseline's welfare.margin
    for entry in document["scenarios"].values():
        assert set(entry["delta"]) == set(entry["ci95"]) == set(PARTIES)
        for party in PARTIES:
            low, high = entry["ci95"][party]
            assert low <= entry["delta"][party] <= high
            assert entry["outcomes"][party] == expected_outcome(low, high, margin)
            total = sum(v for v in entry["channels"][party].values() if v is not None)
            assert total == pytest.approx(entry["delta"][party], rel=1e-6)
        assert "discrimination" in entry["channels"]["migrants"]
        assert entry["verdict"] == expected_verdict(entry, margin)
        assert set(entry["horizons"]) == {"10", "20", "end"}
        assert entry["horizons"]["end"] == entry["verdict"]
        assert all(
            v in (TRIPLE_WIN, LOSS, NEGLIGIBLE, UNCERTAIN) for v in entry["horizons"].values()
        )
        groups = entry["groups"]
        assert {"natives_low_skilled", "natives_skilled", "origin_poorest_40"} <= set(groups)
        assert "stayers_without_migrant" in groups
        for group in groups.values():
            low, high = group["ci95"]
            if group["delta"] is None:
                # A group nobody is in under the scenario (migrants, with borders closed) has no
                # welfare per person: its change is undefined, not a loss.
                assert group["size_change"] == -1.0 and group["outcome"] == UNCERTAIN
                continue
            assert group["outcome"] == expected_outcome(low, high, margin)
        assert entry["losing_groups"] == [n for n, g in groups.items() if g["outcome"] == LOSS]
        assert set(entry["migrants_worse_off_than_at_home"]) == {"baseline", "scenario"}
        assert entry["replications"] == 10
        settled = LOSS in entry["outcomes"].values() or UNCERTAIN not in entry["outcomes"].values()
        assert entry["advice"]["decided"] == settled
        # The yearly consumption indicators are reported beside the verdict, which reads the
        # equivalent variations instead.
        assert "welfare_origin" in entry["changes"] and "origin_poverty_rate" in entry["changes"]


def test_cheap_remittances_raise_origin_welfare(issue_command):
    entry = issue_command[0]["scenarios"]["cheap_remittances"]
    low, high = entry["ci95"]["origin"]
    # The direction is established; whether it matters depends on the margin (about $20 per
    # origin-born person a year: inside the default $25, a gain with a smaller margin).
    assert low > 0
    margin = issue_command[0]["margin"]
    assert entry["outcomes"]["origin"] == (GAIN if high > margin else NEGLIGIBLE)
    # Remittances carry it: cheaper sending is a gain for the families at home.
    channels = entry["channels"]["origin"]
    assert channels["remittances"] > 0
    assert channels["remittances"] == max(channels.values())


def test_closed_borders_lose_for_all_three_parties(issue_command):
    """Against no_migration, migration as such is a triple win: closing borders loses for all."""
    entry = issue_command[0]["scenarios"]["no_migration"]
    assert entry["verdict"] == LOSS
    assert all(entry["ci95"][party][1] < 0 for party in PARTIES)
    assert set(entry["outcomes"].values()) == {LOSS}


def test_terminal_tables_go_to_stderr(issue_command):
    _, folder, stderr = issue_command
    assert "Triple-win test against 'baseline'" in stderr
    assert "Replication advice" in stderr and "origin_poverty_rate" in stderr
    assert "Groups: equivalent variation" in stderr and "natives_low_skilled" in stderr
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
    # The verdict's variation: the change of the present value over the baseline's years.
    variation = (cheap_runs["pv_origin_end"] - base["pv_origin_end"]) / base["years_origin_end"]
    assert np.allclose(paired["ev_origin"].to_numpy(), variation.to_numpy(), rtol=1e-12)
    mean = document["scenarios"]["cheap_remittances"]["delta"]["origin"]
    assert paired["ev_origin"].mean() == pytest.approx(mean, rel=1e-12)
    summary = pd.read_parquet(folder / "summary.parquet")
    row = summary[
        (summary["scenario"] == "cheap_remittances") & (summary["indicator"] == "ev_origin")
    ]
    assert row["change"].item() == pytest.approx(mean, rel=1e-12)
    assert row["outcome"].item() == document["scenarios"]["cheap_remittances"]["outcomes"]["origin"]
    assert len(pd.read_parquet(folder / "yearly.parquet")) == 3 * 10 * 40
    assert len(pd.read_parquet(folder / "yearly_changes.parquet")) == 2 * 10 * 40
    for name in ("forest", "quadrant", "channels", "welfare_paths", "welfare_changes"):
        assert (folder / f"{name}.png").stat().st_size > 10_000, name


def test_report_explains_scenarios_and_embeds_every_figure(issue_command, capsys):
    _, folder, _ = issue_command
    assert main(["report", str(folder), "--out", str(folder / "page.html")]) == 0
    page = (folder / "page.html").read_text()
    assert page.count('<img src="data:image/png;base64,') == 5
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
    assert entry["verdict"] == NEGLIGIBLE
    assert entry["outcomes"] == {party: NEGLIGIBLE for party in PARTIES}
    assert entry["horizons"] == {"10": NEGLIGIBLE, "20": None, "end": NEGLIGIBLE}
    assert all(value == 0.0 for party in PARTIES for value in entry["channels"][party].values())
    assert all(group["delta"] == 0.0 for group in entry["groups"].values())
    assert entry["losing_groups"] == []
    assert entry["advice"]["replications_needed"] is None and entry["advice"]["decided"]
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
    ("intervals", "margin", "expected"),
    [
        ([(1, 2), (0.1, 0.3), (5, 9)], 0.0, TRIPLE_WIN),
        ([(1, 2), (0.1, 0.3), (5, 9)], 25.0, NEGLIGIBLE),
        ([(30, 40), (26, 90), (5, 90)], 25.0, TRIPLE_WIN),
        ([(30, 40), (0.1, 0.3), (5, 90)], 25.0, UNCERTAIN),
        ([(1, 2), (-0.3, -0.1), (5, 9)], 0.0, LOSS),
        ([(1, 2), (-30, -0.1), (5, 9)], 25.0, LOSS),
        ([(-2, 1), (-0.3, -0.1), (5, 9)], 0.0, LOSS),
        ([(0, 2), (0.1, 0.3), (5, 9)], 0.0, UNCERTAIN),
        ([(-1, 2), (0.1, 0.3), (5, 9)], 0.0, UNCERTAIN),
        ([(-30, 40), (0.1, 0.3), (5, 9)], 25.0, UNCERTAIN),
        ([(math.nan, math.nan), (0.1, 0.3), (5, 9)], 0.0, UNCERTAIN),
    ],
)
def test_verdict_follows_the_triple_win_rule(intervals, margin, expected):
    welfare = {party: interval(*bounds) for party, bounds in zip(PARTIES, intervals, strict=True)}
    assert verdict(welfare, margin) == expected


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


def test_advice_projects_each_open_party_and_never_settles_the_verdict_itself():
    rng = np.random.default_rng(9)
    samples = {
        "migrants": rng.normal(-20.0, 60.0, 10),
        "origin": rng.normal(60.0, 150.0, 10),
        "destination": rng.normal(8.0, 5.0, 10),
    }
    welfare = {party: estimate(values) for party, values in samples.items()}
    margin = 25.0
    judged = verdict(welfare, margin)
    advice = advise(welfare, samples, judged, margin)
    open_parties = [p for p, a in advice.parties.items() if not a.decided]
    assert judged == UNCERTAIN and open_parties and not advice.decided
    for party in open_parties:
        found = advice.parties[party]
        assert found.needed is not None and found.projected in (GAIN, LOSS, NEGLIGIBLE)
        # The fewest replications whose projected interval decides the party, as what it says.
        assert projection(samples[party], welfare[party], found.needed, margin) == found.projected
        earlier = projection(samples[party], welfare[party], found.needed - 1, margin)
        assert earlier == UNCERTAIN
        assert f"about {found.needed} would decide {party}" in advice.text
    # The verdict's count: where the projected outcomes first settle it.
    assert advice.needed == min(
        n
        for n in {a.needed for a in advice.parties.values() if a.needed}
        if LOSS
        in [
            a.outcome if a.decided else projection(samples[p], welfare[p], n, margin)
            for p, a in advice.parties.items()
        ]
        or UNCERTAIN
        not in [
            a.outcome if a.decided else projection(samples[p], welfare[p], n, margin)
            for p, a in advice.parties.items()
        ]
    )
    assert "projections, not results" in advice.text and "would show" not in advice.text


def test_advice_on_decided_verdicts():
    samples = {party: np.linspace(1.0, 2.0, 8) for party in PARTIES}
    welfare = {party: estimate(values) for party, values in samples.items()}
    advice = advise(welfare, samples, verdict(welfare))
    assert advice.decided and all(a.decided for a in advice.parties.values())
    assert advice.text.startswith("Decided with 8 replications")
    # Gains beside a negligible change: settled, "uncertain" for a mix, not for want of runs.
    samples["destination"] = np.linspace(-1.0, 1.0, 8)
    welfare = {party: estimate(values) for party, values in samples.items()}
    judged = verdict(welfare, margin=1.5)
    assert judged == UNCERTAIN
    advice = advise(welfare, samples, judged, margin=1.5)
    assert advice.decided and advice.needed is None
    assert "not for want of replications" in advice.text


def test_forest_plot_keeps_each_scenarios_colour_and_shapes_the_outcome():
    welfare = {
        "gains": {party: interval(30, 40) for party in PARTIES},
        "loses": {party: interval(-40, -30) for party in PARTIES},
        "open": {party: interval(-40, 40) for party in PARTIES},
        "small": {party: interval(-1, 1) for party in PARTIES},
    }
    colours = scenario_colours(["base", *welfare])
    verdicts = {"gains": TRIPLE_WIN, "loses": LOSS, "open": UNCERTAIN, "small": NEGLIGIBLE}
    figure = forest_plot(welfare, verdicts, margin=25.0, colours=colours)
    assert drawn_colours(figure) == {name: colours[name] for name in welfare}
    panels = [axis for axis in figure.axes if axis.get_lines()]
    assert len(panels) == 3
    for axis in panels:
        markers = [line for line in axis.get_lines() if line.get_gid()]
        # gain, loss, uncertain, negligible
        assert [m.get_marker() for m in markers] == ["^", "v", "o", "D"]
        assert markers[2].get_markerfacecolor() in ("white", (1.0, 1.0, 1.0, 1.0))  # hollow
        assert GAIN_COLOUR not in {m.get_color() for m in markers}  # green is never a scenario
        low, high = axis.get_xlim()
        assert low < -40 and high > 40
        assert axis.get_xscale() == "linear"


def test_axes_are_linear_and_hold_every_interval_zero_and_the_margin():
    import matplotlib.pyplot as plt

    figure, (small, uneven) = plt.subplots(1, 2)
    fit_scale(small, [(1.0, 0.5, 1.5), (2.0, 1.0, 3.0)], margin=25.0)
    low, high = small.get_xlim()
    assert small.get_xscale() == "linear" and low < -25 and high > 25
    # A drastic scenario beside a small one: still linear (a change reads at its size).
    fit_scale(uneven, [(0.1, 0.05, 0.2), (-250.0, -260.0, -240.0)])
    low, high = uneven.get_xlim()
    assert uneven.get_xscale() == "linear" and low < -260 and high > 0.2
    plt.close(figure)


def test_quadrant_centres_zero():
    welfare = {
        "a": {party: interval(1, 3) for party in PARTIES},
        "b": {party: interval(-0.5, -0.1) for party in PARTIES},
    }
    axis = quadrant_plot(welfare).axes[0]
    for low, high in (axis.get_xlim(), axis.get_ylim()):
        assert low == pytest.approx(-high) and high > 3
    assert axis.get_xscale() == axis.get_yscale() == "linear"


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
    for margin in ("-1", "abc", "nan"):
        assert main(["compare", BASELINE, BASELINE, "--margin", margin, "--out", str(out)]) == 2
        error = capsys.readouterr().err.strip()
        assert error.count("\n") == 0 and error.startswith("error: --margin:"), error
        assert "PPP $ per person per year, 0 or more" in error
    assert not out.exists()


def test_margin_option_changes_the_verdict_not_the_numbers(tmp_path):
    """--margin only moves the line between negligible and decided."""
    base = ["compare", BASELINE, str(ROOT / "scenarios/cheap_remittances.yaml")]
    base += ["--replications", "3", "--seed", "5", *SMALL, "--json"]
    documents = []
    for margin in ("0", "1000"):
        stdout = io.StringIO()
        with contextlib.redirect_stdout(stdout):
            assert main([*base, "--margin", margin, "--out", str(tmp_path / margin)]) == 0
        documents.append(json.loads(stdout.getvalue()))
    strict, wide = documents
    assert strict["margin"] == 0.0 and wide["margin"] == 1000.0
    one, other = strict["scenarios"]["cheap_remittances"], wide["scenarios"]["cheap_remittances"]
    assert one["delta"] == other["delta"] and one["ci95"] == other["ci95"]
    assert other["verdict"] == NEGLIGIBLE
    assert one["outcomes"]["origin"] == GAIN
