"""Inputs that would silently mislead are refused: one line, exit status 2, nothing lost.

Each case runs ``run.py`` as a user would, with ``--out`` naming a finished results folder, and
checks the one-line message (naming the file and the problem), the exit status, the absence of
a traceback, and that the folder's files are byte for byte what they were.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

BASELINE = ROOT / "scenarios" / "baseline.yaml"
SMALL = ["--years", "2", "--replications", "1", "--set", "simulation.households=20"]


def run_py(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "run.py"), *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


def hashes(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (hidden ones too) with the SHA-256 of its bytes."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def refused(done: subprocess.CompletedProcess[str], *words: str) -> str:
    """The one line of a refusal, checked: exit 2, no traceback, nothing on stdout."""
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2, done.stderr
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.fixture(scope="module")
def finished(tmp_path_factory) -> Path:
    """A finished results folder of ``run.py compare`` (what a careless --out could destroy)."""
    folder = tmp_path_factory.mktemp("finished") / "compare"
    scenario = ROOT / "scenarios" / "expanded_quotas.yaml"
    done = run_py("compare", BASELINE, scenario, *SMALL, "--out", folder)
    assert done.returncode == 0, done.stderr
    return folder


def refused_untouched(finished: Path, arguments: list, *words: str) -> str:
    """Run with ``--out`` the finished folder; it must be refused and the folder unchanged."""
    before = hashes(finished)
    line = refused(run_py(*arguments, "--out", finished), *words)
    assert hashes(finished) == before
    return line


# Defect 4: files that are not UTF-8 text.


def test_latin1_scenario_is_one_line_naming_file_and_encoding(tmp_path, finished):
    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes(f"extends: {BASELINE}\ndescription: Régularisation\n".encode("latin-1"))
    line = refused_untouched(finished, ["run", latin1, *SMALL], str(latin1), "UTF-8")
    assert "line 2" in line


def test_binary_scenario_is_one_line(tmp_path, finished):
    binary = tmp_path / "picture.yaml"
    binary.write_bytes((ROOT / "docs" / "img" / "viz_world.png").read_bytes()[:400])
    refused_untouched(finished, ["compare", BASELINE, binary, *SMALL], str(binary), "UTF-8")


def test_latin1_parent_through_extends_names_the_parent(tmp_path, finished):
    parent = tmp_path / "parent.yaml"
    parent.write_bytes(f"extends: {BASELINE}\ndescription: Régularisation\n".encode("latin-1"))
    child = tmp_path / "child.yaml"
    child.write_text("extends: parent.yaml\n", encoding="utf-8")
    refused_untouched(finished, ["run", child, *SMALL], str(parent), "UTF-8")


def test_latin1_experiment_and_scenario_list_of_a_sweep(tmp_path):
    experiment = tmp_path / "sweep.yaml"
    experiment.write_bytes(
        f"# Régularisation\nbase: {BASELINE}\nreplications: 1\ndesign:\n  kind: grid\n"
        "  parameters:\n    policy.regularisation: [0.1]\n".encode("latin-1")
    )
    refused(run_py("sweep", experiment, "--out", tmp_path / "a"), str(experiment), "UTF-8")
    listed = tmp_path / "listed.yaml"
    listed.write_bytes(f"extends: {BASELINE}\ndescription: Régularisation\n".encode("latin-1"))
    experiment.write_text(
        f"base: {BASELINE}\nreplications: 1\ndesign:\n  kind: scenarios\n"
        "  scenarios: [listed.yaml]\n",
        encoding="utf-8",
    )
    refused(run_py("sweep", experiment, "--out", tmp_path / "b"), str(listed), "UTF-8")
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


# The empty file.


@pytest.mark.parametrize("text", ["", "# a comment and nothing else\n", "\n\n"])
def test_empty_scenario_is_an_error_not_the_defaults(tmp_path, finished, text):
    empty = tmp_path / "empty.yaml"
    empty.write_text(text, encoding="utf-8")
    refused_untouched(finished, ["run", empty, *SMALL], str(empty), "empty")


# Defect 1: a misspelled or unlinked country.


def test_misspelled_origin_in_a_file_is_refused_naming_known_ones(tmp_path, finished):
    typo = tmp_path / "typo.yaml"
    typo.write_text(f"extends: {BASELINE}\norigins:\n  orign:\n    gdp_per_capita: 4000\n")
    line = refused_untouched(finished, ["compare", BASELINE, typo, *SMALL], str(typo))
    assert "origins.orign" in line and "known origins: origin" in line


def test_destination_no_corridor_uses_is_refused(tmp_path, finished):
    lonely = tmp_path / "lonely.yaml"
    lonely.write_text(f"extends: {BASELINE}\ndestinations:\n  elsewhere: {{}}\n")
    line = refused_untouched(finished, ["run", lonely, *SMALL], str(lonely))
    assert "destinations.elsewhere" in line and "known destinations: destination" in line


@pytest.mark.parametrize(
    "override, section, declared",
    [
        ("origins.orign.gdp_per_capita=4000", "origins", "origin"),
        ("corridors.mian.migration_cost=1", "corridors", "main"),
        ("destinations.destination.regions.capitl.productivity=1", "regions", "capital"),
    ],
)
def test_set_into_an_undeclared_name_is_refused(finished, override, section, declared):
    line = refused_untouched(finished, ["run", BASELINE, *SMALL, "--set", override], override)
    assert section in line and declared in line


def test_a_new_country_with_its_corridor_is_accepted(tmp_path):
    second = tmp_path / "second.yaml"
    second.write_text(
        f"extends: {BASELINE}\norigins:\n  highland: {{gdp_per_capita: 9000}}\n"
        "corridors:\n  highland_main: {origin: highland, destination: destination}\n"
    )
    done = run_py("run", second, *SMALL, "--json", "--out", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert {"origin:origin", "origin:highland"} <= set(json.loads(done.stdout)["countries"])


# Defect 2: --out naming a folder that already holds something.

EXPERIMENTS = ROOT / "experiments"


@pytest.mark.parametrize(
    "arguments",
    [
        ["run", BASELINE, *SMALL],
        ["compare", BASELINE, ROOT / "scenarios" / "cheap_remittances.yaml", *SMALL],
        ["survey", BASELINE, "--set", "simulation.households=20"],
        ["validate", "--quick"],
        ["sweep", EXPERIMENTS / "fee_by_quota_grid.yaml"],
        ["sensitivity", EXPERIMENTS / "morris_screening.yaml"],
        ["calibrate", EXPERIMENTS / "calibration_quick.yaml"],
    ],
    ids=lambda arguments: arguments[0],
)
def test_every_command_refuses_a_finished_folder(finished, arguments):
    line = refused_untouched(finished, arguments, str(finished), "not empty")
    assert "run.py compare" in line  # it says what the folder holds


def test_resume_refuses_a_folder_that_is_not_its_own(finished):
    for command, experiment in (
        ("sweep", "fee_by_quota_grid.yaml"),
        ("calibrate", "calibration_quick.yaml"),
    ):
        refused_untouched(finished, [command, EXPERIMENTS / experiment, "--resume"], str(finished))


def test_report_out_never_replaces_a_file_it_did_not_write(finished, tmp_path):
    before = hashes(finished)
    for target in (finished / "manifest.json", finished / "summary.parquet", finished):
        refused(run_py("report", finished, "--out", target), str(target))
    assert hashes(finished) == before
    page = tmp_path / "page.html"
    for _ in range(2):  # a page of its own is replaced
        assert run_py("report", finished, "--out", page).returncode == 0
    assert hashes(finished) == before


def test_an_empty_existing_folder_is_fine(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    done = run_py("run", BASELINE, *SMALL, "--out", empty)
    assert done.returncode == 0, done.stderr
    assert (empty / "manifest.json").is_file()


# Defect 5: no verdict across different simulation settings.


@pytest.mark.parametrize(
    "setting, value",
    [("households", 3000), ("years", 30), ("evaluation_years", 5)],
)
def test_compare_refuses_a_scenario_of_other_simulation_settings(
    tmp_path, finished, setting, value
):
    other = tmp_path / "other.yaml"
    other.write_text(
        f"extends: {ROOT / 'scenarios' / 'cheap_remittances.yaml'}\n"
        f"simulation:\n  {setting}: {value}\n"
    )
    arguments = ["compare", BASELINE, other, "--replications", "1"]
    line = refused_untouched(finished, arguments, str(other), f"simulation.{setting}")
    assert "--set" in line


def test_compare_refuses_a_scenario_of_another_world(tmp_path, finished):
    """Other countries or households are other people: no verdict follows them."""
    corridors = ROOT / "scenarios" / "two_corridors.yaml"
    arguments = ["compare", BASELINE, corridors, "--replications", "1"]
    line = refused_untouched(finished, arguments, str(corridors), "origins")
    assert "same people" in line
    other = tmp_path / "other.yaml"
    other.write_text(f"extends: {corridors}\norigins:\n  highland:\n    household_share: 0.5\n")
    arguments = ["compare", corridors, other, "--replications", "1"]
    refused_untouched(finished, arguments, str(other), "origins.highland.household_share")
    # One origin holds every household whatever its share: the same people.
    other.write_text(f"extends: {BASELINE}\norigins:\n  origin:\n    household_share: 0.5\n")
    done = run_py("compare", BASELINE, other, *SMALL, "--out", tmp_path / "out")
    assert done.returncode == 0, done.stderr


def test_settings_set_for_all_scenarios_and_replications_are_no_obstacle(tmp_path):
    other = tmp_path / "other.yaml"
    other.write_text(
        f"extends: {ROOT / 'scenarios' / 'cheap_remittances.yaml'}\n"
        "simulation:\n  households: 3000\n  replications: 3\n"
    )
    done = run_py("compare", BASELINE, other, *SMALL, "--out", tmp_path / "out")
    assert done.returncode == 0, done.stderr


def sweep_file(folder: Path, design: str) -> Path:
    path = folder / "sweep.yaml"
    path.write_text(
        f"base: {BASELINE}\nset:\n  simulation.households: 40\nyears: 2\nreplications: 2\n"
        f"design:\n{design}"
    )
    return path


def test_a_sweep_over_a_simulation_setting_gives_its_points_no_verdict(tmp_path):
    import pandas as pd

    grid = "  kind: grid\n  parameters:\n    simulation.households: [30, 40]\n"
    done = run_py("sweep", sweep_file(tmp_path, grid), "--workers", "1", "--out", tmp_path / "o")
    assert done.returncode == 0, done.stderr
    assert "simulation.households varies" in done.stderr
    points = pd.read_parquet(tmp_path / "o" / "points.parquet").set_index("point")
    assert points.loc[1, "verdict"] == "not paired"  # 30 households against the base's 40
    assert points.loc[1, ["change_migrants", "change_origin"]].isna().all()
    assert points.loc[2, "verdict"] != "not paired"  # 40: the base's own size, paired
    assert points.loc[2, "change_migrants"] == 0


def test_a_listed_scenario_of_another_size_gets_no_verdict(tmp_path):
    from experiments.sweep.plan import load_sweep

    bigger = tmp_path / "bigger.yaml"
    bigger.write_text(f"extends: {BASELINE}\nsimulation:\n  households: 3000\n")
    same = tmp_path / "same.yaml"
    same.write_text(f"extends: {BASELINE}\npolicy:\n  remittance_fee: 0.03\n")
    # set: applies to every listed scenario, so the sizes differ only when set leaves them be.
    path = tmp_path / "sweep.yaml"
    path.write_text(
        f"base: {BASELINE}\nyears: 2\nreplications: 1\n"
        "design:\n  kind: scenarios\n  scenarios: [bigger.yaml, same.yaml]\n"
    )
    sweep = load_sweep(path)
    assert sweep.unpaired_points() == {1: ["simulation.households"]}
    assert any("simulation.households" in note for note in sweep.notes)


def test_sensitivity_refuses_a_simulation_setting_as_a_policy(tmp_path):
    path = tmp_path / "sensitivity.yaml"
    path.write_text(
        f"base: {BASELINE}\nreplications: 1\nparameters:\n"
        "  simulation.households: {role: policy, distribution: uniform, low: 100, high: 200}\n"
        "method: {kind: morris, samples: 2}\n"
    )
    refused(run_py("sensitivity", path, "--out", tmp_path / "o"), "simulation.households")
    path.write_text(path.read_text().replace("role: policy", "role: world"))
    from experiments.sensitivity.plan import load_sensitivity

    assert load_sensitivity(path).paired  # as a world setting, both runs of a pair share it
