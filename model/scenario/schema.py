"""The scenario file: every parameter of TripleWin, validated (docs/ODD.md, section 7.22).

A scenario is a YAML mapping with these sections; unknown keys are errors. Variants say
``extends: baseline.yaml`` and change only what differs (see :mod:`model.scenario.loader`).
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import Field, model_validator

from model.scenario.abroad import Integration, Remittances
from model.scenario.behaviour import (
    Demography,
    Households,
    PublicFinance,
    Skills,
    Welfare,
    World,
)
from model.scenario.corridors import CorridorConfig
from model.scenario.destinations import DestinationConfig
from model.scenario.initial import InitialStock
from model.scenario.measurement import Measurement
from model.scenario.mobility import Migration, Returns
from model.scenario.origins import OriginConfig
from model.scenario.params import Section, param
from model.scenario.policy import Policy, misplaced


class Simulation(Section):
    """Size and length of a run."""

    households: int = param(
        2000,
        "Origin households in all (split among origins by their household_share).",
        unit="households",
        ge=10,
        le=10_000_000,
    )
    years: int = param(40, "Simulated years (one step is one year).", unit="years", ge=1, le=500)
    evaluation_years: int = param(
        10, "Final years over which indicators are averaged.", unit="years", ge=1, le=500
    )
    replications: int = param(
        10, "Replications run by default by `run` and `compare`.", unit="runs", ge=1, le=100_000
    )

    @model_validator(mode="after")
    def _window_fits(self) -> Simulation:
        if self.evaluation_years > self.years:
            raise ValueError(
                f"evaluation_years ({self.evaluation_years}) cannot exceed years ({self.years})"
            )
        return self


def _default_corridors() -> dict[str, CorridorConfig]:
    return {"main": CorridorConfig(origin="origin", destination="destination")}


class Scenario(Section):
    """A complete TripleWin scenario."""

    name: str = Field(
        "scenario", description="Short name of the scenario (defaults to the file name)."
    )
    description: str = Field("", description="What the scenario represents, in a sentence or two.")
    simulation: Simulation = Field(default_factory=Simulation)
    policy: Policy = Field(default_factory=Policy)
    origins: dict[str, OriginConfig] = Field(default_factory=lambda: {"origin": OriginConfig()})
    destinations: dict[str, DestinationConfig] = Field(
        default_factory=lambda: {"destination": DestinationConfig()}
    )
    corridors: dict[str, CorridorConfig] = Field(default_factory=_default_corridors)
    world: World = Field(default_factory=World)
    demography: Demography = Field(default_factory=Demography)
    public_finance: PublicFinance = Field(default_factory=PublicFinance)
    households: Households = Field(default_factory=Households)
    migration: Migration = Field(default_factory=Migration)
    remittances: Remittances = Field(default_factory=Remittances)
    skills: Skills = Field(default_factory=Skills)
    integration: Integration = Field(default_factory=Integration)
    returns: Returns = Field(default_factory=Returns)
    initial_stock: InitialStock = Field(default_factory=InitialStock)
    measurement: Measurement = Field(default_factory=Measurement)
    welfare: Welfare = Field(default_factory=Welfare)

    @model_validator(mode="after")
    def _corridors_link_declared_countries(self) -> Scenario:
        if not self.origins or not self.destinations:
            raise ValueError("a scenario needs at least one origin and one destination")
        for name, corridor in self.corridors.items():
            if corridor.origin not in self.origins:
                raise ValueError(
                    f"corridors.{name}.origin: '{corridor.origin}' is not declared; "
                    f"declared origins: {', '.join(self.origins)}"
                )
            if corridor.destination not in self.destinations:
                raise ValueError(
                    f"corridors.{name}.destination: '{corridor.destination}' is not declared; "
                    f"declared destinations: {', '.join(self.destinations)}"
                )
        self._check_every_country_has_a_corridor()
        pairs = [(c.origin, c.destination) for c in self.corridors.values()]
        if len(set(pairs)) != len(pairs):
            raise ValueError("corridors: two corridors link the same origin and destination")
        for name, dest in self.destinations.items():
            if not dest.regions:
                raise ValueError(f"destinations.{name}.regions: at least one region is needed")
        self._check_lever_scopes()
        return self

    def _check_every_country_has_a_corridor(self) -> None:
        """A country no corridor uses is a misspelling or an oversight, never a silent extra.

        ``origins: {orign: ...}`` beside a corridor from ``origin`` would add a second origin
        with default parameters (and households) that nobody can leave or reach.
        """
        linked = {
            "origins": {c.origin for c in self.corridors.values()},
            "destinations": {c.destination for c in self.corridors.values()},
        }
        declared: dict[str, Mapping[str, object]] = {
            "origins": self.origins,
            "destinations": self.destinations,
        }
        for section, countries in declared.items():
            kind = section.removesuffix("s")
            for name in countries:
                if name not in linked[section]:
                    known = ", ".join(sorted(linked[section])) or "none"
                    raise ValueError(
                        f"{section}.{name}: no corridor links '{name}' (known {section}: "
                        f"{known}); a misspelled name? A new {kind} needs its corridor: "
                        f"corridors.NAME: {{{kind}: {name}, ...}}"
                    )

    def _check_lever_scopes(self) -> None:
        """Reject overrides of a lever where it cannot act (a quota on a corridor, say)."""
        places = [("origins", n, o.policy) for n, o in self.origins.items()]
        places += [("destinations", n, d.policy) for n, d in self.destinations.items()]
        places += [("corridors", n, c.policy) for n, c in self.corridors.items()]
        for section, name, policy in places:
            if policy is None:
                continue
            for lever, value in policy.model_dump().items():
                problem = misplaced(section, lever) if value is not None else None
                if problem:
                    raise ValueError(f"{section}.{name}.policy.{lever}: {problem}")
