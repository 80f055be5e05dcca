"""Samples of the unit hypercube for each method, drawn with SALib from the experiment's seed.

Each method's sample comes from SALib on a problem with unit bounds (the parameters' own
distributions are applied afterwards, :mod:`experiments.sensitivity.parameters`):

- ``morris``: ``SALib.sample.morris`` (``samples`` trajectories on a ``levels`` grid, optionally
  the best-spread ``optimal_trajectories`` of them); rows come trajectory by trajectory;
- ``sobol``: ``SALib.sample.sobol`` (Saltelli's scheme on a scrambled Sobol' sequence, ``N``
  base samples, ``N (D + 2)`` rows, ``N (2 D + 2)`` with second-order indices), base row by base
  row;
- ``fast``: ``SALib.sample.fast_sampler`` (``N`` points on each parameter's search curve);
- ``delta``: a scrambled Sobol' sequence of ``N`` points (:func:`experiments.designs.unit_sample`).

The convergence check reuses the same runs: the first half of the trajectories (Morris), of the
base rows (Sobol': the first ``N/2`` points of a scrambled Sobol' sequence are themselves a
balanced design when ``N`` is a power of two) or of the points (delta) is a design of half the
size. eFAST's search curves cannot be halved (every other point aliases the frequencies), so it
has no N/2 indices.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field

import numpy as np

from experiments.designs import is_power_of_two, unit_sample
from experiments.sensitivity.parameters import Parameter
from experiments.sensitivity.schema import Method


@dataclass(frozen=True)
class Design:
    """A method's sample of the unit hypercube.

    Attributes:
        unit: The sample, one row per point, one column per parameter.
        blocks: The block of each row (trajectory, base row, or the row itself): rows of one
            block depend on each other, so bootstraps over points resample whole blocks.
        half: Rows of the design of half the size (None where the method has none).
        size: The method's N (trajectories, base samples, samples per curve or points).
        notes: Warnings about the design.
    """

    unit: np.ndarray
    blocks: np.ndarray
    half: np.ndarray | None
    size: int
    notes: list[str] = field(default_factory=list)


def factor_names(parameters: list[Parameter]) -> list[str]:
    """The factors the indices are reported for: groups (in first-seen order) or parameters."""
    if not any(p.group for p in parameters):
        return [p.path for p in parameters]
    return list(dict.fromkeys(p.group or p.path for p in parameters))


def problem(parameters: list[Parameter]) -> dict:
    """SALib's problem on the unit hypercube (groups where the file declares any)."""
    found = {
        "num_vars": len(parameters),
        "names": [p.path for p in parameters],
        "bounds": [[0.0, 1.0]] * len(parameters),
    }
    if any(p.group for p in parameters):
        found["groups"] = [p.group or p.path for p in parameters]
    return found


def sampler_rng(seed: int) -> np.random.Generator:
    """The sampler's generator: the root of the experiment's seed (replications use children)."""
    return np.random.default_rng(np.random.SeedSequence(seed))


def power_of_two_note(method: Method) -> list[str]:
    """A clear warning when a Sobol' or delta sample loses the sequence's balance."""
    if is_power_of_two(method.samples):
        return []
    below = 2 ** int(math.log2(method.samples))
    return [
        f"method.samples = {method.samples} is not a power of two: the Sobol' sequence loses "
        f"its balance properties and the N/2 check its meaning; use {below} or {below * 2}"
    ]


def morris_design(parameters: list[Parameter], method: Method, seed: int) -> Design:
    """Morris trajectories; the first half of them is the N/2 design."""
    from SALib.sample import morris

    unit = morris.sample(
        problem(parameters),
        method.samples,
        num_levels=method.levels,
        optimal_trajectories=method.optimal_trajectories,
        local_optimization=True,
        seed=sampler_rng(seed),
    )
    size = len(factor_names(parameters)) + 1
    trajectories = len(unit) // size
    blocks = np.repeat(np.arange(trajectories), size)
    half = np.arange((trajectories // 2) * size) if trajectories >= 4 else None
    return Design(unit, blocks, half, trajectories)


def sobol_design(parameters: list[Parameter], method: Method, seed: int) -> Design:
    """Saltelli's scheme; the first N/2 base rows are the N/2 design."""
    from SALib.sample import sobol

    with warnings.catch_warnings():
        # Reported once, in this module's words (power_of_two_note).
        warnings.simplefilter("ignore", UserWarning)
        unit = sobol.sample(
            problem(parameters),
            method.samples,
            calc_second_order=method.second_order,
            scramble=True,
            seed=sampler_rng(seed),
        )
    per_base = len(unit) // method.samples
    blocks = np.repeat(np.arange(method.samples), per_base)
    half = np.arange((method.samples // 2) * per_base) if method.samples >= 4 else None
    return Design(unit, blocks, half, method.samples, power_of_two_note(method))


def fast_design(parameters: list[Parameter], method: Method, seed: int) -> Design:
    """eFAST search curves (no N/2 design: see the module's note)."""
    from SALib.sample import fast_sampler

    unit = fast_sampler.sample(
        problem(parameters), method.samples, M=method.interference, seed=sampler_rng(seed)
    )
    notes = [
        "eFAST has no N/2 indices: every other point of a search curve aliases its "
        "frequencies; run again with half the samples to check convergence",
        "eFAST's bootstrap intervals are indicative only: SALib warns that resampling is "
        "unreliable for this method (SALib issue 649)",
    ]
    return Design(unit, np.arange(len(unit)), None, method.samples, notes)


def delta_design(parameters: list[Parameter], method: Method, seed: int) -> Design:
    """A scrambled Sobol' sequence; its first half is the N/2 design."""
    unit = unit_sample("sobol", len(parameters), method.samples, seed)
    half = np.arange(method.samples // 2)
    return Design(unit, np.arange(len(unit)), half, method.samples, power_of_two_note(method))


SAMPLERS = {
    "morris": morris_design,
    "sobol": sobol_design,
    "fast": fast_design,
    "delta": delta_design,
}


def sample(parameters: list[Parameter], method: Method, seed: int) -> Design:
    """The method's design for these parameters, from the experiment's seed."""
    return SAMPLERS[method.kind](parameters, method, seed)
