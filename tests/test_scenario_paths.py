"""Dotted paths into a scenario (model/scenario/paths.py): one implementation for every user.

``--set``, the sweep and sensitivity designs, the engine's tasks, the classroom app and the test
fixtures all read and write scenario values through it; these tests pin what they rely on.
"""

from __future__ import annotations

import inspect

import pytest
from hypothesis import given
from hypothesis import strategies as st

import experiments.engine.tasks
import experiments.sensitivity.parameters
import experiments.sweep.load
import experiments.sweep.points
import model.scenario.loader
import tests.conftest
from model.scenario.loader import ScenarioError, load_scenario, with_values
from model.scenario.paths import PathError, flatten, get_path, merge, path_kind, set_path
from model.scenario.schema import Scenario
from tests.conftest import SCENARIOS

keys = st.text("abcdefgh_", min_size=1, max_size=6)


@given(
    path=st.lists(keys, min_size=1, max_size=4).map(".".join),
    value=st.one_of(st.integers(), st.floats(allow_nan=False), st.booleans(), st.text()),
)
def test_setting_then_getting_round_trips_and_leaves_the_original_alone(path, value):
    data = Scenario().model_dump()
    before = repr(data)
    changed = set_path(data, path, value)
    assert get_path(changed, path) == value
    assert repr(data) == before
    assert flatten(changed).get(path, value) == value


def test_a_real_lever_round_trips_through_the_schema():
    data = set_path(Scenario().model_dump(), "policy.remittance_fee", 0.03)
    assert Scenario.model_validate(data).policy.remittance_fee == 0.03
    assert get_path(data, "corridors.main.origin") == "origin"
    assert get_path(data, "policy.remittance_fee.deeper") is None


def test_an_unknown_path_raises_naming_what_is_allowed():
    data = Scenario().model_dump()
    with pytest.raises(
        PathError, match=r"'remittance_fees' is not a key of policy; allowed: .*remittance_fee"
    ):
        path_kind("policy.remittance_fees", data)
    with pytest.raises(
        PathError, match="no 'elsewhere' is declared under origins; declared: origin"
    ):
        path_kind("origins.elsewhere.gdp_per_capita", data)
    with pytest.raises(PathError, match="single value"):
        path_kind("policy.visa_years.months", data)
    with pytest.raises(PathError, match="not a dotted path"):
        path_kind("policy..visa_years", data)


def test_kinds_follow_the_schema():
    data = Scenario().model_dump()
    assert path_kind("policy.remittance_fee", data) == "float"
    assert path_kind("policy.visa_years", data) == "int"
    assert path_kind("policy.circular_reentry", data) == "bool"
    assert path_kind("corridors.main.policy.remittance_fee", data) == "float"
    assert path_kind("origins.origin", data) == "section"


def test_merge_is_deep_and_copies():
    base = {"a": {"b": 1, "c": [1]}, "d": 2}
    merged = merge(base, {"a": {"b": 5}, "e": 3})
    assert merged == {"a": {"b": 5, "c": [1]}, "d": 2, "e": 3}
    merged["a"]["c"].append(2)
    assert base["a"]["c"] == [1]


def test_set_on_the_command_line_and_with_values_agree():
    path = SCENARIOS / "baseline.yaml"
    by_text = load_scenario(path, ["policy.visa_years=5", "simulation.households=300"])
    by_value = with_values(
        load_scenario(path), {"policy.visa_years": 5, "simulation.households": 300}, "app"
    )
    assert by_text == by_value
    with pytest.raises(ScenarioError, match=r"app: policy.visa_years: must be at least 1"):
        with_values(by_value, {"policy.visa_years": 0}, "app")
    with pytest.raises(ScenarioError, match="expected KEY=VALUE"):
        load_scenario(path, ["policy..visa_years=5"])


@pytest.mark.parametrize(
    "module",
    [
        model.scenario.loader,
        experiments.engine.tasks,
        experiments.sweep.load,
        experiments.sweep.points,
        experiments.sensitivity.parameters,
        tests.conftest,
    ],
)
def test_every_user_goes_through_the_one_implementation(module):
    source = inspect.getsource(module)
    for name in ("set_path", "get_path", "path_kind", "merge", "flatten"):
        assert f"def {name}(" not in source, f"{module.__name__} defines its own {name}"
    assert "model.scenario.paths" in source
