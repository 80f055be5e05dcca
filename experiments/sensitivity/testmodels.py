"""Test models: plain functions of the parameters that stand in for the simulator.

A sensitivity file that says ``model: NAME`` instead of ``base:`` is run through the same plan,
engine and analysis as a simulation, with each run evaluating the function here at its parameter
values and seed. Their indices are known, so they check the plumbing (sampling, the mapping of
unit samples to values, the pairing of runs, replicate means, SALib's analyses), not SALib.

Every function takes ``(values, seed)``: the run's parameter values by name (a ``policy``
parameter is absent in baseline runs, which then use its default) and its
``numpy.random.SeedSequence``; it returns the run's outputs by name.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

ISHIGAMI_A, ISHIGAMI_B = 7.0, 0.1
NOISE_SD = 1.0


def ishigami_value(x1: float, x2: float, x3: float) -> float:
    """The Ishigami function (Ishigami & Homma 1990) with a = 7, b = 0.1, as in SALib's tests."""
    return math.sin(x1) + ISHIGAMI_A * math.sin(x2) ** 2 + ISHIGAMI_B * x3**4 * math.sin(x1)


def ishigami_variance() -> float:
    """The variance of the Ishigami function with ``x_i ~ U(-pi, pi)``."""
    a, b, pi = ISHIGAMI_A, ISHIGAMI_B, math.pi
    return a**2 / 8 + b * pi**4 / 5 + b**2 * pi**8 / 18 + 0.5


def ishigami_indices() -> dict[str, dict[str, float]]:
    """The analytic first-order and total Sobol' indices of the Ishigami function.

    With ``x_i ~ U(-pi, pi)``: ``V = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2``,
    ``V1 = (1 + b pi^4/5)^2 / 2``, ``V2 = a^2/8``, ``V13 = b^2 pi^8 (1/18 - 1/50)``.
    """
    a, b, pi = ISHIGAMI_A, ISHIGAMI_B, math.pi
    v1 = (1 + b * pi**4 / 5) ** 2 / 2
    v2 = a**2 / 8
    v13 = b**2 * pi**8 * (1 / 18 - 1 / 50)
    total = ishigami_variance()
    return {
        "S1": {"x1": v1 / total, "x2": v2 / total, "x3": 0.0},
        "ST": {"x1": (v1 + v13) / total, "x2": v2 / total, "x3": v13 / total},
    }


def point_normal(values: Mapping[str, Any], seed: np.random.SeedSequence) -> float:
    """A standard normal draw of this run, independent between points and replications."""
    text = repr(sorted(values.items())).encode()
    digest = int.from_bytes(hashlib.sha256(text).digest()[:8], "little")
    sequence = np.random.SeedSequence(seed.entropy, spawn_key=(*seed.spawn_key, digest))
    return float(np.random.default_rng(sequence).standard_normal())


def ishigami(values: Mapping[str, Any], seed: np.random.SeedSequence) -> dict[str, float]:
    """``y``: the Ishigami function; ``y_noisy``: plus normal noise of sd :data:`NOISE_SD`.

    The noise is independent between points and replications, as a stochastic model's would
    be, so its share of the variance of replicate means is known: ``NOISE_SD^2 / r`` over
    ``V + NOISE_SD^2 / r``, with ``V`` the Ishigami function's variance.
    """
    y = ishigami_value(float(values["x1"]), float(values["x2"]), float(values["x3"]))
    return {"y": y, "y_noisy": y + NOISE_SD * point_normal(values, seed)}


def linear(values: Mapping[str, Any], seed: np.random.SeedSequence) -> dict[str, float]:
    """``y = x1 + 2 x2 + 4 x3`` (with x4 inert): Morris' mu* is the slope times the step."""
    del seed
    return {
        "y": float(values["x1"]) + 2.0 * float(values["x2"]) + 4.0 * float(values["x3"]),
    }


def toy_welfare(values: Mapping[str, Any], seed: np.random.SeedSequence) -> dict[str, float]:
    """Three parties' welfare with a known triple-win box: ``p1 > 0.5`` and ``p2 > 0.3``.

    ``p1`` and ``p2`` are policy levers (0 in the baseline), ``w`` is a world parameter and
    ``switch`` a yes/no lever (off in the baseline) that costs the destination a little. Each
    party's welfare is a present value over one person-year, as a run's welfare record gives it
    (``pv_PARTY_end``, ``years_PARTY_end``: :func:`model.welfare.flat_record`), so its
    equivalent variation is the paired difference: ``p1 (p1 - 0.5)`` for migrants,
    ``p2 (p2 - 0.3)`` for the origin and ``0.1 p1 (1 + w) - 0.01 switch`` for the destination
    (plus noise of sd 0.002 p1 that common random numbers do not cancel). With no margin (a test
    model has no scenario), a triple win needs ``p1 > 0.5`` and ``p2 > 0.3``: a box holding 35%
    of the unit square, whatever ``w`` and the switch.
    """
    p1, p2 = float(values.get("p1", 0.0)), float(values.get("p2", 0.0))
    w, switch = float(values["w"]), float(bool(values.get("switch", False)))
    common = float(np.random.default_rng(seed).standard_normal())
    welfare = {
        "migrants": p1 * (p1 - 0.5) + w + 0.01 * common,
        "origin": p2 * (p2 - 0.3) - w + 0.01 * common,
        "destination": 0.1 * p1 * (1 + w) - 0.01 * switch + 0.002 * p1 * point_normal(values, seed),
    }
    record = {f"pv_{party}_end": value for party, value in welfare.items()}
    record |= {f"years_{party}_end": 1.0 for party in welfare}
    return {**record, "emigration_rate": 0.05 + 0.1 * p1 * w}


MODELS: dict[str, Callable[[Mapping[str, Any], np.random.SeedSequence], dict[str, float]]] = {
    "ishigami": ishigami,
    "linear": linear,
    "toy_welfare": toy_welfare,
}


def evaluator(name: str) -> str:
    """The engine's ``module:function`` reference of a registered test model."""
    return f"{__name__}:{MODELS[name].__name__}"
