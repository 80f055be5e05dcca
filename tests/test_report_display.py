"""Figures and tables that read right: contrast, number formats, whole-number scales, labels."""

from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd
import pytest

from experiments import formats
from experiments.sensitivity.figures import morris_plane, prim_tradeoff
from experiments.style import text_colour_on
from experiments.sweep.figures import LEVEL_INDICATORS, level_heatmaps, lever_heatmaps
from model.catalogue import unit_of

MIN_CONTRAST = 3.9


def luminance(colour) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = matplotlib.colors.to_rgb(colour)
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(one, other) -> float:
    """The WCAG 2 contrast ratio of two colours."""
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("cmap", ["viridis", "RdBu", "magma"])
def test_text_on_any_cell_of_a_colour_map_reads(cmap):
    for value in np.linspace(0, 1, 101):
        cell = matplotlib.colormaps[cmap](value)[:3]
        assert contrast(text_colour_on(*cell), cell) >= MIN_CONTRAST, (cmap, value)


def grid_points() -> pd.DataFrame:
    """A 3 x 3 grid of levers with indicator levels spanning their colour maps."""
    rng = np.random.default_rng(5)
    rows = []
    for point, (fee, quota) in enumerate(
        [(f, q) for f in (0.01, 0.03, 0.1) for q in (3.5, 7.0, 14.0)], start=1
    ):
        row = {"point": point, "policy.remittance_fee": fee, "policy.temporary_quota": quota}
        for party in ("migrants", "origin", "destination"):
            mean = rng.normal(0, 50)
            row |= {
                f"change_{party}": mean,
                f"change_{party}_low": mean - 20,
                f"change_{party}_high": mean + 20,
                f"outcome_{party}": "gain" if mean > 20 else "loss" if mean < -20 else "uncertain",
            }
        row["verdict"] = "uncertain"
        row |= {name: rng.uniform(0.04, 0.12) for name in LEVEL_INDICATORS}
        row["native_wage_low"] = rng.uniform(55_000, 57_000)
        rows.append(row)
    return pd.DataFrame(rows)


def cell_texts(figure):
    """(axis, text) of every number written on a heat map's cells."""
    for axis in figure.axes:
        if not axis.images:
            continue
        for text in axis.texts:
            yield axis, text


@pytest.mark.parametrize("draw", [level_heatmaps, lever_heatmaps])
def test_heat_map_numbers_read_on_their_cells_in_their_units(draw):
    points = grid_points()
    figure = draw(points, "policy.temporary_quota", "policy.remittance_fee", "t")
    checked = 0
    for axis, text in cell_texts(figure):
        written = text.get_text()
        assert "e+" not in written and "e-" not in written, written
        image = axis.images[0]
        col, row = (round(v) for v in text.get_position())
        value = image.get_array()[row, col]
        cell = image.cmap(image.norm(value))[:3] if np.isfinite(value) else None
        if cell is not None and not np.ma.is_masked(value) and image.get_alpha() is None:
            assert contrast(text.get_color(), cell) >= MIN_CONTRAST, (written, cell)
            checked += 1
    assert checked >= 9 * 3


def test_level_heat_maps_write_each_indicator_in_its_unit_once_per_label():
    figure = level_heatmaps(grid_points(), "policy.temporary_quota", "policy.remittance_fee", "t")
    panels = [axis for axis in figure.axes if axis.images]
    for axis, name in zip(panels, LEVEL_INDICATORS, strict=True):
        texts = [t.get_text() for t in axis.texts]
        suffix = unit_of(name).suffix
        assert all(t.endswith(suffix) for t in texts if suffix), (name, texts)
    bars = [axis for axis in figure.axes if not axis.images]
    for bar in bars:
        labels = [t.get_text() for t in bar.get_yticklabels() if t.get_text()]
        assert labels and len(labels) == len(set(labels))


def test_the_prim_colour_bar_counts_whole_parameters():
    trajectories = pd.DataFrame(
        {
            "box": [1] * 5,
            "coverage": np.linspace(1, 0.3, 5),
            "density": np.linspace(0.2, 0.9, 5),
            "res_dim": [0, 1, 1, 1, 1],
            "chosen": [False, False, False, False, True],
        }
    )
    figure = prim_tradeoff(trajectories)
    bar = next(axis for axis in figure.axes if axis.get_ylabel() == "restricted parameters")
    ticks = bar.get_yticks()
    assert list(ticks) == [0, 1]
    assert [t.get_text() for t in bar.get_yticklabels()] == ["0", "1"]


def test_the_morris_plane_numbers_points_and_names_them_once_in_a_key():
    factors = [f"policy.lever_{i}" for i in range(8)]
    rows = []
    for output in ("change_migrants", "emigration_rate"):
        for i, factor in enumerate(factors):
            # Two pairs of factors sit on the same point: their names would overlap.
            spot = i // 2
            for index, value in (("mu_star", 10.0 + spot), ("sigma", 5.0 + spot)):
                rows.append(
                    {"output": output, "factor": factor, "index": index, "design": "N",
                     "value": value}
                )  # fmt: skip
    figure = morris_plane(pd.DataFrame(rows), ["change_migrants", "emigration_rate"], labelled=6)
    for axis in figure.axes[:2]:
        beside = [t.get_text() for t in axis.texts if t.get_text().isdigit()]
        assert sorted(beside) == [str(i) for i in range(1, 7)]
        key = next(t.get_text() for t in axis.texts if not t.get_text().isdigit())
        assert len(key.splitlines()) == 6 and all(f in key for f in factors[2:])


@pytest.mark.parametrize("value", [1.374e-05, -3e-5, 5.2e-18, 12_345.6, 1e7, 0.062])
def test_numbers_without_a_unit_are_never_in_scientific_notation(value):
    written = formats.number(value)
    assert "e" not in written
    assert float(written.replace(",", "")) == pytest.approx(value, rel=1e-3)


def test_quadrant_names_of_crowded_scenarios_do_not_overlap():
    from matplotlib.text import Annotation, Text

    from experiments.comparison.quadrant import quadrant_plot
    from experiments.statistics import Estimate

    def near_zero(shift: float) -> dict[str, Estimate]:
        return {p: Estimate(shift, shift - 1.0, shift + 1.0, 10) for p in PARTIES}

    # Six scenarios of nearly no effect crowd the origin, as a library comparison does.
    welfare = {f"scenario_{i}": near_zero(0.5 * i) for i in range(6)}
    welfare["far_away"] = {p: Estimate(-900.0, -950.0, -850.0, 10) for p in PARTIES}
    figure = quadrant_plot(welfare, margin=25.0)
    renderer = figure.canvas.get_renderer()
    names = [a for a in figure.axes[0].texts if isinstance(a, Annotation)]
    assert sorted(a.get_text() for a in names) == sorted(welfare)
    boxes = []
    for name in names:
        name.update_positions(renderer)
        boxes.append(Text.get_window_extent(name, renderer))
    for i, box in enumerate(boxes):
        for other in boxes[i + 1 :]:
            assert not box.overlaps(other)
    matplotlib.pyplot.close(figure)


PARTIES = ("migrants", "origin", "destination")
