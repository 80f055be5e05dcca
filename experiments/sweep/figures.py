"""Figures of a sweep: heat maps over two levers, lines over one, distributions over samples.

Every figure reads the per-point summary (``points.parquet``: one row per design point with its
parameter values, mean indicators, each party's equivalent variation against the base scenario
with its 95% interval and outcome, and the verdict) and, for distributions, the runs themselves.
Verdicts take their colours from :mod:`experiments.style`, numbers their unit's format from
:mod:`experiments.formats` (a share reads "6.7%", money "56,350"), and a cell's number the colour
that reads on the cell.
"""

from __future__ import annotations

import itertools
import math
import textwrap
from collections.abc import Callable

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import ListedColormap, to_rgb
from matplotlib.figure import Figure
from matplotlib.image import AxesImage
from matplotlib.lines import Line2D

import experiments.figures  # noqa: F401  (selects the Agg backend)
from experiments import formats
from experiments.parties import BY_KEY as PARTY
from experiments.parties import WELFARE_PARTIES
from experiments.style import colour_of, text_colour_on
from experiments.verdicts import GAIN, LOSS, NEGLIGIBLE, VERDICTS
from model.catalogue import label

# Each verdict's code in the verdict heat map; anything else reads as uncertain.
VERDICT_CODES = {verdict.name: code for code, verdict in enumerate(VERDICTS)}
LEVEL_INDICATORS = (
    "emigration_rate",
    "remittances_to_gdp",
    "migrant_share_labour_force",
    "migrant_employment_rate",
    "origin_poverty_rate",
    "native_wage_low",
)
DISTRIBUTION_INDICATORS = (
    "welfare_migrants",
    "welfare_origin",
    "welfare_destination",
    *LEVEL_INDICATORS,
)
MAX_SLICES = 6
VERDICT_ALPHA = 0.75
# Characters per line of a panel's title before it wraps (a label never runs off its panel).
TITLE_WIDTH = 46


def title_of(text: str) -> str:
    """A panel title wrapped to fit its panel."""
    return "\n".join(textwrap.wrap(text, TITLE_WIDTH))


def write_numbers(axis: Axes, image: AxesImage, values: np.ndarray, texts: np.ndarray) -> None:
    """Write each cell's text in the colour that reads on the cell's colour."""
    for (row, col), value in np.ndenumerate(values):
        red, green, blue, _ = image.cmap(image.norm(value)) if np.isfinite(value) else (1, 1, 1, 1)
        axis.text(
            col, row, str(texts[row, col]), ha="center", va="center", fontsize=7,
            color=text_colour_on(red, green, blue),
        )  # fmt: skip


def colour_bar(axis: Axes, image: AxesImage, write: Callable[[float], str]) -> None:
    """The colour bar of a heat map, its ticks written like the cells (each label once)."""
    bar = axis.figure.colorbar(image, ax=axis, shrink=0.8)
    low, high = image.norm.vmin, image.norm.vmax
    ticks = [v for v in bar.get_ticks() if low <= v <= high] or [low, high]
    labels = [write(value) for value in ticks]
    # A narrow range written in its unit's format repeats labels (4.9%, 4.9%): keep each once.
    kept = [i for i, text in enumerate(labels) if text not in labels[:i]]
    bar.set_ticks([ticks[i] for i in kept], labels=[labels[i] for i in kept])
    bar.ax.tick_params(labelsize=7)


def short(path: str) -> str:
    """The last part of a dotted parameter path."""
    return path.rsplit(".", 1)[-1]


def tick(value: object) -> str:
    """A lever value as tick labels, the report's and the terminal's tables write it."""
    if isinstance(value, (int, float, np.number)) and not isinstance(value, (bool, np.bool_)):
        return formats.number(float(value))
    return str(value)


def _grid(points: pd.DataFrame, x: str, y: str, column: str) -> pd.DataFrame:
    return points.pivot_table(index=y, columns=x, values=column, aggfunc="first").sort_index(
        ascending=False
    )


def _ticks(axis: Axes, table: pd.DataFrame, x: str, y: str) -> None:
    axis.set_xticks(range(table.shape[1]), [tick(v) for v in table.columns], fontsize=8)
    axis.set_yticks(range(table.shape[0]), [tick(v) for v in table.index], fontsize=8)
    axis.set_xlabel(short(x), fontsize=9)
    axis.set_ylabel(short(y), fontsize=9)


def outcome_mark(outcome: object) -> str:
    """What a cell of a change heat map adds to its value: * a gain or a loss, ~ negligible."""
    return {GAIN: "*", LOSS: "*", NEGLIGIBLE: "~"}.get(str(outcome), "")


def change_heading(party: str) -> str:
    """A panel's heading: the party's equivalent variation and its unit."""
    return f"{PARTY[party].label}: equivalent variation ({PARTY[party].axis_unit})"


def change_panel(axis: Axes, points: pd.DataFrame, x: str, y: str, party: str) -> None:
    """A heat map of one party's mean equivalent variation, each cell marked by its outcome."""
    values = _grid(points, x, y, f"change_{party}")
    outcomes = _grid(points, x, y, f"outcome_{party}").reindex_like(values)
    finite = np.abs(values.to_numpy(dtype=float))
    bound = float(np.nanmax(finite)) if np.isfinite(finite).any() else 1.0
    bound = bound or 1.0
    numbers = values.to_numpy(dtype=float)
    image = axis.imshow(numbers, cmap="RdBu", vmin=-bound, vmax=bound)
    indicator = WELFARE_PARTIES[party]
    texts = np.empty(numbers.shape, dtype=object)
    for (row, col), value in np.ndenumerate(numbers):
        texts[row, col] = formats.change(value, indicator) + outcome_mark(outcomes.iloc[row, col])
    write_numbers(axis, image, numbers, texts)
    colour_bar(axis, image, lambda value: formats.change(value, indicator))
    axis.set_title(title_of(change_heading(party)), fontsize=8)
    _ticks(axis, values, x, y)


def verdict_colours(verdicts: pd.Series) -> list[str]:
    """Each point's verdict colour (neutral grey where it has none: a point not paired)."""
    return [colour_of(str(v)) for v in verdicts]


def verdict_legend() -> list[Line2D]:
    """A legend entry per verdict, in its colour."""
    return [
        Line2D([], [], marker="o", linestyle="", color=colour_of(v.name), label=v.name)
        for v in VERDICTS
    ]


def verdict_panel(axis: Axes, points: pd.DataFrame, x: str, y: str) -> None:
    """A heat map of the triple-win verdict at each point."""
    verdicts = _grid(points, x, y, "verdict")
    codes = verdicts.map(lambda v: VERDICT_CODES.get(v, np.nan)).to_numpy(dtype=float)
    colours = ListedColormap([colour_of(v.name) for v in VERDICTS])
    axis.imshow(codes, cmap=colours, vmin=-0.5, vmax=len(VERDICTS) - 0.5, alpha=VERDICT_ALPHA)
    for (row, col), verdict in np.ndenumerate(verdicts.to_numpy()):
        mark = str(verdict).replace(" ", "\n") if verdict in VERDICT_CODES else "-"
        cell = to_rgb(colour_of(str(verdict))) if verdict in VERDICT_CODES else (1.0, 1.0, 1.0)
        shown = [VERDICT_ALPHA * c + (1 - VERDICT_ALPHA) for c in cell]  # over a white page
        axis.text(
            col, row, mark, ha="center", va="center", fontsize=7, color=text_colour_on(*shown)
        )
    axis.set_title("verdict against the base scenario", fontsize=8)
    _ticks(axis, verdicts, x, y)


def lever_heatmaps(points: pd.DataFrame, x: str, y: str, title: str) -> Figure:
    """Heat maps over two levers: each party's welfare change, and the verdict."""
    figure, axes = plt.subplots(2, 2, figsize=(10.5, 8.4))
    for axis, party in zip(axes.flat, WELFARE_PARTIES, strict=False):
        change_panel(axis, points, x, y, party)
    verdict_panel(axes.flat[3], points, x, y)
    figure.suptitle(title, fontsize=10)
    figure.tight_layout(rect=(0, 0, 1, 0.96))
    return figure


def level_heatmaps(points: pd.DataFrame, x: str, y: str, title: str) -> Figure:
    """Heat maps over two levers of the mean level of the main indicators."""
    present = [name for name in LEVEL_INDICATORS if name in points]
    columns = 3
    rows = math.ceil(len(present) / columns)
    figure, axes = plt.subplots(rows, columns, figsize=(12, 3.6 * rows), squeeze=False)
    for axis, name in zip(axes.flat, present, strict=False):
        values = _grid(points, x, y, name)
        numbers = values.to_numpy(dtype=float)
        image = axis.imshow(numbers, cmap="viridis")

        def write(value: float, name: str = name) -> str:
            return formats.level(value, name)

        texts = np.vectorize(write, otypes=[object])
        write_numbers(axis, image, numbers, texts(numbers))
        colour_bar(axis, image, write)
        axis.set_title(title_of(label(name)), fontsize=8)
        _ticks(axis, values, x, y)
    for axis in axes.flat[len(present) :]:
        axis.set_visible(False)
    figure.suptitle(title, fontsize=10)
    figure.tight_layout(rect=(0, 0, 1, 0.95))
    return figure


def grid_slices(points: pd.DataFrame, levers: list[str]) -> list[tuple[str, pd.DataFrame]]:
    """The design points for each combination of the levers beyond the first two."""
    design = points[points["point"] != 0]
    others = levers[2:]
    if not others:
        return [("", design)]
    combos = itertools.product(*(sorted(design[o].unique()) for o in others))
    slices = []
    for combo in itertools.islice(combos, MAX_SLICES):
        mask = np.logical_and.reduce([design[o] == v for o, v in zip(others, combo, strict=True)])
        name = ", ".join(f"{short(o)}={tick(v)}" for o, v in zip(others, combo, strict=True))
        slices.append((name, design[mask]))
    return slices


def lever_lines(points: pd.DataFrame, lever: str, title: str) -> Figure:
    """Welfare changes with 95% intervals along one lever, points coloured by verdict."""
    design = points[points["point"] != 0].sort_values(lever)
    figure, axes = plt.subplots(1, 3, figsize=(12, 3.6))
    for axis, party in zip(axes, WELFARE_PARTIES, strict=True):
        mean = design[f"change_{party}"].to_numpy(dtype=float)
        error = np.vstack(
            [mean - design[f"change_{party}_low"], design[f"change_{party}_high"] - mean]
        )
        x = _positions(design[lever], axis)
        axis.errorbar(x, mean, yerr=np.nan_to_num(error), color="0.3", capsize=3, linewidth=1)
        colours = verdict_colours(design["verdict"])
        axis.scatter(x, mean, c=colours, zorder=3, edgecolors="k", linewidths=0.5)
        axis.axhline(0, color="k", linewidth=0.8)
        axis.set_title(title_of(change_heading(party)), fontsize=8)
        axis.set_xlabel(short(lever), fontsize=9)
        axis.grid(alpha=0.3)
    figure.suptitle(title, fontsize=10)
    figure.legend(handles=verdict_legend(), loc="lower center", ncol=len(VERDICTS), fontsize=8)
    figure.tight_layout(rect=(0, 0.07, 1, 0.93))
    return figure


def _positions(values: pd.Series, axis: Axes) -> np.ndarray:
    """Numbers stand for themselves; yes/no and text values become evenly spaced categories."""
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        return values.to_numpy(dtype=float)
    where = np.arange(len(values), dtype=float)
    axis.set_xticks(where, [tick(v) for v in values], fontsize=8)
    return where


def indicator_histograms(points: pd.DataFrame, title: str) -> Figure:
    """Distributions over the design points of each main indicator; the line is the base."""
    design, base = points[points["point"] != 0], points[points["point"] == 0]
    present = [name for name in DISTRIBUTION_INDICATORS if name in points]
    columns = 3
    rows = math.ceil(len(present) / columns)
    figure, axes = plt.subplots(rows, columns, figsize=(12, 3.1 * rows), squeeze=False)
    bins = min(40, max(8, int(math.sqrt(len(design))) + 1))
    for axis, name in zip(axes.flat, present, strict=False):
        values = design[name].to_numpy(dtype=float)
        axis.hist(values[np.isfinite(values)], bins=bins, color="#4a78a8", alpha=0.85)
        if not base.empty:
            axis.axvline(float(base[name].iloc[0]), color="k", linestyle="--", linewidth=1.2)
        axis.set_title(title_of(label(name)), fontsize=8)
        axis.tick_params(labelsize=7)
    for axis in axes.flat[len(present) :]:
        axis.set_visible(False)
    figure.suptitle(title, fontsize=10)
    figure.tight_layout(rect=(0, 0, 1, 0.95))
    return figure


def parameter_scatter(points: pd.DataFrame, parameters: list[str], title: str) -> Figure:
    """Each party's welfare change at each point against each sampled parameter."""
    design = points[points["point"] != 0]
    shown = parameters[:8]
    width = min(2.9 * len(shown) + 1, 16.0)
    figure, axes = plt.subplots(3, len(shown), figsize=(width, 7.2), squeeze=False, sharey="row")
    colours = verdict_colours(design["verdict"])
    for row, party in enumerate(WELFARE_PARTIES):
        for col, path in enumerate(shown):
            axis = axes[row, col]
            axis.scatter(design[path], design[f"change_{party}"], c=colours, s=12)
            axis.axhline(0, color="k", linewidth=0.7)
            axis.tick_params(labelsize=7)
            if row == 2:
                axis.set_xlabel(short(path), fontsize=8)
        axes[row, 0].set_ylabel(f"{party}: variation ($ a year)", fontsize=8)
    figure.suptitle(title, fontsize=10)
    figure.legend(handles=verdict_legend(), loc="lower center", ncol=len(VERDICTS), fontsize=8)
    figure.tight_layout(rect=(0, 0.05, 1, 0.95))
    return figure


def scenario_changes(points: pd.DataFrame, title: str) -> Figure:
    """Each listed scenario's welfare changes with 95% intervals, one panel per party."""
    design = points[points["point"] != 0].iloc[::-1]
    figure, axes = plt.subplots(1, 3, figsize=(12, 1.2 + 0.45 * len(design)), sharey=True)
    where = np.arange(len(design))
    colours = verdict_colours(design["verdict"])
    for axis, party in zip(axes, WELFARE_PARTIES, strict=True):
        mean = design[f"change_{party}"].to_numpy(dtype=float)
        error = np.vstack(
            [mean - design[f"change_{party}_low"], design[f"change_{party}_high"] - mean]
        )
        axis.errorbar(mean, where, xerr=np.nan_to_num(error), fmt="none", ecolor="0.3", capsize=3)
        axis.scatter(mean, where, c=colours, zorder=3, edgecolors="k", linewidths=0.5)
        axis.axvline(0, color="k", linewidth=0.8)
        axis.set_title(title_of(change_heading(party)), fontsize=8)
        axis.grid(alpha=0.3)
    axes[0].set_yticks(where, design["point_name"], fontsize=8)
    figure.suptitle(title, fontsize=10)
    figure.legend(handles=verdict_legend(), loc="lower center", ncol=len(VERDICTS), fontsize=8)
    figure.tight_layout(rect=(0, 0.06, 1, 0.93))
    return figure
