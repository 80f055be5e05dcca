"""The app's views as Solara components; each redraws when Mesa's step counter moves.

Every view is a chart with its explanation beside it (:mod:`model.viz.explain`). Charts are
rendered to PNG on the server and cached on the model and its year, so a view draws at most
once a year whatever else changes on the page. Mesa's ``update_counter`` is bumped by the
controller after each step (or each ``render_interval`` steps while playing).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import solara
from matplotlib.figure import Figure
from mesa.visualization.utils import update_counter

from model.viz import explain
from model.viz.classroom import ClassroomModel
from model.viz.figures.distributions import DistributionsChart
from model.viz.figures.style import VERDICT_COLOURS, to_png
from model.viz.figures.trends import TrendsChart
from model.viz.figures.triple_win import TripleWinChart
from model.viz.figures.world import WorldChart
from model.viz.levers import SLIDERS, SWITCHES
from model.viz.verdict import headline_kind, overall, verdicts

LABELS = {lever.name: lever.label for lever in SLIDERS} | SWITCHES


def shown(value: Any) -> str:
    """A lever value as the summary shows it."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return f"{value:g}"


@solara.component
def Chart(draw: Callable[[], Figure], dependencies: list[Any], name: str):
    """A matplotlib figure as an image, redrawn only when ``dependencies`` change."""
    image = solara.use_memo(lambda: to_png(draw()), dependencies)
    solara.Image(image, width="100%", classes=[f"tw-chart-{name}"])


@solara.component
def NoteView(note: explain.Note):
    """An explanation: what the view shows and what drives it."""
    with solara.Column(gap="2px", classes=["tw-note"], style={"font-size": "0.85rem"}):
        solara.v.Html(tag="h4", children=[note.title])
        solara.v.Html(tag="p", children=[note.shows])
        solara.v.Html(tag="b", children=["What drives it"])
        solara.v.Html(
            tag="ul", children=[solara.v.Html(tag="li", children=[d]) for d in note.drivers]
        )


def poverty_lines(model: ClassroomModel) -> np.ndarray:
    """Each origin's poverty line, in the order of the model's origins."""
    return np.array([model.params.origins[name].poverty_line for name in model.origin_names])


def frames(model: ClassroomModel):
    """This run's and the baseline's yearly indicators so far."""
    return model.recorder.frame(model.year), model.baseline.recorder.frame(model.year)


@solara.component
def Summary(model: ClassroomModel):
    """What is running: scenario, year, seed, population, the student's changes, key numbers."""
    update_counter.get()
    scenario, _ = frames(model)
    changes = ", ".join(
        f"{LABELS[name]} {shown(value)} (scenario {shown(before)})"
        for name, (before, value) in model.changes.items()
    )
    with solara.Column(gap="0px", classes=["tw-summary"]):
        solara.v.Html(
            tag="h3",
            children=[
                f"{model.scenario_name}: year {model.year} of {model.horizon} "
                f"(seed {model.run_seed}, {model.households_count:,} households)"
            ],
        )
        solara.Text(model.params.description or "")
        solara.Text(f"Your changes to the scenario: {changes or 'none'}", classes=["tw-changes"])
        in_force = model.levers_in_force
        solara.Text(
            "In force: " + ", ".join(f"{LABELS[k]} {shown(in_force[k])}" for k in LABELS),
            classes=["tw-in-force"],
            style={"font-size": "0.8rem", "color": "#555"},
        )
        if model.year:
            last = scenario.iloc[-1]
            solara.Text(
                f"Migrants abroad {last['migrants_abroad']:,.0f} · emigration rate "
                f"{last['emigration_rate']:.1%} · remittances {last['remittances_to_gdp']:.1%} of "
                f"origin GDP, fees {last['remittance_cost_share']:.1%} of the money sent · "
                f"origin poverty {last['origin_poverty_rate']:.1%} · migrants employed "
                f"{last['migrant_employment_rate']:.0%}",
                classes=["tw-stats"],
            )


@solara.component
def WorldView(model: ClassroomModel):
    """The map of origins, destinations, stocks and flows."""
    update_counter.get()
    chart = solara.use_memo(lambda: WorldChart(model), [model])
    with solara.Card(classes=["tw-world"]):
        Chart(lambda: chart.update(model), [model, model.year], "world")
        NoteView(explain.WORLD)


@solara.component
def TripleWinView(model: ClassroomModel):
    """Each party's welfare against the baseline, coloured by the verdict so far."""
    update_counter.get()
    scenario, baseline = frames(model)
    window = min(model.params.simulation.evaluation_years, max(model.year, 1))
    judged = verdicts(scenario, baseline, window)
    chart = solara.use_memo(lambda: TripleWinChart(model.horizon), [model])
    with solara.Card(classes=["tw-triple-win"]):
        headline = overall(judged)
        solara.v.Html(
            tag="h3",
            class_="tw-verdict",
            style_=f"color: {VERDICT_COLOURS[headline_kind(judged)]}",
            children=[headline],
        )
        for party in judged:
            colour = VERDICT_COLOURS[party.verdict]
            solara.v.Html(
                tag="div",
                class_=f"tw-party tw-party-{party.party.key}",
                style_=f"border-left: 6px solid {colour}; padding-left: 6px; margin: 2px 0",
                children=[f"{party.party.label}: {party.verdict} · {party.describe()}"],
            )
        Chart(
            lambda: chart.update(scenario, baseline, judged, window),
            [model, model.year],
            "triple-win",
        )
        NoteView(explain.TRIPLE_WIN)


@solara.component
def TrendsView(model: ClassroomModel):
    """Eight time series, this run against the baseline."""
    update_counter.get()
    scenario, baseline = frames(model)
    chart = solara.use_memo(lambda: TrendsChart(model.horizon), [model])
    with solara.Column(classes=["tw-trends"]):
        Chart(lambda: chart.update(scenario, baseline), [model, model.year], "trends")
        NoteView(explain.TRENDS)


@solara.component
def DistributionsView(model: ClassroomModel):
    """Consumption at origin and migrants' wages abroad."""
    update_counter.get()
    chart = solara.use_memo(lambda: DistributionsChart(poverty_lines(model)), [model])
    with solara.Column(classes=["tw-distributions"]):
        Chart(lambda: chart.update(model), [model, model.year], "distributions")
        NoteView(explain.DISTRIBUTIONS)
