"""The posterior sample: read from pyabc's history, written as a table, drawn from.

``posterior.parquet`` has one row per particle of the last generation: a column per estimated
parameter (its dotted path) and ``weight``, the particle's normalised importance weight (the
weights sum to 1). Users of the posterior (``compare --posterior``, ``sensitivity``'s
``posterior`` distribution, the predictive checks) read it with :func:`read_posterior` and draw
parameter sets with :func:`draw`, a weighted draw from its own ``numpy.random.Generator``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from model.errors import InputError

WEIGHT = "weight"
# Tolerance on the sum of the weights of a posterior file (they are normalised when read).
WEIGHT_TOLERANCE = 1e-6


@dataclass(frozen=True)
class Posterior:
    """A weighted sample of parameter sets.

    Attributes:
        values: One row per particle, one column per parameter (dotted paths).
        weights: Normalised weights, one per particle.
        source: Where it was read from.
    """

    values: pd.DataFrame
    weights: np.ndarray
    source: str = ""

    @property
    def parameters(self) -> list[str]:
        """The parameters' dotted paths."""
        return list(self.values.columns)

    def table(self) -> pd.DataFrame:
        """The posterior as written to ``posterior.parquet``."""
        return self.values.assign(**{WEIGHT: self.weights})

    def effective_sample_size(self) -> float:
        """Kish's effective sample size, ``1 / sum(w^2)``."""
        return float(1.0 / np.sum(self.weights**2))

    def mean(self) -> pd.Series:
        """Weighted mean of each parameter."""
        return pd.Series(self.weights @ self.values.to_numpy(dtype=float), self.values.columns)

    def quantiles(self, levels: tuple[float, ...] = (0.025, 0.5, 0.975)) -> pd.DataFrame:
        """Weighted quantiles of each parameter (rows: parameters, columns: levels)."""
        rows = {
            name: [weighted_quantile(self.values[name].to_numpy(), self.weights, q) for q in levels]
            for name in self.values.columns
        }
        return pd.DataFrame.from_dict(rows, orient="index", columns=[f"q{q:g}" for q in levels])


def weighted_quantile(values: np.ndarray, weights: np.ndarray, level: float) -> float:
    """The ``level`` quantile of a weighted sample (inverse of its weighted distribution)."""
    order = np.argsort(values, kind="stable")
    cumulative = np.cumsum(weights[order])
    index = int(np.searchsorted(cumulative, level * cumulative[-1], side="left"))
    return float(values[order][min(index, len(values) - 1)])


def from_history(history: Any, t: int | None = None) -> Posterior:
    """Generation ``t`` (default: the last) of a pyabc history."""
    frame, weights = history.get_distribution(m=0, t=history.max_t if t is None else t)
    frame = frame.reset_index(drop=True)
    frame.columns = [str(c) for c in frame.columns]
    weights = np.asarray(weights, dtype=float)
    return Posterior(frame, weights / weights.sum())


def read_posterior(path: Path, key: str = "--posterior") -> Posterior:
    """A ``posterior.parquet`` file, checked: parameter columns, weights that sum to 1."""
    if not path.is_file():
        raise InputError(key, None, f"no such posterior file: {path}")
    try:
        table = pd.read_parquet(path)
    except (OSError, ValueError) as error:
        raise InputError(str(path), None, f"not a Parquet table ({error})") from None
    if WEIGHT not in table.columns or len(table.columns) < 2 or table.empty:
        raise InputError(
            str(path),
            WEIGHT,
            "a posterior file has a column per parameter and a 'weight' column "
            "(posterior.parquet of run.py calibrate)",
        )
    weights = table[WEIGHT].to_numpy(dtype=float)
    if (weights < 0).any() or abs(weights.sum() - 1.0) > WEIGHT_TOLERANCE:
        raise InputError(str(path), WEIGHT, "weights must be at least 0 and sum to 1")
    values = table.drop(columns=WEIGHT)
    return Posterior(values, weights / weights.sum(), str(path))


def draw(posterior: Posterior, rng: np.random.Generator, count: int = 1) -> list[dict[str, float]]:
    """``count`` parameter sets drawn from the posterior with its weights (with replacement)."""
    rows = rng.choice(len(posterior.weights), size=count, replace=True, p=posterior.weights)
    values = posterior.values.to_numpy(dtype=float)
    return [dict(zip(posterior.parameters, values[row].tolist(), strict=True)) for row in rows]


def diagnostics(history: Any) -> pd.DataFrame:
    """One row per generation: threshold, distances, evaluations, acceptance rate, ESS."""
    populations = history.get_all_populations()
    rows = []
    for _, population in populations[populations["t"] >= 0].iterrows():
        t = int(population["t"])
        distances = history.get_weighted_distances(t=t)
        weights = distances["w"].to_numpy(dtype=float)
        weights = weights / weights.sum()
        values = distances["distance"].to_numpy(dtype=float)
        rows.append(
            {
                "generation": t,
                "epsilon": float(population["epsilon"]),
                "particles": int(population["particles"]),
                "evaluations": int(population["samples"]),
                "acceptance_rate": int(population["particles"]) / int(population["samples"]),
                "effective_sample_size": float(1.0 / np.sum(weights**2)),
                "distance_median": weighted_quantile(values, weights, 0.5),
                "distance_max": float(values.max()),
                "distance_min": float(values.min()),
                "wall_time_s": float(population["wall_time"]),
            }
        )
    return pd.DataFrame(rows)
