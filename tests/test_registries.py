"""One home per concept: the indicator catalogue, the parties, the verdicts, colours and files.

Each registry is the one place its concept is declared; these tests check that it covers what
the simulator computes and what every reader (terminal, report, figures, app) needs from it.
"""

from __future__ import annotations

import math
import re
import subprocess
import sys
from pathlib import Path

import pytest

from experiments import formats
from experiments.calibration import files as calibrate_files
from experiments.comparison import files as compare_files
from experiments.estimators import files as survey_files
from experiments.parties import PARTIES, WELFARE_PARTIES
from experiments.result_files import MANIFEST, ResultFile, described
from experiments.run import files as run_files
from experiments.sensitivity import files as sensitivity_files
from experiments.statistics import Estimate
from experiments.style import (
    BASELINE_COLOUR,
    OUTCOME_COLOURS,
    SCENARIO_COLOURS,
    VERDICT_COLOURS,
    colour_of,
    scenario_colour,
)
from experiments.sweep import files as sweep_files
from experiments.validation import files as validate_files
from experiments.verdicts import (
    GAIN,
    LOSS,
    NEGLIGIBLE,
    OUTCOMES,
    TRIPLE_WIN,
    UNCERTAIN,
    VERDICTS,
    outcome,
    verdict,
    verdict_of,
)
from model import catalogue
from model.indicators import (
    DESTINATION_INDICATORS,
    DIAGNOSTICS,
    INDICATORS,
    INTEGRATION_INDICATORS,
    MIGRANT_INDICATORS,
    ORIGIN_INDICATORS,
    WELFARE_INDICATORS,
)
from model.integration_regions import REGION_INDICATORS
from model.scenario.policy import lever, levers
from model.simulation import simulate
from tests.conftest import ROOT, small

HEX = re.compile(r"^#[0-9a-f]{6}$")


def rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def test_the_catalogue_covers_exactly_what_the_simulator_reports():
    cohorts = simulate(small(simulation={"households": 60, "years": 6}), 0).cohorts
    expected = {*INDICATORS, *cohorts, *REGION_INDICATORS}
    assert set(catalogue.CATALOGUE) == expected
    assert tuple(cohorts) == catalogue.COHORT_STATISTICS
    assert catalogue.REGION_INDICATORS == REGION_INDICATORS


@pytest.mark.parametrize(
    ("group", "declared"),
    [
        ("migrants", MIGRANT_INDICATORS),
        ("origin", ORIGIN_INDICATORS),
        ("destination", DESTINATION_INDICATORS),
        ("welfare", WELFARE_INDICATORS),
        ("diagnostics", DIAGNOSTICS),
        ("integration", INTEGRATION_INDICATORS),
    ],
)
def test_each_group_lists_the_models_indicators_in_their_order(group, declared):
    assert catalogue.names(group) == declared


def test_the_yearly_table_is_the_catalogue_in_order():
    assert catalogue.names() == INDICATORS


def test_every_indicator_has_a_label_a_known_unit_and_a_group():
    for entry in catalogue.CATALOGUE.values():
        assert entry.label, entry.name
        assert entry.unit in catalogue.UNITS, entry.name
        assert entry.group in catalogue.GROUPS and entry.table in catalogue.TABLES, entry.name
    shown = [name for names in catalogue.sections().values() for name in names]
    assert sorted(shown) == sorted({*INDICATORS, *catalogue.COHORT_STATISTICS})


def test_the_catalogue_is_plain_data():
    code = "import sys, model.catalogue; print(sorted({'numpy', 'pandas'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stderr


@pytest.mark.parametrize(
    ("indicator", "value", "level", "change"),
    [
        ("origin_poverty_rate", 0.2345, "23.4%", "+0.234 pp"),
        ("native_wage_low", 23456.7, "23,457", "+235"),
        ("migrant_income_gain", 7.81234, "7.812", "+7.81%"),
        ("unemployment_gap", -0.0312, "-3.1 pp", "-0.0312 pp"),
        ("migrants_abroad", 1234.0, "1,234", "+12.3"),
        ("migrant_integration_index", 0.5, "0.500", "+0.00500"),
    ],
)
def test_one_format_per_unit(indicator, value, level, change):
    assert formats.level(value, indicator) == level
    assert formats.change(value / 100, indicator) == change
    assert formats.level(math.nan, indicator) == formats.change(None, indicator) == "-"


def test_every_party_has_a_welfare_indicator_a_colour_and_a_format():
    assert [p.key for p in PARTIES] == ["migrants", "origin", "destination"]
    assert dict(zip(WELFARE_PARTIES, WELFARE_INDICATORS, strict=True)) == WELFARE_PARTIES
    for party in PARTIES:
        assert catalogue.CATALOGUE[party.indicator].group == "welfare"
        assert HEX.match(party.colour) and party.colour not in VERDICT_COLOURS.values()
        assert party.change_unit and party.axis_unit
        assert party.change(0.012).startswith("+") and party.change(None) == "-"
        assert party.factor == party.unit.change_scale
    assert len({p.colour for p in PARTIES}) == len(PARTIES)
    assert PARTIES[1].change(12.0) == "+12.0", "a change in welfare reads in dollars a year"


def interval(low: float, high: float) -> Estimate:
    return Estimate((low + high) / 2, low, high, 10)


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [(0.1, 0.3, GAIN), (-0.3, -0.1, LOSS), (-0.1, 0.3, UNCERTAIN), (math.nan, math.nan, UNCERTAIN)],
)
def test_outcomes_read_the_interval(low, high, expected):
    assert outcome(interval(low, high)) == expected
    # Inside a margin the same intervals are too small to matter, an undefined one never is.
    inside = NEGLIGIBLE if math.isfinite(low) else UNCERTAIN
    assert outcome(interval(low, high), margin=0.5) == inside


def test_verdicts_read_the_outcomes():
    assert verdict_of([GAIN, GAIN, GAIN]) == TRIPLE_WIN
    assert verdict_of([GAIN, LOSS, UNCERTAIN]) == LOSS
    assert verdict_of([GAIN, UNCERTAIN, GAIN]) == UNCERTAIN
    assert verdict_of([NEGLIGIBLE, NEGLIGIBLE, NEGLIGIBLE]) == NEGLIGIBLE
    assert verdict_of([NEGLIGIBLE, GAIN, GAIN]) == UNCERTAIN
    welfare = {
        "migrants": interval(1, 2),
        "origin": interval(-2, -1),
        "destination": interval(1, 2),
    }
    assert verdict(welfare) == LOSS


def test_every_verdict_and_outcome_has_its_colour_and_one_vocabulary():
    outcomes, verdicts = (
        {GAIN, LOSS, NEGLIGIBLE, UNCERTAIN},
        {TRIPLE_WIN, LOSS, NEGLIGIBLE, UNCERTAIN},
    )
    assert {o.name for o in OUTCOMES} == set(OUTCOME_COLOURS) == outcomes
    assert {v.name for v in VERDICTS} == set(VERDICT_COLOURS) == verdicts
    assert colour_of(TRIPLE_WIN) == colour_of(GAIN) != colour_of(LOSS)
    # Each outcome has a colour of its own.
    assert len(set(OUTCOME_COLOURS.values())) == len(OUTCOME_COLOURS)
    assert colour_of("too early") not in {*OUTCOME_COLOURS.values(), *VERDICT_COLOURS.values()}
    for colour in (*OUTCOME_COLOURS.values(), *VERDICT_COLOURS.values()):
        assert HEX.match(colour)


def test_scenario_colours_are_stable_and_never_read_as_a_verdict():
    assert scenario_colour(0) == BASELINE_COLOUR
    assert [scenario_colour(i) for i in range(1, 4)] == list(SCENARIO_COLOURS[:3])
    assert scenario_colour(1 + len(SCENARIO_COLOURS)) == scenario_colour(1)
    verdicts = {*OUTCOME_COLOURS.values(), *VERDICT_COLOURS.values()}
    for colour in (BASELINE_COLOUR, *SCENARIO_COLOURS):
        distance = min(math.dist(rgb(colour), rgb(other)) for other in verdicts)
        assert distance > 80, f"{colour} is close to a verdict's colour"
    assert len(set(SCENARIO_COLOURS)) == len(SCENARIO_COLOURS)


KINDS = (
    run_files,
    compare_files,
    sweep_files,
    sensitivity_files,
    calibrate_files,
    validate_files,
    survey_files,
)


@pytest.mark.parametrize("module", KINDS)
def test_each_kind_declares_its_files_once_with_what_they_hold(module):
    declared = module.FILES
    assert MANIFEST in declared
    assert all(isinstance(item, ResultFile) and item.about for item in declared)
    assert len({item.name for item in declared}) == len(declared)


def test_a_family_of_files_is_described_once_when_one_of_its_files_is_there():
    figure = ResultFile("figures/{check}.png", "one check's figure")
    table = ResultFile("scores.{format}", "a table")
    files = (figure, table, MANIFEST)
    present = ["figures/hump.png", "figures/networks.png", "figures", "manifest.json"]
    assert described(files, present) == [
        ("figures/CHECK.png", "one check's figure"),
        (MANIFEST.name, MANIFEST.about),
    ]
    assert figure.holds("figures/hump.png") and not figure.holds("figures/a/b.png")
    assert not figure.holds("figures/.png") and table.holds("scores.csv")
    assert described(files, ["scores.parquet"]) == [("scores.FORMAT", "a table")]


def test_no_results_file_name_is_written_twice_in_the_code():
    """A file name of any results kind appears only where it is declared."""
    declared = {item.name for module in KINDS for item in module.FILES if "{" not in item.name}
    homes = {"result_files.py", "files.py", "ledger.py", "store.py"}
    found = []
    for path in (ROOT / "experiments").rglob("*.py"):
        if path.name in homes:
            continue
        text = path.read_text()
        found += [f"{path.relative_to(ROOT)}: {n}" for n in declared if f'"{n}"' in text]
    assert not found


def test_the_odd_lever_table_is_the_lever_registry():
    text = (Path(__file__).resolve().parents[1] / "docs" / "ODD.md").read_text()
    section = text.split("### 7.20", 1)[1].split("\n### ", 1)[0]
    rows = [line.split("|") for line in section.splitlines() if line.startswith("| `policy.")]
    documented = {row[1].strip().strip("`").removeprefix("policy."): row[3].strip() for row in rows}
    assert documented == {name: lever(name).scope for name in levers()}
