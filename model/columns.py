"""Column stores: a population's state as declared numpy columns, one row per agent.

A table class declares each of its columns as a class attribute, ``wealth = Column(np.float64,
"Wealth (PPP $).")``, so that a reader, a type checker and the documentation see every column, its
type and its meaning in one place. Columns of one dtype are the rows of one 2-D block: each column
is a contiguous array, and resetting a set of rows costs one operation per dtype rather than one
per column (docs/ODD.md §7.23).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, overload

import numpy as np


class Column:
    """One declared column of a :class:`ColumnTable`: its dtype and its meaning.

    Reading ``table.wealth`` gives the live column (a view into the table's block); assigning to
    it writes into that view, so ``table.youth += births`` and ``table.wealth[rows] = 0`` both
    change the table in place and no name is ever rebound.

    Args:
        dtype: The column's numpy type.
        doc: What the column holds, with its unit.
    """

    def __init__(self, dtype: type[np.generic], doc: str) -> None:
        self.dtype = np.dtype(dtype)
        self.doc = doc
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, table: None, owner: type | None = None) -> Column: ...

    @overload
    def __get__(self, table: ColumnTable, owner: type | None = None) -> np.ndarray: ...

    def __get__(self, table: ColumnTable | None, owner: type | None = None) -> Column | np.ndarray:
        if table is None:
            return self
        return table.views[self.name]

    def __set__(self, table: ColumnTable, values: Any) -> None:
        view = table.views[self.name]
        if values is not view:
            view[...] = values

    def on_handle(self, table: Callable[[Any], ColumnTable]) -> Any:
        """A property of an agent handle that reads and writes this column at the handle's row.

        Args:
            table: Finds the table from the handle (e.g. ``lambda h: h.model.households``).
        """
        column = self

        def get(handle: Any) -> Any:
            return column.__get__(table(handle))[handle.row].item()

        def put(handle: Any, value: Any) -> None:
            column.__get__(table(handle))[handle.row] = value

        return property(get, put, doc=self.doc)


class ColumnTable:
    """A struct of numpy arrays, one per declared :class:`Column`, all of the same length.

    Args:
        size: Number of rows to start with (all zero).

    Attributes:
        size: Number of rows.
        views: Each column's current array by name (what :class:`Column` reads).
    """

    def __init__(self, size: int) -> None:
        self._groups: dict[np.dtype, list[str]] = {}
        for column in self.columns():
            self._groups.setdefault(column.dtype, []).append(column.name)
        self._blocks: dict[np.dtype, np.ndarray] = {}
        self.views: dict[str, np.ndarray] = {}
        self.size = 0
        self._resize(size)

    @classmethod
    def columns(cls) -> Iterator[Column]:
        """The declared columns, in declaration order."""
        seen: set[str] = set()
        for klass in reversed(cls.__mro__):
            for name, value in vars(klass).items():
                if isinstance(value, Column) and name not in seen:
                    seen.add(name)
                    yield value

    @classmethod
    def column_names(cls) -> list[str]:
        """Names of the declared columns, in declaration order."""
        return [column.name for column in cls.columns()]

    def _resize(self, size: int) -> None:
        """Make room for ``size`` rows, keeping the existing rows; new rows are zero."""
        for dtype, names in self._groups.items():
            block = np.zeros((len(names), size), dtype=dtype)
            old = self._blocks.get(dtype)
            if old is not None:
                block[:, : self.size] = old
            self._blocks[dtype] = block
            for i, name in enumerate(names):
                self.views[name] = block[i]
        self.size = size

    def reset(self, rows: np.ndarray) -> None:
        """Set every column of ``rows`` to zero."""
        for block in self._blocks.values():
            block[:, rows] = 0

    def nbytes(self) -> int:
        """Memory held by the columns."""
        return sum(block.nbytes for block in self._blocks.values())
