"""The two populations as column stores: origin households and people who migrated.

State lives in declared numpy columns (:mod:`model.columns`); an agent is a light handle on one
row (:mod:`model.agents`; docs/ODD.md §7.23). Households are a fixed set of rows. People who
migrated (abroad, or returned and living at home again) occupy rows of :class:`MigrantTable`,
whose free rows are reused, so arrivals and returns never allocate per person: capacity only
grows, geometrically, when every row is taken.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from model.columns import Column, ColumnTable

# Legal status of a person in the migrant table. RETURNED rows are people living at home again.
TEMPORARY, PERMANENT, IRREGULAR, NATURALISED, RETURNED, FREE = 0, 1, 2, 3, 4, -1
STATUS_NAMES = {
    TEMPORARY: "temporary",
    PERMANENT: "permanent",
    IRREGULAR: "irregular",
    NATURALISED: "naturalised",
    RETURNED: "returned",
    FREE: "free",
}

# Entry channels (docs/ODD.md §7.13).
TEMPORARY_WORK, PERMANENT_WORK, FAMILY, STUDY, HUMANITARIAN, IRREGULAR_ROUTE, PARTNERSHIP = range(7)
CHANNEL_NAMES = (
    "temporary work",
    "permanent work",
    "family",
    "study",
    "humanitarian",
    "irregular route",
    "skill partnership",
)

# Why a person last went home.
NOT_RETURNED, TARGET_MET, PERMIT_EXPIRED, REMOVED, FAILURE, BONUS, OTHER_REASON, RETIREMENT = range(
    8
)
RETURN_REASONS = (
    "",
    "savings target met",
    "permit expired",
    "removed",
    "no work abroad",
    "return bonus",
    "other reasons",
    "retirement",
)

LOW, HIGH = 0, 1

# A person's key for keyed random draws (model/randomness.py): the household's row times this,
# plus the order in which the person first left it. The same household's k-th emigrant has the
# same key in any scenario, so draws that concern a person stay paired between scenarios.
PERSONS_PER_HOUSEHOLD = 1024

# The spouse column: no spouse abroad, or a low-skilled or skilled spouse who joined.
SPOUSE_LOW, SPOUSE_HIGH = 1, 2


class HouseholdTable(ColumnTable):
    """Origin households: a fixed set of rows, one per household."""

    origin = Column(np.int16, "Index of the origin country.")
    community = Column(
        np.int32,
        "Community (village) the household belongs to; networks are counted per community.",
    )
    workers_low = Column(
        np.int16, "Low-skilled working-age members living at home (returnees excluded)."
    )
    workers_high = Column(
        np.int16, "Skilled working-age members living at home (returnees excluded)."
    )
    youth = Column(np.int16, "Children and youth in education.")
    elderly = Column(np.int16, "Retired members living at home (returnees' rows aside).")
    ability = Column(np.float64, "Persistent earning ability (log-normal, mean 1).")
    drought_exposed = Column(
        np.bool_, "Whether the household's income depends on rain-fed farming."
    )
    wealth = Column(np.float64, "Wealth (PPP $).")
    income = Column(np.float64, "Income this year before remittances (PPP $).")
    consumption = Column(np.float64, "Consumption this year (PPP $).")
    education_spending = Column(np.float64, "Education spending this year (PPP $).")
    shock_loss = Column(np.float64, "Income lost to shocks this year (PPP $).")
    enterprise_capital = Column(np.float64, "Capital of the household enterprise (PPP $).")
    remittances_received = Column(np.float64, "Remittances received this year (PPP $).")
    members_abroad = Column(np.int16, "Members living abroad (migrants and their dependants).")
    emigrants = Column(np.int16, "Members who ever left for abroad (first departures).")
    dissolved = Column(
        np.bool_, "Whether the household has lost its last resident (until a member comes home)."
    )

    def resident_adults(self) -> np.ndarray:
        """Working-age adults living in each household, returnees excluded."""
        return self.workers_low + self.workers_high


class MigrantTable(ColumnTable):
    """People who migrated, abroad or returned; free rows are reused.

    Rows are taken lowest first, so the rows ever used are always the first ``rows_used``.

    Args:
        capacity: Initial number of rows.
        on_first_use: Called with the range of rows taken for the first time (creates handles).

    Attributes:
        rows_used: Number of rows ever allocated (rows ``0 .. rows_used - 1``).
    """

    person_id = Column(np.int64, "Identifier of the person currently in this row.")
    person_key = Column(
        np.int64, "Household row x 1024 + order of first departure: keys the person's random draws."
    )
    household = Column(np.int32, "Row of the origin household.")
    origin = Column(np.int16, "Index of the origin country.")
    destination = Column(np.int16, "Index of the destination country.")
    corridor = Column(np.int16, "Index of the corridor of the latest trip.")
    region = Column(np.int16, "Index of the region of residence abroad.")
    skill = Column(np.int8, "0 low-skilled, 1 skilled.")
    status = Column(
        np.int8,
        "Legal status: temporary, permanent, irregular, naturalised, returned or free (-1).",
    )
    channel = Column(np.int8, "Channel of the latest entry (CHANNEL_NAMES).")
    trips = Column(np.int16, "Number of trips abroad so far.")
    departure_year = Column(np.int16, "Year of the latest departure.")
    years_abroad = Column(np.int16, "Years abroad on the current trip.")
    permit_left = Column(np.int16, "Years left on a temporary permit.")
    residence_years = Column(np.int16, "Years of permanent residence (towards naturalisation).")
    unemployed_years = Column(np.int16, "Consecutive years without a job abroad.")
    employed = Column(np.bool_, "Whether employed abroad.")
    occupation = Column(np.int8, "0 low-skilled job, 1 skilled job.")
    recognised = Column(np.bool_, "Whether foreign credentials are recognised.")
    return_plan = Column(np.bool_, "Whether the migrant plans to return.")
    circular = Column(np.bool_, "Whether a returnee may be admitted again (circular re-entry).")
    must_leave = Column(np.bool_, "Whether the migrant must leave this year (permit, removal).")
    return_year = Column(np.int16, "Year of the latest return (0 if never returned).")
    return_reason = Column(np.int8, "Why the person last went home (RETURN_REASONS).")
    dependants = Column(np.int16, "Household members (children) who joined the migrant abroad.")
    children_born_abroad = Column(np.int16, "Children born abroad to the migrant and spouse.")
    spouse = Column(np.int8, "Spouse abroad: 0 none, SPOUSE_LOW or SPOUSE_HIGH.")
    ability = Column(np.float64, "Persistent earning ability, the household's.")
    language = Column(np.float64, "Command of the destination language (0-1).")
    ties = Column(np.float64, "Share of social ties that are to natives (0-1).")
    wage = Column(np.float64, "Wage this year (PPP $).")
    marginal_product = Column(
        np.float64, "Value of the migrant's work at its marginal product this year (PPP $)."
    )
    income = Column(np.float64, "Net income this year (PPP $): wage less tax plus benefits.")
    consumption = Column(np.float64, "Consumption abroad this year (PPP $).")
    home_income = Column(np.float64, "What the same person would earn at home this year (PPP $).")
    savings = Column(np.float64, "Savings abroad (PPP $).")
    saved = Column(np.float64, "Savings added abroad this year, out of income (PPP $).")
    living_costs = Column(np.float64, "Living costs of the migrant and family abroad this year.")
    savings_target = Column(np.float64, "Savings at which a migrant with return plans goes home.")
    sent = Column(np.float64, "Remittances sent this year, fees included (PPP $).")
    received = Column(
        np.float64, "Remittances the household received from this migrant this year (PPP $)."
    )
    remitted_total = Column(np.float64, "Remittances sent since the first departure (PPP $).")
    retired = Column(np.bool_, "Whether the person's working life has ended (abroad or at home).")
    pension_earnings = Column(
        np.float64, "Wages earned in legal work abroad since the first departure (PPP $)."
    )
    pension = Column(np.float64, "Public pension paid by the destination this year (PPP $).")

    def __init__(self, capacity: int, on_first_use: Callable[[range], None] | None = None) -> None:
        super().__init__(max(capacity, 16))
        self.status[:] = FREE
        self._on_first_use = on_first_use
        self._next_person_id = 0
        self.rows_used = 0

    def abroad(self) -> np.ndarray:
        """Boolean mask of rows of people living abroad."""
        # FREE (-1) wraps to 255 as unsigned, so one comparison selects the four statuses abroad.
        return self.status.view(np.uint8) <= NATURALISED

    def persons(self, rows: np.ndarray) -> np.ndarray:
        """People a row stands for abroad: the migrant, the spouse and children who joined, and
        the children born abroad."""
        return 1 + self.dependants[rows] + self.children_born_abroad[rows] + (self.spouse[rows] > 0)

    def children(self, rows: np.ndarray) -> np.ndarray:
        """Children living with the migrant abroad: those who joined and those born abroad."""
        return self.dependants[rows] + self.children_born_abroad[rows]

    def alive(self) -> np.ndarray:
        """Boolean mask of rows in use (abroad or returned)."""
        return self.status != FREE

    def allocate(self, count: int) -> np.ndarray:
        """Take ``count`` free rows, growing the table if needed; returns their indices.

        The rows are reset to zeros and given fresh person ids.
        """
        free = np.flatnonzero(self.status == FREE)
        if free.size < count:
            self._grow(self.size - free.size + count)
            free = np.flatnonzero(self.status == FREE)
        rows = free[:count]
        self.reset(rows)
        self.person_id[rows] = np.arange(self._next_person_id, self._next_person_id + count)
        self._next_person_id += count
        if rows.size and rows[-1] >= self.rows_used:
            first_use = range(self.rows_used, int(rows[-1]) + 1)
            self.rows_used = first_use.stop
            if self._on_first_use is not None:
                self._on_first_use(first_use)
        return rows

    def release(self, rows: np.ndarray) -> None:
        """Free rows whose people have left the model."""
        self.status[rows] = FREE

    def _grow(self, needed: int) -> None:
        old_size = self.size
        self._resize(max(needed, int(self.size * 1.5) + 16))
        self.status[old_size:] = FREE


def residents(households: HouseholdTable, migrants: MigrantTable) -> np.ndarray:
    """People living in each household: members at home (working-age, youth, elderly) and
    returnees (working or retired)."""
    returned = migrants.status == RETURNED
    returnees = np.bincount(migrants.household[returned], minlength=households.size)
    members = households.workers_low + households.workers_high + households.youth
    return members + households.elderly + returnees
