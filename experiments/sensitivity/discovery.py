"""Scenario discovery: how likely is a triple win over the sampled space, and where is it likely?

The outcome is each point's ``triple_win`` indicator (all three parties' mean equivalent
variations against the paired baselines above the margin of a negligible change: all three
gain). Its share of the sample estimates the probability of a triple win under the parameters'
distributions; the interval comes from a bootstrap over the design's blocks (whole Morris
trajectories or Saltelli base rows, whose points depend on each other). PRIM (Friedman & Fisher
1999, as adapted to scenario discovery by Bryant & Lempert 2010) is Project Platypus's ``prim``
package (Hadka et al. 2015; the implementation the EMA Workbench adapted, Kwakkel 2017), run on
the parameters' values: it peels the
space towards boxes of high density (share of triple wins inside) while keeping coverage (share
of all triple wins caught). The chosen box on each peeling trajectory is the densest one that
still covers ``min_coverage``; up to ``boxes`` boxes are found one after the other, each on the
points the earlier ones left.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from experiments.sensitivity.plan import Sensitivity
from experiments.sensitivity.points import TRIPLE_WIN
from experiments.sensitivity.schema import Discovery

PROBABILITY_KEY = 2**21  # spawn key of the probability's bootstrap
BOOTSTRAP = 2000


@dataclass
class Found:
    """What scenario discovery found.

    Attributes:
        probability: Share of sample points that are triple wins, with its interval.
        boxes: One row per box limit (``box, parameter, kind, low, high, categories, ...``).
        trajectories: Every box on each peeling trajectory (``box, step, coverage, density,
            mass, restricted, chosen``).
        summary: Per box: coverage, density, mass, points, restricted parameters.
        notes: Why PRIM found nothing, where it did not run.
    """

    probability: dict[str, Any]
    boxes: pd.DataFrame = field(default_factory=pd.DataFrame)
    trajectories: pd.DataFrame = field(default_factory=pd.DataFrame)
    summary: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def probability(sensitivity: Sensitivity, points: pd.DataFrame) -> dict[str, Any]:
    """The triple-win share of the sample with a block-bootstrap percentile interval."""
    wins = points[TRIPLE_WIN].to_numpy(dtype=float)
    blocks = points["block"].to_numpy()
    labels, inverse = np.unique(blocks, return_inverse=True)
    sums = np.bincount(inverse, weights=wins)
    counts = np.bincount(inverse)
    seed = np.random.SeedSequence(sensitivity.experiment.seed, spawn_key=(PROBABILITY_KEY,))
    picks = np.random.default_rng(seed).integers(0, len(labels), (BOOTSTRAP, len(labels)))
    shares = sums[picks].sum(axis=1) / counts[picks].sum(axis=1)
    level = sensitivity.experiment.method.conf_level
    low, high = np.percentile(shares, [(1 - level) / 2 * 100, (1 + level) / 2 * 100])
    verdicts = points["verdict"].value_counts()
    return {
        "estimate": float(wins.mean()),
        "low": float(low),
        "high": float(high),
        "conf_level": level,
        "points": len(wins),
        "blocks": len(labels),
        "rule": "a point is a triple win when the mean equivalent variation of all three "
        "parties over its replications (against the paired baseline runs) exceeds the margin "
        f"of a negligible change ({sensitivity.margin:g} PPP $ per person per year)",
        "interval_verdicts": {str(k): int(v) for k, v in verdicts.items()},
    }


def prim_inputs(sensitivity: Sensitivity, points: pd.DataFrame) -> pd.DataFrame:
    """The parameters' values as PRIM reads them: numbers, or categories as text."""
    frame = pd.DataFrame(index=points.index)
    for parameter in sensitivity.parameters:
        column = points[parameter.path]
        if parameter.categories is not None:
            # PRIM peels text columns (numpy object dtype) as categories.
            frame[parameter.path] = column.map(str).astype(object)
        elif parameter.kind == "int":
            frame[parameter.path] = column.astype(np.int64)
        else:
            frame[parameter.path] = column.astype(float)
    return frame


def choose(trajectory: pd.DataFrame, min_coverage: float) -> int:
    """The densest box covering at least ``min_coverage`` (ties: the one covering more)."""
    eligible = trajectory[trajectory["coverage"] >= min_coverage]
    if eligible.empty:
        eligible = trajectory.iloc[:1]
    best = eligible.sort_values(["density", "coverage"], ascending=False, kind="stable")
    return int(best.index[0])


def full_ranges(x: pd.DataFrame) -> dict[str, Any]:
    """Each parameter's range over the sample: its categories, or its lowest and highest value."""
    return {
        name: set(x[name].unique()) if x[name].dtype == object else (x[name].min(), x[name].max())
        for name in x.columns
    }


def limit_rows(box: Any, number: int, full: dict[str, Any]) -> list[dict[str, Any]]:
    """The limits of the selected box on every parameter whose range it narrows."""
    # The selected box's limits as PRIM holds them (``PrimBox.limits`` cannot show categories
    # under pandas 3): a record per parameter of [low, high], or [categories, categories].
    limits = box._box_lims[box._cur_box]
    rows = []
    for name in full:
        low, high = limits[name][0], limits[name][1]
        if isinstance(low, set):
            if low == full[name]:
                continue
            rows.append(
                {"box": number, "parameter": name, "kind": "categorical", "low": np.nan,
                 "high": np.nan, "categories": ", ".join(sorted(map(str, low))),
                 "full_low": np.nan, "full_high": np.nan}
            )  # fmt: skip
        elif (low, high) != full[name]:
            rows.append(
                {"box": number, "parameter": name, "kind": "range", "low": float(low),
                 "high": float(high), "categories": "", "full_low": float(full[name][0]),
                 "full_high": float(full[name][1])}
            )  # fmt: skip
    return rows


def _trajectory(box: Any, number: int, step: int) -> pd.DataFrame:
    """A box's peeling trajectory: coverage, density, mass and restricted dimensions per step."""
    frame = box.peeling_trajectory[["coverage", "density", "mass", "res dim"]].copy()
    frame = frame.rename(columns={"res dim": "res_dim"}).astype(float).reset_index(drop=True)
    frame.insert(0, "step", frame.index)
    frame.insert(0, "box", number)
    frame["chosen"] = frame["step"] == step
    return frame


def find_boxes(x: pd.DataFrame, y: np.ndarray, settings: Discovery) -> Found:
    """Run PRIM for up to ``settings.boxes`` boxes."""
    import prim

    points, total = len(y), float(y.sum())
    full = full_ranges(x)
    with warnings.catch_warnings():
        # The package's own pandas warnings say nothing about the results.
        warnings.simplefilter("ignore")
        finder = prim.Prim(
            x,
            y.astype(int),
            threshold=0.5,
            threshold_type=">",
            peel_alpha=settings.peel_alpha,
            mass_min=settings.mass_min,
        )
    found = Found({})
    for number in range(1, settings.boxes + 1):
        if number > 1 and not y[finder.yi_remaining].any():
            break
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            box = finder.find_box()
            trajectory = _trajectory(box, number, 0)
            step = choose(trajectory, settings.min_coverage if number == 1 else 0.0)
            box.select(step)
            rows = limit_rows(box, number, full)
        entry = trajectory.loc[step]
        left = y[finder.yi_remaining].mean() if len(finder.yi_remaining) else 0.0
        if number > 1 and entry["density"] <= left:
            break
        inside = round(entry["mass"] * points)
        wins = round(entry["density"] * inside)
        trajectory["chosen"] = trajectory["step"] == step
        found.trajectories = pd.concat([found.trajectories, trajectory], ignore_index=True)
        found.boxes = pd.concat([found.boxes, pd.DataFrame(rows)], ignore_index=True)
        found.summary.append(
            {
                "box": number,
                "coverage": wins / total,
                "density": float(entry["density"]),
                "mass": float(entry["mass"]),
                "points": int(inside),
                "triple_wins": int(wins),
                "restricted": [row["parameter"] for row in rows],
            }
        )
    return found


def discover(sensitivity: Sensitivity, points: pd.DataFrame) -> Found:
    """The triple-win probability and PRIM's boxes (none where every point agrees)."""
    share = probability(sensitivity, points)
    y = points[TRIPLE_WIN].to_numpy(dtype=float)
    if y.sum() == 0 or y.sum() == len(y):
        which = "no point is" if y.sum() == 0 else "every point is"
        return Found(share, notes=[f"no PRIM box: {which} a triple win"])
    found = find_boxes(prim_inputs(sensitivity, points), y, sensitivity.experiment.discovery)
    found.probability = share
    return found
