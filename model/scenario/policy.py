"""Policy levers (DESIGN §5), each tied to the Global Compact for Migration objective it serves.

A lever under ``policy:`` applies everywhere; an origin, a destination or a corridor may override
any lever in its own ``policy:`` block. :func:`resolve_policy` applies the overrides in the order
global < origin < destination < corridor.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, create_model

from model.scenario.params import Section, param

PER_1000 = "admissions per year per 1,000 destination workers"


class Policy(Section):
    """The policy levers of DESIGN §5 with their baseline values."""

    remittance_fee: float = param(
        0.062,
        "Cost of sending remittances, as a share of the amount sent.",
        unit="share of amount sent",
        source="World Bank Remittance Prices Worldwide, Q3 2023 (6.2% of $200); SDG 10.c target 3%",
        ge=0.0,
        le=0.5,
        gcm=20,
    )
    temporary_quota: float = param(
        7.0,
        "Yearly temporary work permits (acts per destination, shared by its corridors).",
        unit=PER_1000,
        source="calibrated to a 10-20% migrant share of the labour force (OECD)",
        ge=0.0,
        le=100.0,
        gcm=5,
    )
    permanent_quota: float = param(
        3.0,
        "Yearly permanent work admissions (acts per destination, shared by its corridors).",
        unit=PER_1000,
        source="calibrated; OECD permanent inflows are 3-10 per 1,000 population",
        ge=0.0,
        le=100.0,
        gcm=5,
    )
    visa_years: int = param(
        3,
        "Length of a temporary permit.",
        unit="years",
        source="typical temporary work permits of 2-4 years (OECD 2008)",
        ge=1,
        le=20,
        gcm=5,
    )
    circular_reentry: bool = param(
        False,
        "Returned temporary migrants may be admitted again, ahead of first-time applicants.",
        unit="yes/no",
        source="circular migration schemes (GCM objective 5; Global Forum on Migration and Development)",
        gcm=5,
    )
    skill_selectivity: float = param(
        0.5,
        "Share of permanent admissions reserved to skilled applicants (acts per destination).",
        unit="share",
        source="points-based systems reserve most economic admissions to the tertiary-educated",
        ge=0.0,
        le=1.0,
        gcm=5,
    )
    skill_recognition: float = param(
        0.15,
        "Yearly chance that a skilled migrant's foreign credentials are recognised.",
        unit="probability per year",
        source="calibrated to OECD over-qualification rates of about 35% for the foreign-born",
        ge=0.0,
        le=1.0,
        gcm=18,
    )
    integration_spending: float = param(
        0.02,
        "Language and integration programmes per migrant per year, paid by the destination.",
        unit="share of destination GDP per capita",
        source="OECD integration programme costs of roughly 1-5% of GDP per capita per participant",
        ge=0.0,
        le=0.5,
        gcm=16,
    )
    family_reunification: bool = param(
        True,
        "Permanent residents may bring their household abroad.",
        unit="yes/no",
        source="family reunification is the largest permanent channel in the OECD (OECD 2008)",
        gcm=5,
    )
    pension_portability: bool = param(
        False,
        "Pensions earned abroad keep being paid to migrants who go home to retire.",
        unit="yes/no",
        source="bilateral social security agreements (ILO 2021; GCM objective 22)",
        gcm=22,
    )
    return_bonus: float = param(
        0.0,
        "Grant paid by the destination to a migrant who returns voluntarily.",
        unit="years of the origin low-skilled wage",
        source="assisted voluntary return grants (IOM)",
        ge=0.0,
        le=10.0,
        gcm=21,
    )
    enforcement: float = param(
        0.04,
        "Yearly chance that an irregular migrant is detected and removed.",
        unit="probability per year",
        source="removals of a few percent of the irregular stock per year (Eurostat enforcement data)",
        ge=0.0,
        le=1.0,
        gcm=11,
    )
    regularisation: float = param(
        0.02,
        "Yearly chance that an irregular migrant obtains a regular permit.",
        unit="probability per year",
        source="ongoing case-by-case regularisation (Kraler 2009, REGINE study)",
        ge=0.0,
        le=1.0,
        gcm=7,
    )
    training_partnership: float = param(
        0.0,
        "Destination-funded training places at origin (Global Skill Partnership; acts per destination).",
        unit="places per year per 1,000 origin households",
        source="Clemens 2015, Global Skill Partnerships",
        ge=0.0,
        le=200.0,
        gcm=18,
    )
    diaspora_matching: float = param(
        0.0,
        "Origin government's match on remittances invested in enterprise (acts per origin).",
        unit="share of the amount invested",
        source="Mexico's Tres por Uno matching programme",
        ge=0.0,
        le=3.0,
        gcm=19,
    )
    education_subsidy: float = param(
        0.0,
        "Origin subsidy to household education spending (acts per origin; below 1: households pay a share).",
        unit="share of spending paid by the state",
        source="modelling assumption (GCM objective 18)",
        ge=0.0,
        le=0.95,
        gcm=18,
    )


def _optional_levers() -> dict[str, Any]:
    """Every lever of :class:`Policy` as an optional field with the same range and meaning."""
    fields: dict[str, Any] = {}
    for name, info in Policy.model_fields.items():
        constrained = (
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
