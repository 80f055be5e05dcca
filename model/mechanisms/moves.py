"""Booking people as they move: helpers the mechanisms share for the demographic books.

People abroad are booked by legal status (``sectors.ABROAD_BY_STATUS``), so a move that concerns
rows of the migrant table books each row's persons from or to the account of its status; every
account is that of the people's origin.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from model import sectors

if TYPE_CHECKING:
    from model.model import TripleWinModel


def book(
    model: TripleWinModel,
    item: str,
    source: str,
    target: str,
    origins: np.ndarray,
    persons: np.ndarray,
) -> None:
    """Book ``persons`` of each origin from one sector of people to another."""
    origins = np.asarray(origins, dtype=np.intp)
    model.people.move_pairs(
        item, source, origins, target, origins, np.asarray(persons, dtype=float)
    )


def book_from_abroad(
    model: TripleWinModel,
    item: str,
    target: str,
    statuses: np.ndarray,
    origins: np.ndarray,
    persons: np.ndarray,
) -> None:
    """Book people leaving the accounts abroad of their statuses for ``target``."""
    for status, sector in sectors.ABROAD_BY_STATUS.items():
        mine = statuses == status
        if mine.any():
            book(model, item, sector, target, origins[mine], persons[mine])


def book_to_abroad(
    model: TripleWinModel,
    item: str,
    source: str,
    statuses: np.ndarray,
    origins: np.ndarray,
    persons: np.ndarray,
) -> None:
    """Book people joining the accounts abroad of their statuses from ``source``."""
    for status, sector in sectors.ABROAD_BY_STATUS.items():
        mine = statuses == status
        if mine.any():
            book(model, item, source, sector, origins[mine], persons[mine])


def book_status_change(
    model: TripleWinModel,
    item: str,
    old_status: int,
    new_status: int,
    origins: np.ndarray,
    persons: np.ndarray,
) -> None:
    """Book people abroad whose legal status changed."""
    if np.size(persons):
        book(
            model,
            item,
            sectors.ABROAD_BY_STATUS[old_status],
            sectors.ABROAD_BY_STATUS[new_status],
            origins,
            persons,
        )
