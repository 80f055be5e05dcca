"""Scenario sections of moving: deciding to migrate, admission and returns (docs/ODD.md §7.10-§7.14)."""

from __future__ import annotations

from model.scenario.params import Section, param


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
    prior_employment: float = param(
        0.7,
        "Employment rate of migrants households expect in a destination where none of them lives yet.",
        unit="share",
        source="modelling assumption (OECD foreign-born employment rates of about 65-70%)",
        ge=0.0,
        le=1.0,
    )
    prior_skilled_jobs: float = param(
        0.5,
        "Share of skilled migrants expected in skilled jobs where no skilled migrant works yet.",
        unit="share",
        source="modelling assumption (OECD over-qualification of the foreign-born: 30-40%)",
        ge=0.0,
        le=1.0,
    )
    employment_cap: float = param(
        0.97,
        "Highest employment rate a household expects abroad, however large its network.",
        unit="share",
        source="modelling assumption (frictional unemployment remains)",
        ge=0.0,
        le=1.0,
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
        unit="years of the origin low-skilled wage per efficiency unit (a low-skilled worker of ability 1)",
        source="Dustmann 1997 (target savers)",
        gt=0.0,
    )
    target_dispersion: float = param(
        0.5,
        "Standard deviation of log savings targets across migrants (median kept at target_savings).",
        unit="log points",
        source="modelling assumption (Dustmann 1997: targets differ across migrants)",
        ge=0.0,
        le=3.0,
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
    retire_home: float = param(
        0.3,
        "Chance that a settled legal resident (no return plan) goes home at retirement rather than retiring abroad.",
        unit="probability",
        source="Klinthäll 2006 (return at retirement from Sweden); Dustmann & Görlach 2016",
        ge=0.0,
        le=1.0,
    )
