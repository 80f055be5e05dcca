"""Scenario sections holding the behavioural parameters of each mechanism (DESIGN §4)."""

from __future__ import annotations

from model.scenario.params import Section, param


class World(Section):
    """Parameters shared by every economy."""

    world_interest_rate: float = param(
        0.04,
        "World real interest rate; capital adjusts towards it (open-economy assumption).",
        unit="share per year",
        source="Card 1990; Peri 2014 (capital adjustment makes wage effects short-run)",
        ge=0.0,
        le=0.3,
    )
    depreciation: float = param(
        0.05,
        "Yearly depreciation of capital.",
        unit="share per year",
        source="Penn World Table",
        ge=0.0,
        le=0.5,
    )
    capital_adjustment: float = param(
        0.3,
        "Share of the gap to the desired capital stock closed each year.",
        unit="share per year",
        source="Ottaviano & Peri 2012 (capital adjusts within about 5 years)",
        gt=0.0,
        le=1.0,
    )


class Demography(Section):
    """Births, coming of age and the end of working life."""

    youth_years: float = param(
        15.0,
        "Mean years a child spends before joining the working-age population.",
        unit="years",
        source="UN WPP",
        ge=1.0,
        le=40.0,
    )
    working_years: float = param(
        40.0,
        "Mean length of working life; its end removes a person from the model.",
        unit="years",
        source="UN WPP",
        ge=5.0,
        le=80.0,
    )
    birth_rate: float = param(
        0.032,
        "Births per working-age adult at origin per year.",
        unit="births per adult per year",
        source="UN WPP: crude birth rates of 20-25 per 1,000 in lower-middle-income countries",
        ge=0.0,
        le=0.5,
    )


class Households(Section):
    """Consumption, saving, education and enterprise of origin households."""

    consumption_propensity: float = param(
        0.72,
        "Marginal propensity to consume out of income above subsistence, remittances included.",
        unit="share",
        source="IFAD, Sending Money Home 2017: about 75% of remittances consumed",
        ge=0.0,
        le=1.0,
    )
    subsistence: float = param(
        0.8,
        "Consumption households protect before saving, as a share of the poverty line per person.",
        unit="share of the poverty line",
        source="modelling assumption (Deaton 1991 buffer-stock saving)",
        ge=0.0,
        le=3.0,
    )
    destitution_floor: float = param(
        0.3,
        "Consumption kept up by informal support when income and wealth run out.",
        unit="share of the poverty line per person",
        source="modelling assumption (informal risk sharing: Townsend 1994)",
        ge=0.0,
        le=1.0,
    )
    wealth_drawdown: float = param(
        0.15,
        "Share of wealth consumed each year.",
        unit="share per year",
        source="Deaton 1991 (buffer-stock saving)",
        ge=0.0,
        le=1.0,
    )
    initial_wealth: float = param(
        0.6,
        "Initial wealth relative to yearly household income.",
        unit="years of income",
        source="Davies et al. 2011",
        ge=0.0,
        le=20.0,
    )
    education_share: float = param(
        0.06,
        "Share of income a household spends on education per child in school.",
        unit="share of income per child",
        source="UNESCO household education expenditure surveys",
        ge=0.0,
        le=0.5,
    )
    enterprise_cost: float = param(
        1.5,
        "Capital needed to start a household enterprise.",
        unit="years of the origin low-skilled wage",
        source="McKenzie & Woodruff 2006 (microenterprise start-up capital)",
        gt=0.0,
    )
    enterprise_return: float = param(
        0.25,
        "Yearly return on enterprise capital.",
        unit="share per year",
        source="de Mel, McKenzie & Woodruff 2008: returns of 20-33% a year",
        ge=0.0,
        le=2.0,
    )
    enterprise_propensity: float = param(
        0.04,
        "Yearly chance that a household able to afford it starts an enterprise.",
        unit="probability per year",
        source="calibrated",
        ge=0.0,
        le=1.0,
    )
    transfer: float = param(
        0.02,
        "Cash transfer per person paid by the origin state.",
        unit="share of origin GDP per capita",
        source="World Bank ASPIRE: social assistance spending of 1-2% of GDP",
        ge=0.0,
        le=1.0,
    )


class Migration(Section):
    """The household's decision to send a member abroad (Sjaastad; Harris-Todaro; Stark)."""

    horizon_years: float = param(
        8.0,
        "Planning horizon of the migration decision.",
        unit="years",
        source="Sjaastad 1962",
        ge=1.0,
        le=60.0,
    )
    discount_rate: float = param(
        0.08,
        "Rate at which future gains are discounted.",
        unit="share per year",
        source="Sjaastad 1962",
        ge=0.0,
        le=1.0,
    )
    propensity: float = param(
        0.06,
        "Yearly chance that a household facing a large gain tries to send a member.",
        unit="probability per year",
        source="calibrated to a 5-15% emigration rate (UN DESA)",
        ge=0.0,
        le=1.0,
    )
    gain_threshold: float = param(
        3.0,
        "Net discounted log gain at which half of the willing households act.",
        unit="discounted log points",
        source="calibrated",
    )
    gain_scale: float = param(
        1.5,
        "Spread of the logistic decision rule.",
        unit="discounted log points",
        source="calibrated",
        gt=0.0,
    )
    risk_aversion: float = param(
        1.0,
        "Weight on the chance of unemployment and removal abroad (income risk).",
        unit="log points per unit risk",
        source="Harris & Todaro 1970; Stark & Bloom 1985",
        ge=0.0,
    )
    insurance_motive: float = param(
        0.5,
        "Extra propensity to send a migrant after a household lost income to a shock.",
        unit="relative increase per unit share of income lost",
        source="Stark & Bloom 1985; Yang & Choi 2007",
        ge=0.0,
    )
    network_cost_elasticity: float = param(
        0.25,
        "Fall in migration cost per log point of community members abroad.",
        unit="elasticity",
        source="Massey 1990; McKenzie & Rapoport 2010",
        ge=0.0,
        le=2.0,
    )
    network_job_effect: float = param(
        0.15,
        "Rise in the job-finding rate per log point of community members in the destination.",
        unit="elasticity",
        source="Munshi 2003",
        ge=0.0,
        le=2.0,
    )
    network_credit: float = param(
        0.05,
        "Credit a migrant abroad can extend to a household of the community.",
        unit="years of the origin low-skilled wage per contact",
        source="Massey 1990; Clemens 2014 (liquidity constraints)",
        ge=0.0,
    )
    irregular_propensity: float = param(
        0.35,
        "Share of refused legal applicants who try the irregular route when it pays.",
        unit="share",
        source="calibrated",
        ge=0.0,
        le=1.0,
    )
    humanitarian_loss: float = param(
        0.3,
        "Share of income lost to a shock that qualifies an applicant for humanitarian admission.",
        unit="share of income",
        source="modelling assumption",
        ge=0.0,
        le=1.0,
    )
    settlement_wage_weight: float = param(
        2.0,
        "Weight of the regional wage in where migrants settle.",
        unit="per log point",
        source="Borjas 2001",
        ge=0.0,
    )
    settlement_network_weight: float = param(
        0.8,
        "Weight of compatriots already in a region in where migrants settle.",
        unit="per log point",
        source="Bartel 1989; Jaeger 2007",
        ge=0.0,
    )
    settlement_unemployment_weight: float = param(
        5.0,
        "Weight of regional unemployment in where migrants settle.",
        unit="per unit share",
        source="Jaeger 2007",
        ge=0.0,
    )


class Remittances(Section):
    """How much migrants send (Lucas & Stark 1985; Yang 2008; Dustmann & Mestres 2010)."""

    altruism: float = param(
        0.7,
        "Share of income above needs sent out of altruism when the household consumes the median.",
        unit="share",
        source="calibrated to remittances of 5-10% of GDP (World Bank/KNOMAD 2024)",
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
        0.6,
        "Elasticity of the amount received to the share that survives the fee, (1 - fee).",
        unit="elasticity",
        source="Aycinena, Martinez & Yang 2010; Ambler, Aycinena & Yang 2015 (fee experiments)",
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


class Skills(Section):
    """Education, brain drain and gain, brain waste, returnee premium (DESIGN §4 Skills)."""

    education_intercept: float = param(
        -3.0,
        "Intercept of the logistic rule for a youth becoming skilled.",
        unit="log odds",
        source="calibrated",
    )
    premium_response: float = param(
        2.0,
        "Response of the chance of becoming skilled to the expected log skill premium, migration prospects included.",
        unit="log odds per log point",
        source="Beine, Docquier & Rapoport 2008 (brain gain)",
        ge=0.0,
    )
    spending_response: float = param(
        0.6,
        "Response of the chance of becoming skilled to log education spending per child.",
        unit="log odds per log point",
        source="Glewwe & Muralidharan 2016",
        ge=0.0,
    )
    spending_reference: float = param(
        0.1,
        "Education spending per child at which the spending effect is neutral.",
        unit="share of origin GDP per capita",
        source="UNESCO",
        gt=0.0,
    )
    returnee_premium: float = param(
        0.2,
        "Wage premium of a returnee over a stayer of the same skill.",
        unit="share",
        source="Wahba 2015; Co, Gang & Yun 2000",
        ge=0.0,
        le=3.0,
    )
    returnee_enterprise: float = param(
        0.12,
        "Yearly chance that a returnee with enough savings starts an enterprise.",
        unit="probability per year",
        source="Wahba & Zenou 2012; McCormick & Wahba 2001",
        ge=0.0,
        le=1.0,
    )
    language_for_skilled_job: float = param(
        0.5,
        "Language proficiency a skilled migrant needs for a skilled job.",
        unit="proficiency (0-1)",
        source="Chiswick & Miller 2009",
        ge=0.0,
        le=1.0,
    )
    training_cost: float = param(
        1.0,
        "Cost of one training place at origin, paid by the destination.",
        unit="years of the origin skilled wage",
        source="Clemens 2015",
        ge=0.0,
    )
    training_away_share: float = param(
        0.5,
        "Share of partnership trainees on the 'away' track, with a temporary permit offered.",
        unit="share",
        source="Clemens 2015 (two-track Global Skill Partnership)",
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


class Returns(Section):
    """Why and when migrants go home (Dustmann & Görlach 2016)."""

    base_return: float = param(
        0.02,
        "Yearly chance of return for other reasons.",
        unit="probability per year",
        source="Dustmann & Görlach 2016",
        ge=0.0,
        le=1.0,
    )
    target_savings: float = param(
        4.0,
        "Median savings target of a migrant who plans to return.",
        unit="years of the origin low-skilled wage times household workers",
        source="Dustmann 1997 (target savers)",
        gt=0.0,
    )
    target_return: float = param(
        0.25,
        "Yearly chance of return once the savings target is met.",
        unit="probability per year",
        source="Yang 2006",
        ge=0.0,
        le=1.0,
    )
    failure_return: float = param(
        0.15,
        "Yearly chance of return after a year or more without work.",
        unit="probability per year",
        source="Bijwaard, Schluter & Wahba 2014",
        ge=0.0,
        le=1.0,
    )
    settled_return: float = param(
        0.01,
        "Yearly chance of return of a migrant without return plans.",
        unit="probability per year",
        source="Dustmann & Görlach 2016",
        ge=0.0,
        le=1.0,
    )
    plan_drop: float = param(
        0.1,
        "Yearly chance that a permanent resident drops the plan to return.",
        unit="probability per year",
        source="Dustmann & Görlach 2016",
        ge=0.0,
        le=1.0,
    )
    bonus_response: float = param(
        0.06,
        "Rise in the yearly return chance per year of wages offered as a return bonus.",
        unit="probability per year of wages",
        source="Dustmann & Görlach 2016 (return programmes)",
        ge=0.0,
        le=1.0,
    )
    family_factor: float = param(
        0.5,
        "Return chance of a migrant whose family has joined them, relative to one whose has not.",
        unit="ratio",
        source="Dustmann & Görlach 2016",
        ge=0.0,
        le=1.0,
    )
    reentry: float = param(
        0.35,
        "Yearly chance that a returnee eligible for circular re-entry goes again.",
        unit="probability per year",
        source="Constant & Zimmermann 2011 (repeat migration)",
        ge=0.0,
        le=1.0,
    )
