"""Scenario sections of the economy-wide behavioural parameters: world, demography, households, skills."""

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
    """Births, coming of age, retirement and deaths at every age."""

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
        "Mean length of working life; it ends in retirement (at home, or abroad for settled migrants).",
        unit="years",
        source="UN WPP",
        ge=5.0,
        le=80.0,
    )
    birth_rate: float = param(
        0.032,
        "Births per working-age adult per year, at origin and to couples abroad.",
        unit="births per adult per year",
        source="UN WPP: crude birth rates of 20-25 per 1,000 in lower-middle-income countries",
        ge=0.0,
        le=0.5,
    )
    child_mortality: float = param(
        0.003,
        "Yearly chance that a child or youth dies.",
        unit="probability per year",
        source="UN WPP 2022: about 4-5% of children in lower-middle-income countries die before 15",
        ge=0.0,
        le=0.5,
    )
    adult_mortality: float = param(
        0.004,
        "Yearly chance that a working-age adult dies.",
        unit="probability per year",
        source="UN WPP 2022: probability of dying between 15 and 60 of about 15-20% in lower-middle-income countries",
        ge=0.0,
        le=0.5,
    )
    elderly_mortality: float = param(
        0.07,
        "Yearly chance that a retired person dies (its inverse is the mean length of retirement).",
        unit="probability per year",
        source="UN WPP 2022: life expectancy at 60-65 of about 15 years in lower-middle-income countries",
        gt=0.0,
        le=1.0,
    )


class PublicFinance(Section):
    """How both states finance their budgets: debt with interest, and a tax rate that responds."""

    tax_response: float = param(
        0.1,
        "Rise in the income tax rate per unit of public debt to GDP above its starting ratio.",
        unit="tax rate per debt/GDP",
        source="Bohn 1998; Ghosh et al. 2013 (fiscal reaction functions of 0.03-0.1)",
        ge=0.0,
        le=2.0,
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
    initial_wealth_dispersion: float = param(
        0.5,
        "Standard deviation of log initial wealth around initial_wealth times income (mean kept).",
        unit="log points",
        source="modelling assumption (Davies et al. 2011: wealth is more unequal than income)",
        ge=0.0,
        le=3.0,
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


class Skills(Section):
    """Education, brain drain and gain, brain waste, returnee premium (docs/ODD.md §7.8, §7.15)."""

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


class Welfare(Section):
    """How the three parties' welfare is measured and judged (docs/ODD.md §7.19)."""

    discount_rate: float = param(
        0.03,
        "Yearly rate at which future welfare is discounted in the present value over the run.",
        unit="share per year",
        source="social discount rates of 3-3.5% (HM Treasury Green Book 2022; OMB Circular A-4, 2023: 2%)",
        ge=0.0,
        le=0.2,
    )
    margin: float = param(
        25.0,
        "Change too small to matter: an interval inside plus or minus this is 'negligible'.",
        unit="PPP $ per person per year",
        source="modelling choice: about 0.1% of a native's or 0.5% of an origin resident's consumption",
        ge=0.0,
    )
