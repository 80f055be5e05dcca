"""Scenario section of a corridor: the link from one origin to one destination, its costs and stock."""

from __future__ import annotations

from pydantic import Field

from model.scenario.params import Section, param
from model.scenario.policy import PolicyOverride


class CorridorConfig(Section):
    """A link from one origin to one destination."""

    origin: str = Field(description="Name of the origin (a key of `origins`).")
    destination: str = Field(description="Name of the destination (a key of `destinations`).")
    migration_cost: float = param(
        0.8,
        "Cost of migrating legally: recruitment, travel and visa fees.",
        unit="years of the origin low-skilled wage",
        source="KNOMAD/ILO recruitment cost surveys: often several months to a year of earnings",
        ge=0.0,
        le=20.0,
    )
    irregular_cost: float = param(
        1.5,
        "Cost of the irregular route (smugglers, travel).",
        unit="years of the origin low-skilled wage",
        source="UNODC Global Study on Smuggling of Migrants 2018",
        ge=0.0,
        le=20.0,
    )
    irregular_risk: float = param(
        0.15,
        "Chance that an irregular crossing fails (interception or worse); the cost is lost.",
        unit="probability",
        source="IOM Missing Migrants Project; Frontex interception data",
        ge=0.0,
        le=1.0,
    )
    initial_emigration_rate: float = param(
        0.07,
        "Share of the origin-born population living abroad through this corridor at the start.",
        unit="share",
        source="UN DESA International Migrant Stock 2020",
        ge=0.0,
        le=0.6,
    )
    policy: PolicyOverride | None = Field(None, description="Levers overridden on this corridor.")
