"""Small helpers the estimator families share: selections of years and places."""

from __future__ import annotations

import pandas as pd

from experiments.estimators.base import ALL

KEYS = ["destination", "origin"]


def of_year(frame: pd.DataFrame, year: int) -> pd.DataFrame:
    """The rows of one year."""
    return frame[frame["year"] == year]


def between(frame: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    """The rows of the years after ``start`` up to ``end``."""
    return frame[(frame["year"] > start) & (frame["year"] <= end)]


def corridors(frame: pd.DataFrame) -> list[tuple[str, str]]:
    """Every corridor of a table with ``destination`` and ``origin``, then all together."""
    pairs = list(dict.fromkeys(zip(frame["destination"], frame["origin"], strict=True)))
    return [*pairs, (ALL, ALL)]


def select(
    frame: pd.DataFrame, destination: str, origin: str, origin_column: str = "origin"
) -> pd.DataFrame:
    """Rows of one corridor (``all`` keeps every destination or origin)."""
    keep = pd.Series(True, index=frame.index)
    if destination != ALL:
        keep &= frame["destination"] == destination
    if origin != ALL:
        keep &= frame[origin_column] == origin
    return frame[keep]


def total(frame: pd.DataFrame, column: str, destination: str, origin: str) -> float:
    """Sum of a column over one corridor."""
    return float(select(frame, destination, origin)[column].sum())
