"""Yearly paths of the three parties' welfare: levels per scenario, and paired changes over time.

Levels are shown in money where a reader can picture it: the origin's mean log consumption as
the geometric-mean consumption per resident, the destination's log income per native as income
per native. Changes are shown in each party's unit, as in the forest plot. Each scenario keeps
its colour (:func:`experiments.style.scenario_colour`, by its position in the command's list).
"""

from __future__ import annotations

from collections.abc import Callable

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from experiments.figures import scenario_gid
from experiments.figures.yearly import mean_band
from experiments.parties import PARTIES
from experiments.style import scenario_colour

Transform = Callable[[np.ndarray], np.ndarray]
LEVELS: dict[str, tuple[str, Transform]] = {
    "migrants": ("Migrants: realised income gain per origin-born person (PPP $)", np.asarray),
    "origin": ("Origin: geometric-mean consumption per resident (PPP $)", np.exp),
    "destination": ("Destination: income per native (PPP $)", np.exp),
}
# A panel: its heading, what turns the indicator into what is drawn, and a factor before it.
Panel = tuple[str, Transform, float]


def welfare_paths(
    frames: dict[str, pd.DataFrame],
    positions: dict[str, int],
    evaluation_years: int,
    replications: int,
) -> Figure:
    """Each party's welfare, year by year: mean over replications with its 95% band.

    Args:
        frames: Yearly tables (``replication``, ``year``, indicators) by scenario, baseline first.
        positions: Each scenario's position in the command's list (0: the baseline).
        evaluation_years: Length of the evaluation window, shaded.
        replications: Replications per scenario (for the title).
    """
    panels = {party: (heading, transform, 1.0) for party, (heading, transform) in LEVELS.items()}
    title = (
        f"Welfare of the three parties: mean of {replications} replications with 95% band "
        "(shaded: the evaluation window)"
    )
    return _draw(frames, positions, panels, evaluation_years, title, zero_line=False)


def welfare_change_paths(
    changes: dict[str, pd.DataFrame],
    positions: dict[str, int],
    baseline: str,
    evaluation_years: int,
    replications: int,
) -> Figure:
    """Each party's paired change against the baseline, year by year, with its 95% band."""
    panels: dict[str, Panel] = {
        party.key: (f"{party.label}: change\n{party.change_unit}", np.asarray, party.factor)
        for party in PARTIES
    }
    title = (
        f"Change against '{baseline}' within each replication: mean of {replications} paired "
        "replications with 95% band (shaded: the evaluation window)"
    )
    return _draw(changes, positions, panels, evaluation_years, title, zero_line=True)


def _draw(
    frames: dict[str, pd.DataFrame],
    positions: dict[str, int],
    panels: dict[str, Panel],
    evaluation_years: int,
    title: str,
    zero_line: bool,
) -> Figure:
    figure, axes = plt.subplots(1, len(panels), figsize=(15, 4.4), sharex=True, squeeze=False)
    last = max(int(frame["year"].max()) for frame in frames.values())
    indicators = {party.key: party.indicator for party in PARTIES}
    for axis, (party, (heading, transform, factor)) in zip(axes[0], panels.items(), strict=True):
        for name, frame in frames.items():
            tint = scenario_colour(positions[name])
            band = mean_band(frame, indicators[party])
            years = band.index.to_numpy()
            mean = transform(band["mean"].to_numpy() * factor)
            axis.plot(years, mean, color=tint, label=name, gid=scenario_gid(name))
            axis.fill_between(
                years,
                transform(band["low"].to_numpy() * factor),
                transform(band["high"].to_numpy() * factor),
                color=tint,
                alpha=0.18,
                linewidth=0,
            )
        axis.axvspan(last - evaluation_years + 0.5, last + 0.5, color="0.92", zorder=0)
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
