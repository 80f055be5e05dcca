"""The keyed draws in plain numpy: ready at once, for short work (one run from the command line).

Same numbers bit for bit as the compiled kernels of :mod:`model.keyed_kernels` (checked on
millions of keys in ``tests/test_randomness.py``): the same SplitMix64 arithmetic on unsigned
64-bit integers (numpy's wraps modulo 2^64, as numba's does), numpy's ``log``, ``cos`` and ``exp``
(which on the pinned code path, ``model/numerics.py``, are the C library's, as numba's are), and
the searches of the inversions done for all keys at once, one step of the search per pass, with
each key's arithmetic in the compiled kernel's order. Each function takes the run's
``root`` (``numpy.uint64``), the year, the purpose's code and the keys (int64), as the
kernels do.
"""

from __future__ import annotations

import math

import numpy as np

GOLDEN = 0x9E3779B97F4A7C15
PURPOSE_MULTIPLIER = 0xD1B54A32D192ED03
FIRST = 0xBF58476D1CE4E5B9
SECOND = 0x94D049BB133111EB
WORD = (1 << 64) - 1
# The same constants as numpy scalars, made once (a scalar costs as much as a small array step).
_GOLDEN, _FIRST, _SECOND = np.uint64(GOLDEN), np.uint64(FIRST), np.uint64(SECOND)
_SHIFTS = np.uint64(30), np.uint64(27), np.uint64(31), np.uint64(11)
TWO_PI = 2.0 * np.pi
POISSON_STEPS = 10_000
# numba computes float ** int by squaring up to this exponent, with the C library's pow above it.
SQUARING_LIMIT = 0x10000


def _mix(z: int) -> int:
    """SplitMix64's finaliser on one 64-bit word."""
    z = ((z ^ (z >> 30)) * FIRST) & WORD
    z = ((z ^ (z >> 27)) * SECOND) & WORD
    return z ^ (z >> 31)


def salt(root: np.uint64, year: int, code: int) -> np.uint64:
    """The offset that makes one purpose's draws in one year independent of all others."""
    tag = ((year & WORD) * GOLDEN + (code & WORD) * PURPOSE_MULTIPLIER) & WORD
    return np.uint64(_mix(int(root) ^ _mix(tag)))


def units(salt: np.uint64, keys: np.ndarray) -> np.ndarray:
    """Uniform on (0, 1), never 0 or 1, one per key."""
    first, second, third, fraction = _SHIFTS
    z = keys.astype(np.uint64)
    z *= _GOLDEN
    z += salt
    z ^= z >> first
    z *= _FIRST
    z ^= z >> second
    z *= _SECOND
    z ^= z >> third
    z >>= fraction
    out = z.astype(np.float64)
    out += 0.5
    out *= 1.0 / 9007199254740992.0
    return out


def uniform(root: np.uint64, year: int, code: int, keys: np.ndarray) -> np.ndarray:
    """Uniform on (0, 1), never 0 or 1, one per key."""
    return units(salt(root, year, code), keys)


def normal(root: np.uint64, year: int, code: int, keys: np.ndarray) -> np.ndarray:
    """Box-Muller on two keyed uniforms (purpose codes ``code`` and ``code + 1``)."""
    radius = np.sqrt(-2.0 * np.log(units(salt(root, year, code), keys)))
    return radius * np.cos(TWO_PI * units(salt(root, year, code + 1), keys))


def power(base: np.ndarray, exponent: np.ndarray) -> np.ndarray:
    """``base ** exponent`` for whole exponents of at least 0, rounded as numba rounds it.

    numba multiplies, for each set bit of the exponent from the lowest, the result by the base
    squared as often as the bit's place (``base``, ``base**2``, ``base**4``, ...: each the square
    of the one before); so does this, for all keys at once.
    """
    result = np.ones_like(base)
    if base.size == 0:
        return result
    left = exponent.copy()
    if left.max() > SQUARING_LIMIT:
        for i in np.flatnonzero(left > SQUARING_LIMIT):
            result[i] = math.pow(base[i], float(left[i]))
            left[i] = 0
    factor = base.copy()
    for place in range(int(left.max()).bit_length()):
        if place:
            factor *= factor
        np.multiply(result, factor, out=result, where=(left >> place) & 1 == 1)
    return result


def binomial(
    root: np.uint64,
    year: int,
    code: int,
    keys: np.ndarray,
    trials: np.ndarray,
    chance: np.ndarray,
) -> np.ndarray:
    """One binomial count per key, by inversion (a search up the cumulative distribution)."""
    out = np.zeros(keys.size, dtype=np.int64)
    certain = (trials > 0) & (chance >= 1.0)
    out[certain] = trials[certain]
    drawn = np.flatnonzero((trials > 0) & (chance > 0.0) & (chance < 1.0))
    n, p = trials[drawn], chance[drawn]
    u = units(salt(root, year, code), keys[drawn])
    pmf = power(1.0 - p, n)
    cdf = pmf.copy()
    ratio = p / (1.0 - p)
    k = np.zeros(drawn.size, dtype=np.int64)
    going = np.flatnonzero((u > cdf) & (k < n))
    while going.size:
        step = k[going]
        pmf[going] *= (n[going] - step) / (step + 1.0) * ratio[going]
        k[going] = step + 1
        cdf[going] += pmf[going]
        going = going[(u[going] > cdf[going]) & (k[going] < n[going])]
    out[drawn] = k
    return out


def poisson(
    root: np.uint64, year: int, code: int, keys: np.ndarray, mean: np.ndarray
) -> np.ndarray:
    """One Poisson count per key, by inversion (at most ``POISSON_STEPS``)."""
    out = np.zeros(keys.size, dtype=np.int64)
    drawn = np.flatnonzero(mean > 0.0)
    lam = mean[drawn]
    u = units(salt(root, year, code), keys[drawn])
    pmf = np.exp(-lam)
    cdf = pmf.copy()
    k = np.zeros(drawn.size, dtype=np.int64)
    going = np.flatnonzero(u > cdf)
    while going.size:
        k[going] += 1
        pmf[going] *= lam[going] / k[going]
        cdf[going] += pmf[going]
        going = going[(u[going] > cdf[going]) & (k[going] < POISSON_STEPS)]
    out[drawn] = k
    return out


def gumbel(root: np.uint64, year: int, code: int, keys: np.ndarray, columns: int) -> np.ndarray:
    """Standard Gumbel numbers, ``columns`` per key (key ``k``, column ``j`` draws ``k*columns+j``)."""
    cells = (keys[:, None] * columns + np.arange(columns, dtype=np.int64)).ravel()
    return (-np.log(-np.log(units(salt(root, year, code), cells)))).reshape(keys.size, columns)
