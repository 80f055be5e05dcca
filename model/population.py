"""Column stores for the two populations: origin households and people who migrated.

DESIGN §8: state lives in numpy columns; an agent is a light handle on one row. Households are a
fixed set of rows. People who migrated (abroad, or returned and living at home again) occupy rows
of :class:`MigrantTable`, whose free rows are reused, so arrivals and returns never allocate per
person: capacity only grows, geometrically, when every row is taken.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

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

# Entry channels (DESIGN §4 Admission).
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
NOT_RETURNED, TARGET_MET, PERMIT_EXPIRED, REMOVED, FAILURE, BONUS, OTHER_REASON = range(7)
RETURN_REASONS = (
    "",
    "savings target met",
    "permit expired",
    "removed",
    "no work abroad",
    "return bonus",
    "other reasons",
)

LOW, HIGH = 0, 1

# A person's key for keyed random draws (model/randomness.py): the household's row times this,
# plus the order in which the person first left it. The same household's k-th emigrant has the
# same key in any scenario, so draws that concern a person stay paired between scenarios.
PERSONS_PER_HOUSEHOLD = 1024

# The spouse column: no spouse abroad, or a low-skilled or skilled spouse who joined.
SPOUSE_LOW, SPOUSE_HIGH = 1, 2

HOUSEHOLD_COLUMNS: dict[str, type] = {
    "origin": np.int16,
    "community": np.int32,
    "workers_low": np.int16,
    "workers_high": np.int16,
    "youth": np.int16,
    "ability": np.float64,
    "drought_exposed": np.bool_,
    "wealth": np.float64,
    "income": np.float64,
    "consumption": np.float64,
    "education_spending": np.float64,
    "shock_loss": np.float64,
    "enterprise_capital": np.float64,
    "remittances_received": np.float64,
    "members_abroad": np.int16,
    "emigrants": np.int16,
}

MIGRANT_COLUMNS: dict[str, type] = {
    "person_id": np.int64,
    "person_key": np.int64,
    "household": np.int32,
    "origin": np.int16,
    "destination": np.int16,
    "corridor": np.int16,
    "region": np.int16,
    "skill": np.int8,
    "status": np.int8,
    "channel": np.int8,
    "trips": np.int16,
    "departure_year": np.int16,
    "years_abroad": np.int16,
    "permit_left": np.int16,
    "residence_years": np.int16,
    "unemployed_years": np.int16,
    "employed": np.bool_,
    "occupation": np.int8,
    "recognised": np.bool_,
    "return_plan": np.bool_,
    "circular": np.bool_,
    "must_leave": np.bool_,
    "return_year": np.int16,
    "return_reason": np.int8,
    "dependants": np.int16,
    "spouse": np.int8,
    "ability": np.float64,
    "language": np.float64,
    "ties": np.float64,
    "wage": np.float64,
    "income": np.float64,
    "consumption": np.float64,
    "home_income": np.float64,
    "savings": np.float64,
    "savings_target": np.float64,
    "sent": np.float64,
    "received": np.float64,
    "remitted_total": np.float64,
}


class ColumnTable:
    """A struct of numpy arrays, one per column, all of the same length.

    Columns of one dtype are the rows of one 2-D block, so each column is a contiguous array and
    resetting a set of rows costs one operation per dtype rather than one per column.
    """

    def __init__(self, columns: dict[str, type], size: int) -> None:
        self._dtypes = columns
        self._groups: dict[np.dtype, list[str]] = {}
        for name, dtype in columns.items():
            self._groups.setdefault(np.dtype(dtype), []).append(name)
        self._blocks: dict[np.dtype, np.ndarray] = {}
        self.size = 0
        self._resize(size)

    def _resize(self, size: int) -> None:
        """Make room for ``size`` rows, keeping the existing rows; new rows are zero."""
        for dtype, names in self._groups.items():
            block = np.zeros((len(names), size), dtype=dtype)
            old = self._blocks.get(dtype)
            if old is not None:
                block[:, : self.size] = old
            self._blocks[dtype] = block
            for i, name in enumerate(names):
                setattr(self, name, block[i])
        self.size = size

    def reset(self, rows: np.ndarray) -> None:
        """Set every column of ``rows`` to zero."""
        for block in self._blocks.values():
            block[:, rows] = 0

    @property
    def column_names(self) -> list[str]:
        """Names of the columns, in declaration order."""
        return list(self._dtypes)

    def nbytes(self) -> int:
        """Memory held by the columns."""
        return sum(block.nbytes for block in self._blocks.values())


class HouseholdTable(ColumnTable):
    """Origin households: a fixed set of rows."""

    def __init__(self, size: int) -> None:
        super().__init__(HOUSEHOLD_COLUMNS, size)

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

    def __init__(self, capacity: int, on_first_use: Callable[[range], None] | None = None) -> None:
        super().__init__(MIGRANT_COLUMNS, max(capacity, 16))
        self.status[:] = FREE
        self._on_first_use = on_first_use
        self._next_person_id = 0
        self.rows_used = 0

    def abroad(self) -> np.ndarray:
        """Boolean mask of rows of people living abroad."""
        # FREE (-1) wraps to 255 as unsigned, so one comparison selects the four statuses abroad.
        return self.status.view(np.uint8) <= NATURALISED

    def persons(self, rows: np.ndarray) -> np.ndarray:
        """People a row stands for abroad: the migrant, the children and the spouse who joined."""
        return 1 + self.dependants[rows] + (self.spouse[rows] > 0)

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
