"""docs/ODD.md keeps describing the whole model (no simulation: reads the document and the schema).

The ODD description is the model's reference for replication, so it must name every mechanism
module, every canonical indicator, every policy lever, every section of a scenario file and
every parameter (written as in a scenario file, with ``*`` for the name of an origin,
destination, region or corridor: ``origins.*.income_tax``).
"""

from __future__ import annotations

import re
from functools import cache

import pytest
from pydantic import BaseModel

from model.indicators import CANONICAL
from model.scenario.corridors import CorridorConfig
from model.scenario.destinations import DestinationConfig
from model.scenario.origins import OriginConfig
from model.scenario.policy import Policy
from model.scenario.schema import Scenario
from tests.conftest import ROOT

ODD = ROOT / "docs" / "ODD.md"
MECHANISMS = sorted(
    path.stem for path in (ROOT / "model" / "mechanisms").glob("*.py") if path.stem != "__init__"
)


@cache
def odd_text() -> str:
    return ODD.read_text(encoding="utf-8")


@cache
def code_spans() -> frozenset[str]:
    """Names written as code: inline spans and every dotted name inside code and formulas."""
    text = odd_text()
    fenced = re.findall(r"^```[^\n]*\n(.*?)^```", text, re.MULTILINE | re.DOTALL)
    inline = re.findall(r"`([^`\n]+)`", re.sub(r"^```.*?^```", "", text, flags=re.M | re.S))
    tokens = {t for code in fenced + inline for t in re.findall(r"[A-Za-z_][\w.*]*\w", code)}
    return frozenset(inline) | tokens


def missing(names: list[str], present) -> list[str]:
    return [name for name in names if not present(name)]


def leaf_parameters(section: type[BaseModel], prefix: str) -> list[str]:
    """Dotted paths of a section's parameters (nested sections and named entries expanded)."""
    paths = []
    for name, info in section.model_fields.items():
        annotation = info.annotation
        if name == "policy" and section is not Scenario:
            continue  # an economy's or corridor's lever overrides, covered by the levers
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            paths += leaf_parameters(annotation, f"{prefix}{name}.")
        elif name == "regions":
            from model.scenario.destinations import RegionConfig

            paths += leaf_parameters(RegionConfig, f"{prefix}regions.*.")
        else:
            paths.append(f"{prefix}{name}")
    return paths


def scenario_parameters() -> list[str]:
    paths = []
    for name, info in Scenario.model_fields.items():
        annotation = info.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            paths += leaf_parameters(annotation, f"{name}.")
    paths += leaf_parameters(OriginConfig, "origins.*.")
    paths += leaf_parameters(DestinationConfig, "destinations.*.")
    paths += [
        p
        for p in leaf_parameters(CorridorConfig, "corridors.*.")
        if p not in ("corridors.*.origin", "corridors.*.destination")
    ]
    return paths


def test_the_document_exists_and_follows_odd():
    text = odd_text()
    headings = [
        "Purpose and patterns",
        "Entities, state variables and scales",
        "Process overview and scheduling",
        "Design concepts",
        "Initialisation",
        "Input data",
        "Submodels",
    ]
    for number, heading in enumerate(headings, start=1):
        assert re.search(rf"^## {number}\. {heading}", text, re.MULTILINE), heading


def test_every_mechanism_module_is_described():
    absent = missing(MECHANISMS, lambda m: f"model/mechanisms/{m}.py" in odd_text())
    assert not absent, f"docs/ODD.md does not name model/mechanisms/{{{', '.join(absent)}}}.py"


def test_every_canonical_indicator_is_defined():
    absent = missing(list(CANONICAL), lambda name: name in code_spans())
    assert not absent, f"docs/ODD.md does not define the indicators {absent}"


def test_every_policy_lever_is_described():
    spans = code_spans()
    absent = missing(
        list(Policy.model_fields), lambda lever: lever in spans or f"policy.{lever}" in spans
    )
    assert not absent, f"docs/ODD.md does not describe the levers {absent}"


def test_every_scenario_section_is_mentioned():
    spans = code_spans()
    absent = missing(
        list(Scenario.model_fields),
        lambda section: any(s == section or s.startswith(f"{section}.") for s in spans),
    )
    assert not absent, f"docs/ODD.md does not mention the scenario sections {absent}"


@pytest.mark.parametrize("kind", ["behaviour", "economies"])
def test_every_parameter_is_named_where_it_acts(kind: str):
    economies = ("origins.", "destinations.", "corridors.")
    paths = [p for p in scenario_parameters() if p.startswith(economies) == (kind == "economies")]
    absent = missing(paths, lambda path: path in code_spans())
    assert not absent, f"docs/ODD.md does not name the parameters {absent}"
