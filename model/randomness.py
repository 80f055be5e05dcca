"""Keyed random numbers: a household or a person draws the same numbers in any scenario.

Paired comparisons (docs/ODD.md §7.19) run replication ``i`` of two scenarios with the same seed and
read the difference as the policy's effect. That works only if the same household meets the same
luck in both runs (common random numbers). Numbers drawn in sequence from one generator do not
stay aligned: as soon as one scenario has one more migrant, every later draw shifts to another
person. So every yearly draw here is a pure function of the run's seed, the year, the purpose of
the draw ("job", "return", ...) and the key of whom it concerns (a household's row, a person's
key), computed with the SplitMix64 mixing function (Steele, Lea & Flood 2014) as a counter-based
generator (Salmon et al. 2011). Non-uniform variates come from these uniforms by inversion
(binomial, Poisson, Gumbel) or Box-Muller (normal), one key one variate, so a household's births
do not depend on how many children its neighbours have.

Two implementations draw the same numbers bit for bit: plain numpy (:mod:`model.keyed_arrays`),
ready at once, and numba kernels (:mod:`model.keyed_kernels`), several times faster on the
arrays of a run but a second to load (importing numba and reading its cached machine code). A
process starts with numpy and moves to the kernels once its numpy draws have taken as long as
loading them would (the rent-or-buy rule: never more than twice the better choice's cost), so a
single run from the command line answers at once and a sweep's workers soon draw compiled;
:func:`use_kernels` chooses for good. Results by seed do not depend on which one drew.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Callable
from typing import Any, Literal

import numpy as np

from model import keyed_arrays

# Spawn-key suffix of the seed that keyed draws derive from (apart from the named streams).
KEYED_CHILD = 1000
# Seconds of numpy draws after which the compiled kernels take over: about what importing numba
# and loading the kernels from its cache take on the development machine (benchmarks/cli.py).
SWITCH_AFTER_S = 1.0


class _NumpyFirst:
    """numpy's draws, timed: once they have taken ``SWITCH_AFTER_S``, the kernels take over."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def __getattr__(self, kind: str) -> Callable[..., np.ndarray]:
        if kind.startswith("_"):
            raise AttributeError(kind)
        implementation = getattr(keyed_arrays, kind)

        def timed(*args: object) -> np.ndarray:
            start = time.perf_counter()
            drawn = implementation(*args)
            self.seconds += time.perf_counter() - start
            if self.seconds > SWITCH_AFTER_S:
                use_kernels("compiled")
            return drawn

        return timed


# What draws in this process: keyed_arrays, keyed_kernels or a _NumpyFirst (the default).
_kernels: Any = _NumpyFirst()


def use_kernels(choice: Literal["numpy", "compiled", "adaptive"]) -> None:
    """Draw with numpy, with the compiled kernels, or (the default) numpy first, then compiled.

    Benchmarks of run rates and long-lived workers choose ``compiled``; tests use each to check
    that they agree. Results by seed are the same whichever draws.
    """
    global _kernels
    if choice == "compiled":
        from model import keyed_kernels

        _kernels = keyed_kernels
    else:
        _kernels = keyed_arrays if choice == "numpy" else _NumpyFirst()


def kernels_in_use() -> str:
    """``compiled`` or ``numpy``: what draws now."""
    return "numpy" if _kernels is keyed_arrays or isinstance(_kernels, _NumpyFirst) else "compiled"


def _keys(keys: np.ndarray | int) -> np.ndarray:
    return np.ascontiguousarray(np.atleast_1d(keys), dtype=np.int64)


class KeyedRandom:
    """Random numbers keyed to (seed, year, purpose, key).

    Args:
        seed: The run's seed.

    Attributes:
        year: The year whose draws are made; the model sets it at the start of each step.
    """

    def __init__(self, seed: np.random.SeedSequence) -> None:
        child = np.random.SeedSequence(seed.entropy, spawn_key=(*seed.spawn_key, KEYED_CHILD))
        self._root = np.uint64(child.generate_state(1, np.uint64)[0])
        self.year = 0

    def _code(self, purpose: str) -> int:
        """A purpose's number: its CRC-32, even, so that ``code + 1`` can serve a second draw."""
        code = _CODES.get(purpose)
        if code is None:
            code = _CODES[purpose] = 2 * zlib.crc32(purpose.encode())
        return code

    def uniform(self, purpose: str, keys: np.ndarray | int) -> np.ndarray:
        """One uniform number on (0, 1) per key."""
        return _kernels.uniform(self._root, self.year, self._code(purpose), _keys(keys))

    def chance(self, purpose: str, keys: np.ndarray, probability: np.ndarray | float) -> np.ndarray:
        """Whether each key's event happens, with the given probability."""
        return self.uniform(purpose, keys) < probability

    def normal(self, purpose: str, keys: np.ndarray | int) -> np.ndarray:
        """One standard normal number per key (Box-Muller on two keyed uniforms)."""
        return _kernels.normal(self._root, self.year, self._code(purpose), _keys(keys))

    def binomial(
        self, purpose: str, keys: np.ndarray, trials: np.ndarray, chance: np.ndarray | float
    ) -> np.ndarray:
        """One binomial count per key (by inversion of one uniform)."""
        keys = _keys(keys)
        probability = np.broadcast_to(np.asarray(chance, dtype=np.float64), keys.shape)
        trials = np.ascontiguousarray(trials, dtype=np.int64)
        return _kernels.binomial(
            self._root,
            self.year,
            self._code(purpose),
            keys,
            trials,
            np.ascontiguousarray(probability),
        )

    def poisson(self, purpose: str, keys: np.ndarray, mean: np.ndarray) -> np.ndarray:
        """One Poisson count per key (by inversion of one uniform)."""
        keys = _keys(keys)
        mean = np.ascontiguousarray(np.broadcast_to(mean, keys.shape), dtype=np.float64)
        return _kernels.poisson(self._root, self.year, self._code(purpose), keys, mean)

    def gumbel(self, purpose: str, keys: np.ndarray, columns: int) -> np.ndarray:
        """Standard Gumbel numbers, one row per key and ``columns`` per row (logit choices)."""
        return _kernels.gumbel(
            self._root, self.year, self._code(purpose), _keys(keys), int(columns)
        )

    def order(self, purpose: str, keys: np.ndarray) -> np.ndarray:
        """A random order of ``keys`` (indices into ``keys``), the same for the same keys."""
        return np.argsort(self.uniform(purpose, keys), kind="stable")

    def round(self, purpose: str, key: int, value: float) -> int:
        """``value`` rounded up or down at random, with expectation ``value``."""
        base = int(np.floor(value))
        return base + int(self.uniform(purpose, key)[0] < value - base)


# Purpose codes, computed once per purpose name.
_CODES: dict[str, int] = {}
