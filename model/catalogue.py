"""The indicator registry: every indicator's name, group, plain-words label and unit.

One entry per indicator the simulator reports, in the order of its tables. The model needs only
the names; the command line, the reports and the classroom app also read the labels, and write
every number by its unit's format (:data:`UNITS`), so that a share reads the same in a terminal
table, a report and the app. docs/ODD.md, section 7.18, defines each indicator.

This module is plain data: it imports nothing beyond the standard library, so that anything may
read it cheaply.

Tables:

- ``yearly``: the recorder's yearly table (pooled and per country), whose window means are a
  run's indicators;
- ``cohort``: return statistics of a run from its arrival cohorts (not yearly);
- ``region``: the integration indicators per region of a destination (:data:`REGION_INDICATORS`,
  which also holds indicators of the yearly table, computed against the region's natives).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    """How the values of one unit read and are written.

    A level is written as ``value * scale`` with ``decimals`` decimals, then ``suffix``; a change
    as ``change * change_scale`` with a sign and a few significant digits, then ``change_suffix``.

    Attributes:
        words: What the unit is, in plain words.
        scale: Factor a level is multiplied by before it is written.
        decimals: Decimals of a written level.
        suffix: Written after a level.
        change_scale: Factor a change is multiplied by before it is written.
        change_suffix: Written after a change.
    """

    words: str
    scale: float = 1.0
    decimals: int = 0
    suffix: str = ""
    change_scale: float = 1.0
    change_suffix: str = ""


UNITS: dict[str, Unit] = {
    "PPP $": Unit("purchasing-power-parity dollars (a year, where a flow)"),
    "people": Unit("people"),
    "share": Unit(
        "share, written in %; its changes in percentage points", 100.0, 1, "%", 100.0, " pp"
    ),
    "points": Unit("difference of two shares, in percentage points", 100.0, 1, " pp", 100.0, " pp"),
    "index": Unit("index from 0 to 1", 1.0, 3),
    "ratio": Unit("ratio of two quantities", 1.0, 2),
    "log": Unit(
        "natural logarithm; a change is written as 100 times the change in logs, about a %",
        1.0,
        3,
        "",
        100.0,
        "%",
    ),
}

GROUPS: dict[str, str] = {
    "migrants": "Migrants",
    "origin": "Origin",
    "destination": "Destination",
    "integration": "Integration in destinations",
    "welfare": "Triple win: the three parties' welfare",
    "diagnostics": "Diagnostics",
}
TABLES = ("yearly", "cohort", "region")


@dataclass(frozen=True)
class Indicator:
    """One indicator.

    Attributes:
        name: Its canonical name (a column of the results tables).
        group: The party or group it describes (a key of :data:`GROUPS`).
        label: What it is, in plain words.
        unit: Its unit (a key of :data:`UNITS`).
        table: Where it is recorded (one of :data:`TABLES`).
    """

    name: str
    group: str
    label: str
    unit: str
    table: str = "yearly"


def _entries(group: str, table: str, *rows: tuple[str, str, str]) -> list[Indicator]:
    return [Indicator(name, group, label, unit, table) for name, label, unit in rows]


CATALOGUE: dict[str, Indicator] = {
    entry.name: entry
    for entry in [
        *_entries(
            "migrants",
            "yearly",
            ("migrant_income_gain", "income gain over staying home (mean log ratio)", "log"),
            ("migrant_employment_rate", "employment rate of migrants", "share"),
            ("migrant_brain_waste", "skilled migrants in low-skilled jobs (share)", "share"),
            ("migrant_irregular_share", "irregular share of migrants", "share"),
            ("migrant_integration_index", "integration index (0-1)", "index"),
        ),
        *_entries(
            "origin",
            "yearly",
            ("origin_gdp_per_capita", "GDP per resident (PPP $)", "PPP $"),
            ("origin_consumption_per_capita", "consumption per resident (PPP $)", "PPP $"),
            ("origin_poverty_rate", "poverty rate", "share"),
            ("origin_skilled_share", "skilled share of resident adults", "share"),
            ("origin_gini", "Gini of consumption per person", "index"),
            ("remittances_to_gdp", "remittances received / GDP", "share"),
            ("emigration_rate", "emigrants / origin-born population", "share"),
        ),
        *_entries(
            "destination",
            "yearly",
            ("destination_income_per_native", "income per native (PPP $)", "PPP $"),
            ("native_wage_low", "native low-skilled wage (PPP $)", "PPP $"),
            ("native_wage_high", "native skilled wage (PPP $)", "PPP $"),
            ("native_unemployment_rate", "native unemployment rate", "share"),
            ("migrant_share_labour_force", "migrant share of the labour force", "share"),
            ("migrant_fiscal_balance_gdp", "migrants' net fiscal contribution / GDP", "share"),
            ("dissimilarity_index", "dissimilarity index across regions", "index"),
            ("unemployment_gap", "unemployment gap (migrants - natives)", "points"),
            ("wage_gap", "wage gap at equal skill (share below natives)", "share"),
        ),
        *_entries(
            "welfare",
            "yearly",
            (
                "welfare_migrants",
                "migrants: movers' consumption abroad per origin-born person (PPP $)",
                "PPP $",
            ),
            (
                "welfare_origin",
                "origin: consumption of the rest of the origin-born, per origin-born person (PPP $)",
                "PPP $",
            ),
            ("welfare_destination", "destination: consumption per native (PPP $)", "PPP $"),
        ),
        *_entries(
            "diagnostics",
            "yearly",
            ("migrants_abroad", "migrants abroad (rows)", "people"),
            ("persons_abroad", "persons abroad (with family)", "people"),
            ("origin_residents", "origin residents", "people"),
            ("origin_born", "origin-born population", "people"),
            ("arrivals", "arrivals this year", "people"),
            ("returns", "returns this year", "people"),
            ("remittances_sent", "remittances sent (PPP $)", "PPP $"),
            ("remittances_received", "remittances received (PPP $)", "PPP $"),
            ("remittance_cost_share", "fees / amount sent", "share"),
            ("remittances_saved_share", "share of remittances saved or invested", "share"),
            ("place_premium", "place premium (destination / origin wage)", "ratio"),
            ("returnee_share", "returnees among resident adults", "share"),
            ("retired_abroad", "migrants retired abroad (rows)", "people"),
            ("households_without_residents", "households with nobody at home", "people"),
            ("second_generation", "migrants' children living at the destination", "people"),
            (
                "second_generation_employment_gap",
                "employment gap (natives - migrants' grown children)",
                "points",
            ),
            (
                "second_generation_education_gap",
                "skilled share gap (natives - migrants' grown children)",
                "points",
            ),
        ),
        *_entries(
            "integration",
            "yearly",
            ("employment_gap", "employment gap (natives - migrants, working age)", "points"),
            (
                "unemployment_gap_adjusted",
                "unemployment gap at equal entry channel and duration of stay",
                "points",
            ),
            (
                "isolation_index",
                "isolation index (chance a migrant's neighbour is a migrant)",
                "index",
            ),
            (
                "settlement_concentration",
                "settlement concentration (Herfindahl index of regions)",
                "index",
            ),
            ("native_ties_share", "share of social ties to natives", "share"),
            ("language_proficiency", "command of the destination language (0-1)", "index"),
            ("language_shift", "share proficient in the destination language", "share"),
            ("naturalised_share", "share naturalised", "share"),
            ("naturalisation_rate", "naturalisations per foreign resident", "share"),
            (
                "family_reunification_rate",
                "family reunifications per settled migrant without family",
                "share",
            ),
            ("integration_composite", "integration composite (0-1, four domains)", "index"),
        ),
        *_entries(
            "diagnostics",
            "cohort",
            ("left_within_1y", "arrivals who left within 1 year", "share"),
            ("left_within_5y", "arrivals who left within 5 years", "share"),
        ),
        *_entries(
            "integration",
            "region",
            ("migrants", "migrants (rows)", "people"),
            ("migrant_share", "migrant share of the region's labour force", "share"),
            (
                "location_quotient",
                "location quotient (migrants' over natives' regional share)",
                "ratio",
            ),
        ),
    ]
}

# The columns of the regional table, in order (model/integration_regions.py).
REGION_INDICATORS = (
    "migrants",
    "migrant_share",
    "location_quotient",
    "employment_gap",
    "unemployment_gap",
    "wage_gap",
    "migrant_brain_waste",
    "native_ties_share",
    "language_proficiency",
    "language_shift",
    "naturalised_share",
    "naturalisation_rate",
    "family_reunification_rate",
    "integration_composite",
)
COHORT_STATISTICS = tuple(e.name for e in CATALOGUE.values() if e.table == "cohort")


def names(group: str | None = None, tables: tuple[str, ...] = ("yearly",)) -> tuple[str, ...]:
    """Indicators in catalogue order: of one group or all, recorded in the given tables."""
    return tuple(
        e.name
        for e in CATALOGUE.values()
        if (group is None or e.group == group) and e.table in tables
    )


def sections() -> dict[str, tuple[str, ...]]:
    """Every run-level indicator (yearly and cohort) by group, headed as tables show them."""
    return {heading: names(group, ("yearly", "cohort")) for group, heading in GROUPS.items()}


def label(name: str) -> str:
    """The plain-words label of an indicator (its name in words when it is not catalogued)."""
    entry = CATALOGUE.get(name)
    return entry.label if entry else name.replace("_", " ")


def unit_of(name: str) -> Unit | None:
    """The unit of an indicator (None when it is not catalogued)."""
    entry = CATALOGUE.get(name)
    return UNITS[entry.unit] if entry else None
