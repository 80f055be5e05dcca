"""Sensitivity indices with bootstrap intervals, at N and N/2, by SALib's analyses.

Every index has an interval at the file's ``conf_level``:

- Sobol' (``S1``, ``ST``, ``S2``), eFAST (``S1``, ``ST``) and delta (``delta``, ``S1``): SALib's
  bootstrap (``num_resamples`` resamples of the points; the interval is the index plus or minus
  SALib's ``*_conf``, the normal approximation of the bootstrap spread). SALib warns that its
  eFAST intervals are indicative only (SALib issue 649); the design's notes say so;
- Morris (``mu_star``, ``mu``, ``sigma``): SALib's values, with percentile intervals from a
  bootstrap over whole trajectories (each trajectory's elementary effects from SALib), since
  SALib gives an interval for ``mu_star`` only.

The analysis is a pure function of the runs and the experiment's seed (each output's bootstrap
has its own child seed), so a resumed experiment gives the same indices as an uninterrupted one.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable

import numpy as np
import pandas as pd

from experiments.sensitivity.design import factor_names, problem
from experiments.sensitivity.plan import Sensitivity
from experiments.sensitivity.points import output_names

MAIN_INDEX = {"morris": "mu_star", "sobol": "ST", "fast": "ST", "delta": "delta"}
FIRST_INDEX = {"morris": "mu", "sobol": "S1", "fast": "S1", "delta": "S1"}
ANALYSIS_KEY = 2**20  # spawn keys of the analysis: (ANALYSIS_KEY, output, half)


def analysis_seed(seed: int, output: int, half: bool) -> int:
    """The bootstrap seed of one output's analysis (never a replication's seed)."""
    sequence = np.random.SeedSequence(seed, spawn_key=(ANALYSIS_KEY, output, int(half)))
    return int(sequence.generate_state(1)[0])


def interval_rows(names: list[str], result: dict, keys: dict[str, str]) -> list[dict]:
    """Rows of ``factor, index, value, low, high`` from SALib's ``KEY`` and ``KEY_conf``.

    Args:
        names: The factors, in SALib's order.
        result: SALib's result.
        keys: SALib's key of each index, by the name the index is reported under.
    """
    rows = []
    for index, key in keys.items():
        values = np.asarray(result[key], dtype=float)
        conf = np.asarray(result[f"{key}_conf"], dtype=float)
        for i, name in enumerate(names):
            rows.append(
                {
                    "factor": name,
                    "index": index,
                    "value": values[i],
                    "low": values[i] - conf[i],
                    "high": values[i] + conf[i],
                }
            )
    return rows


def sobol_rows(context: dict, x: np.ndarray, y: np.ndarray, seed: int) -> list[dict]:
    """First-order and total indices (and second-order ones when asked for)."""
    from SALib.analyze import sobol

    method = context["method"]
    result = sobol.analyze(
        context["problem"],
        y,
        calc_second_order=method.second_order,
        num_resamples=method.resamples,
        conf_level=method.conf_level,
        seed=seed,
    )
    names = context["factors"]
    rows = interval_rows(names, result, {"S1": "S1", "ST": "ST"})
    if method.second_order:
        for i, first in enumerate(names):
            for j in range(i + 1, len(names)):
                value, conf = float(result["S2"][i, j]), float(result["S2_conf"][i, j])
                rows.append(
                    {
                        "factor": f"{first} x {names[j]}",
                        "index": "S2",
                        "value": value,
                        "low": value - conf,
                        "high": value + conf,
                    }
                )
    return rows


def fast_rows(context: dict, x: np.ndarray, y: np.ndarray, seed: int) -> list[dict]:
    """eFAST first-order and total indices."""
    from SALib.analyze import fast

    method = context["method"]
    result = fast.analyze(
        context["problem"],
        y,
        M=method.interference,
        num_resamples=method.resamples,
        conf_level=method.conf_level,
        seed=seed,
    )
    return interval_rows(context["factors"], result, {"S1": "S1", "ST": "ST"})


def delta_rows(context: dict, x: np.ndarray, y: np.ndarray, seed: int) -> list[dict]:
    """Borgonovo's delta and the first-order index estimated alongside it.

    SALib 1.6 reports delta with three bootstraps; ``delta`` here is its ``delta_raw`` (plain
    resampling with replacement, the classic estimator). On the unit scale the inputs are
    uniform, so its stratified ``delta_balanced`` hardly differs.
    """
    from SALib.analyze import delta

    method = context["method"]
    result = delta.analyze(
        context["problem"],
        x,
        y,
        num_resamples=method.resamples,
        conf_level=method.conf_level,
        seed=seed or 1,
    )
    return interval_rows(context["factors"], result, {"delta": "delta_raw", "S1": "S1"})


def trajectory_effects(context: dict, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Each trajectory's elementary effect of each factor (SALib on one trajectory at a time)."""
    from SALib.analyze import morris

    size = len(context["factors"]) + 1
    effects = []
    for start in range(0, len(y), size):
        rows = slice(start, start + size)
        one = morris.analyze(
            context["problem"],
            x[rows],
            y[rows],
            num_resamples=2,
            num_levels=context["method"].levels,
            seed=0,
        )
        effects.append(np.asarray(one["mu"], dtype=float))
    return np.array(effects)


def morris_rows(context: dict, x: np.ndarray, y: np.ndarray, seed: int) -> list[dict]:
    """mu*, mu and sigma with percentile intervals from a bootstrap over trajectories."""
    from SALib.analyze import morris

    method = context["method"]
    result = morris.analyze(
        context["problem"], x, y, num_resamples=10, num_levels=method.levels, seed=seed
    )
    effects = trajectory_effects(context, x, y)
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(effects), size=(method.resamples, len(effects)))
    resampled = effects[picks]  # (resample, trajectory, factor)
    statistics = {
        "mu_star": np.abs(resampled).mean(axis=1),
        "mu": resampled.mean(axis=1),
        "sigma": resampled.std(axis=1, ddof=1),
    }
    tail = (1 - method.conf_level) / 2 * 100
    rows = []
    for key, draws in statistics.items():
        low, high = np.percentile(draws, [tail, 100 - tail], axis=0)
        for i, name in enumerate(context["factors"]):
            value = float(np.asarray(result[key], dtype=float)[i])
            bounded = np.isfinite(value)
            rows.append(
                {
                    "factor": name,
                    "index": key,
                    "value": value,
                    "low": float(low[i]) if bounded else np.nan,
                    "high": float(high[i]) if bounded else np.nan,
                }
            )
    return rows


ANALYSES: dict[str, Callable[[dict, np.ndarray, np.ndarray, int], list[dict]]] = {
    "morris": morris_rows,
    "sobol": sobol_rows,
    "fast": fast_rows,
    "delta": delta_rows,
}


def usable(y: np.ndarray) -> str | None:
    """Why an output cannot be analysed (undefined at some points, or constant), or None."""
    missing = int((~np.isfinite(y)).sum())
    if missing:
        return f"undefined at {missing} of {len(y)} points"
    if float(np.var(y)) == 0.0:
        return "the same at every point"
    return None


def output_indices(
    sensitivity: Sensitivity, points: pd.DataFrame
) -> tuple[pd.DataFrame, dict[str, str]]:
    """Every index of every output at N (and N/2 where the design has a half).

    Returns:
        The indices (``method, output, factor, index, value, low, high, design, size``) and,
        per output left out, why.
    """
    method = sensitivity.experiment.method
    design = sensitivity.design
    context = {
        "method": method,
        "problem": problem(sensitivity.parameters),
        "factors": factor_names(sensitivity.parameters),
    }
    analyse = ANALYSES[method.kind]
    frames, skipped = [], {}
    halves = [(False, np.arange(len(design.unit)), design.size)]
    if design.half is not None:
        halves.append((True, design.half, design.size // 2))
    for number, output in enumerate(output_names(sensitivity)):
        y_all = points[output].to_numpy(dtype=float)
        reason = usable(y_all)
        if reason:
            skipped[output] = reason
            continue
        for half, rows, size in halves:
            with warnings.catch_warnings():
                # Numerical warnings of constant bootstrap samples, and notices that the
                # design's notes (eFAST's intervals) report once.
                warnings.simplefilter("ignore", RuntimeWarning)
                warnings.simplefilter("ignore", UserWarning)
                found = analyse(
                    context,
                    design.unit[rows],
                    y_all[rows],
                    analysis_seed(sensitivity.experiment.seed, number, half),
                )
            frame = pd.DataFrame(found)
            frame.insert(0, "output", output)
            frame.insert(0, "method", method.kind)
            frame["design"] = "N/2" if half else "N"
            frame["size"] = size
            frame["conf_level"] = method.conf_level
            frames.append(frame)
    indices = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    return indices, skipped


def ranking(indices: pd.DataFrame, method: str, output: str) -> pd.DataFrame:
    """The factors of one output by their main index at N, largest first."""
    main = indices[
        (indices["output"] == output)
        & (indices["index"] == MAIN_INDEX[method])
        & (indices["design"] == "N")
    ]
    return main.sort_values("value", ascending=False, kind="stable").reset_index(drop=True)
