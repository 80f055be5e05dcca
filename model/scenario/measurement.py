"""The measurement layer's parameters: how well censuses, surveys, registers and lists see the truth.

Two kinds of parameter live here. *Error* parameters (``ERRORS``) say how far an instrument is
from the truth: an undercount, a non-response rate, a recall bias, a share of departures never
recorded. Each is zero when the instrument makes no such error, so :func:`without_errors`
switches every error off at once. *Settings* (``INSTRUMENT_SETTINGS``) say what the
instrument is: when a census is taken, what share of dwellings a sample draws, how many waves a panel keeps a dwelling,
how often the police and health services meet irregular migrants. With every error at zero and
every sampling fraction at one, the estimators that are exact in principle recover the truth (the
documentation of each estimator says which are). What each error does to each estimator is set
out in docs/integration_and_measurement.md.
"""

from __future__ import annotations

from model.scenario.params import Section, param


class Measurement(Section):
    """What observers see of the simulated population (model/observation)."""

    census_interval: int = param(
        10,
        "Years between destination censuses: a census and the origin household survey are taken in "
        "every simulated year divisible by it.",
        unit="years",
        source="UN Principles and Recommendations for Population and Housing Censuses, Rev. 3 "
        "(2017): a census at least every ten years",
        ge=1,
        le=100,
    )
    census_undercount_irregular: float = param(
        0.10,
        "Share of irregular migrants (with their families) the census misses.",
        unit="share",
        source="US Census Bureau, 2000 census: 10-15% of unauthorized migrants missed; the "
        "Department of Homeland Security assumes 10% (Passel & Cohn)",
        ge=0.0,
        le=1.0,
    )
    census_undercount_regular: float = param(
        0.02,
        "Share of migrants with a legal status, and of naturalised citizens, the census misses.",
        unit="share",
        source="US Census Bureau, 2000 census: 1-2% of legal foreign-born residents missed",
        ge=0.0,
        le=1.0,
    )
    census_sample_fraction: float = param(
        0.1,
        "Share of enumerated dwellings (a migrant with the family that joined, or a native "
        "household) whose answers are released as the census microdata sample (1: every "
        "dwelling).",
        unit="share",
        source="IPUMS-International: national statistical offices release census samples of "
        "typically 5-10% of households (Minnesota Population Center)",
        gt=0.0,
        le=1.0,
    )
    census_status_concealment: float = param(
        0.3,
        "Share of enumerated irregular migrants who answer the census's legal-status question "
        "with a legal status.",
        unit="share",
        source="modelling assumption; censuses rarely ask legal status because answers are "
        "unreliable (UN Principles and Recommendations for Population and Housing Censuses, "
        "Rev. 3, 2017, on citizenship and legal status questions)",
        ge=0.0,
        le=1.0,
    )
    survey_fraction: float = param(
        0.2,
        "Share of each origin's households drawn into the household survey (simple random sample "
        "without replacement; 1 interviews every household).",
        unit="share",
        source="modelling assumption: a large sample, so that sampling error does not hide the "
        "other errors in small runs",
        gt=0.0,
        le=1.0,
    )
    survey_nonresponse: float = param(
        0.05,
        "Chance that a sampled household with no member abroad does not respond.",
        unit="probability",
        source="modelling assumption: unit non-response of household surveys in low- and "
        "middle-income countries is typically below 10%",
        ge=0.0,
        lt=1.0,
    )
    survey_nonresponse_migrant: float = param(
        0.15,
        "Chance that a sampled household with a member abroad does not respond (selective "
        "non-response: such households are more often absent or split).",
        unit="probability",
        source="Bilsborrow, Hugo, Oberai & Zlotnik 1997, International Migration Statistics (ILO), "
        "on households of emigrants missed by surveys at origin",
        ge=0.0,
        lt=1.0,
    )
    survey_emptied_missed: float = param(
        1.0,
        "Share of sampled households with nobody living at home (every member abroad or dead) "
        "that the survey records as vacant dwellings; for the others a relative answers (a "
        "proxy respondent).",
        unit="share",
        source="Bilsborrow, Hugo, Oberai & Zlotnik 1997, International Migration Statistics "
        "(ILO): surveys at origin miss the households that emigrated as a whole, unless they "
        "ask relatives or neighbours about them",
        ge=0.0,
        le=1.0,
    )
    remittance_recall_bias: float = param(
        -0.1,
        "Mean relative error of the remittances a household reports receiving in the last 12 "
        "months (negative: under-reporting).",
        unit="share of the amount received",
        source="Brown, Carling, Fransen & Siegel 2014, Measuring remittances through surveys, "
        "Demographic Research 31: surveys tend to record less than is received",
        ge=-0.9,
        le=1.0,
    )
    remittance_recall_sd: float = param(
        0.3,
        "Standard deviation of the household-by-household recall error on remittances (a mean-one "
        "log-normal factor around the bias).",
        unit="log points",
        source="modelling assumption",
        ge=0.0,
        le=2.0,
    )
    lfs_fraction: float = param(
        0.2,
        "Share of destination dwellings in the labour force survey in any year (1: every "
        "dwelling).",
        unit="share",
        source="modelling assumption: the simulated destination is small, so the survey samples "
        "far more of it than a real one (about 0.5% of dwellings a quarter in the EU-LFS, "
        "Eurostat)",
        gt=0.0,
        le=1.0,
    )
    lfs_waves: int = param(
        4,
        "Consecutive years a dwelling stays in the labour force survey's rotating panel; each year "
        "one rotation group of 1/waves of the sample leaves and a new one enters.",
        unit="years",
        source="US Current Population Survey (4-8-4 rotation) and EU labour force surveys keep a "
        "dwelling for 4-6 waves (Eurostat, EU-LFS methodology)",
        ge=1,
        le=20,
    )
    lfs_nonresponse: float = param(
        0.2,
        "Chance that a sampled dwelling does not respond to the labour force survey in a year.",
        unit="probability",
        source="Eurostat, EU-LFS quality reports: unit non-response of 10-40% across countries",
        ge=0.0,
        lt=1.0,
    )
    lfs_nonresponse_recent: float = param(
        0.3,
        "Additional chance of non-response of a dwelling whose migrant arrived within the last "
        "two years (harder to find, to contact and to interview in the country's language).",
        unit="probability",
        source="Font & Méndez (eds) 2013, Surveying Ethnic Minorities and Immigrant Populations "
        "(IMISCOE, Amsterdam University Press): recent immigrants are the hardest to reach",
        ge=0.0,
        lt=1.0,
    )
    lfs_attrition: float = param(
        0.1,
        "Additional chance of non-response of a dwelling in each wave after its first.",
        unit="probability",
        source="Eurostat, EU-LFS quality reports (panel attrition between waves)",
        ge=0.0,
        lt=1.0,
    )
    lfs_undercoverage_irregular: float = param(
        0.5,
        "Share of irregular migrants' dwellings missing from the survey's sampling frame (never "
        "sampled, so weights cannot make up for them).",
        unit="share",
        source="Jandl 2011, Methods, approaches and data sources for estimating stocks of "
        "irregular migrants, International Migration 49(5): household surveys under-cover "
        "irregular migrants",
        ge=0.0,
        le=1.0,
    )
    lfs_wage_error_sd: float = param(
        0.2,
        "Standard deviation of the error on reported wages (a mean-one log-normal factor).",
        unit="log points",
        source="Bound, Brown & Mathiowetz 2001, Measurement error in survey data, Handbook of "
        "Econometrics 5: reliability of reported log earnings of about 0.8",
        ge=0.0,
        le=2.0,
    )
    lfs_status_misclassification: float = param(
        0.03,
        "Chance that a respondent in the labour force is recorded with the wrong status "
        "(employed as unemployed or the reverse).",
        unit="probability",
        source="Poterba & Summers 1986, Reporting errors and labor market dynamics, Econometrica "
        "54(6): a few percent of labour-force statuses are misreported",
        ge=0.0,
        le=0.5,
    )
    exit_unrecorded: float = param(
        0.2,
        "Share of departures of permit holders and naturalised citizens that the destination's "
        "register never records; an unrecorded one stays in the legal stock until the permit "
        "expires or the record lapses.",
        unit="share",
        source="Van Hook, Morse, Capps & Gelatt 2021, Demography 58(6): emigration of legal "
        "residents is the largest uncertainty of the residual method",
        ge=0.0,
        le=1.0,
    )
    register_lapse_years: int = param(
        5,
        "Years an unrecorded departure of a permanent resident or citizen stays in the legal "
        "stock (until a permit renewal or a register audit reveals it).",
        unit="years",
        source="EU long-term resident permits are valid for at least five years and then renewed "
        "(Directive 2003/109/EC, art. 8)",
        ge=0,
        le=100,
    )
    death_unregistered: float = param(
        0.0,
        "Share of the deaths of people of migrant origin at the destination (migrants, the "
        "family living with them, their grown children) that civil registration misses.",
        unit="share",
        source="UN Principles and Recommendations for a Vital Statistics System, Rev. 3 (2014); "
        "registration is near complete in high-income countries",
        ge=0.0,
        le=1.0,
    )
    register_immigration_unrecorded: float = param(
        0.05,
        "Share of legal entries (arrivals and family members joining) that the destination's "
        "population register does not record as immigration in the year (irregular entries are "
        "never recorded).",
        unit="share",
        source="Poulain, Perrin & Singleton (eds) 2006, THESIM: Towards Harmonised European "
        "Statistics on International Migration: late and missing registrations of immigrants",
        ge=0.0,
        le=1.0,
    )
    origin_emigration_unrecorded: float = param(
        0.6,
        "Share of emigrants the origin's statistics never record (most do not deregister before "
        "leaving).",
        unit="share",
        source="Nowok, Kupiszewska & Poulain 2006 (in THESIM): sending countries record far fewer "
        "emigrants than receiving countries record immigrants; Raymer et al. 2013, JASA 108",
        ge=0.0,
        le=1.0,
    )
    apprehension_rate: float = param(
        0.5,
        "Mean number of police apprehensions a year of an employed irregular migrant in the first "
        "year abroad (others relative to it: see docs/integration_and_measurement.md); only "
        "apprehensions that do not end in removal are on the police list.",
        unit="apprehensions per person per year",
        source="modelling assumption, chosen so that the lists hold enough people in small runs; "
        "van der Heijden, Bustami, Cruyff, Engbersen & van Houwelingen 2003, Statistical "
        "Modelling 3: most apprehended irregular migrants in the Netherlands are not expelled",
        ge=0.0,
        le=10.0,
    )
    health_service_rate: float = param(
        0.4,
        "Chance that an adult irregular migrant without a job is recorded by emergency health "
        "services in a year (others relative to it: see docs/integration_and_measurement.md).",
        unit="probability per year",
        source="modelling assumption; health-care records as a second list for capture-recapture: "
        "van der Heijden, Whittaker, Cruyff, Bakker & van der Vliet 2012, Annals of Applied "
        "Statistics 6(3)",
        ge=0.0,
        le=1.0,
    )
    apprehension_heterogeneity: float = param(
        0.5,
        "Variance of a person's unobserved proneness to apprehension (a mean-one gamma factor on "
        "the apprehension rate, not explained by the recorded covariates).",
        unit="variance",
        source="Böhning & van der Heijden 2009, Annals of Applied Statistics 3(2): unobserved "
        "heterogeneity makes the Poisson capture-recapture estimate too low",
        ge=0.0,
        le=10.0,
    )
    list_linkage_error: float = param(
        0.05,
        "Share of people on both administrative lists whose two records fail to be linked (they "
        "count as two people, one on each list).",
        unit="share",
        source="Di Consiglio & Tuoto 2015, Coverage evaluation on probabilistically linked data, "
        "Journal of Official Statistics 31(3): missed links inflate capture-recapture estimates",
        ge=0.0,
        le=1.0,
    )


# Parameters measuring how far an instrument is from the truth: zero means no such error.
ERRORS = (
    "census_undercount_irregular",
    "census_undercount_regular",
    "census_status_concealment",
    "survey_nonresponse",
    "survey_nonresponse_migrant",
    "survey_emptied_missed",
    "remittance_recall_bias",
    "remittance_recall_sd",
    "lfs_nonresponse",
    "lfs_nonresponse_recent",
    "lfs_attrition",
    "lfs_undercoverage_irregular",
    "lfs_wage_error_sd",
    "lfs_status_misclassification",
    "exit_unrecorded",
    "death_unregistered",
    "register_immigration_unrecorded",
    "origin_emigration_unrecorded",
    "apprehension_heterogeneity",
    "list_linkage_error",
)
# Parameters saying what an instrument is; sampling error vanishes with every fraction at one.
INSTRUMENT_SETTINGS = (
    "census_interval",
    "census_sample_fraction",
    "survey_fraction",
    "lfs_fraction",
    "lfs_waves",
    "register_lapse_years",
    "apprehension_rate",
    "health_service_rate",
)
SAMPLE_FRACTIONS = ("census_sample_fraction", "survey_fraction", "lfs_fraction")


def without_errors(measurement: Measurement, *, full_samples: bool = False) -> Measurement:
    """The same instruments with every error switched off (and, if asked, every sample complete)."""
    update: dict[str, float] = dict.fromkeys(ERRORS, 0.0)
    if full_samples:
        update.update(dict.fromkeys(SAMPLE_FRACTIONS, 1.0))
    return measurement.model_copy(update=update)
