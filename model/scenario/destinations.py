"""Scenario sections describing a destination country and its regions."""

from __future__ import annotations

from pydantic import Field

from model.scenario.origins import OP2012
from model.scenario.params import Section, param
from model.scenario.policy import PolicyOverride


class RegionConfig(Section):
    """One region of a destination country."""

    native_share: float = param(
        0.25,
        "Share of the destination's native workers living in this region.",
        unit="share",
        gt=0.0,
        le=1.0,
    )
    skilled_share: float = param(
        0.35,
        "Share of the region's native workers who are skilled.",
        unit="share",
        source="OECD Education at a Glance: tertiary attainment of 30-45%",
        gt=0.0,
        lt=1.0,
    )
    productivity: float = param(
        1.0,
        "Relative total factor productivity of the region.",
        unit="ratio to the national level",
        source="OECD Regional Statistics: regional GDP per worker varies by +-30%",
        gt=0.0,
    )


def _default_regions() -> dict[str, RegionConfig]:
    return {
        "capital": RegionConfig(native_share=0.35, skilled_share=0.45, productivity=1.15),
        "industrial": RegionConfig(native_share=0.3, skilled_share=0.33, productivity=1.0),
        "coast": RegionConfig(native_share=0.2, skilled_share=0.3, productivity=0.92),
        "interior": RegionConfig(native_share=0.15, skilled_share=0.25, productivity=0.82),
    }


class DestinationConfig(Section):
    """One destination country with its regions, labour market and public finances."""

    gdp_per_capita: float = param(
        45000.0,
        "Initial GDP per capita; total factor productivity is calibrated from it.",
        unit="PPP $ per year",
        source="World Bank WDI: high-income OECD destinations, about $45,000-60,000 (2021 PPP)",
        gt=0.0,
    )
    native_workers_per_origin_household: float = param(
        2.2,
        "Size of the native labour force relative to the number of simulated origin households.",
        unit="workers per origin household",
        source="calibrated: sets the scale of the destination against the simulated corridor",
        gt=0.0,
    )
    workers_per_resident: float = param(
        0.5,
        "Native workers per native resident (activity rate times working-age share).",
        unit="ratio",
        source="OECD labour force statistics",
        gt=0.0,
        le=1.0,
    )
    regions: dict[str, RegionConfig] = Field(
        default_factory=_default_regions, description="Regions of the destination, by name."
    )
    skill_premium: float = param(
        1.7,
        "Initial wage of a skilled native relative to a low-skilled native.",
        unit="ratio",
        source="OECD Education at a Glance: tertiary earnings premium of 50-80%",
        gt=1.0,
    )
    capital_share: float = param(
        0.33,
        "Capital's share of output (Cobb-Douglas).",
        unit="share",
        source="Gollin 2002",
        ge=0.1,
        le=0.7,
    )
    skill_substitution: float = param(
        2.0,
        "Elasticity of substitution between skilled and low-skilled labour.",
        unit="elasticity",
        source=OP2012,
        gt=0.1,
    )
    native_migrant_substitution: float = param(
        20.0,
        "Elasticity of substitution between natives and migrants of the same skill.",
        unit="elasticity",
        source=OP2012,
        gt=0.1,
    )
    tfp_growth: float = param(
        0.007,
        "Exogenous yearly growth of total factor productivity.",
        unit="share per year",
        source="Penn World Table 10: TFP growth of about 0.5-1% a year in high-income countries",
        ge=-0.05,
        le=0.1,
    )
    labour_force_trend: float = param(
        -0.003,
        "Yearly growth of the native labour force (population ageing).",
        unit="share per year",
        source="UN World Population Prospects: shrinking working-age populations in high-income countries",
        ge=-0.05,
        le=0.05,
    )
    natural_unemployment: float = param(
        0.05,
        "Natural rate of unemployment of natives.",
        unit="share",
        source="OECD NAIRU estimates",
        ge=0.0,
        le=0.5,
    )
    wage_stickiness: float = param(
        0.6,
        "Weight of last year's wage in this year's wage (1 = fully rigid).",
        unit="share",
        source="Dickens et al. 2007 (downward wage rigidity)",
        ge=0.0,
        lt=1.0,
    )
    unemployment_wage_gap: float = param(
        1.5,
        "Rise in unemployment per log point by which sticky wages exceed market-clearing wages.",
        unit="share per log point",
        source="modelling assumption (Blanchard & Katz 1997 wage curve)",
        ge=0.0,
        le=10.0,
    )
    business_cycle_sd: float = param(
        0.01,
        "Standard deviation of the yearly business-cycle shock to unemployment.",
        unit="share",
        source="OECD unemployment volatility",
        ge=0.0,
        le=0.2,
    )
    business_cycle_persistence: float = param(
        0.6,
        "Autocorrelation of the business cycle.",
        unit="coefficient",
        source="OECD",
        ge=0.0,
        lt=1.0,
    )
    income_tax: float = param(
        0.3,
        "Average tax and social-contribution rate on wages.",
        unit="share",
        source="OECD Taxing Wages",
        ge=0.0,
        le=0.9,
    )
    consumption_tax: float = param(
        0.1,
        "Consumption tax rate, paid by every resident including irregular migrants.",
        unit="share",
        source="OECD Consumption Tax Trends",
        ge=0.0,
        le=0.5,
    )
    unemployment_benefit: float = param(
        0.45,
        "Unemployment benefit for legal residents, as a share of the low-skilled wage.",
        unit="share",
        source="OECD net replacement rates",
        ge=0.0,
        le=1.5,
    )
    public_services: float = param(
        0.14,
        "Public services per resident, counted against every migrant and dependant.",
        unit="share of GDP per capita",
        source="OECD International Migration Outlook 2013 (average-cost allocation)",
        ge=0.0,
        le=1.0,
    )
    discrimination: float = param(
        0.12,
        "Hiring and pay penalty that migrants face (anti-discrimination policy lowers it).",
        unit="share",
        source="Quillian et al. 2019 (field experiments on hiring discrimination)",
        ge=0.0,
        le=0.9,
    )
    enforcement_cost: float = param(
        0.05,
        "Cost of enforcement per irregular migrant per unit of detection probability.",
        unit="share of GDP per capita",
        source="modelling assumption",
        ge=0.0,
    )
    study_quota: float = param(
        1.0,
        "Yearly study permits.",
        unit="admissions per year per 1,000 destination workers",
        source="OECD",
        ge=0.0,
        le=100.0,
    )
    humanitarian_quota: float = param(
        0.3,
        "Yearly humanitarian admissions for households hit by severe shocks.",
        unit="admissions per year per 1,000 destination workers",
        source="UNHCR resettlement and complementary pathways",
        ge=0.0,
        le=100.0,
    )
    pension_replacement: float = param(
        0.45,
        "Public pension for a full career of legal work, as a share of career-average earnings.",
        unit="share of earnings",
        source="OECD Pensions at a Glance 2023: average gross replacement rate of about 50%",
        ge=0.0,
        le=1.5,
    )
    elderly_health_cost: float = param(
        0.15,
        "Public health and long-term care spending per retired resident.",
        unit="share of GDP per capita",
        source="OECD Health Statistics: spending per person over 65 about 3 times the average",
        ge=0.0,
        le=2.0,
    )
    public_debt: float = param(
        0.8,
        "Public debt at the start; the fiscal rule steers debt back towards this ratio.",
        unit="share of GDP",
        source="IMF World Economic Outlook: general government debt of about 80% of GDP in advanced economies",
        ge=0.0,
        le=5.0,
    )
    other_public_spending: float = param(
        0.092,
        "Public spending not modelled item by item (natives' pensions, health, defence...).",
        unit="share of GDP",
        source="calibrated: the baseline keeps its debt ratio roughly stable (deficit about growth x debt)",
        ge=-1.0,
        le=1.0,
    )
    policy: PolicyOverride | None = Field(
        None, description="Levers overridden at this destination."
    )
