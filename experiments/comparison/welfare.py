"""Yearly paths of the three parties' consumption: levels per scenario, and paired changes.

The verdict reads each party's present value over the whole run (the equivalent variation of
:mod:`experiments.comparison.variations`); these figures show the yearly indicators behind it
(``welfare_migrants``, ``welfare_origin``, ``welfare_destination``: this year's consumption per
origin-born person, or per native, in PPP $), so a reader sees when a policy's gains or losses
appear and whether they last. Each scenario keeps its colour
(:func:`experiments.style.scenario_colour`, by its position in the command's list).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from experiments.figures import scenario_gid
from experiments.figures.yearly import mean_band
from experiments.parties import PARTIES
from experiments.style import scenario_colour
from model.catalogue import label


def welfare_paths(
    frames: dict[str, pd.DataFrame], positions: dict[str, int], replications: int
) -> Figure:
    """Each party's yearly consumption indicator: mean over replications with its 95% band.

    Args:
        frames: Yearly tables (``replication``, ``year``, indicators) by scenario, baseline first.
        positions: Each scenario's position in the command's list (0: the baseline).
        replications: Replications per scenario (for the title).
    """
    headings = {party.key: _wrap(label(party.indicator)) for party in PARTIES}
    title = (
        f"The three parties' consumption year by year: mean of {replications} replications "
        "with 95% band"
    )
    return _draw(frames, positions, headings, title, zero_line=False)


def welfare_change_paths(
    changes: dict[str, pd.DataFrame], positions: dict[str, int], baseline: str, replications: int
) -> Figure:
    """Each party's paired yearly change against the baseline, with its 95% band."""
    headings = {
        party.key: f"{party.label}: change in this year's consumption\n(PPP $ a year, "
        + ("per native)" if party.key == "destination" else "per origin-born person)")
        for party in PARTIES
    }
    title = (
        f"Change against '{baseline}' within each replication, year by year: mean of "
        f"{replications} paired replications with 95% band"
    )
    return _draw(changes, positions, headings, title, zero_line=True)


def _wrap(text: str) -> str:
    head, _, tail = text.partition(": ")
    return f"{head}:\n{tail}" if tail else text


def _draw(
    frames: dict[str, pd.DataFrame],
    positions: dict[str, int],
    headings: dict[str, str],
    title: str,
    zero_line: bool,
) -> Figure:
    figure, axes = plt.subplots(1, len(headings), figsize=(15, 4.4), sharex=True, squeeze=False)
    indicators = {party.key: party.indicator for party in PARTIES}
    for axis, (party, heading) in zip(axes[0], headings.items(), strict=True):
        for name, frame in frames.items():
            tint = scenario_colour(positions[name])
            band = mean_band(frame, indicators[party])
            years = band.index.to_numpy()
            axis.plot(
                years, band["mean"].to_numpy(), color=tint, label=name, gid=scenario_gid(name)
            )
            axis.fill_between(
                years,
                band["low"].to_numpy(),
                band["high"].to_numpy(),
                color=tint,
                alpha=0.18,
                linewidth=0,
            )
        if zero_line:
            axis.axhline(0.0, color="0.25", linewidth=0.9)
        axis.set_title(heading, fontsize=9)
        axis.set_xlabel("year", fontsize=8)
        axis.tick_params(labelsize=8)
        axis.grid(alpha=0.3)
    handles, names = axes[0][0].get_legend_handles_labels()
    figure.legend(handles, names, loc="center right", fontsize=8, frameon=False)
    figure.suptitle(title, fontsize=11)
    figure.tight_layout(rect=(0, 0, 0.86, 0.95))
    return figure
