"""Distributions: who is poor at origin, and what migrants earn abroad by skill.

Left: consumption per person of origin households (people counted, log scale), this run filled
and the baseline's outlined, with each origin's poverty line. Right: wages of employed migrants
abroad, stacked: low-skilled migrants, skilled migrants in skilled jobs, and skilled migrants in
low-skilled jobs (brain waste), with natives' mean wages by skill for comparison.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from matplotlib.figure import Figure

from app.figures.style import SCENARIO_COLOUR, figure, fit_y, tidy
from app.state import residents
from experiments.style import BASELINE_COLOUR
from model.population import HIGH, LOW

if TYPE_CHECKING:
    from app.classroom import ClassroomModel
    from model.model import TripleWinModel

BINS = 30
LOWEST_CONSUMPTION = 50.0
WAGE_GROUPS = (
    ("low-skilled", "#4c72b0"),
    ("skilled, skilled job", "#55a868"),
    ("skilled, low-skilled job (brain waste)", "#c44e52"),
)


def consumption_per_person(model: TripleWinModel) -> tuple[np.ndarray, np.ndarray]:
    """Each household's consumption per resident, and its number of residents (the weight)."""
    people = residents(model).astype(float)
    return model.households.consumption / np.maximum(people, 1.0), people


def poverty_rate(per_person: np.ndarray, weight: np.ndarray, lines: np.ndarray) -> float:
    """Share of people in households below their origin's poverty line."""
    return float((weight * (per_person < lines)).sum() / max(weight.sum(), 1.0))


def wage_groups(model: TripleWinModel) -> list[np.ndarray]:
    """Wages of employed migrants abroad: low-skilled; skilled in skilled jobs; brain waste."""
    people = model.migrants
    working = people.abroad() & people.employed
    skilled = people.skill == HIGH
    return [
        people.wage[working & ~skilled],
        people.wage[working & skilled & (people.occupation == HIGH)],
        people.wage[working & skilled & (people.occupation == LOW)],
    ]


def native_wage(model: TripleWinModel, skill: int) -> float:
    """Natives' mean wage of one skill over all destinations and regions, weighted by workers."""
    wages = np.concatenate([d.native_wages[:, skill] for d in model.destinations])
    workers = np.concatenate([d.natives[:, skill] for d in model.destinations])
    return float(np.average(wages, weights=workers))


class DistributionsChart:
    """Consumption at origin and migrants' wages abroad, built once per run, updated yearly.

    Args:
        poverty_lines: Poverty line of each origin (PPP $ per person a year).
    """

    def __init__(self, poverty_lines: np.ndarray) -> None:
        self.lines = np.asarray(poverty_lines, dtype=float)
        self.figure = figure(11.0, 3.9, left=0.06, top=0.9, bottom=0.16, wspace=0.2)
        self.consumption, self.wages = self.figure.subplots(1, 2)
        edges = np.linspace(0.0, 1.0, BINS + 1)
        ax = self.consumption
        self.mine = ax.stairs(np.zeros(BINS), edges, fill=True, color=SCENARIO_COLOUR, alpha=0.6)
        self.base = ax.stairs(np.zeros(BINS), edges, color=BASELINE_COLOUR, lw=1.5)
        self.mine.set_label("this run")
        self.base.set_label("baseline")
        for line in np.unique(self.lines):
            ax.axvline(line, color="black", ls=":", lw=1.5)
        ax.set_xlabel(
            "consumption per person ($ a year, log scale); dotted: poverty line", fontsize=8
        )
        ax.set_ylabel("people", fontsize=8)
        ax.legend(fontsize=8, frameon=False, loc="upper right")
        tidy(ax)
        ax.set_xscale("log")  # after tidy: a log axis brings its own tick locator
        self.groups = [
            self.wages.stairs(np.zeros(BINS), edges, fill=True, color=colour, label=name)
            for name, colour in WAGE_GROUPS
        ]
        self.native = [
            self.wages.axvline(0.0, color="black", ls=style, lw=1.2) for style in ("--", "-.")
        ]
        self.wages.set_xlabel(
            "wage ($ thousand a year); lines: natives' mean wage, low-skilled (--), skilled (-.)",
            fontsize=8,
        )
        self.wages.set_ylabel("migrants", fontsize=8)
        self.wages.legend(fontsize=8, frameon=False, loc="upper right")
        tidy(self.wages)

    def update(self, model: ClassroomModel) -> Figure:
        """Histograms of this year."""
        self._update_consumption(model)
        self._update_wages(model)
        return self.figure

    def _update_consumption(self, model: ClassroomModel) -> None:
        ax = self.consumption
        mine, weight = consumption_per_person(model)
        base, base_weight = consumption_per_person(model.baseline)
        values = np.concatenate([mine, base])
        values = values[values > 0]
        if model.year == 0 or values.size == 0:
            ax.set_title(
                "Origin households: step the model (consumption starts in year 1)",
                fontsize=10,
                loc="left",
            )
            return
        edges = np.geomspace(max(values.min(), LOWEST_CONSUMPTION), values.max() * 1.01, BINS + 1)
        counts = np.histogram(mine, edges, weights=weight)[0]
        base_counts = np.histogram(base, edges, weights=base_weight)[0]
        self.mine.set_data(counts, edges)
        self.base.set_data(base_counts, edges)
        ax.set_xlim(min(edges[0], self.lines.min()) * 0.9, max(edges[-1], self.lines.max()) * 1.1)
        fit_y(ax, 0.0, counts, base_counts)
        rate = poverty_rate(mine, weight, self.lines[model.households.origin])
        base_rate = poverty_rate(base, base_weight, self.lines[model.baseline.households.origin])
        ax.set_title(
            f"Origin households: {rate:.1%} of people poor (baseline {base_rate:.1%})",
            fontsize=10,
            loc="left",
        )

    def _update_wages(self, model: ClassroomModel) -> None:
        ax = self.wages
        groups = [wages / 1e3 for wages in wage_groups(model)]
        everyone = np.concatenate(groups)
        natives = [native_wage(model, skill) / 1e3 for skill in (LOW, HIGH)]
        top = np.quantile(everyone, 0.99) * 1.05 if everyone.size else max(natives) * 1.2
        edges = np.linspace(0.0, max(top, 1.0), BINS + 1)
        below = np.zeros(BINS)
        for stairs, wages in zip(self.groups, groups, strict=True):
            counts = np.histogram(wages, edges)[0]
            stairs.set_data(below + counts, edges, baseline=below.copy())
            below = below + counts
        for line, wage in zip(self.native, natives, strict=True):
            line.set_xdata([wage, wage])
        ax.set_xlim(0.0, max(edges[-1], max(natives) * 1.05))
        fit_y(ax, 0.0, below)
        skilled = groups[1].size + groups[2].size
        waste = f"{groups[2].size / skilled:.0%}" if skilled else "none"
        ax.set_title(
            f"Migrants' wages abroad (brain waste: {waste} of skilled with jobs)",
            fontsize=10,
            loc="left",
        )
