"""The command line: ``run`` prints one JSON document, is deterministic, and bad input exits 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from model.indicators import CANONICAL
from tests.conftest import ROOT


def run_py(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "run.py"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def baseline_json(tmp_path_factory) -> tuple[dict, dict, Path]:
    """The issue's command, twice, into two folders (the first with its figures)."""
    documents, folders = [], []
    for attempt in range(2):
        folder = tmp_path_factory.mktemp(f"run{attempt}")
        done = run_py(
            "run",
            "scenarios/baseline.yaml",
            "--replications",
            "5",
            "--seed",
            "1",
            "--json",
            "--out",
            str(folder),
            *(["--figures"] if attempt == 0 else []),
        )
        assert done.returncode == 0, done.stderr
        documents.append(json.loads(done.stdout))
        folders.append(folder)
    return documents[0], documents[1], folders[0]


def test_run_json_has_every_canonical_indicator(baseline_json):
    document, _, _ = baseline_json
    assert document["scenario"] == "baseline"
    assert document["replications"] == 5 and document["seed"] == 1
    for name in CANONICAL:
        value = document["indicators"][name]
        low, high = value["ci95"]
        assert low <= value["mean"] <= high, name


def test_run_json_carries_the_books_and_the_folder_the_accounts(baseline_json):
    document, _, folder = baseline_json
    accounts = document["accounts"]
    assert accounts["max_relative_residual"] <= 1e-9 and accounts["people_residual"] == 0
    sectors = accounts["sectors"]
    for name in (
        "origin_households",
        "migrants",
        "origin_government",
        "destination_government",
        "remittance_providers",
    ):
        assert set(sectors[name]) == {"inflows", "outflows", "stock_change"}
        total = sectors[name]
        # Government accounts' stock is minus the debt: inflows - outflows is its change.
        assert total["inflows"] - total["outflows"] == pytest.approx(
            total["stock_change"], rel=1e-6, abs=1e-3
        )
    flows = pd.read_parquet(folder / "accounts.parquet")
    assert set(flows.columns) == {"replication", "year", "item", "source", "target", "amount"}
    assert set(flows["replication"]) == set(range(5))
    stocks = pd.read_parquet(folder / "account_stocks.parquet")
    assert (
        stocks["residual"].abs() <= 1e-6 * stocks[["inflows", "outflows"]].max(axis=1) + 1e-6
    ).all()
    assert (folder / "accounts.png").stat().st_size > 10_000
    assert document["indicators"]["households_without_residents"]["mean"] == 0
    assert document["indicators"]["second_generation"]["mean"] > 0


def test_same_command_twice_gives_identical_numbers(baseline_json):
    first, second, _ = baseline_json
    assert first["indicators"] == second["indicators"]


def test_results_folder_has_manifest_tables_and_figure(baseline_json):
    document, _, folder = baseline_json
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["command"] == "run" and manifest["seed"] == 1
    assert [s["spawn_key"] for s in manifest["seeds"]] == [[i] for i in range(5)]
    assert manifest["scenarios"]["baseline"]["parameters"]["policy"]["remittance_fee"] == 0.062
    assert "numpy" in manifest["versions"] and "commit" in manifest["git"]
    table = pd.read_parquet(folder / "replications.parquet")
    assert list(table["replication"]) == list(range(5))
    mean = table["welfare_origin"].mean()
    assert mean == pytest.approx(document["indicators"]["welfare_origin"]["mean"], rel=1e-12)
    yearly = pd.read_parquet(folder / "yearly.parquet")
    assert len(yearly) == 5 * 40
    assert (folder / "yearly.png").stat().st_size > 10_000


def test_run_report_writes_every_indicator_in_its_unit_and_lists_the_files(baseline_json):
    document, _, folder = baseline_json
    page_path = folder / "page.html"
    done = run_py("report", str(folder), "--out", str(page_path))
    assert done.returncode == 0, done.stderr
    page = page_path.read_text()
    poverty = document["indicators"]["origin_poverty_rate"]["mean"]
    assert f"{100 * poverty:.1f}%" in page, "a share is written in % as in the terminal"
    for name in ("replications.parquet", "regions.parquet", "manifest.json", "yearly.png"):
        assert f"<code>{name}</code>" in page, name
    assert page.count('<img src="data:image/png;base64,') == 2  # the yearly paths and the books


def test_run_draws_no_figure_unless_asked_and_the_report_draws_them_from_the_tables(tmp_path):
    folder = tmp_path / "plain"
    done = run_py(
        "run",
        "scenarios/baseline.yaml",
        "--replications",
        "2",
        "--years",
        "12",
        "--out",
        str(folder),
    )
    assert done.returncode == 0, done.stderr
    assert f"run.py report {folder}" in done.stdout
    assert not list(folder.glob("*.png"))
    outputs = json.loads((folder / "manifest.json").read_text())["outputs"]
    assert not [name for name in outputs if name.endswith(".png")]
    page_path = tmp_path / "page.html"
    assert run_py("report", str(folder), "--out", str(page_path)).returncode == 0
    page = page_path.read_text()
    assert page.count('<img src="data:image/png;base64,') == 2  # drawn from the Parquet tables
    assert "<code>yearly.png</code>" not in page
    assert not list(folder.glob("*.png")), "the report reads the folder, it does not change it"


def write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


@pytest.mark.parametrize(
    ("body", "key", "allowed"),
    [
        ("policy:\n  remitance_fee: 0.03\n", "policy.remitance_fee", "allowed keys here"),
        ("policy:\n  remittance_fee: cheap\n", "policy.remittance_fee", "expected a number"),
        ("policy:\n  remittance_fee: 0.9\n", "policy.remittance_fee", "at most 0.5"),
        ("simulation:\n  households: 2.5\n", "simulation.households", "whole number"),
        ("corridors:\n  main:\n    destination: mars\n", "corridors.main.destination", "declared"),
    ],
)
def test_bad_scenario_exits_2_naming_file_and_key(tmp_path, body, key, allowed):
    scenario = write(tmp_path / "bad.yaml", f"extends: {ROOT / 'scenarios/baseline.yaml'}\n{body}")
    done = run_py("run", str(scenario), "--replications", "1", "--out", str(tmp_path / "out"))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    message = done.stderr.strip().splitlines()[-1]
    assert str(scenario) in message and key in message and allowed in message
    assert not (tmp_path / "out").exists()


def test_missing_file_and_bad_override_exit_2(tmp_path):
    missing = run_py("run", str(tmp_path / "nowhere.yaml"))
    assert missing.returncode == 2 and "no such scenario file" in missing.stderr
    override = run_py("run", "scenarios/baseline.yaml", "--set", "policy.visa_years=0")
    assert override.returncode == 2
    assert "--set policy.visa_years=0" in override.stderr and "at least 1" in override.stderr
    assert "Traceback" not in missing.stderr + override.stderr


def test_existing_results_survive_a_failed_command(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "manifest.json").write_text('{"kept": true}')
    bad = write(tmp_path / "bad.yaml", "policy:\n  enforcement: 2\n")
    done = run_py("run", str(bad), "--out", str(out))
    assert done.returncode == 2
    assert json.loads((out / "manifest.json").read_text()) == {"kept": True}


def test_two_by_two_reports_every_country(tmp_path):
    scenario = write(
        tmp_path / "two.yaml",
        f"""extends: {ROOT / "scenarios/baseline.yaml"}
replace: [origins, destinations, corridors]
simulation: {{households: 600, years: 15, evaluation_years: 5}}
origins: {{south: {{gdp_per_capita: 6000}}, east: {{gdp_per_capita: 11000}}}}
destinations: {{north: {{}}, west: {{gdp_per_capita: 45000}}}}
corridors:
  sn: {{origin: south, destination: north}}
  sw: {{origin: south, destination: west}}
  en: {{origin: east, destination: north}}
  ew: {{origin: east, destination: west}}
""",
    )
    done = run_py(
        "run", str(scenario), "--replications", "2", "--json", "--out", str(tmp_path / "o")
    )
    assert done.returncode == 0, done.stderr
    countries = json.loads(done.stdout)["countries"]
    assert set(countries) == {
        "origin:south",
        "origin:east",
        "destination:north",
        "destination:west",
    }
    south, east = countries["origin:south"], countries["origin:east"]
    assert east["origin_gdp_per_capita"]["mean"] > south["origin_gdp_per_capita"]["mean"]
    assert "By country" in done.stderr
