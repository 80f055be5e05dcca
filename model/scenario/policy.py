"""The lever registry: every policy lever, its unit, scope and Global Compact objective.

A lever under ``policy:`` applies everywhere; an origin, a destination or a corridor may override
it in its own ``policy:`` block where the lever can act (docs/ODD.md, section 7.20). Each field
of :class:`Policy` declares, beside its meaning, unit, range and source, its **scope**:

- ``corridor``: set per corridor; an origin, a destination or the corridor itself may override it;
- ``destination``: a destination's admission policy, shared by its corridors (overridden by the
  destination only);
- ``origin``: an origin government's policy (overridden by the origin only).

:func:`levers` lists the levers, of one scope or all; :func:`lever` describes one (the app builds
its controls from it, the schema checks overrides with it). :func:`resolve_policy` applies the
overrides in the order global < origin < destination < corridor.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import Field, create_model

from model.scenario.params import Section, param

PER_1000 = "admissions per year per 1,000 destination workers"
SCOPES = ("corridor", "destination", "origin")
# The sections of a scenario whose ``policy:`` may override a lever of each scope.
OVERRIDDEN_BY = {
    "corridor": ("origins", "destinations", "corridors"),
    "destination": ("destinations",),
    "origin": ("origins",),
}


class Policy(Section):
    """The policy levers with their baseline values (docs/ODD.md, section 7.20)."""

    remittance_fee: float = param(
        0.062,
        "Cost of sending remittances, as a share of the amount sent.",
        unit="share of amount sent",
        source="World Bank Remittance Prices Worldwide, Q3 2023 (6.2% of $200); SDG 10.c target 3%",
        ge=0.0,
        le=0.5,
        gcm=20,
        scope="corridor",
        label="Remittance fee (share sent)",
        teaching=(0.0, 0.15, 0.001),
    )
    temporary_quota: float = param(
        7.0,
        "Yearly temporary work permits (acts per destination, shared by its corridors).",
        unit=PER_1000,
        source="calibrated to a 10-20% migrant share of the labour force (OECD)",
        ge=0.0,
        le=100.0,
        gcm=5,
        scope="destination",
        label="Temporary permits /1000",
        teaching=(0.0, 30.0, 0.5),
    )
    permanent_quota: float = param(
        3.0,
        "Yearly permanent work admissions (acts per destination, shared by its corridors).",
        unit=PER_1000,
        source="calibrated; OECD permanent inflows are 3-10 per 1,000 population",
        ge=0.0,
        le=100.0,
        gcm=5,
        scope="destination",
        label="Permanent visas /1000",
        teaching=(0.0, 20.0, 0.5),
    )
    visa_years: int = param(
        3,
        "Length of a temporary permit.",
        unit="years",
        source="typical temporary work permits of 2-4 years (OECD 2008)",
        ge=1,
        le=20,
        gcm=5,
        scope="corridor",
        label="Permit length (years)",
        teaching=(1, 10, 1),
    )
    circular_reentry: bool = param(
        False,
        "Returned temporary migrants may be admitted again, ahead of first-time applicants.",
        unit="yes/no",
        source="circular migration schemes (GCM objective 5; Global Forum on Migration and Development)",
        gcm=5,
        scope="corridor",
        label="Circular re-entry allowed",
    )
    skill_selectivity: float = param(
        0.5,
        "Share of permanent admissions reserved to skilled applicants (acts per destination).",
        unit="share",
        source="points-based systems reserve most economic admissions to the tertiary-educated",
        ge=0.0,
        le=1.0,
        gcm=5,
        scope="destination",
        label="Visas kept for skilled",
        teaching=(0.0, 1.0, 0.05),
    )
    skill_recognition: float = param(
        0.15,
        "Yearly chance that a skilled migrant's foreign credentials are recognised.",
        unit="probability per year",
        source="calibrated to OECD over-qualification rates of about 35% for the foreign-born",
        ge=0.0,
        le=1.0,
        gcm=18,
        scope="corridor",
        label="Credential recognition /yr",
        teaching=(0.0, 1.0, 0.01),
    )
    integration_spending: float = param(
        0.02,
        "Language and integration programmes per migrant per year, paid by the destination.",
        unit="share of destination GDP per capita",
        source="OECD integration programme costs of roughly 1-5% of GDP per capita per participant",
        ge=0.0,
        le=0.5,
        gcm=16,
        scope="corridor",
        label="Integration (GDP/cap)",
        teaching=(0.0, 0.2, 0.005),
    )
    family_reunification: bool = param(
        True,
        "Permanent residents may bring their household abroad.",
        unit="yes/no",
        source="family reunification is the largest permanent channel in the OECD (OECD 2008)",
        gcm=5,
        scope="corridor",
        label="Family reunification allowed",
    )
    pension_portability: bool = param(
        False,
        "Pensions earned abroad keep being paid to migrants who go home to retire.",
        unit="yes/no",
        source="bilateral social security agreements (ILO 2021; GCM objective 22)",
        gcm=22,
        scope="corridor",
        label="Pensions portable home",
    )
    return_bonus: float = param(
        0.0,
        "Grant paid by the destination to a migrant who returns voluntarily.",
        unit="years of the origin low-skilled wage",
        source="assisted voluntary return grants (IOM)",
        ge=0.0,
        le=10.0,
        gcm=21,
        scope="corridor",
        label="Return grant (years)",
        teaching=(0.0, 3.0, 0.25),
    )
    enforcement: float = param(
        0.04,
        "Yearly chance that an irregular migrant is detected and removed.",
        unit="probability per year",
        source="removals of a few percent of the irregular stock per year (Eurostat enforcement data)",
        ge=0.0,
        le=1.0,
        gcm=11,
        scope="corridor",
        label="Removals /yr (irregular)",
        teaching=(0.0, 0.5, 0.01),
    )
    regularisation: float = param(
        0.02,
        "Yearly chance that an irregular migrant obtains a regular permit.",
        unit="probability per year",
        source="ongoing case-by-case regularisation (Kraler 2009, REGINE study)",
        ge=0.0,
        le=1.0,
        gcm=7,
        scope="corridor",
        label="Regularisation /yr",
        teaching=(0.0, 0.5, 0.01),
    )
    training_partnership: float = param(
        0.0,
        "Destination-funded training places at origin (Global Skill Partnership; acts per destination).",
        unit="places per year per 1,000 origin households",
        source="Clemens 2015, Global Skill Partnerships",
        ge=0.0,
        le=200.0,
        gcm=18,
        scope="destination",
        label="Training places /1000",
        teaching=(0.0, 30.0, 1.0),
    )
    diaspora_matching: float = param(
        0.0,
        "Origin government's match on remittances invested in enterprise (acts per origin).",
        unit="share of the amount invested",
        source="Mexico's Tres por Uno matching programme",
        ge=0.0,
        le=3.0,
        gcm=19,
        scope="origin",
        label="Diaspora match",
        teaching=(0.0, 2.0, 0.1),
    )
    education_subsidy: float = param(
        0.0,
        "Origin subsidy to household education spending (acts per origin; below 1: households pay a share).",
        unit="share of spending paid by the state",
        source="modelling assumption (GCM objective 18)",
        ge=0.0,
        le=0.95,
        gcm=18,
        scope="origin",
        label="Education subsidy",
        teaching=(0.0, 0.9, 0.05),
    )


@dataclass(frozen=True)
class Lever:
    """A policy lever as declared in :class:`Policy`.

    Attributes:
        name: The lever's canonical name (its key under ``policy:``).
        meaning: What it is, in one sentence.
        unit: Its unit.
        scope: ``corridor``, ``destination`` or ``origin`` (see the module's docstring).
        label: A short name with its unit, for narrow places.
        kind: ``float``, ``int`` or ``bool``.
        default: Its baseline value.
        teaching: Lowest value, highest value and step of a classroom slider (None for yes/no).
        gcm_objective: The Global Compact for Migration objective it serves.
    """

    name: str
    meaning: str
    unit: str
    scope: str
    label: str
    kind: type
    default: Any
    teaching: tuple[float, float, float] | None
    gcm_objective: int


def lever(name: str) -> Lever:
    """The lever called ``name``.

    Raises:
        KeyError: When no lever has that name (the message lists the levers).
    """
    if name not in Policy.model_fields:
        raise KeyError(f"no lever '{name}'; levers: {', '.join(Policy.model_fields)}")
    info = Policy.model_fields[name]
    declared = info.json_schema_extra
    extra: dict[str, Any] = dict(declared) if isinstance(declared, dict) else {}
    teaching = extra.get("teaching")
    return Lever(
        name=name,
        meaning=info.description or "",
        unit=extra["unit"],
        scope=extra["scope"],
        label=extra["label"],
        kind=info.annotation if isinstance(info.annotation, type) else float,
        default=info.default,
        teaching=None if teaching is None else (teaching[0], teaching[1], teaching[2]),
        gcm_objective=extra["gcm_objective"],
    )


def levers(scope: str | None = None) -> tuple[str, ...]:
    """The levers' names in declaration order: all of them, or those of one scope."""
    if scope is not None and scope not in SCOPES:
        raise ValueError(f"no scope '{scope}'; scopes: {', '.join(SCOPES)}")
    return tuple(
        name for name in Policy.model_fields if scope is None or lever(name).scope == scope
    )


CORRIDOR_LEVERS = levers("corridor")
DESTINATION_LEVERS = levers("destination")
ORIGIN_LEVERS = levers("origin")


def misplaced(section: str, name: str) -> str | None:
    """Why ``section`` (origins, destinations, corridors) may not override lever ``name``."""
    scope = lever(name).scope
    if section in OVERRIDDEN_BY[scope]:
        return None
    return f"this lever acts per {scope}; set it under policy or {scope}s.NAME.policy"


def _optional_levers() -> dict[str, Any]:
    """Every lever of :class:`Policy` as an optional field with the same range and meaning."""
    fields: dict[str, Any] = {}
    for name, info in Policy.model_fields.items():
        constrained: Any = (
            Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
        )
        fields[name] = (constrained | None, Field(None, description=info.description))
    return fields


PolicyOverride = create_model(
    "PolicyOverride",
    __base__=Section,
    __doc__="A partial Policy: any lever may be overridden for one economy or corridor.",
    **_optional_levers(),
)


def resolve_policy(base: Policy, *overrides: PolicyOverride | None) -> Policy:
    """Apply overrides in order (later wins) to the global levers."""
    merged = base.model_dump()
    for override in overrides:
        if override is None:
            continue
        merged.update({k: v for k, v in override.model_dump().items() if v is not None})
    return Policy(**merged)
