"""The measurement layer's parameters: how well a census, a survey and registers see the truth.

Each error is a documented, settable parameter (``--set measurement.census_undercount_irregular=0.2``);
setting every one to zero, with a full-coverage survey, makes the observed tables match the truth
and the estimators of :mod:`experiments.estimation` recover it exactly. What each error does to
each estimator is set out in docs/integration_and_measurement.md.
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
    exit_recording: float = param(
        0.8,
        "Share of departures of permit holders and naturalised citizens that registers record; an "
        "unrecorded one stays in the legal stock until the permit expires or the record lapses.",
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
    death_registration: float = param(
        1.0,
        "Completeness of the registration of migrants' deaths (exits from the population abroad).",
        unit="share",
        source="UN Principles and Recommendations for a Vital Statistics System, Rev. 3 (2014); "
        "registration is near complete in high-income countries",
        ge=0.0,
        le=1.0,
    )
