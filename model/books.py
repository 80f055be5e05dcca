"""Books: flows between named accounts, year by year, and the stocks they must explain.

Two sets of books are kept (docs/ODD.md §7.25): a social accounting matrix of money, in which every
payment goes from one named account (a sector of one country) to another, and a demographic
account of people, in which every birth, death, departure, return, change of status and coming of
age moves people from one account to another. An account's stock is measured from the model's
state at the start and at the end of each year, independently of the flows; the books close when,
for every account and year, inflows minus outflows equal the change of the stock. Every flow has a
source and a target, so the matrix of a year always sums to zero: nothing is created.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class Account:
    """One account: a sector of one country (``country`` is ``""`` for a sector of the world).

    Attributes:
        sector: The sector (``origin_households``, ``migrants``, ...).
        country: The country's name, or ``""``.
    """

    sector: str
    country: str

    @property
    def name(self) -> str:
        """``sector:country``, or the sector alone for a sector of the world."""
        return f"{self.sector}:{self.country}" if self.country else self.sector


class Books:
    """Flows between accounts and the accounts' stocks, for every year of a run.

    Args:
        accounts: The accounts, in a fixed order (their index is their position).
        horizon: Years the books have room for.
        derived: Sectors whose stock is not measured but is what their flows leave them
            (births and deaths, the rest of the world): their residual is zero by definition.

    Attributes:
        accounts: The accounts.
        stocks: Each account's stock at the start of each year and at the end of the last,
            ``(horizon + 1, accounts)``; row ``t`` is the stock at the end of year ``t``.
        year: The year being booked (0 before the first).
    """

    def __init__(
        self, accounts: Sequence[Account], horizon: int, derived: Sequence[str] = ()
    ) -> None:
        self.accounts = list(accounts)
        self._derived = np.array([a.sector in derived for a in self.accounts], dtype=bool)
        self._index = {(a.sector, a.country): i for i, a in enumerate(self.accounts)}
        self._by_sector: dict[str, list[int]] = defaultdict(list)
        for i, account in enumerate(self.accounts):
            self._by_sector[account.sector].append(i)
        size = len(self.accounts)
        self.horizon = horizon
        self.stocks = np.full((horizon + 1, size), np.nan)
        self._matrix = np.zeros((horizon + 1, size, size))
        self._items: list[dict[tuple[str, int, int], float]] = [
            defaultdict(float) for _ in range(horizon + 1)
        ]
        self.year = 0

    def index(self, sector: str, country: str = "") -> int:
        """The position of an account."""
        return self._index[(sector, country)]

    def sector_indices(self, sector: str) -> np.ndarray:
        """Positions of a sector's accounts, one per country in the sector's order."""
        return np.asarray(self._by_sector[sector], dtype=np.intp)

    def move(self, item: str, source: int, target: int, amount: float) -> None:
        """Book ``amount`` of ``item`` from account ``source`` to account ``target`` this year."""
        if amount == 0.0 or self.year > self.horizon:
            return
        self._matrix[self.year, source, target] += amount
        self._items[self.year][(item, source, target)] += float(amount)

    def move_each(
        self, item: str, source_sector: str, target_sector: str, amounts: np.ndarray
    ) -> None:
        """Book one amount per country between two sectors indexed by the same countries."""
        sources = self._by_sector[source_sector]
        targets = self._by_sector[target_sector]
        for source, target, amount in zip(sources, targets, np.atleast_1d(amounts), strict=True):
            self.move(item, source, target, float(amount))

    def move_pairs(
        self,
        item: str,
        source_sector: str,
        sources: np.ndarray,
        target_sector: str,
        targets: np.ndarray,
        amounts: np.ndarray,
    ) -> None:
        """Book amounts between the accounts of two sectors, country by country of each.

        Args:
            item: What the flow is.
            source_sector: The paying (or sending) sector.
            sources: The country index of each amount's source.
            target_sector: The receiving sector.
            targets: The country index of each amount's target.
            amounts: The amounts, summed over equal (source, target) pairs.
        """
        if np.size(amounts) == 0:
            return
        source_accounts = np.asarray(self._by_sector[source_sector])[sources]
        target_accounts = np.asarray(self._by_sector[target_sector])[targets]
        size = len(self.accounts)
        totals = np.bincount(source_accounts * size + target_accounts, amounts, size * size)
        for pair in np.flatnonzero(totals):
            self.move(item, int(pair // size), int(pair % size), float(totals[pair]))

    def open(self, stocks: np.ndarray) -> None:
        """The measured stocks at the start, before the first year (derived ones start at 0)."""
        self.stocks[0] = np.where(self._derived, 0.0, stocks)

    def close_year(self, year: int, stocks: np.ndarray) -> None:
        """The measured stocks at the end of ``year``; derived ones move by their net flows."""
        if year <= self.horizon:
            flows = self._matrix[year]
            derived = self.stocks[year - 1] + flows.sum(axis=0) - flows.sum(axis=1)
            self.stocks[year] = np.where(self._derived, derived, stocks)
        self.year = year + 1

    def start_year(self, year: int) -> None:
        """Book what follows in ``year``."""
        self.year = year

    def inflows(self) -> np.ndarray:
        """Each account's inflows in each year, ``(years, accounts)`` (year 1 first)."""
        return self._matrix[1:].sum(axis=1)

    def outflows(self) -> np.ndarray:
        """Each account's outflows in each year, ``(years, accounts)``."""
        return self._matrix[1:].sum(axis=2)

    def stock_changes(self) -> np.ndarray:
        """Each account's change of stock in each year, ``(years, accounts)``."""
        return np.diff(self.stocks, axis=0)

    def residuals(self) -> np.ndarray:
        """Inflows minus outflows minus the change of stock, ``(years, accounts)``."""
        return self.inflows() - self.outflows() - self.stock_changes()

    def relative_residuals(self) -> np.ndarray:
        """Residuals over the size of what the account moved or held that year (0 if nothing)."""
        scale = np.maximum.reduce(
            [
                self.inflows(),
                self.outflows(),
                np.abs(self.stocks[1:]),
                np.abs(self.stocks[:-1]),
            ]
        )
        residuals = self.residuals()
        with np.errstate(invalid="ignore", divide="ignore"):
            relative = np.where(scale > 0, np.abs(residuals) / scale, np.abs(residuals))
        return np.nan_to_num(relative, nan=np.inf)

    def items(self, year: int) -> dict[tuple[str, int, int], float]:
        """The flows of ``year`` by (item, source account, target account)."""
        return self._items[year]

    def item_total(self, year: int, item: str) -> float:
        """Everything booked under ``item`` in ``year``, over all pairs of accounts."""
        return sum(amount for (name, _, _), amount in self._items[year].items() if name == item)

    def matrix(self, year: int) -> np.ndarray:
        """Flows of ``year`` from account (row) to account (column)."""
        return self._matrix[year]

    def table(self, years: int | None = None) -> pd.DataFrame:
        """Every flow of every year: ``year``, ``item``, ``source``, ``target``, ``amount``."""
        last = self.horizon if years is None else years
        rows = [
            (year, item, self.accounts[source].name, self.accounts[target].name, amount)
            for year in range(1, last + 1)
            for (item, source, target), amount in sorted(self._items[year].items())
        ]
        return pd.DataFrame(rows, columns=["year", "item", "source", "target", "amount"])

    def stock_table(self, years: int | None = None) -> pd.DataFrame:
        """Each account's inflows, outflows, stocks and residual per year."""
        last = self.horizon if years is None else years
        inflows, outflows = self.inflows()[:last], self.outflows()[:last]
        residuals = self.residuals()[:last]
        rows = []
        for t in range(last):
            for i, account in enumerate(self.accounts):
                rows.append(
                    {
                        "year": t + 1,
                        "account": account.name,
                        "sector": account.sector,
                        "country": account.country,
                        "stock_start": self.stocks[t, i],
                        "inflows": inflows[t, i],
                        "outflows": outflows[t, i],
                        "stock_end": self.stocks[t + 1, i],
                        "residual": residuals[t, i],
                    }
                )
        return pd.DataFrame(rows)

    def sector_totals(self, years: int | None = None) -> dict[str, dict[str, float]]:
        """Inflows, outflows and stock change over the run, summed per sector."""
        last = self.horizon if years is None else years
        inflows = self.inflows()[:last].sum(axis=0)
        outflows = self.outflows()[:last].sum(axis=0)
        change = self.stocks[last] - self.stocks[0]
        totals: dict[str, dict[str, float]] = {}
        for sector, members in self._by_sector.items():
            totals[sector] = {
                "inflows": float(inflows[members].sum()),
                "outflows": float(outflows[members].sum()),
                "stock_change": float(change[members].sum()),
            }
        return totals
