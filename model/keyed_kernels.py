"""The keyed draws compiled with numba: the fastest once loaded (about a second), for long work.

Same numbers bit for bit as :mod:`model.keyed_arrays` (checked on millions of keys in
``tests/test_randomness.py``): SplitMix64 on unsigned 64-bit integers, then the inversions and
Box-Muller of :mod:`model.randomness` one key at a time, with the C library's ``log``, ``cos`` and
``exp`` and powers by squaring (numba's ``float ** int``). Each function takes the run's root
(``numpy.uint64``), the year, the purpose's code and the keys (int64).
"""

from __future__ import annotations

import numpy as np
from numba import njit

GOLDEN = 0x9E3779B97F4A7C15
PURPOSE_MULTIPLIER = 0xD1B54A32D192ED03
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
def uniform(root: np.uint64, year: np.int64, code: np.int64, keys: np.ndarray) -> np.ndarray:
    salt = _salt(root, year, code)
    out = np.empty(keys.size)
    for i in range(keys.size):
        out[i] = _unit(salt, keys[i])
    return out


@njit(cache=True)
def normal(root: np.uint64, year: np.int64, code: np.int64, keys: np.ndarray) -> np.ndarray:
    radius_salt = _salt(root, year, code)
    angle_salt = _salt(root, year, code + 1)
    out = np.empty(keys.size)
    for i in range(keys.size):
        radius = np.sqrt(-2.0 * np.log(_unit(radius_salt, keys[i])))
        out[i] = radius * np.cos(TWO_PI * _unit(angle_salt, keys[i]))
    return out


@njit(cache=True)
def binomial(
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
def poisson(
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
def gumbel(
    root: np.uint64, year: np.int64, code: np.int64, keys: np.ndarray, columns: int
) -> np.ndarray:
    salt = _salt(root, year, code)
    out = np.empty((keys.size, columns))
    for i in range(keys.size):
        for j in range(columns):
            out[i, j] = -np.log(-np.log(_unit(salt, keys[i] * columns + j)))
    return out
