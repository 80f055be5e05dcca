"""Posterior predictive checks: the model run at parameter sets drawn from the posterior.

Draw ``i`` is a parameter set drawn (with the posterior's weights) by a generator seeded from
``SeedSequence(seed, spawn_key=(PREDICTIVE_KEY,))`` and run once on ``SeedSequence(seed,
spawn_key=(PREDICTIVE_KEY, i))``. Each target is then judged on the distribution of its
statistic over the draws: the share of runs inside its band, and whether the predictive median
lies in it. The runs go to the same Dask cluster as the estimation.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from experiments.calibration.posterior import Posterior, draw, weighted_quantile
from experiments.calibration.simulator import SimulatorModel, TestModel, run_statistics
from model.calibration import Target

# Spawn-key root of the predictive draws, far above the generations' (generation + 1, ...).
PREDICTIVE_KEY = 1_000_000


def predictive_run(
    model: SimulatorModel | TestModel, values: dict[str, float], entropy: int, index: int
) -> dict[str, float]:
    """One predictive run: the target statistics at ``values`` (a Dask task)."""
    seed = np.random.SeedSequence(entropy, spawn_key=(PREDICTIVE_KEY, index))
    if isinstance(model, SimulatorModel):
        record = run_statistics(model.scenario_for(values), seed)
        return {name: float(record[name]) for name in model.statistics}
    from experiments.calibration.testmodels import MODELS

    return MODELS[model.name](values, seed, model.statistics)


def predictive_sample(
    model: SimulatorModel | TestModel,
    posterior: Posterior,
    draws: int,
    seed: int,
    client: Any,
) -> pd.DataFrame:
    """One row per draw: ``draw``, the parameter values and every target statistic."""
    rng = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(PREDICTIVE_KEY,)))
    parameter_sets = draw(posterior, rng, draws)
    futures = client.map(
        predictive_run,
        [model] * draws,
        parameter_sets,
        [seed] * draws,
        list(range(draws)),
        pure=False,
    )
    statistics = client.gather(futures)
    rows = [
        {"draw": i, **values, **found}
        for i, (values, found) in enumerate(zip(parameter_sets, statistics, strict=True))
    ]
    return pd.DataFrame(rows)


def predictive_checks(sample: pd.DataFrame, targets: list[Target]) -> pd.DataFrame:
    """One row per target: band, predictive median and 95% range, share of runs in the band."""
    weights = np.ones(len(sample)) / max(len(sample), 1)
    rows = []
    for target in targets:
        values = sample[target.statistic].to_numpy(dtype=float)
        finite = np.isfinite(values)
        low, high = target.band
        inside = (values >= low) & (values <= high)
        median = weighted_quantile(values[finite], weights[finite], 0.5) if finite.any() else np.nan
        rows.append(
            {
                "target": target.name,
                "statistic": target.statistic,
                "band_low": low,
                "band_high": high,
                "median": median,
                "q025": float(np.nanquantile(values, 0.025)) if finite.any() else np.nan,
                "q975": float(np.nanquantile(values, 0.975)) if finite.any() else np.nan,
                "share_in_band": float(inside.mean()) if len(values) else np.nan,
                "median_in_band": bool(low <= median <= high),
                "source": target.source,
            }
        )
    return pd.DataFrame(rows)
