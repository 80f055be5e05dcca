"""Test models for ``calibrate``: cheap functions of the parameters with a known answer.

A calibration file that says ``model: NAME`` instead of ``base:`` estimates the parameters of a
function here, through the same sampler, cluster, history and outputs as the simulator. Each
takes ``(values, seed, statistics)``: the particle's parameter values by name, its
``numpy.random.SeedSequence`` and the target statistics to return.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from model.calibration import load_targets

# Where the band targets are met exactly: x = 0.3 and y = 0.6.
X_TRUE, Y_TRUE = 0.3, 0.6
NOISE = 0.05


def linear_targets(
    values: Mapping[str, float], seed: np.random.SeedSequence, statistics: tuple[str, ...]
) -> dict[str, float]:
    """Every target statistic a line in ``x`` and ``y``, at its band's centre at (0.3, 0.6).

    Statistic ``k`` is ``centre + half_width (2 (x - 0.3) + 2 (k mod 2) (y - 0.6) + noise)``,
    with normal noise of sd 0.05 half-widths: even statistics inform ``x`` alone, odd ones ``x``
    and ``y`` together, so the posterior concentrates around (0.3, 0.6).
    """
    bands = {t.statistic: t.band for t in load_targets()}
    noise = np.random.default_rng(seed).normal(0.0, NOISE, len(statistics))
    x, y = float(values["x"]), float(values["y"])
    found = {}
    for k, name in enumerate(statistics):
        low, high = bands[name]
        centre, half = 0.5 * (low + high), 0.5 * (high - low)
        found[name] = centre + half * (2 * (x - X_TRUE) + 2 * (k % 2) * (y - Y_TRUE) + noise[k])
    return found


MODELS: dict[str, Callable[..., dict[str, float]]] = {"linear_targets": linear_targets}
