"""Scenario sections of life abroad: remittances and integration (docs/ODD.md §7.6, §7.9)."""

from __future__ import annotations

from model.scenario.params import Section, param


class Remittances(Section):
    """How much migrants send (Lucas & Stark 1985; Yang 2008; Dustmann & Mestres 2010)."""

    altruism: float = param(
        0.95,
        "Share of income above needs sent out of altruism when the household consumes the median.",
        unit="share",
        source="calibrated to remittances of 5-10% of GDP (World Bank/KNOMAD 2024; model/calibration.yaml)",
        ge=0.0,
        le=1.0,
    )
    need_elasticity: float = param(
        0.5,
        "Elasticity of altruistic remittances to need (median consumption over the household's).",
        unit="elasticity",
        source="Lucas & Stark 1985",
        ge=0.0,
        le=3.0,
    )
    need_bound: float = param(
        10.0,
        "Bound on need (origin median consumption per resident over the household's): kept in [1/bound, bound].",
        unit="ratio",
        source="modelling assumption (keeps the altruism motive finite for households with almost no consumption)",
        ge=1.0,
    )
    insurance: float = param(
        0.5,
        "Share of a household's shock loss that its migrants make good (insurance motive).",
        unit="share",
        source="Yang & Choi 2007: remittances replace about 60% of income losses",
        ge=0.0,
        le=2.0,
    )
    investment: float = param(
        0.15,
        "Share of income above needs sent to invest at home by migrants who plan to return.",
        unit="share",
        source="Dustmann & Mestres 2010; Yang 2008",
        ge=0.0,
        le=1.0,
    )
    fee_elasticity: float = param(
        1.5,
        "Elasticity of the amount received to the share that survives the fee, (1 - fee); "
        "above 1, migrants send more in all when fees fall.",
        unit="elasticity",
        source="Aycinena, Martinez & Yang 2010; Ambler, Aycinena & Yang 2014 (amounts sent rise "
        "when fees fall: elasticity of the amount received to 1 - fee above 1); "
        "Gibson, McKenzie & Rohorua 2006; Kpodar & Imam 2022",
        ge=0.0,
        le=5.0,
    )
    rise_years: float = param(
        2.0,
        "Years abroad over which remittances rise to their peak.",
        unit="years",
        source="Dustmann & Mestres 2010",
        ge=0.1,
        le=20.0,
    )
    decay_rate: float = param(
        0.04,
        "Yearly decay of remittances after the peak.",
        unit="share per year",
        source="Dustmann & Mestres 2010",
        ge=0.0,
        le=1.0,
    )
    reunification_factor: float = param(
        0.4,
        "Remittances of a migrant whose family has joined them, relative to one whose has not.",
        unit="ratio",
        source="Dustmann & Mestres 2010",
        ge=0.0,
        le=1.0,
    )
    settled_factor: float = param(
        0.7,
        "Remittances of a migrant who dropped return plans, relative to one who keeps them.",
        unit="ratio",
        source="Dustmann & Mestres 2010",
        ge=0.0,
        le=1.0,
    )
    living_cost: float = param(
        0.28,
        "Consumption a migrant protects before remitting or saving, per person in the migrant household.",
        unit="share of destination GDP per capita",
        source="modelling assumption",
        ge=0.0,
        le=2.0,
    )
    dependant_weight: float = param(
        0.5,
        "Needs of each dependant abroad relative to the migrant's own (equivalence scale).",
        unit="ratio",
        source="OECD-modified equivalence scale",
        ge=0.0,
        le=1.0,
    )
    saving_rate: float = param(
        0.2,
        "Share of income above needs a migrant with return plans saves.",
        unit="share",
        source="Dustmann 1997; Yang 2006",
        ge=0.0,
        le=1.0,
    )
    settled_saving_factor: float = param(
        0.5,
        "Saving rate of a migrant without return plans, relative to saving_rate.",
        unit="ratio",
        source="Dustmann 1997 (return plans raise saving); size a modelling assumption",
        ge=0.0,
        le=1.0,
    )
    savings_drawdown: float = param(
        0.5,
        "Share of savings a migrant may draw on in a year to remit more than the income surplus.",
        unit="share per year",
        source="modelling assumption (remittances smoothed out of savings: Yang 2008)",
        ge=0.0,
        le=1.0,
    )


class Integration(Section):
    """Language, recognition, ties, jobs and status over time abroad."""

    language_speed: float = param(
        0.12,
        "Share of the remaining language gap closed each year without programmes.",
        unit="share per year",
        source="Chiswick & Miller 2001; Isphording 2015",
        ge=0.0,
        le=1.0,
    )
    programme_effect: float = param(
        8.0,
        "Proportional speed-up of language learning and tie formation per unit of integration spending.",
        unit="per share of GDP per capita",
        source="Lochmann, Rapoport & Speciale 2019 (French language training)",
        ge=0.0,
    )
    ties_speed: float = param(
        0.08,
        "Share of the gap to the attainable share of native ties closed each year.",
        unit="share per year",
        source="Martinovic et al. 2009",
        ge=0.0,
        le=1.0,
    )
    job_finding: float = param(
        0.6,
        "Yearly job-finding chance of an unemployed migrant with full language and no penalty.",
        unit="probability per year",
        source="OECD",
        ge=0.0,
        le=1.0,
    )
    language_job_effect: float = param(
        0.6,
        "Share of job finding that rests on language: with none, a migrant finds jobs at (1 - this) of the full rate.",
        unit="share",
        source="Dustmann & Fabbri 2003 (language and employment)",
        ge=0.0,
        le=1.0,
    )
    ties_job_effect: float = param(
        0.3,
        "Proportional rise in job finding per unit share of social ties to natives.",
        unit="relative increase per unit share",
        source="Kalter & Kogan 2014; Lancee 2012 (bridging ties and employment)",
        ge=0.0,
        le=5.0,
    )
    status_job_effect: float = param(
        0.1,
        "Proportional rise in job finding of permanent residents and naturalised citizens (secure status).",
        unit="relative increase",
        source="Kogan 2011; OECD 2018, Settling In (employment by legal status)",
        ge=0.0,
        le=5.0,
    )
    job_separation: float = param(
        0.08,
        "Yearly chance an employed migrant loses the job.",
        unit="probability per year",
        source="OECD",
        ge=0.0,
        le=1.0,
    )
    irregular_separation: float = param(
        0.2,
        "Yearly chance an employed irregular migrant loses the job.",
        unit="probability per year",
        source="modelling assumption",
        ge=0.0,
        le=1.0,
    )
    language_productivity: float = param(
        0.35,
        "Wage penalty of a migrant with no command of the language, relative to full command.",
        unit="share",
        source="Dustmann & Fabbri 2003",
        ge=0.0,
        le=1.0,
    )
    irregular_wage_penalty: float = param(
        0.2,
        "Wage penalty of irregular status (informal work).",
        unit="share",
        source="Kossoudji & Cobb-Clark 2002",
        ge=0.0,
        le=1.0,
    )
    renewal: float = param(
        0.7,
        "Chance that an employed temporary migrant's permit is renewed at expiry.",
        unit="probability",
        source="OECD 2008",
        ge=0.0,
        le=1.0,
    )
    conversion: float = param(
        0.25,
        "Chance that an employed temporary migrant obtains permanent residence at expiry.",
        unit="probability",
        source="OECD 2008",
        ge=0.0,
        le=1.0,
    )
    overstay: float = param(
        0.25,
        "Chance that a temporary migrant who must leave stays on irregularly, at zero enforcement.",
        unit="probability",
        source="Warren & Kerwin 2017",
        ge=0.0,
        le=1.0,
    )
    naturalisation_years: int = param(
        5,
        "Years of permanent residence before naturalisation is possible.",
        unit="years",
        source="MIPEX 2020",
        ge=0,
        le=40,
    )
    naturalisation: float = param(
        0.15,
        "Yearly chance that an eligible permanent resident naturalises.",
        unit="probability per year",
        source="OECD 2011, Naturalisation",
        ge=0.0,
        le=1.0,
    )
    reunification: float = param(
        0.15,
        "Yearly chance that a permanent resident with family at home brings them.",
        unit="probability per year",
        source="OECD 2017",
        ge=0.0,
        le=1.0,
    )
    reunification_income: float = param(
        2.0,
        "Net income a permanent resident needs to bring the family, in multiples of one person's living cost.",
        unit="multiples of remittances.living_cost",
        source="family reunification income requirements (EU Directive 2003/86/EC; OECD 2017)",
        ge=0.0,
        le=20.0,
    )
    initial_language: float = param(
        0.1,
        "Command of the destination language on arrival.",
        unit="proficiency (0-1)",
        source="Chiswick & Miller 2001",
        ge=0.0,
        le=1.0,
    )
    study_years: int = param(
        3, "Length of a study permit.", unit="years", source="OECD", ge=1, le=10
    )
    second_generation_skilled_low_parent: float = param(
        0.2,
        "Chance that a child of a low-skilled migrant who grows up abroad becomes skilled.",
        unit="probability",
        source="OECD/EU 2023, Indicators of Immigrant Integration, ch. 7 (offspring of immigrants); Algan et al. 2010",
        ge=0.0,
        le=1.0,
    )
    second_generation_skilled_high_parent: float = param(
        0.45,
        "Chance that a child of a skilled migrant who grows up abroad becomes skilled.",
        unit="probability",
        source="OECD/EU 2023, Indicators of Immigrant Integration, ch. 7; Dustmann, Frattini & Lanzara 2012",
        ge=0.0,
        le=1.0,
    )
    second_generation_employment_penalty: float = param(
        0.08,
        "Shortfall of the employment rate of migrants' grown children from natives' in their region.",
        unit="share of the natives' rate",
        source="Heath, Rothon & Kilpi 2008 (ethnic penalties of the second generation); OECD/EU 2023, ch. 7",
        ge=0.0,
        le=1.0,
    )
