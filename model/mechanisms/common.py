"""Small helpers shared by the mechanisms: the logistic rule and lotteries."""

from __future__ import annotations

import numpy as np


def logistic(x: np.ndarray) -> np.ndarray:
    """The logistic function, safe for large arguments."""
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def lottery(eligible: np.ndarray, priority: np.ndarray, count: int) -> np.ndarray:
    """Indices of the ``count`` eligible entries with the lowest priority draw, in ascending order.

    ``argpartition`` returns its selection in an order that depends on numpy's SIMD code (AVX2,
    AVX-512 or none); sorting it makes what follows the same on every machine.
    """
    candidates = np.flatnonzero(eligible)
    if count <= 0 or candidates.size == 0:
        return candidates[:0]
    if candidates.size <= count:
        return candidates
    chosen = np.argpartition(priority[candidates], count - 1)[:count]
    return candidates[np.sort(chosen)]
