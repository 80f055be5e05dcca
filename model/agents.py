"""Household and Migrant: Mesa agents that are handles on one row of a column store.

DESIGN §8: the rules are vectorised over columns (``model/mechanisms``); an agent object holds
only its row, so ``AgentSet.get``, data collection and the visualisation read live values through
the properties below without per-agent work in the simulation's hot path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import mesa

from model.population import CHANNEL_NAMES, RETURN_REASONS, STATUS_NAMES

if TYPE_CHECKING:
    from model.model import TripleWinModel


class _Column:
    """A read-write property reading one column of the owner's table at the handle's row."""

    def __init__(self, table: str, doc: str) -> None:
        self.table = table
        self.__doc__ = doc

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, handle: Any, owner: type | None = None) -> Any:
        if handle is None:
            return self
        return getattr(getattr(handle.model, self.table), self.name)[handle.row].item()

    def __set__(self, handle: Any, value: Any) -> None:
        getattr(getattr(handle.model, self.table), self.name)[handle.row] = value


def _household(doc: str) -> Any:
    return _Column("households", doc)


def _migrant(doc: str) -> Any:
    return _Column("migrants", doc)


class Household(mesa.Agent):
    """An origin household (DESIGN §2).

    Its yearly behaviour (receive remittances, consume, save, educate, invest, send a member
    abroad) is carried out for all households at once by :mod:`model.mechanisms.households`
    (income, consumption, education spending, enterprises), :mod:`model.mechanisms.demography`
    (youth coming of age and acquiring skills, births) and :mod:`model.mechanisms.migration`.
    """

    model: TripleWinModel

    def __init__(self, model: TripleWinModel, row: int) -> None:
        super().__init__(model)
        self.row = row

    origin = _household("Index of the origin country.")
    community = _household(
        "Community (village) the household belongs to; networks are counted per community."
    )
    workers_low = _household("Low-skilled working-age members living at home (returnees excluded).")
    workers_high = _household("Skilled working-age members living at home (returnees excluded).")
    youth = _household("Children and youth in education.")
    ability = _household("Persistent earning ability (log-normal, mean 1).")
    drought_exposed = _household("Whether the household's income depends on rain-fed farming.")
    wealth = _household("Wealth (PPP $).")
    income = _household("Income this year before remittances (PPP $).")
    consumption = _household("Consumption this year (PPP $).")
    education_spending = _household("Education spending this year (PPP $).")
    shock_loss = _household("Income lost to shocks this year (PPP $).")
    enterprise_capital = _household("Capital of the household enterprise (PPP $).")
    remittances_received = _household("Remittances received this year (PPP $).")
    members_abroad = _household("Members living abroad (migrants and their dependants).")
    emigrants = _household("Members who ever left for abroad (first departures).")

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

    person_id = _migrant("Identifier of the person currently in this row.")
    person_key = _migrant(
        "Household row x 1024 + order of first departure: keys the person's random draws."
    )
    household = _migrant("Row of the origin household.")
    origin = _migrant("Index of the origin country.")
    destination = _migrant("Index of the destination country.")
    region = _migrant("Index of the region of residence abroad.")
    skill = _migrant("0 low-skilled, 1 skilled.")
    trips = _migrant("Number of trips abroad so far.")
    departure_year = _migrant("Year of the latest departure.")
    years_abroad = _migrant("Years abroad on the current trip.")
    permit_left = _migrant("Years left on a temporary permit.")
    employed = _migrant("Whether employed abroad.")
    occupation = _migrant("0 low-skilled job, 1 skilled job.")
    recognised = _migrant("Whether foreign credentials are recognised.")
    language = _migrant("Command of the destination language (0-1).")
    ties = _migrant("Share of social ties that are to natives (0-1).")
    wage = _migrant("Wage this year (PPP $).")
    savings = _migrant("Savings abroad (PPP $).")
    sent = _migrant("Remittances sent this year, fees included (PPP $).")
    received = _migrant("Remittances the household received from this migrant this year (PPP $).")
    remitted_total = _migrant("Remittances sent since the first departure (PPP $).")
    return_plan = _migrant("Whether the migrant plans to return.")
    dependants = _migrant("Household members who joined the migrant abroad.")
    return_year = _migrant("Year of the latest return (0 if never returned).")

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
