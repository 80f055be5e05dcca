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

The kernels are compiled with numba: they are the innermost loops of the model (docs/ODD.md §4.10).
"""

from __future__ import annotations

import zlib

import numpy as np
from numba import njit

GOLDEN = 0x9E3779B97F4A7C15
PURPOSE_MULTIPLIER = 0xD1B54A32D192ED03
# Spawn-key suffix of the seed that keyed draws derive from (apart from the named streams).
KEYED_CHILD = 1000
TWO_PI = 2.0 * np.pi


@njit(cache=True, inline="always")
def _mix(z: np.uint64) -> np.uint64:
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


@njit(cache=True, inline="always")
def _salt(root: np.uint64, year: np.int64, code: np.int64) -> np.uint64:
    """The offset that makes one purpose's draws in one year independent of all others."""
    tag = np.uint64(year) * np.uint64(GOLDEN) + np.uint64(code) * np.uint64(PURPOSE_MULTIPLIER)
    return _mix(root ^ _mix(tag))


@njit(cache=True, inline="always")
def _unit(salt: np.uint64, key: np.int64) -> float:
    """Uniform on (0, 1), never 0 or 1, for one key."""
    z = _mix(np.uint64(key) * np.uint64(GOLDEN) + salt)
    return (float(z >> np.uint64(11)) + 0.5) * (1.0 / 9007199254740992.0)


@njit(cache=True)
def _uniform(root: np.uint64, year: np.int64, code: np.int64, keys: np.ndarray) -> np.ndarray:
    salt = _salt(root, year, code)
    out = np.empty(keys.size)
    for i in range(keys.size):
        out[i] = _unit(salt, keys[i])
    return out


@njit(cache=True)
def _normal(root: np.uint64, year: np.int64, code: np.int64, keys: np.ndarray) -> np.ndarray:
    radius_salt = _salt(root, year, code)
    angle_salt = _salt(root, year, code + 1)
    out = np.empty(keys.size)
    for i in range(keys.size):
        radius = np.sqrt(-2.0 * np.log(_unit(radius_salt, keys[i])))
        out[i] = radius * np.cos(TWO_PI * _unit(angle_salt, keys[i]))
    return out


@njit(cache=True)
def _binomial(
    root: np.uint64,
    year: np.int64,
    code: np.int64,
    keys: np.ndarray,
    trials: np.ndarray,
    chance: np.ndarray,
) -> np.ndarray:
    salt = _salt(root, year, code)
    out = np.zeros(keys.size, dtype=np.int64)
    for i in range(keys.size):
        n, p = trials[i], chance[i]
        if n <= 0 or p <= 0.0:
            continue
        if p >= 1.0:
            out[i] = n
            continue
        u = _unit(salt, keys[i])
        pmf = (1.0 - p) ** n
        cdf = pmf
        ratio = p / (1.0 - p)
        k = 0
        while u > cdf and k < n:
            pmf *= (n - k) / (k + 1.0) * ratio
            k += 1
            cdf += pmf
        out[i] = k
    return out


@njit(cache=True)
def _poisson(
    root: np.uint64, year: np.int64, code: np.int64, keys: np.ndarray, mean: np.ndarray
) -> np.ndarray:
    salt = _salt(root, year, code)
    out = np.zeros(keys.size, dtype=np.int64)
    for i in range(keys.size):
        lam = mean[i]
        if lam <= 0.0:
            continue
        u = _unit(salt, keys[i])
        pmf = np.exp(-lam)
        cdf = pmf
        k = 0
        while u > cdf and k < 10_000:
            k += 1
            pmf *= lam / k
            cdf += pmf
        out[i] = k
    return out


@njit(cache=True)
def _gumbel(
    root: np.uint64, year: np.int64, code: np.int64, keys: np.ndarray, columns: int
) -> np.ndarray:
    salt = _salt(root, year, code)
    out = np.empty((keys.size, columns))
    for i in range(keys.size):
        for j in range(columns):
            out[i, j] = -np.log(-np.log(_unit(salt, keys[i] * columns + j)))
    return out


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
        return _uniform(self._root, self.year, self._code(purpose), _keys(keys))

    def chance(self, purpose: str, keys: np.ndarray, probability: np.ndarray | float) -> np.ndarray:
        """Whether each key's event happens, with the given probability."""
        return self.uniform(purpose, keys) < probability

    def normal(self, purpose: str, keys: np.ndarray | int) -> np.ndarray:
        """One standard normal number per key (Box-Muller on two keyed uniforms)."""
        return _normal(self._root, self.year, self._code(purpose), _keys(keys))

    def binomial(self, purpose: str, keys: np.ndarray, trials: np.ndarray, chance) -> np.ndarray:
        """One binomial count per key (by inversion of one uniform)."""
        keys = _keys(keys)
        probability = np.broadcast_to(np.asarray(chance, dtype=np.float64), keys.shape)
        trials = np.ascontiguousarray(trials, dtype=np.int64)
        return _binomial(
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
        return _poisson(self._root, self.year, self._code(purpose), keys, mean)

    def gumbel(self, purpose: str, keys: np.ndarray, columns: int) -> np.ndarray:
        """Standard Gumbel numbers, one row per key and ``columns`` per row (logit choices)."""
        return _gumbel(self._root, self.year, self._code(purpose), _keys(keys), int(columns))

    def order(self, purpose: str, keys: np.ndarray) -> np.ndarray:
        """A random order of ``keys`` (indices into ``keys``), the same for the same keys."""
        return np.argsort(self.uniform(purpose, keys), kind="stable")

    def round(self, purpose: str, key: int, value: float) -> int:
        """``value`` rounded up or down at random, with expectation ``value``."""
        base = int(np.floor(value))
        return base + int(self.uniform(purpose, key)[0] < value - base)


# Purpose codes, computed once per purpose name.
_CODES: dict[str, int] = {}
