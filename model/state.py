"""The model's yearly state outside the population tables and the economies, declared.

Each step of the year (docs/ODD.md §3) produces some of these and later steps or the indicators
read them. They are declared here, with their shapes and units, so that a reader can follow every
quantity from the rule that writes it to the rules that read it; the model holds one instance of
each (:class:`model.model.TripleWinModel`) and renews the yearly ones at the start of every year.
Arrays are indexed by origin (``o``), destination (``d``), corridor (``c``), region (``r``) or
household row (``h``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from model.population import CHANNEL_NAMES


@dataclass
class Shocks:
    """Step 1: this year's shocks.

    Attributes:
        drought: Whether each origin has a drought year, ``(o,)``.
        cycle: Standardised business-cycle innovation of each destination, ``(d,)``.
        income_multiplier: Each household's income multiplier from its idiosyncratic shock and
            the drought, ``(h,)`` (1 is no shock).
    """

    drought: np.ndarray
    cycle: np.ndarray
    income_multiplier: np.ndarray

    @classmethod
    def calm(cls, origins: int, destinations: int, households: int) -> Shocks:
        """No shock anywhere (before the first year)."""
        return cls(
            drought=np.zeros(origins, dtype=bool),
            cycle=np.zeros(destinations),
            income_multiplier=np.ones(households),
        )


@dataclass
class Markets:
    """Step 2: what the labour markets settled this year.

    Attributes:
        origin_wages: Wage per efficiency unit at every origin, low-skilled and skilled, ``(o, 2)``.
        labour_income: Each household's labour income before tax, returnees' included, ``(h,)``.
        migrant_labour: Employed migrant labour (efficiency units) of each destination by region
            and occupation: one ``(regions, 2)`` array per destination.
        region_network: Migrants abroad per origin, destination and region, ``(o, d, r)``.
        migrant_wage_bill: Wages paid to migrants in each destination this year, ``(d,)``.
    """

    origin_wages: np.ndarray
    labour_income: np.ndarray
    migrant_labour: list[np.ndarray]
    region_network: np.ndarray
    migrant_wage_bill: np.ndarray


@dataclass
class Prospects:
    """Step 8a (and the start): what origin households can observe of life abroad.

    Attributes:
        employment_abroad: Employment rate of migrants in each destination, ``(d,)``.
        arrival_wage: Expected wage of a newcomer of each skill in each destination, ``(d, 2)``.
        community_network: Migrants abroad from each community in each destination,
            ``(communities, d)``.
        expected_abroad_wage: Best newcomer wage abroad by skill for each origin, ``(o, 2)``.
        emigration_prospect: Share of the origin-born workers abroad by skill, ``(o, 2)``.
    """

    employment_abroad: np.ndarray
    arrival_wage: np.ndarray
    community_network: np.ndarray
    expected_abroad_wage: np.ndarray
    emigration_prospect: np.ndarray


@dataclass
class MigrantFiscalFlows:
    """Step 3: what the migrants abroad pay and cost each destination this year (PPP $, ``(d,)``).

    Attributes:
        income_tax: Income tax paid by legal migrants.
        consumption_tax: Consumption tax paid by all migrants.
        benefits: Unemployment benefits drawn by legal migrants.
        services: Public services used by migrants and the family with them.
        integration: Integration programmes.
        pensions: Pensions paid to migrants retired abroad.
        health: Old-age health care of migrants (and spouses) retired abroad.
        gdp_per_capita: Each destination's GDP per resident when the flows were recorded (prices
            public services, and enforcement at step 6).
    """

    income_tax: np.ndarray
    consumption_tax: np.ndarray
    benefits: np.ndarray
    services: np.ndarray
    integration: np.ndarray
    pensions: np.ndarray
    health: np.ndarray
    gdp_per_capita: np.ndarray

    @classmethod
    def zeros(cls, destinations: int) -> MigrantFiscalFlows:
        """No flows (before step 3)."""
        return cls(*(np.zeros(destinations) for _ in range(8)))


@dataclass
class YearFlows:
    """This year's money flows outside the population tables (PPP $).

    Attributes:
        remittances_by_corridor: Remittances sent (row 0) and received (row 1) per corridor,
            ``(2, c)`` (step 3).
        migrant_fiscal: Migrants' taxes and costs by destination (step 3).
        remittances_consumed: Consumption that remittances added at origin, all origins (step 4).
        transfers_paid: State transfers to households per origin, ``(o,)`` (step 4).
        education_subsidy_cost: Education subsidies paid per origin, ``(o,)`` (step 4).
        informal_support: Consumption of destitute households beyond their means per origin,
            ``(o,)`` (step 4).
        social_assistance: The part of it the origin state pays, ``(o,)`` (step 4).
        diaspora_matching_cost: The origin state's match on remittances invested, ``(o,)``.
        training_cost: Cost of each destination's training partnership, ``(d,)`` (step 5).
        enforcement_spending: Each destination's enforcement spending, ``(d,)`` (step 6).
        return_bonus_paid: Return grants paid by each destination, ``(d,)`` (step 7).
        emigration_bonds: Bonds collected from skilled emigrants per origin, ``(o,)`` (step 8).
        origin_income_tax: Income tax the origin state collects from households, ``(o,)``
            (step 4).
        pensions_exported: Pensions each destination pays to retired returnees at home, ``(d,)``
            (step 4, where the corridor's pensions are portable).
        estates_to_state: Estates of dissolved households that no heir could take, ``(o,)``.
        discrimination_rent: What migrants were paid below their marginal product in each
            destination, ``(d,)`` (step 2): it accrues to the firms' owners.
        welfare: The year's welfare items of the three parties, by channel.
    """

    remittances_by_corridor: np.ndarray
    migrant_fiscal: MigrantFiscalFlows
    remittances_consumed: float
    transfers_paid: np.ndarray
    education_subsidy_cost: np.ndarray
    informal_support: np.ndarray
    social_assistance: np.ndarray
    diaspora_matching_cost: np.ndarray
    training_cost: np.ndarray
    enforcement_spending: np.ndarray
    return_bonus_paid: np.ndarray
    emigration_bonds: np.ndarray
    origin_income_tax: np.ndarray
    pensions_exported: np.ndarray
    estates_to_state: np.ndarray
    discrimination_rent: np.ndarray
    welfare: WelfareItems

    @classmethod
    def zeros(cls, origins: int, destinations: int, corridors: int) -> YearFlows:
        """No flows yet this year."""
        return cls(
            remittances_by_corridor=np.zeros((2, corridors)),
            migrant_fiscal=MigrantFiscalFlows.zeros(destinations),
            remittances_consumed=0.0,
            transfers_paid=np.zeros(origins),
            education_subsidy_cost=np.zeros(origins),
            informal_support=np.zeros(origins),
            social_assistance=np.zeros(origins),
            diaspora_matching_cost=np.zeros(origins),
            training_cost=np.zeros(destinations),
            enforcement_spending=np.zeros(destinations),
            return_bonus_paid=np.zeros(destinations),
            emigration_bonds=np.zeros(origins),
            origin_income_tax=np.zeros(origins),
            pensions_exported=np.zeros(destinations),
            estates_to_state=np.zeros(origins),
            discrimination_rent=np.zeros(destinations),
            welfare=WelfareItems.none(),
        )


@dataclass
class YearCounts:
    """This year's movements of people.

    Attributes:
        arrivals_by_channel: Arrivals abroad per entry channel (persons; family members who
            joined count under the family channel), ``(channels,)`` (steps 6 and 8).
        arrivals_by_corridor: The same per corridor, ``(c,)``.
        returns_by_corridor: Migrant rows that went home per corridor, ``(c,)`` (step 7).
        births_abroad: Children born abroad per corridor of their parents, ``(c,)`` (step 8b).
        deaths_abroad: People who died abroad (migrants, spouses, children) per corridor.
        grown_up: Children who grew up abroad and left their parents' family per corridor.
        survivors_home: Spouses and children who went home when the migrant died abroad.
        migration_attempts: Households that decided to send a member (step 8a).
        irregular_failures: Attempts on the irregular route that failed on the way (step 8b).
        reunified: Migrants whose family joined them (step 6).
    """

    arrivals_by_channel: np.ndarray
    arrivals_by_corridor: np.ndarray
    returns_by_corridor: np.ndarray
    births_abroad: np.ndarray
    deaths_abroad: np.ndarray
    grown_up: np.ndarray
    survivors_home: np.ndarray
    migration_attempts: int = 0
    irregular_failures: int = 0
    reunified: int = 0

    @classmethod
    def zeros(cls, corridors: int) -> YearCounts:
        """Nobody moved yet this year."""
        return cls(
            arrivals_by_channel=np.zeros(len(CHANNEL_NAMES), dtype=np.int64),
            arrivals_by_corridor=np.zeros(corridors, dtype=np.int64),
            returns_by_corridor=np.zeros(corridors, dtype=np.int64),
            births_abroad=np.zeros(corridors, dtype=np.int64),
            deaths_abroad=np.zeros(corridors, dtype=np.int64),
            grown_up=np.zeros(corridors, dtype=np.int64),
            survivors_home=np.zeros(corridors, dtype=np.int64),
        )


@dataclass
class Partnerships:
    """Step 5: skill-partnership graduates on the 'away' track, who leave at step 8.

    Attributes:
        trainees: Households of this year's away-track graduates, one array per destination.
    """

    trainees: list[np.ndarray]

    @classmethod
    def none(cls, destinations: int) -> Partnerships:
        """No graduates this year."""
        return cls([np.zeros(0, dtype=np.int64) for _ in range(destinations)])


# Birthplaces of migrants' grown children abroad: they came as children (born at origin), or
# were born abroad.
CAME_AS_CHILD, BORN_ABROAD = 0, 1


@dataclass
class SecondGeneration:
    """Migrants' children who grew up abroad and live at the destination as adults.

    Counts per cell ``(birthplace, origin, destination, region, skill)``: ``birthplace`` is
    ``CAME_AS_CHILD`` (born at origin, joined a parent abroad) or ``BORN_ABROAD``; ``origin`` is
    the parents' origin; regions are padded to the most any destination has.

    Attributes:
        adults: Working-age adults.
        employed: Those of them employed this year.
        retirees: Those whose working life has ended.
    """

    adults: np.ndarray
    employed: np.ndarray
    retirees: np.ndarray

    @classmethod
    def none(cls, origins: int, destinations: int, regions: int) -> SecondGeneration:
        """Nobody yet."""
        shape = (2, origins, destinations, regions, 2)
        return cls(
            adults=np.zeros(shape, dtype=np.int64),
            employed=np.zeros(shape, dtype=np.int64),
            retirees=np.zeros(shape, dtype=np.int64),
        )

    def people(self) -> np.ndarray:
        """Adults and retirees per cell."""
        return self.adults + self.retirees


@dataclass
class PublicFinances:
    """The states of one kind of country (origins or destinations), one entry per country.

    Attributes:
        debt: Public debt (PPP $).
        debt_target: The debt-to-GDP ratio the fiscal rule steers towards (the starting one).
        tax_rate: This year's income tax rate (the base rate moved by the fiscal rule).
        gdp: Last year's GDP, the scale of the rule and of spending set as a share of GDP.
    """

    debt: np.ndarray
    debt_target: np.ndarray
    tax_rate: np.ndarray
    gdp: np.ndarray


@dataclass
class WelfareItems:
    """This year's welfare items of the three parties (PPP $), channel by channel.

    Set where they happen (rows abroad at step 3, natives and the second generation at step 9)
    and read by the welfare observer (:mod:`model.welfare`).

    Attributes:
        migrants: The movers' own share of their budget abroad, by channel.
        migrants_by_status: The movers' consumption abroad (net of living costs), by legal status
            (temporary, permanent, irregular, naturalised).
        migrant_years_by_status: Movers abroad by legal status (person-years this year).
        migrants_worse_off: Movers abroad whose net income, less the extra costs of living
            abroad, is below what they would earn at home after tax.
        families_abroad: The family's share of the budgets abroad, by channel (origin party).
        family_years: Family members living abroad with a migrant (person-years this year).
        second_generation: Migrants' grown children at the destination, by channel.
        natives: The natives' households, by channel.
        natives_by_skill: The natives' consumption, low-skilled and skilled workers' shares.
        native_workers_by_skill: Native workers, low-skilled and skilled.
    """

    migrants: dict[str, float]
    migrants_by_status: np.ndarray
    migrant_years_by_status: np.ndarray
    migrants_worse_off: float
    families_abroad: dict[str, float]
    family_years: float
    second_generation: dict[str, float]
    natives: dict[str, float]
    natives_by_skill: np.ndarray
    native_workers_by_skill: np.ndarray

    @classmethod
    def none(cls) -> WelfareItems:
        """Nothing yet this year."""
        return cls(
            migrants={},
            migrants_by_status=np.zeros(4),
            migrant_years_by_status=np.zeros(4),
            migrants_worse_off=0.0,
            families_abroad={},
            family_years=0.0,
            second_generation={},
            natives={},
            natives_by_skill=np.zeros(2),
            native_workers_by_skill=np.zeros(2),
        )
