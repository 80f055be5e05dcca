"""The classroom app's model side: ClassroomModel, the diary, stories, verdicts, and charts.

Runs at a few hundred households, so the module takes seconds. How fast a 2,000-household step
renders is measured by ``benchmarks/render.py``, not here.
"""

from __future__ import annotations

import inspect
import itertools

import numpy as np
import pytest

from app.classroom import BASELINE, ClassroomModel, scenario_files
from app.figures.every_view import EveryView
from app.household_story import household_story
from app.levers import LEVER_NAMES, model_params, overridden_levers
from app.people import GROUPS, notable_people
from app.state import margin
from app.state import paired_yearly as frames
from app.state import welfare_pairs as pairs
from app.stories import person_story
from app.verdict import (
    SAME,
    TOO_EARLY,
    PartyVerdict,
    headline_verdict,
    judge,
    losing_groups,
    overall,
    verdicts,
    yearly_variations,
)
from experiments.formats import change
from experiments.parties import PARTIES
from experiments.verdicts import GAIN, LOSS, NEGLIGIBLE, TRIPLE_WIN, UNCERTAIN
from experiments.welfare import variation
from model.errors import InputError
from model.population import RETURNED
from model.scenario.policy import lever, levers

SMALL = 300


@pytest.fixture(scope="module")
def run() -> ClassroomModel:
    """Fifteen years of the cheap-remittances scenario with a changed quota."""
    model = ClassroomModel("cheap_remittances.yaml", seed=4, households=SMALL, temporary_quota=12)
    for _ in range(15):
        model.step()
    return model


def test_every_scenario_file_is_offered_baseline_first():
    files = scenario_files()
    assert files[0] == BASELINE
    assert "cheap_remittances.yaml" in files and "two_corridors.yaml" in files


FIXED = {"self", "scenario_file", "seed", "households"}


def test_the_controls_are_exactly_the_registrys_levers_by_name_and_no_catch_all():
    parameters = inspect.signature(ClassroomModel.__init__).parameters
    assert set(parameters) - FIXED == set(levers()) == set(LEVER_NAMES)
    assert not any(p.kind is p.VAR_KEYWORD for p in parameters.values())
    values = {n: lever(n).default for n in LEVER_NAMES}
    controls = model_params(BASELINE, values, seed=3, households=SMALL)
    assert set(controls) - FIXED == set(levers())
    for name in levers():
        declared = lever(name)
        if declared.kind is bool:
            assert controls[name]["type"] == "Checkbox", name
            continue
        low, high, step = declared.teaching
        slider = controls[name]
        assert (slider.min, slider.max, slider.step) == (low, high, step), name
        assert slider.label == declared.label and slider.value == declared.default


def test_a_lever_outside_the_registry_or_its_range_is_an_input_error():
    with pytest.raises(InputError, match="no lever remittance_fees; levers: "):
        ClassroomModel(BASELINE, households=SMALL, remittance_fees=0.01)
    with pytest.raises(InputError, match=r"policy\.visa_years: must be at least 1"):
        ClassroomModel(BASELINE, households=SMALL, visa_years=0)


def test_scenario_values_apply_unless_a_lever_differs(run):
    assert run.scenario_values["remittance_fee"] == pytest.approx(0.03)
    assert run.changes == {"temporary_quota": (7.0, 12)}
    assert run.corridors.remittance_fee == pytest.approx([0.03])
    assert run.destinations[0].policy.temporary_quota == 12
    assert run.levers_in_force["temporary_quota"] == 12
    same = ClassroomModel("cheap_remittances.yaml", households=SMALL, remittance_fee=0.0300000001)
    assert same.changes == {}


def test_the_baseline_runs_alongside_with_the_same_seed_and_size(run):
    assert run.baseline.params.name == "baseline"
    assert run.baseline.households.size == run.households.size == SMALL
    assert run.baseline.year == run.year == 15
    assert run.baseline.corridors.remittance_fee == pytest.approx([0.062])
    twin = ClassroomModel(BASELINE, seed=4, households=SMALL)
    for _ in range(3):
        twin.step()
    mine, base = frames(twin)
    assert twin.is_baseline
    np.testing.assert_array_equal(mine.to_numpy(), base.to_numpy())


def test_bad_scenario_or_seed_is_an_input_error():
    with pytest.raises(InputError, match="not one of"):
        ClassroomModel("../pyproject.toml", households=SMALL)
    with pytest.raises(InputError, match="whole number"):
        ClassroomModel(BASELINE, seed="twelve", households=SMALL)


def test_overridden_levers_are_named():
    two = ClassroomModel("two_corridors.yaml", households=SMALL)
    assert overridden_levers(two.params) == ["integration_spending", "skill_recognition"]
    assert overridden_levers(ClassroomModel(households=SMALL).params) == []


def test_the_diary_follows_people_by_id_as_rows_are_reused(run):
    diary = run.diary
    assert diary.last_year == run.year
    alive = np.flatnonzero(run.migrants.alive())
    for row in alive[:: max(alive.size // 20, 1)]:
        history = diary.person(int(run.migrants.person_id[row]))
        assert history["year"][-1] == run.year
        assert history["status"][-1] == run.migrants.status[row]
        assert history["wage"][-1] == pytest.approx(run.migrants.wage[row])
        assert np.all(np.diff(history["year"]) == 1)
        assert np.all(np.diff(history["remitted_total"]) >= -1e-9)
    household = diary.household(5)
    assert household["wealth"][-1] == pytest.approx(run.households.wealth[5], rel=1e-6)
    assert household["year"].tolist() == list(range(run.year + 1))


def test_a_returnees_story_tells_departure_and_return(run):
    latest = run.diary.people[-1]
    returned = latest["person_id"][(latest["status"] == RETURNED) & (latest["departure_year"] >= 1)]
    assert returned.size, "no one who left during the run has come back in 15 years"
    story = person_story(run, int(returned[0]))
    texts = [event.text for event in story.events]
    assert texts[0].startswith("left home for destination")
    assert any(text.startswith("returned home to origin after") for text in texts)
    assert story.facts[0].startswith("Status: returned")
    years = [event.year for event in story.events]
    assert years == sorted(years)
    row = int(story.history["household"][0])
    home = household_story(run, row)
    assert home.title == f"Household {row}, origin"
    assert any(f"person {int(returned[0])} came home" in e.text for e in home.events)
    assert person_story(run, 10**9) is None


def test_the_inspector_offers_every_status_in_turn(run):
    offered = notable_people(run)
    labels = list(offered.values())
    assert len(offered) <= 6 * len(GROUPS)
    firsts = [label.split(":")[0] for label in labels[: len(GROUPS)]]
    assert firsts == [words for _, words in GROUPS]


def records_of(yearly: list[float]) -> list[tuple[dict, dict]]:
    """Welfare records whose yearly variations are ``yearly`` (one person-year a year)."""
    found, total = [], 0.0
    for year, added in enumerate(yearly, start=1):
        total += added
        baseline = {"pv_migrants_end": 1000.0 * year, "years_migrants_end": float(year)}
        scenario = {"pv_migrants_end": 1000.0 * year + total, "years_migrants_end": float(year)}
        found.append((baseline, scenario))
    return found


@pytest.mark.parametrize(
    ("yearly", "verdict"),
    [
        ([100.0, 120.0, 90.0, 110.0], GAIN),
        ([-100.0, -120.0, -90.0, -110.0], LOSS),
        ([100.0, -100.0, 50.0, -40.0], UNCERTAIN),
        ([1.0, -1.0, 2.0, 0.5], NEGLIGIBLE),
        ([0.0, 0.0, 0.0, 0.0], SAME),
        ([200.0], TOO_EARLY),
    ],
)
def test_judge_reads_the_variation_so_far_and_its_band(yearly, verdict):
    records = records_of(yearly)
    assert yearly_variations(records, "migrants") == pytest.approx(yearly)
    judged = judge(records, PARTIES[0], margin=25.0)
    assert judged.verdict == verdict
    if verdict in (GAIN, LOSS, UNCERTAIN, NEGLIGIBLE):
        assert judged.low <= judged.change <= judged.high
        # Equal person-years each year: the variation so far is the mean yearly variation.
        assert judged.change == pytest.approx(np.mean(yearly))


def test_the_panel_reads_the_equivalent_variations_of_compare(run):
    """The app's variation so far is experiments.welfare's, on both runs' records this year."""
    records = pairs(run)
    assert len(records) == run.year == 15
    judged = verdicts(records, margin(run))
    baseline, scenario = records[-1]
    for party in judged:
        expected = variation(baseline, scenario, party.party.key)
        assert party.change == pytest.approx(expected, rel=1e-12)
        assert party.verdict in (GAIN, LOSS, NEGLIGIBLE, UNCERTAIN)
        assert party.describe().startswith(change(expected, party.party.indicator))
        assert party.describe().endswith("$ a year")
    # The records are the model's own: at the end of the run they are its welfare record.
    assert records[-1][1]["pv_origin_end"] == pytest.approx(
        run.welfare.so_far(run)["pv_origin_end"]
    )


def test_the_headline_uses_the_one_verdict_vocabulary():
    def party_verdicts(*kinds: str) -> list[PartyVerdict]:
        return [PartyVerdict(p, 1.0, 0.5, 1.5, k) for p, k in zip(PARTIES, kinds, strict=True)]

    assert headline_verdict(party_verdicts(GAIN, GAIN, GAIN)) == TRIPLE_WIN
    assert overall(party_verdicts(GAIN, GAIN, GAIN)) == "Triple win so far"
    assert headline_verdict(party_verdicts(GAIN, LOSS, SAME)) == LOSS
    assert overall(party_verdicts(GAIN, LOSS, SAME)) == "Loss so far for the origin"
    assert headline_verdict(party_verdicts(GAIN, SAME, GAIN)) == UNCERTAIN
    assert headline_verdict(party_verdicts(NEGLIGIBLE, SAME, NEGLIGIBLE)) == NEGLIGIBLE
    assert overall(party_verdicts(NEGLIGIBLE, SAME, NEGLIGIBLE), 25.0).startswith("Negligible")
    assert headline_verdict(party_verdicts(GAIN, TOO_EARLY, GAIN)) == TOO_EARLY
    assert headline_verdict(party_verdicts(SAME, SAME, SAME)) == TOO_EARLY


def test_the_baseline_against_itself_is_no_difference():
    twin = ClassroomModel(BASELINE, seed=4, households=SMALL)
    for _ in range(3):
        twin.step()
    judged = verdicts(pairs(twin), margin(twin))
    assert [j.verdict for j in judged] == [SAME] * 3
    assert losing_groups(pairs(twin), margin(twin)) == []


@pytest.mark.parametrize("scenario_file", [BASELINE, "two_corridors.yaml"])
def test_every_chart_draws_year_after_year(scenario_file):
    model = ClassroomModel(scenario_file, seed=1, households=SMALL)
    views = EveryView(model)
    images = []
    for _ in range(3):
        images.append(views.draw())
        model.step()
    images.append(views.draw())
    for before, after in itertools.pairwise(images):
        assert all(a != b for a, b in zip(before, after, strict=True))


def test_pending_changes_are_what_the_controls_show_and_the_run_does_not_use(run):
    from app.controls import describe_pending, pending_changes

    controls = model_params(run.scenario_file, run.levers_in_force, run.run_seed, SMALL)
    # What Mesa's ModelCreator writes: each control's value (sliders, checkboxes, fixed values).
    shown = {
        name: v.value if hasattr(v, "value") else v["value"] if isinstance(v, dict) else v
        for name, v in controls.items()
    }
    assert pending_changes(shown, run) == {}  # the controls start at what is in force
    shown["temporary_quota"] = 12.0000000001  # a slider's rounding is no change
    shown["remittance_fee"] = 0.01
    shown["households"] = SMALL + 100
    pending = pending_changes(shown, run)
    assert pending == {
        "Households": (SMALL, SMALL + 100),
        lever("remittance_fee").label: (0.03, 0.01),
    }
    assert describe_pending(pending).startswith(f"Households {SMALL + 100:,} (now {SMALL:,})")


def test_the_world_counts_family_apart_and_its_text_is_large_enough(run):
    from app.figures.world import TEXT_FONT, WorldChart, count

    numbers = count(run)
    abroad = run.migrants.abroad()
    people = run.migrants.persons(np.flatnonzero(abroad)).sum()
    assert numbers.migrants.sum() == abroad.sum() == sum(s.sum() for s in numbers.by_region)
    assert numbers.migrants.sum() + numbers.family.sum() == people
    assert numbers.family_by_destination.sum() == numbers.family.sum()
    figure = WorldChart(run).update(run)
    texts = [t for t in figure.findobj(lambda a: hasattr(a, "get_fontsize")) if t.get_text()]
    assert texts and min(t.get_fontsize() for t in texts) >= TEXT_FONT
    assert any("family" in t.get_text() for t in texts)
