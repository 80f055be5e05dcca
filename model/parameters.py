"""Country parameters as arrays over countries, for the vectorised rules.

A rule applied to every household or migrant at once reads a parameter of each one's country by
indexing an array over countries (``origin.unemployment_rate[households.origin]``). The arrays
are built once, when the model is built, from the scenario: parameters do not change during a
run. Levers that act per origin or per destination (docs/ODD.md §7.20) are resolved here with the
country's own overrides; levers that act per corridor are in :class:`model.world.Corridors`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from model.scenario.policy import Policy, resolve_policy
from model.scenario.schema import Scenario


def _array(values: Iterable[float]) -> np.ndarray:
    return np.asarray(list(values), dtype=float)


@dataclass(frozen=True)
class OriginParameters:
    """Parameters of every origin, one entry per origin (in the scenario's order).

    Attributes:
        policies: Each origin's levers, the global ones with the origin's overrides.
        unemployment_rate: Share of the labour force without work.
        income_tax: Tax on labour income.
        poverty_line: Poverty line (PPP $ per person per year).
        survey_consumption_ratio: What a household survey measures of consumption, as a share.
        drought_probability: Chance of a drought year.
        drought_loss: Share of labour income lost by exposed households in a drought year.
        income_shock_sd: Log-sd of households' idiosyncratic income shocks.
        skilled_emigration_bond: Bond a skilled emigrant pays, in years of the skilled wage.
        diaspora_matching: Lever: the state's match on remittances invested in enterprise.
        education_subsidy: Lever: the share of education spending the state pays.
    """

    policies: list[Policy]
    unemployment_rate: np.ndarray
    income_tax: np.ndarray
    poverty_line: np.ndarray
    survey_consumption_ratio: np.ndarray
    drought_probability: np.ndarray
    drought_loss: np.ndarray
    income_shock_sd: np.ndarray
    skilled_emigration_bond: np.ndarray
    diaspora_matching: np.ndarray
    education_subsidy: np.ndarray

    @classmethod
    def of(cls, scenario: Scenario) -> OriginParameters:
        """The arrays of the scenario's origins."""
        configs = list(scenario.origins.values())
        policies = [resolve_policy(scenario.policy, c.policy) for c in configs]
        return cls(
            policies=policies,
            unemployment_rate=_array(c.unemployment_rate for c in configs),
            income_tax=_array(c.income_tax for c in configs),
            poverty_line=_array(c.poverty_line for c in configs),
            survey_consumption_ratio=_array(c.survey_consumption_ratio for c in configs),
            drought_probability=_array(c.drought_probability for c in configs),
            drought_loss=_array(c.drought_loss for c in configs),
            income_shock_sd=_array(c.income_shock_sd for c in configs),
            skilled_emigration_bond=_array(c.skilled_emigration_bond for c in configs),
            diaspora_matching=_array(p.diaspora_matching for p in policies),
            education_subsidy=_array(p.education_subsidy for p in policies),
        )


@dataclass(frozen=True)
class DestinationParameters:
    """Parameters of every destination, one entry per destination (in the scenario's order).

    Attributes:
        policies: Each destination's levers, the global ones with its overrides.
        income_tax: Tax on labour income (legal migrants and natives).
        consumption_tax: Tax on consumption.
        unemployment_benefit: Benefit of the legal unemployed, in low-skilled native wages.
        public_services: Public services per resident, share of GDP per capita.
        discrimination: Shortfall of migrants' job finding and pay at equal productivity.
        enforcement_cost: Cost of enforcement per irregular migrant and unit of enforcement,
            share of GDP per capita.
        natural_unemployment: Natural rate of unemployment.
        pension_replacement: Pension for a full career, share of career-average earnings.
        elderly_health_cost: Public old-age health care per retired resident, share of GDP
            per capita.
        study_quota: Study permits per year per 1,000 native workers.
        humanitarian_quota: Humanitarian admissions per year per 1,000 native workers.
        temporary_quota: Lever: temporary work permits per year per 1,000 native workers.
        permanent_quota: Lever: permanent work admissions per year per 1,000 native workers.
        skill_selectivity: Lever: share of permanent admissions reserved to the skilled.
        training_partnership: Lever: training places per year per 1,000 partner households.
    """

    policies: list[Policy]
    income_tax: np.ndarray
    consumption_tax: np.ndarray
    unemployment_benefit: np.ndarray
    public_services: np.ndarray
    discrimination: np.ndarray
    enforcement_cost: np.ndarray
    natural_unemployment: np.ndarray
    pension_replacement: np.ndarray
    elderly_health_cost: np.ndarray
    study_quota: np.ndarray
    humanitarian_quota: np.ndarray
    temporary_quota: np.ndarray
    permanent_quota: np.ndarray
    skill_selectivity: np.ndarray
    training_partnership: np.ndarray

    @classmethod
    def of(cls, scenario: Scenario) -> DestinationParameters:
        """The arrays of the scenario's destinations."""
        configs = list(scenario.destinations.values())
        policies = [resolve_policy(scenario.policy, c.policy) for c in configs]
        return cls(
            policies=policies,
            income_tax=_array(c.income_tax for c in configs),
            consumption_tax=_array(c.consumption_tax for c in configs),
            unemployment_benefit=_array(c.unemployment_benefit for c in configs),
            public_services=_array(c.public_services for c in configs),
            discrimination=_array(c.discrimination for c in configs),
            enforcement_cost=_array(c.enforcement_cost for c in configs),
            natural_unemployment=_array(c.natural_unemployment for c in configs),
            pension_replacement=_array(c.pension_replacement for c in configs),
            elderly_health_cost=_array(c.elderly_health_cost for c in configs),
            study_quota=_array(c.study_quota for c in configs),
            humanitarian_quota=_array(c.humanitarian_quota for c in configs),
            temporary_quota=_array(p.temporary_quota for p in policies),
            permanent_quota=_array(p.permanent_quota for p in policies),
            skill_selectivity=_array(p.skill_selectivity for p in policies),
            training_partnership=_array(p.training_partnership for p in policies),
        )
