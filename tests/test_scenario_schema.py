"""The schema documents every parameter, and the shipped baseline is the schema's defaults."""

from __future__ import annotations

import pytest
import yaml
from pydantic import BaseModel, ValidationError

from model.scenario import document
from model.scenario.policy import Policy
from model.scenario.schema import Scenario
from tests.conftest import ROOT, SCENARIOS


def leaf_fields(model: type[BaseModel], prefix: str = ""):
    for name, info in model.model_fields.items():
        annotation = info.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            yield from leaf_fields(annotation, f"{prefix}{name}.")
        else:
            yield f"{prefix}{name}", info


def test_every_parameter_has_meaning_unit_and_source():
    from model.scenario.abroad import Integration, Remittances
    from model.scenario.behaviour import Demography, Households, Skills, World
    from model.scenario.corridors import CorridorConfig
    from model.scenario.destinations import DestinationConfig, RegionConfig
    from model.scenario.initial import InitialStock
    from model.scenario.mobility import Migration, Returns
    from model.scenario.origins import OriginConfig

    for section in (
        Policy,
        OriginConfig,
        DestinationConfig,
        RegionConfig,
        CorridorConfig,
        World,
        Demography,
        Households,
        Skills,
        Migration,
        Returns,
        Remittances,
        Integration,
        InitialStock,
    ):
        for path, info in leaf_fields(section):
            if path in {"policy", "regions", "origin", "destination"}:
                continue
            assert info.description, path
            extra = info.json_schema_extra or {}
            assert extra.get("unit") is not None and extra.get("source"), path


def test_every_lever_names_its_gcm_objective():
    for name, info in Policy.model_fields.items():
        assert info.json_schema_extra.get("gcm_objective"), name


def test_shipped_baseline_is_the_schema_default():
    data = yaml.safe_load((SCENARIOS / "baseline.yaml").read_text())
    shipped = Scenario(**data)
    assert (
        shipped.model_dump()
        == Scenario(name="baseline", description=shipped.description).model_dump()
    )


def test_parameter_reference_is_up_to_date():
    assert (ROOT / "docs" / "parameters.md").read_text() == document.parameter_table()


@pytest.mark.parametrize(
    ("section", "value"),
    [
        ({"policy": {"remittance_fee": 1.7}}, "less than or equal"),
        ({"policy": {"remitance_fee": 0.03}}, "Extra inputs"),
        ({"simulation": {"households": "many"}}, "valid integer"),
        (
            {"corridors": {"main": {"origin": "origin", "destination": "mars"}}},
            "is not declared",
        ),
        ({"simulation": {"years": 5, "evaluation_years": 10}}, "cannot exceed"),
    ],
)
def test_invalid_values_are_rejected(section, value):
    with pytest.raises(ValidationError, match=value):
        Scenario(**section)
