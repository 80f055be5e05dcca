"""The app's views as Solara components; each redraws when Mesa's step counter moves.

Every view is a chart with its explanation beside it (:mod:`app.explain`). Charts are
rendered to PNG on the server and cached on the model and its year, so a view draws at most
once a year whatever else changes on the page. Mesa's ``update_counter`` is bumped by the
controller after each step (or each ``render_interval`` steps while playing).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import solara
from matplotlib.figure import Figure
from mesa.visualization.utils import update_counter

from app import explain, state
from app.classroom import ClassroomModel
from app.controls import shown
from app.figures.distributions import DistributionsChart
from app.figures.style import to_png
from app.figures.trends import TrendsChart
from app.figures.triple_win import TripleWinChart
from app.figures.world import WorldChart
from app.levers import LEVER_NAMES, label
from app.verdict import headline_verdict, losing_groups, overall, verdicts
from experiments.formats import level, write_change
from experiments.style import colour_of
from model.catalogue import UNITS

# The numbers the summary shows of the latest year; each indicator is written in its unit.
STATS = (
    "Migrants abroad {migrants_abroad} · emigration rate {emigration_rate} · remittances "
    "{remittances_to_gdp} of origin GDP, fees {remittance_cost_share} of the money sent · "
    "origin poverty {origin_poverty_rate} · migrants employed {migrant_employment_rate}"
)


@solara.component
def Chart(draw: Callable[[], Figure], dependencies: list[Any], name: str) -> None:
    """A matplotlib figure as an image, redrawn only when ``dependencies`` change."""
    image = solara.use_memo(lambda: to_png(draw()), dependencies)
    solara.Image(image, width="100%", classes=[f"tw-chart-{name}"])


@solara.component
def NoteView(note: explain.Note) -> None:
    """An explanation: what the view shows and what drives it."""
    with solara.Column(gap="2px", classes=["tw-note"], style={"font-size": "0.85rem"}):
        solara.v.Html(tag="h4", children=[note.title])
        solara.v.Html(tag="p", children=[note.shows])
        solara.v.Html(tag="b", children=["What drives it"])
        solara.v.Html(
            tag="ul", children=[solara.v.Html(tag="li", children=[d]) for d in note.drivers]
        )


def dollars(value: float) -> str:
    """A change in PPP $, signed."""
    return write_change(value, UNITS["PPP $"])


def stats_line(latest: dict[str, float]) -> str:
    """The key numbers of a year, each in its unit's format."""
    return STATS.format(**{name: level(value, name) for name, value in latest.items()})


@solara.component
def Summary(model: ClassroomModel, pending: str = "") -> None:
    """What is running: scenario, year, seed, population, the student's changes, key numbers.

    Args:
        model: The running model.
        pending: The controls' changes that wait for Reset, in words ('' when none).
    """
    update_counter.get()
    scenario, _ = state.paired_yearly(model)
    changes = ", ".join(
        f"{label(name)} {shown(value)} (scenario {shown(before)})"
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
        solara.Text(
            f"Your changes to the scenario, in force: {changes or 'none'}", classes=["tw-changes"]
        )
        if pending:
            solara.v.Html(
                tag="div",
                class_="tw-pending",
                style_="color: #8a4b00; font-weight: 600",
                children=[
                    f"Waiting for RESET (the running model does not use them yet): {pending}"
                ],
            )
        in_force = model.levers_in_force
        solara.Text(
            "In force: " + ", ".join(f"{label(k)} {shown(in_force[k])}" for k in LEVER_NAMES),
            classes=["tw-in-force"],
            style={"font-size": "0.8rem", "color": "#555"},
        )
        if model.year:
            solara.Text(stats_line(scenario.iloc[-1].to_dict()), classes=["tw-stats"])


@solara.component
def WorldView(model: ClassroomModel) -> None:
    """The map of origins, destinations, stocks and flows."""
    update_counter.get()
    chart = solara.use_memo(lambda: WorldChart(model), [model])
    with solara.Card(classes=["tw-world"]):
        Chart(lambda: chart.update(model), [model, model.year], "world")
        NoteView(explain.WORLD)


@solara.component
def TripleWinView(model: ClassroomModel) -> None:
    """Each party's equivalent variation against the baseline, coloured by the verdict so far,
    and the groups losing so far."""
    update_counter.get()
    records, negligible = state.welfare_pairs(model), state.margin(model)
    judged = verdicts(records, negligible)
    chart = solara.use_memo(lambda: TripleWinChart(model.horizon), [model])
    with solara.Card(classes=["tw-triple-win"]):
        headline = overall(judged, negligible)
        solara.v.Html(
            tag="h3",
            class_="tw-verdict",
            style_=f"color: {colour_of(headline_verdict(judged))}",
            children=[headline],
        )
        for party in judged:
            colour = colour_of(party.verdict)
            solara.v.Html(
                tag="div",
                class_=f"tw-party tw-party-{party.party.key}",
                style_=f"border-left: 6px solid {colour}; padding-left: 6px; margin: 2px 0",
                children=[f"{party.party.label}: {party.verdict} · {party.describe()}"],
            )
        losers = losing_groups(records, negligible)
        solara.v.Html(
            tag="div",
            class_="tw-losing-groups",
            style_="font-size: 0.85rem; margin: 4px 0",
            children=[
                "Groups losing so far: "
                + ", ".join(f"{name} ({dollars(value)} $ a year)" for name, value in losers)
                if losers
                else f"No group losing more than {negligible:g} $ a year so far"
            ],
        )
        Chart(
            lambda: chart.update(records, judged, negligible),
            [model, model.year],
            "triple-win",
        )
        NoteView(explain.TRIPLE_WIN)


@solara.component
def TrendsView(model: ClassroomModel) -> None:
    """Eight time series, this run against the baseline."""
    update_counter.get()
    scenario, baseline = state.paired_yearly(model)
    chart = solara.use_memo(lambda: TrendsChart(model.horizon), [model])
    with solara.Column(classes=["tw-trends"]):
        Chart(lambda: chart.update(scenario, baseline), [model, model.year], "trends")
        NoteView(explain.TRENDS)


@solara.component
def DistributionsView(model: ClassroomModel) -> None:
    """Consumption at origin and migrants' wages abroad."""
    update_counter.get()
    chart = solara.use_memo(lambda: DistributionsChart(state.poverty_lines(model)), [model])
    with solara.Column(classes=["tw-distributions"]):
        Chart(lambda: chart.update(model), [model, model.year], "distributions")
        NoteView(explain.DISTRIBUTIONS)
