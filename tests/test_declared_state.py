"""The model's state is declared: stepping never creates an attribute its class did not declare.

A rule that wrote ``model.something_new = ...`` would make state that no reader, type checker or
document can find; these tests fail as soon as one does.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import mesa
import numpy as np

from model.model import TripleWinModel
from model.parameters import DestinationParameters, OriginParameters
from model.population import HouseholdTable, MigrantTable
from model.scenario.schema import Scenario
from model.world import Corridors
from tests.conftest import small

BUSY = {
    "circular_reentry": True,
    "return_bonus": 1.0,
    "training_partnership": 20.0,
    "diaspora_matching": 0.5,
    "education_subsidy": 0.3,
    "regularisation": 0.1,
}


def declared(cls: type) -> set[str]:
    """Attribute names declared by annotations on ``cls`` and its bases."""
    names: set[str] = set()
    for klass in cls.__mro__:
        names.update(getattr(klass, "__annotations__", {}))
    return names


def mesa_attributes() -> set[str]:
    """What Mesa's own Model sets on an instance."""
    return set(vars(mesa.Model(rng=0)))


def stepped(years: int = 6) -> tuple[TripleWinModel, dict[int, set[str]]]:
    model = TripleWinModel(small(policy=BUSY), seed=3)
    objects = [model, *model.origins, *model.destinations, model.households, model.migrants]
    before = {id(thing): set(vars(thing)) for thing in objects}
    for _ in range(years):
        model.step()
    return model, before


def test_every_attribute_of_the_model_is_declared_on_its_class():
    model, _ = stepped()
    undeclared = set(vars(model)) - declared(TripleWinModel) - mesa_attributes()
    # Mesa keeps the user's step under a private name of its own.
    assert undeclared <= {"_user_step", "step"}, sorted(undeclared)


def test_stepping_creates_no_attribute_anywhere():
    model, before = stepped()
    objects = [model, *model.origins, *model.destinations, model.households, model.migrants]
    for thing in objects:
        assert set(vars(thing)) == before[id(thing)], type(thing).__name__


def test_yearly_state_holds_only_its_declared_fields():
    model, _ = stepped()
    for state in (model.shocks, model.markets, model.prospects, model.flows, model.counts):
        fields = {f.name for f in dataclasses.fields(state)}
        assert set(vars(state)) == fields, type(state).__name__


def test_parameters_and_levers_are_read_from_the_scenario_by_name():
    """Each declared array holds, per country, the scenario value of the field of that name."""
    scenario = small(
        replace={
            "origins": {"south": {"income_tax": 0.2}, "east": {"income_tax": 0.05}},
            "destinations": {"north": {"discrimination": 0.3}, "west": {}},
            "corridors": {
                "south_north": {"origin": "south", "destination": "north"},
                "east_west": {"origin": "east", "destination": "west"},
            },
        },
        policy={"remittance_fee": 0.04},
    )
    scenario.destinations["north"].policy = None
    checks = [
        (OriginParameters.of(scenario), list(scenario.origins.values())),
        (DestinationParameters.of(scenario), list(scenario.destinations.values())),
    ]
    for arrays, configs in checks:
        for field in dataclasses.fields(arrays):
            if field.name == "policies":
                continue
            values = getattr(arrays, field.name)
            source = configs if hasattr(configs[0], field.name) else arrays.policies
            expected = [getattr(item, field.name) for item in source]
            np.testing.assert_array_equal(values, expected, err_msg=field.name)
    corridors = Corridors.of(scenario)
    assert corridors.remittance_fee.tolist() == [0.04, 0.04]
    for field in dataclasses.fields(corridors):
        values = getattr(corridors, field.name)
        if field.name in Scenario.model_fields["policy"].annotation.model_fields:
            assert values.tolist() == [getattr(p, field.name) for p in corridors.policies]


def test_every_lever_has_a_declared_array_where_it_acts():
    from model.scenario.policy import CORRIDOR_LEVERS, DESTINATION_LEVERS, ORIGIN_LEVERS

    def names(cls: type) -> set[str]:
        return {f.name for f in dataclasses.fields(cls)}

    assert set(CORRIDOR_LEVERS) <= names(Corridors)
    assert set(DESTINATION_LEVERS) <= names(DestinationParameters)
    assert set(ORIGIN_LEVERS) <= names(OriginParameters)


def odd_columns(heading: str) -> list[str]:
    """Column names in the first cells of the table under ``heading`` in docs/ODD.md."""
    text = (Path(__file__).resolve().parents[1] / "docs" / "ODD.md").read_text()
    section = text.split(heading, 1)[1].split("\n### ", 1)[0]
    names: list[str] = []
    for line in section.splitlines():
        if line.startswith("| `"):
            names += re.findall(r"`(\w+)`", line.split("|")[1])
    return names


def test_the_odd_describes_every_declared_column_and_no_other():
    households = odd_columns("### 2.2 Households")
    migrants = odd_columns("### 2.3 Persons who migrated")
    assert sorted(households) == sorted(HouseholdTable.column_names())
    assert sorted(migrants) == sorted(MigrantTable.column_names())


def test_the_odd_names_every_piece_of_the_models_yearly_state():
    """ODD §2.7 lists the model's declared state: every attribute and every yearly field."""
    text = (Path(__file__).resolve().parents[1] / "docs" / "ODD.md").read_text()
    section = text.split("### 2.7 Global variables", 1)[1].split("\n### ", 1)[0]
    first_cells = " ".join(
        line.split("|")[1] for line in section.splitlines() if line.startswith("| `")
    )
    named = set(re.findall(r"`([\w.]+)`", first_cells))
    model, _ = stepped(2)
    tables = {"households", "migrants", "origins", "destinations", "params"}
    private = {name for name in vars(model) if name.startswith("_")}
    attributes = set(vars(model)) - mesa_attributes() - private - tables
    attributes -= {"origin_names", "destination_names", "running", "step"}
    missing = {name for name in attributes if not any(n.split(".")[0] == name for n in named)}
    assert not missing, sorted(missing)
    for state in ("flows", "counts", "markets", "shocks", "events"):
        fields = {f.name for f in dataclasses.fields(getattr(model, state))}
        listed = {n.split(".")[1] for n in named if n.startswith(f"{state}.")}
        assert fields <= listed | {"year"}, (state, sorted(fields - listed))
