"""Household and Migrant: Mesa agents that are handles on one row of a column store.

The rules are vectorised over columns (``model/mechanisms``); an agent object holds
only its row, so ``AgentSet.get``, data collection and the visualisation read live values through
the properties below without per-agent work in the simulation's hot path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import mesa

from model.population import (
    CHANNEL_NAMES,
    RETURN_REASONS,
    STATUS_NAMES,
    HouseholdTable,
    MigrantTable,
)

if TYPE_CHECKING:
    from model.model import TripleWinModel


def _households(handle: Household) -> HouseholdTable:
    return handle.model.households


def _migrants(handle: Migrant) -> MigrantTable:
    return handle.model.migrants


class Household(mesa.Agent):
    """An origin household (docs/ODD.md §2.2).

    Its yearly behaviour (receive remittances, consume, save, educate, invest, send a member
    abroad) is carried out for all households at once by :mod:`model.mechanisms.households`
    (income, consumption, education spending, enterprises), :mod:`model.mechanisms.demography`
    (youth coming of age and acquiring skills, births) and :mod:`model.mechanisms.migration`.
    """

    model: TripleWinModel

    def __init__(self, model: TripleWinModel, row: int) -> None:
        super().__init__(model)
        self.row = row

    origin = HouseholdTable.origin.on_handle(_households)
    community = HouseholdTable.community.on_handle(_households)
    workers_low = HouseholdTable.workers_low.on_handle(_households)
    workers_high = HouseholdTable.workers_high.on_handle(_households)
    youth = HouseholdTable.youth.on_handle(_households)
    ability = HouseholdTable.ability.on_handle(_households)
    drought_exposed = HouseholdTable.drought_exposed.on_handle(_households)
    wealth = HouseholdTable.wealth.on_handle(_households)
    income = HouseholdTable.income.on_handle(_households)
    consumption = HouseholdTable.consumption.on_handle(_households)
    education_spending = HouseholdTable.education_spending.on_handle(_households)
    shock_loss = HouseholdTable.shock_loss.on_handle(_households)
    enterprise_capital = HouseholdTable.enterprise_capital.on_handle(_households)
    remittances_received = HouseholdTable.remittances_received.on_handle(_households)
    members_abroad = HouseholdTable.members_abroad.on_handle(_households)
    emigrants = HouseholdTable.emigrants.on_handle(_households)

    @property
    def origin_name(self) -> str:
        """Name of the origin country."""
        return self.model.origin_names[self.origin]

    @property
    def migrants(self) -> list[Migrant]:
        """Handles of this household's members who migrated (abroad or returned)."""
        table = self.model.migrants
        rows = (table.household == self.row) & table.alive()
        return [self.model.migrant_handles[int(r)] for r in rows.nonzero()[0]]


class Migrant(mesa.Agent):
    """A person who migrated: living abroad, or returned and a member of the household again.

    A handle is made the first time a row of :class:`model.population.MigrantTable` is taken;
    a row is reused after its person leaves the model (keeping its handle), and ``person_id``
    names the person. Behaviour is vectorised in
    :mod:`model.mechanisms` (earnings, remittances, integration, returns).
    """

    model: TripleWinModel

    def __init__(self, model: TripleWinModel, row: int) -> None:
        super().__init__(model)
        self.row = row

    person_id = MigrantTable.person_id.on_handle(_migrants)
    person_key = MigrantTable.person_key.on_handle(_migrants)
    household = MigrantTable.household.on_handle(_migrants)
    origin = MigrantTable.origin.on_handle(_migrants)
    destination = MigrantTable.destination.on_handle(_migrants)
    region = MigrantTable.region.on_handle(_migrants)
    skill = MigrantTable.skill.on_handle(_migrants)
    trips = MigrantTable.trips.on_handle(_migrants)
    departure_year = MigrantTable.departure_year.on_handle(_migrants)
    years_abroad = MigrantTable.years_abroad.on_handle(_migrants)
    permit_left = MigrantTable.permit_left.on_handle(_migrants)
    employed = MigrantTable.employed.on_handle(_migrants)
    occupation = MigrantTable.occupation.on_handle(_migrants)
    recognised = MigrantTable.recognised.on_handle(_migrants)
    language = MigrantTable.language.on_handle(_migrants)
    ties = MigrantTable.ties.on_handle(_migrants)
    wage = MigrantTable.wage.on_handle(_migrants)
    savings = MigrantTable.savings.on_handle(_migrants)
    sent = MigrantTable.sent.on_handle(_migrants)
    received = MigrantTable.received.on_handle(_migrants)
    remitted_total = MigrantTable.remitted_total.on_handle(_migrants)
    return_plan = MigrantTable.return_plan.on_handle(_migrants)
    dependants = MigrantTable.dependants.on_handle(_migrants)
    return_year = MigrantTable.return_year.on_handle(_migrants)

    @property
    def status(self) -> str:
        """Legal status: temporary, permanent, irregular, naturalised, returned (or free)."""
        return STATUS_NAMES[int(self.model.migrants.status[self.row])]

    @property
    def channel(self) -> str:
        """Channel of the latest entry."""
        return CHANNEL_NAMES[int(self.model.migrants.channel[self.row])]

    @property
    def return_reason(self) -> str:
        """Why the person last went home ('' if never)."""
        return RETURN_REASONS[int(self.model.migrants.return_reason[self.row])]

    @property
    def is_abroad(self) -> bool:
        """Whether the person currently lives abroad."""
        return bool(self.model.migrants.abroad()[self.row])
