"""The verdict with a margin and a horizon, on the equivalent variations, everywhere the same.

Small paired runs of the scenario library against the baseline: each party's channels add up to
its variation; raising discrimination shows as a transfer from migrants to natives; a change too
small to matter is negligible; the rules of outcomes and verdicts on constructed intervals; the
report names the groups that lose beside the headline.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import re

import pytest

from experiments.cli import main
from experiments.comparison import pairs
from experiments.replications import run_replications
from experiments.scenarios import load
from experiments.statistics import Estimate
from experiments.verdicts import (
    GAIN,
    LOSS,
    NEGLIGIBLE,
    TRIPLE_WIN,
    UNCERTAIN,
    outcome,
    verdict,
    verdict_of,
)
from experiments.welfare import GROUPS, PARTIES
from tests.conftest import SCENARIOS

BASELINE = str(SCENARIOS / "baseline.yaml")
LIBRARY = sorted(path.stem for path in SCENARIOS.glob("*.yaml") if path.stem != "baseline")
# Small runs, enough for channels and signs; the library's own sizes are for results.
SMALL = ["simulation.households=400"]
YEARS, REPLICATIONS, SEED = 15, 2, 4


def replications(
    name: str,
    changes: tuple[str, ...] = (),
    households: int = 400,
    years: int = YEARS,
    count: int = REPLICATIONS,
):
    """Paired replications of a scenario file of the library (same seed for every call)."""
    sizes = [f"simulation.households={households}", *changes]
    return run_replications(load(SCENARIOS / f"{name}.yaml", sizes, years), SEED, count)


@pytest.fixture(scope="module")
def baseline_runs():
    return replications("baseline")


@pytest.mark.parametrize("name", LIBRARY)
def test_each_partys_channels_add_up_to_its_variation(baseline_runs, name):
    comparison = pairs.compare(baseline_runs, replications(name))
    channels = comparison.variations.channels()
    for party in PARTIES:
        delta = comparison.welfare[party].mean
        total = sum(value for value in channels[party].values() if value is not None)
        assert math.isfinite(delta), party
        assert total == pytest.approx(delta, rel=1e-6, abs=1e-9), party
        # Replication by replication too: the channels of each pair add up to its variation.
        table = comparison.variations.table
        columns = [c for c in table.columns if c.startswith(f"ev_channel_{party}_")]
        by_replication = table[columns].sum(axis=1)
        assert by_replication.to_numpy() == pytest.approx(
            table[f"ev_{party}"].to_numpy(), rel=1e-6, abs=1e-9
        )


def test_discrimination_is_a_transfer_from_migrants_to_natives(baseline_runs):
    """Pay further below marginal product: the natives gain what the migrants lose."""
    raised = replications("baseline", ("destinations.destination.discrimination=0.30",))
    comparison = pairs.compare(baseline_runs, raised)
    channels = comparison.variations.channels()
    assert channels["migrants"]["discrimination"] < 0
    assert channels["destination"]["discrimination"] > 0
    table = comparison.variations.table
    assert (table["ev_channel_migrants_discrimination"] < 0).all()
    assert (table["ev_channel_destination_discrimination"] > 0).all()


def test_a_change_too_small_to_matter_is_negligible():
    """A fee of 6.1% instead of 6.2%: every interval lies well inside the default margin."""
    size = {"households": 1000, "years": 20, "count": 3}
    base = replications("baseline", **size)
    cheaper = replications("baseline", ("policy.remittance_fee=0.061",), **size)
    comparison = pairs.compare(base, cheaper)
    margin = base.loaded.scenario.welfare.margin
    assert comparison.margin == margin == 25.0
    for party, change in comparison.welfare.items():
        # Robust: a fifth of the margin, so another seed or size does not flip it.
        assert max(abs(change.low), abs(change.high)) < margin / 5, party
    assert comparison.verdict == NEGLIGIBLE
    assert set(comparison.outcomes.values()) == {NEGLIGIBLE}
    # The same change read without a margin is decided by its sign: the margin does the work.
    strict = pairs.compare(base, cheaper, margin=0.0)
    assert strict.verdict != NEGLIGIBLE


def interval(low: float, high: float) -> Estimate:
    return Estimate((low + high) / 2, low, high, 10)


@pytest.mark.parametrize(
    ("bounds", "margin", "expected"),
    [
        ((5.0, 10.0), 25.0, NEGLIGIBLE),  # above zero, but inside the margin
        ((-10.0, -5.0), 25.0, NEGLIGIBLE),
        ((-25.0, 25.0), 25.0, NEGLIGIBLE),  # the edges count as inside
        ((0.0, 0.0), 0.0, NEGLIGIBLE),  # exactly no change is negligible even without margin
        ((20.0, 30.0), 25.0, GAIN),  # reaches beyond the margin, above zero
        ((-30.0, -1.0), 25.0, LOSS),
        ((-30.0, 10.0), 25.0, UNCERTAIN),
        ((-10.0, 30.0), 25.0, UNCERTAIN),
        ((5.0, 10.0), 0.0, GAIN),
        ((math.nan, math.nan), 25.0, UNCERTAIN),
    ],
)
def test_outcome_reads_the_interval_and_the_margin(bounds, margin, expected):
    assert outcome(interval(*bounds), margin) == expected


@pytest.mark.parametrize(
    ("outcomes", "expected"),
    [
        ((GAIN, GAIN, GAIN), TRIPLE_WIN),
        ((GAIN, LOSS, GAIN), LOSS),
        ((NEGLIGIBLE, LOSS, UNCERTAIN), LOSS),
        ((NEGLIGIBLE, NEGLIGIBLE, NEGLIGIBLE), NEGLIGIBLE),
        ((GAIN, NEGLIGIBLE, GAIN), UNCERTAIN),
        ((GAIN, UNCERTAIN, GAIN), UNCERTAIN),
        ((NEGLIGIBLE, UNCERTAIN, NEGLIGIBLE), UNCERTAIN),
    ],
)
def test_verdict_reads_the_outcomes(outcomes, expected):
    assert verdict_of(outcomes) == expected
    welfare = {
        party: interval(*{GAIN: (30, 40), LOSS: (-40, -30), NEGLIGIBLE: (-1, 1)}.get(o, (-40, 40)))
        for party, o in zip(PARTIES, outcomes, strict=True)
    }
    assert verdict(welfare, 25.0) == expected


@pytest.fixture(scope="module")
def report_page(tmp_path_factory) -> tuple[dict, str]:
    """A compare whose scenario makes a group lose, and its report."""
    folder = tmp_path_factory.mktemp("report")
    args = [
        "compare",
        BASELINE,
        str(SCENARIOS / "enforcement_crackdown.yaml"),
        str(SCENARIOS / "no_migration.yaml"),
        *["--replications", "3", "--seed", "2", "--years", "15", "--set", *SMALL],
        *["--json", "--out", str(folder)],
    ]
    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout):
        assert main(args) == 0
    assert main(["report", str(folder), "--out", str(folder / "page.html")]) == 0
    return json.loads(stdout.getvalue()), (folder / "page.html").read_text()


def test_the_report_names_the_losing_groups_beside_the_headline(report_page):
    document, page = report_page
    losing = {
        name: entry["losing_groups"]
        for name, entry in document["scenarios"].items()
        if entry["losing_groups"]
    }
    assert losing, "the test needs a scenario in which a group loses"
    for name, groups in losing.items():
        assert set(groups) <= set(GROUPS)
        for group in groups:
            assert document["scenarios"][name]["groups"][group]["outcome"] == LOSS
        headline = re.search(rf'<div class="headline" id="headline-{name}">(.*?)</div>', page)
        assert headline, name
        text = headline.group(1)
        assert document["scenarios"][name]["verdict"] in text
        assert "Groups that lose: " in text and all(group in text for group in groups)
        # The headline comes first: before the tables and figures of the page.
        assert page.index(headline.group(0)) < page.index("<table")
    for name, entry in document["scenarios"].items():
        if not entry["losing_groups"]:
            assert "No group loses" in re.search(
                rf'<div class="headline" id="headline-{name}">(.*?)</div>', page
            ).group(1)


def test_the_report_shows_horizons_channels_and_groups(report_page):
    document, page = report_page
    for heading in ("Channels", "Groups", "Verdicts over time"):
        assert f"<h2>{heading}</h2>" in page
    assert "discrimination" in page and "after 10 years" in page
    assert 'class="verdict-negligible"' in page or 'class="verdict-loss"' in page
    for entry in document["scenarios"].values():
        assert set(entry["horizons"]) == {"10", "20", "end"}
        assert entry["horizons"]["20"] is None  # the runs end at 15 years
        assert entry["horizons"]["end"] == entry["verdict"]


def test_a_group_that_shrinks_without_anyone_in_it_losing_is_not_a_loss() -> None:
    from experiments.welfare import group_variation, size_change

    baseline = {"group_stayers": 1_000.0, "group_years_stayers": 10.0}
    shrunk = {"group_stayers": 500.0, "group_years_stayers": 5.0}
    poorer = {"group_stayers": 900.0, "group_years_stayers": 10.0}
    assert group_variation(baseline, shrunk, "stayers") == 0.0
    assert size_change(baseline, shrunk, "stayers") == pytest.approx(-0.5)
    assert group_variation(baseline, poorer, "stayers") == pytest.approx(-10.0)
    assert group_variation(baseline, baseline, "stayers") == 0.0


def test_more_migrants_are_worse_off_than_at_home_when_wages_abroad_are_lower() -> None:
    """The share compares incomes abroad, net of the extra costs of living there, with incomes at
    home: it rises as the destination's wages fall towards the origin's."""
    from experiments.records import run_record
    from experiments.seeds import replication_seed
    from experiments.welfare import worse_off_share
    from model.simulation import simulate

    shares = []
    for gdp in (45_000, 20_000, 10_000):
        settings = [*SMALL, "simulation.years=20", f"destinations.destination.gdp_per_capita={gdp}"]
        scenario = load(BASELINE, settings).scenario
        shares.append(worse_off_share(run_record(simulate(scenario, replication_seed(1, 0)))))
    assert 0.0 < shares[0] < shares[1] < shares[2] < 1.0
    assert shares[0] < 0.3
