"""Channels: what each party's equivalent variation is made of, scenario by scenario.

One panel per party, one row per scenario, on a linear axis in PPP $ per person per year. Each
channel (:mod:`model.channels`: wages, the ``discrimination`` transfer, fiscal, remittances,
fees, saving and assets, ...) is a segment of a stacked bar: gains stack to the right of zero,
losses to the left, and the black mark is their sum, the party's variation. A transfer reads as
a segment of one sign for one party and of the other sign for another.
"""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.artist import Artist
from matplotlib.figure import Figure
from matplotlib.patches import Patch

import experiments.figures  # noqa: F401  (selects the Agg backend)
from experiments.parties import PARTIES
from model.channels import CHANNELS

# A categorical palette with a colour per channel (matplotlib's tab20, in pairs of shades).
PALETTE = "tab20"
LEGEND_COLUMNS = 5


def channel_colours() -> dict[str, tuple[float, float, float, float]]:
    """Each channel's colour, the same in every panel and figure."""
    cmap = plt.get_cmap(PALETTE)
    return {channel: cmap(index % cmap.N) for index, channel in enumerate(CHANNELS)}


def channel_plot(
    channels: Mapping[str, Mapping[str, Mapping[str, float | None]]],
    totals: Mapping[str, Mapping[str, float | None]],
    title: str = "",
) -> Figure:
    """Stacked bars of each party's variation by channel, with the total marked.

    Args:
        channels: For each scenario, for each party, each channel's mean variation.
        totals: For each scenario, each party's mean variation (the channels' sum).
        title: The figure's title.
    """
    names = list(channels)
    rows = np.arange(len(names))[::-1]
    colours = channel_colours()
    height = 2.9 + 0.45 * len(names)
    figure, axes = plt.subplots(1, 3, figsize=(13.5, height), sharey=True, squeeze=False)
    used: set[str] = set()
    for axis, party in zip(axes[0], PARTIES, strict=True):
        for row, name in zip(rows, names, strict=True):
            right = left = 0.0
            for channel in CHANNELS:
                value = channels[name][party.key].get(channel) or 0.0
                if value == 0.0:
                    continue
                start = right if value > 0 else left
                axis.barh(row, value, left=start, height=0.6, color=colours[channel], zorder=2)
                used.add(channel)
                right, left = (right + value, left) if value > 0 else (right, left + value)
            total = totals[name][party.key]
            if total is not None:
                axis.plot([total], [row], "D", color="black", markersize=5, zorder=3)
        axis.axvline(0.0, color="0.25", linewidth=0.9, zorder=1)
        axis.set_title(party.label, fontsize=11, fontweight="bold")
        axis.set_xlabel(party.change_unit, fontsize=8)
        axis.tick_params(labelsize=8)
        axis.grid(axis="x", alpha=0.3)
    axes[0][0].set_yticks(rows, names, fontsize=8)
    handles: list[Artist] = [Patch(color=colours[c], label=c) for c in CHANNELS if c in used]
    handles.append(
        plt.Line2D([], [], marker="D", linestyle="", color="black", label="total (the variation)")
    )
    figure.legend(
        handles=handles, loc="lower center", ncol=LEGEND_COLUMNS, fontsize=8, frameon=False
    )
    if title:
        figure.suptitle(title, fontsize=11)
    # Room below the panels for the legend: its rows of about a fifth of an inch, and a gap.
    legend_rows = -(-len(handles) // LEGEND_COLUMNS)
    figure.tight_layout(rect=(0, (0.25 + 0.2 * legend_rows) / height, 1, 0.95))
    return figure
