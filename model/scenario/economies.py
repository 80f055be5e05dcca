"""Scenario sections describing the economies: origins, destinations with regions, corridors."""

from __future__ import annotations

from pydantic import Field

from model.scenario.params import Section, param
from model.scenario.policy import PolicyOverride

OP2012 = "Ottaviano & Peri 2012"


class OriginConfig(Section):
    """One origin country: its households, production, shocks and public finances."""

    gdp_per_capita: float = param(
        6000.0,
        "Initial GDP per capita; total factor productivity is calibrated from it.",
        unit="PPP $ per year",
        source="calibrated path: with TFP growth it reaches the lower-middle-income level of about "
        "$7,000-8,000 (World Bank WDI, 2021 PPP) in the evaluation window",
        gt=0.0,
    )
    household_share: float = param(
        1.0,
        "Relative weight of this origin when the simulated households are split among origins.",
        unit="weight",
        gt=0.0,
    )
    household_workers: float = param(
        2.6,
        "Mean number of working-age adults per household at the start.",
        unit="persons",
        source="UN DESA household size database: about 4.5 persons in lower-middle-income countries",
        ge=1.0,
        le=10.0,
    )
    household_youth: float = param(
        1.4,
        "Mean number of children and youth in education per household at the start.",
        unit="persons",
        source="UN DESA household size database",
        ge=0.0,
        le=10.0,
    )
    skilled_share: float = param(
        0.15,
        "Initial share of working-age adults with tertiary or upper-vocational skills.",
        unit="share",
        source="Barro & Lee educational attainment data, lower-middle-income countries",
        gt=0.0,
        lt=1.0,
    )
    skill_premium: float = param(
        2.2,
        "Initial wage of a skilled worker relative to a low-skilled one; sets the CES skill weight.",
        unit="ratio",
        source="Montenegro & Patrinos 2014: returns to tertiary education of 15-20% a year",
        gt=1.0,
    )
    capital_share: float = param(
        0.35,
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
        source=OP2012 + "; Katz & Murphy 1992",
        gt=0.1,
    )
    tfp_growth: float = param(
        0.005,
        "Exogenous yearly growth of total factor productivity.",
        unit="share per year",
        source="Penn World Table 10: TFP growth of about 0.5% a year in lower-middle-income countries",
        ge=-0.05,
        le=0.1,
    )
    human_capital_externality: float = param(
        0.3,
        "Elasticity of TFP to the skilled share of residents (brain drain lowers TFP).",
        unit="elasticity",
        source="Moretti 2004; Docquier & Rapoport 2012",
        ge=0.0,
        le=2.0,
    )
    returnee_knowledge: float = param(
        0.4,
        "Semi-elasticity of TFP to the share of returnees among resident adults (knowledge brought home).",
        unit="log points per unit share",
        source="Wahba 2015 (returnees' skills and entrepreneurship)",
        ge=0.0,
        le=5.0,
    )
    diaspora_links: float = param(
        0.1,
        "Semi-elasticity of TFP to the share of the origin-born living abroad, relative to the start (diaspora links).",
        unit="log points per unit share",
        source="Kerr 2008; Docquier & Rapoport 2012 (diaspora knowledge and trade networks)",
        ge=0.0,
        le=5.0,
    )
    unemployment_rate: float = param(
        0.08,
        "Share of working time lost to unemployment and underemployment at origin.",
        unit="share",
        source="ILO modelled estimates, lower-middle-income countries",
        ge=0.0,
        le=0.6,
    )
    productivity_dispersion: float = param(
        0.55,
        "Standard deviation of log household earning ability (persistent).",
        unit="log points",
        source="calibrated to a consumption Gini of 0.35-0.40 (World Bank PIP)",
        ge=0.0,
        le=2.0,
    )
    income_shock_sd: float = param(
        0.2,
        "Standard deviation of the yearly idiosyncratic log income shock.",
        unit="log points",
        source="Morduch 1995; Townsend 1994 (village income risk)",
        ge=0.0,
        le=1.5,
    )
    drought_probability: float = param(
        0.1,
        "Yearly chance of a covariate drought year.",
        unit="probability per year",
        source="Yang & Choi 2007 (rainfall shocks in the Philippines)",
        ge=0.0,
        le=1.0,
    )
    drought_loss: float = param(
        0.3,
        "Share of labour income an exposed household loses in a drought year.",
        unit="share",
        source="Dercon 2002",
        ge=0.0,
        le=1.0,
    )
    drought_exposure: float = param(
        0.55,
        "Share of households whose income depends on rain-fed agriculture.",
        unit="share",
        source="World Bank WDI: employment in agriculture, lower-middle-income countries",
        ge=0.0,
        le=1.0,
    )
    income_tax: float = param(
        0.12,
        "Tax rate on labour income at origin.",
        unit="share",
        source="IMF GFS: tax revenue of about 12-15% of GDP",
        ge=0.0,
        le=0.9,
    )
    public_services: float = param(
        0.1,
        "Public services per resident at origin.",
        unit="share of GDP per capita",
        source="IMF GFS",
        ge=0.0,
        le=1.0,
    )
    poverty_line: float = param(
        1533.0,
        "Poverty line for consumption per person.",
        unit="PPP $ per person per year",
        source="World Bank $4.20 a day lower-middle-income line (2021 PPP, June 2025 update): 4.20 x 365",
        gt=0.0,
    )
    survey_consumption_ratio: float = param(
        0.7,
        "Household-survey mean consumption over the national-accounts consumption per person.",
        unit="ratio",
        source="Deaton 2005 (Rev. Econ. Stat.): survey means of about 0.6-0.8 of national accounts",
        gt=0.0,
        le=1.5,
    )
    skilled_emigration_bond: float = param(
        0.0,
        "Bond a skilled emigrant must pay or post before leaving (bonding at origin).",
        unit="years of the origin skilled wage",
        source="bonding schemes for publicly trained health workers (WHO Global Code, 2010)",
        ge=0.0,
        le=20.0,
    )
    community_size: int = param(
        40,
        "Households per community; migrant networks are counted per community.",
        unit="households",
        source="Munshi 2003 (village networks)",
        ge=1,
        le=100000,
    )
    public_debt: float = param(
        0.55,
        "Public debt at the start; the fiscal rule steers debt back towards this ratio.",
        unit="share of GDP",
        source="IMF World Economic Outlook: government debt of about 55% of GDP in lower-middle-income countries",
        ge=0.0,
        le=5.0,
    )
    other_public_spending: float = param(
        -0.053,
        "Public spending not modelled item by item (negative: revenue not modelled, e.g. VAT).",
        unit="share of GDP",
        source="calibrated: the baseline keeps its debt ratio roughly stable (deficit about growth x debt)",
        ge=-1.0,
        le=1.0,
    )
    policy: PolicyOverride | None = Field(None, description="Levers overridden at this origin.")


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
