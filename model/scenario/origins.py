"""Scenario section describing an origin country: households, production, shocks, public finances."""

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
