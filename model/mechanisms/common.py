"""Small helpers shared by the mechanisms: parameter arrays, the logistic rule, lotteries."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from model.model import TripleWinModel


def origin_values(model: TripleWinModel, name: str) -> np.ndarray:
    """One origin parameter as an array over origins (cached: parameters do not change in a run)."""
    return _cached(
        model, ("origin", name), lambda: [getattr(c, name) for c in model.params.origins.values()]
    )


def destination_values(model: TripleWinModel, name: str) -> np.ndarray:
    """One destination parameter as an array over destinations (cached)."""
    return _cached(
        model,
        ("destination", name),
        lambda: [getattr(c, name) for c in model.params.destinations.values()],
    )


def destination_levers(model: TripleWinModel, name: str) -> np.ndarray:
    """One destination-scope lever, resolved with destination overrides, over destinations."""
    return _cached(
        model, ("lever", name), lambda: [getattr(d.policy, name) for d in model.destinations]
    )


def origin_levers(model: TripleWinModel, name: str) -> np.ndarray:
    """One origin-scope lever, resolved with origin overrides, over origins."""
    return _cached(
        model, ("origin-lever", name), lambda: [getattr(o.policy, name) for o in model.origins]
    )


def _cached(model: TripleWinModel, key: tuple[str, str], values) -> np.ndarray:
    cache = model.__dict__.setdefault("_parameter_arrays", {})
    if key not in cache:
        cache[key] = np.asarray(values(), dtype=float)
    return cache[key]


def origin_wages(model: TripleWinModel) -> np.ndarray:
    """Wages per efficiency unit at every origin, shape ``(origins, 2)`` (set when markets clear)."""
    return model.origin_wage_table


def among(values: np.ndarray, wanted: list[int], count: int) -> np.ndarray:
    """Mask of ``values`` in ``wanted`` (indices of countries out of ``count``), without isin when trivial."""
    if len(wanted) == count:
        return np.ones(values.shape, dtype=bool)
    if len(wanted) == 1:
        return values == wanted[0]
    return np.isin(values, wanted)


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
