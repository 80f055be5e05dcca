"""Figures of a sensitivity analysis: indices with intervals, Morris' mu*-sigma plane,
convergence at N and N/2, and PRIM's trade-off curve and boxes.

Every figure reads the tables the command writes (``indices.parquet``, ``prim_*.parquet``), so
the report can redraw them from a results folder.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import BoundaryNorm
from matplotlib.figure import Figure

import experiments.figures  # noqa: F401  (selects the Agg backend)
from experiments.sensitivity.indices import FIRST_INDEX, MAIN_INDEX
from experiments.style import GAIN_COLOUR

MAX_FACTORS = 25
INDEX_COLOURS = {"ST": "#1f4e79", "S1": "#7fb3d5", "mu_star": "#1f4e79", "delta": "#1f4e79"}
OUTPUT_LABELS = {
    "change_migrants": "migrants' equivalent variation ($ a year)",
    "change_origin": "origin's equivalent variation ($ a year)",
    "change_destination": "destination's equivalent variation ($ a year)",
    "triple_win": "triple win (0/1)",
}


def short(name: str) -> str:
    """A factor's label: the last two parts of a dotted path."""
    return ".".join(name.split(".")[-2:])


def output_label(name: str) -> str:
    """How a figure names an output."""
    return OUTPUT_LABELS.get(name, name.replace("_", " "))


def top_factors(indices: pd.DataFrame, method: str, output: str, count: int) -> list[str]:
    """The ``count`` factors with the largest main index at N for one output."""
    main = indices[
        (indices["output"] == output)
        & (indices["index"] == MAIN_INDEX[method])
        & (indices["design"] == "N")
    ]
    return main.sort_values("value", ascending=False, kind="stable")["factor"].head(count).tolist()


def index_bars(indices: pd.DataFrame, method: str, output: str) -> Figure:
    """Horizontal bars of the main and first-order indices at N with their intervals."""
    factors = top_factors(indices, method, output, MAX_FACTORS)
    keys = [MAIN_INDEX[method]] + ([FIRST_INDEX[method]] if method != "morris" else [])
    figure, axis = plt.subplots(figsize=(8, 1.2 + 0.32 * len(factors)))
    height = 0.8 / len(keys)
    for k, key in enumerate(keys):
        rows = indices[
            (indices["output"] == output) & (indices["index"] == key) & (indices["design"] == "N")
        ].set_index("factor")
        rows = rows.reindex(factors)
        where = np.arange(len(factors)) + (k - (len(keys) - 1) / 2) * height
        error = np.vstack([rows["value"] - rows["low"], rows["high"] - rows["value"]])
        axis.barh(
            where,
            rows["value"],
            height=height,
            xerr=np.clip(error, 0, None),
            color=INDEX_COLOURS.get(key, "#7fb3d5"),
            error_kw={"elinewidth": 1, "capsize": 2},
            label=key,
        )
    axis.set_yticks(np.arange(len(factors)), [short(f) for f in factors], fontsize=8)
    axis.invert_yaxis()
    axis.axvline(0, color="#888", linewidth=0.8)
    axis.set_xlabel(f"index (bars: {indices['conf_level'].iloc[0]:.0%} bootstrap interval)")
    axis.set_title(f"{method}: {output_label(output)}", fontsize=10)
    axis.legend(fontsize=8, loc="lower right")
    figure.tight_layout()
    return figure


def panel_grid(count: int, width: float = 4.2, height: float = 3.6) -> tuple[Figure, list]:
    """A figure with ``count`` panels, at most three a row."""
    columns = min(3, count)
    rows = math.ceil(count / columns)
    figure, axes = plt.subplots(rows, columns, figsize=(width * columns, height * rows))
    flat = list(np.atleast_1d(axes).ravel())
    for extra in flat[count:]:
        extra.set_visible(False)
    return figure, flat[:count]


# Where a point's number goes (points), turning round the point so close points' numbers part.
LABEL_OFFSETS = ((4, 4), (4, -9), (-9, 4), (-9, -9))


def morris_plane(indices: pd.DataFrame, outputs: list[str], labelled: int = 6) -> Figure:
    """Morris' mu* against sigma per output; the most influential factors are numbered."""
    figure, axes = panel_grid(len(outputs), height=4.6)
    for axis, output in zip(axes, outputs, strict=True):
        rows = indices[(indices["output"] == output) & (indices["design"] == "N")]
        table = rows.pivot(index="factor", columns="index", values="value")
        axis.scatter(table["mu_star"], table["sigma"], s=14, color="#1f4e79")
        top = table.sort_values("mu_star", ascending=False).head(labelled)
        # Numbers beside the points, the names in a key beneath: long names never overlap.
        for rank, (_, row) in enumerate(top.iterrows(), start=1):
            axis.annotate(
                str(rank), (row["mu_star"], row["sigma"]), xytext=LABEL_OFFSETS[rank % 4],
                textcoords="offset points", fontsize=7, fontweight="bold",
            )  # fmt: skip
        key = [f"{rank} {short(str(name))}" for rank, name in enumerate(top.index, start=1)]
        axis.text(
            0.0, -0.2, "\n".join(key), transform=axis.transAxes, va="top", fontsize=7,
            family="monospace",
        )  # fmt: skip
        limit = float(np.nanmax(table[["mu_star", "sigma"]].to_numpy())) * 1.05 or 1.0
        axis.plot([0, limit], [0, limit], color="#aaa", linewidth=0.8, linestyle="--")
        axis.set_xlabel("mu* (mean |elementary effect|)", fontsize=8)
        axis.set_ylabel("sigma (spread of effects)", fontsize=8)
        axis.set_title(output_label(output), fontsize=9)
    figure.suptitle("Morris screening: above the dashed line, effects vary with other factors")
    figure.tight_layout()
    return figure


def convergence(indices: pd.DataFrame, method: str, outputs: list[str]) -> Figure:
    """The main index at N and at N/2 (from the first half of the same runs), side by side."""
    figure, axes = panel_grid(len(outputs), height=4.0)
    key = MAIN_INDEX[method]
    for axis, output in zip(axes, outputs, strict=True):
        factors = top_factors(indices, method, output, 10)
        for offset, (design, colour) in enumerate((("N", "#1f4e79"), ("N/2", "#e67e22"))):
            rows = indices[
                (indices["output"] == output)
                & (indices["index"] == key)
                & (indices["design"] == design)
            ].set_index("factor")
            rows = rows.reindex(factors)
            where = np.arange(len(factors)) + (offset - 0.5) * 0.3
            error = np.clip(
                np.vstack([rows["value"] - rows["low"], rows["high"] - rows["value"]]), 0, None
            )
            size = rows["size"].dropna()
            axis.errorbar(
                rows["value"],
                where,
                xerr=error,
                fmt="o",
                markersize=3,
                color=colour,
                label=f"{design} = {int(size.iloc[0]) if len(size) else '?'}",
            )
        axis.set_yticks(np.arange(len(factors)), [short(f) for f in factors], fontsize=7)
        axis.invert_yaxis()
        axis.set_title(f"{key}: {output_label(output)}", fontsize=9)
        axis.legend(fontsize=7)
    figure.suptitle("Convergence: indices from all runs (N) and from the first half (N/2)")
    figure.tight_layout()
    return figure


def prim_tradeoff(trajectories: pd.DataFrame) -> Figure:
    """PRIM's peeling trajectory: coverage against density, coloured by restricted dimensions."""
    figure, axis = plt.subplots(figsize=(6.5, 4.8))
    first = trajectories[trajectories["box"] == 1]
    # Restricted parameters are whole numbers: one colour each, and whole-number ticks.
    counts = first["res_dim"].astype(int)
    low, high = int(counts.min()), int(counts.max())
    levels = np.arange(low, high + 2) - 0.5
    points = axis.scatter(
        first["coverage"], first["density"], c=counts, s=16,
        cmap=plt.get_cmap("viridis", len(levels) - 1), norm=BoundaryNorm(levels, len(levels) - 1),
    )  # fmt: skip
    chosen = first[first["chosen"]]
    axis.scatter(
        chosen["coverage"],
        chosen["density"],
        s=120,
        facecolors="none",
        edgecolors="#c0392b",
        linewidths=2,
        label="chosen box",
    )
    figure.colorbar(points, ax=axis, label="restricted parameters", ticks=range(low, high + 1))
    axis.set_xlabel("coverage (share of all triple wins inside the box)")
    axis.set_ylabel("density (share of triple wins in the box)")
    axis.set_title("PRIM trade-off curve of the first box")
    axis.set_xlim(0, 1.02)
    axis.set_ylim(0, 1.02)
    axis.legend(fontsize=8, loc="lower left")
    figure.tight_layout()
    return figure


def prim_limits(boxes: pd.DataFrame, summary: list[dict]) -> Figure:
    """Each box's limits on every parameter it restricts, against the sampled range."""
    labels = [f"box {r.box}: {short(r.parameter)}" for r in boxes.itertuples()]
    figure, axis = plt.subplots(figsize=(8, 1.2 + 0.45 * max(len(boxes), 1)))
    for i, row in enumerate(boxes.itertuples()):
        axis.barh(i, 1.0, color="#e5e8eb", height=0.6)
        if row.kind == "range":
            span = row.full_high - row.full_low or 1.0
            low, high = (row.low - row.full_low) / span, (row.high - row.full_low) / span
            axis.barh(i, high - low, left=low, color=GAIN_COLOUR, height=0.6)
            axis.text(low, i + 0.38, f"{row.low:.3g}", fontsize=7, ha="center")
            axis.text(high, i + 0.38, f"{row.high:.3g}", fontsize=7, ha="center")
        else:
            axis.text(0.5, i, row.categories, fontsize=8, ha="center", va="center")
    axis.set_yticks(range(len(boxes)), labels, fontsize=8)
    axis.invert_yaxis()
    axis.set_xlim(-0.05, 1.05)
    axis.set_xticks([0, 1], ["lowest sampled", "highest sampled"])
    stats = "; ".join(
        f"box {s['box']}: coverage {s['coverage']:.2f}, density {s['density']:.2f}" for s in summary
    )
    axis.set_title(f"Where a triple win is likely ({stats})", fontsize=9)
    figure.tight_layout()
    return figure
