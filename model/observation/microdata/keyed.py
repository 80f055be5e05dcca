"""Keyed random numbers for observers: one number per person and purpose, the same in any run.

The observers' :class:`~model.randomness.KeyedRandom` derives from the run's seed with the
observers' own spawn key, so its numbers never touch the simulation's. Keyed by person, a draw
concerns the same person whatever else changes: two runs that differ only in an error parameter
miss, sample or misclassify the same people as far as the smaller error goes (coupled draws).
"""

from __future__ import annotations

import numpy as np

from model.randomness import KeyedRandom


def observers_random(seed: np.random.SeedSequence, stream: int) -> KeyedRandom:
    """The observers' keyed random numbers for a run of seed ``seed``."""
    return KeyedRandom(np.random.SeedSequence(seed.entropy, spawn_key=(*seed.spawn_key, stream)))


def permanent_uniform(keyed: KeyedRandom, purpose: str, keys: np.ndarray) -> np.ndarray:
    """A uniform per key that does not change from year to year (a permanent random number)."""
    year = keyed.year
    keyed.year = 0
    try:
        return keyed.uniform(purpose, keys)
    finally:
        keyed.year = year
