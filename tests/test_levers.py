"""The lever registry (model/scenario/policy.py): every lever's scope, unit and teaching range.

The schema checks overrides with it, the corridors take their levers from it and the classroom
app builds its controls from it, so a lever added to :class:`Policy` is complete only when it
declares all of these.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from pydantic import ValidationError

from model.scenario.policy import (
    CORRIDOR_LEVERS,
    DESTINATION_LEVERS,
    ORIGIN_LEVERS,
    OVERRIDDEN_BY,
    SCOPES,
    Policy,
    lever,
    levers,
)
from model.scenario.schema import Scenario
from tests.conftest import ROOT


def bounds(name: str) -> tuple[float, float]:
    """The schema's allowed range of a lever."""
    low, high = float("-inf"), float("inf")
    for item in Policy.model_fields[name].metadata:
        low = getattr(item, "ge", None) if getattr(item, "ge", None) is not None else low
        high = getattr(item, "le", None) if getattr(item, "le", None) is not None else high
    return low, high


@pytest.mark.parametrize("name", list(Policy.model_fields))
def test_every_lever_declares_scope_unit_label_and_teaching_range(name):
    declared = lever(name)
    assert declared.scope in SCOPES
    assert declared.unit and declared.label and declared.meaning
    assert declared.kind in (float, int, bool)
    if declared.kind is bool:
        assert declared.teaching is None
        return
    low, high, step = declared.teaching
    allowed_low, allowed_high = bounds(name)
    assert allowed_low <= low < high <= allowed_high
    assert 0 < step <= high - low
    assert low <= declared.default <= high, "the baseline's value is on the slider"


def test_scopes_partition_the_levers_in_declaration_order():
    assert levers() == tuple(Policy.model_fields)
    assert sorted(CORRIDOR_LEVERS + DESTINATION_LEVERS + ORIGIN_LEVERS) == sorted(levers())
    assert DESTINATION_LEVERS == (
        "temporary_quota",
        "permanent_quota",
        "skill_selectivity",
        "training_partnership",
    )
    assert ORIGIN_LEVERS == ("diaspora_matching", "education_subsidy")
    with pytest.raises(ValueError, match="scopes: corridor, destination, origin"):
        levers("region")
    with pytest.raises(KeyError, match="levers: remittance_fee"):
        lever("remittance_fees")


@pytest.mark.parametrize(
    ("section", "name", "lever_name"),
    [
        ("corridors", "main", "temporary_quota"),
        ("origins", "origin", "skill_selectivity"),
        ("destinations", "destination", "education_subsidy"),
        ("corridors", "main", "diaspora_matching"),
    ],
)
def test_an_override_where_the_lever_cannot_act_is_rejected(section, name, lever_name):
    scope = lever(lever_name).scope
    assert section not in OVERRIDDEN_BY[scope]
    data = Scenario().model_dump()
    data[section][name]["policy"] = {lever_name: 0.1}
    with pytest.raises(
        ValidationError, match=f"{section}.{name}.policy.{lever_name}: this lever acts per {scope}"
    ):
        Scenario.model_validate(data)


@pytest.mark.parametrize("lever_name", list(Policy.model_fields))
def test_an_override_where_the_lever_acts_is_accepted(lever_name):
    scope = lever(lever_name).scope
    data = Scenario().model_dump()
    section = OVERRIDDEN_BY[scope][-1]
    name = next(iter(data[section]))
    value = lever(lever_name).default
    data[section][name]["policy"] = {lever_name: value}
    overrides = getattr(Scenario.model_validate(data), section)[name].policy
    assert getattr(overrides, lever_name) == value


def test_the_schema_does_not_import_the_simulator():
    code = "import sys, model.scenario.schema; print('model.world' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr
