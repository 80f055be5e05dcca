"""TripleWin in the browser: change a policy, press play, and see who gains.

Run with ``uv run run.py viz [--port P]`` or ``uv run solara run app/page.py``. The sidebar holds
the run controls (Reset, play, Step: :mod:`app.controls`), the scenario picker and seed, and a
control per policy lever of the registry and for the population (drawn by Mesa's
``ModelCreator``); the main area the app's views: the world and the triple-win panel, then tabs
for trends, distributions and the agent inspector.

How the controls work together: picking a scenario restarts the model at once with that
scenario's policies, and rebuilds the sliders so they show the scenario's values (the seed and
the number of households are kept); so does a new seed, with the policies in force. Sliders take
effect when the student presses Reset, as in every Mesa app; until then the summary at the top
lists them as waiting for Reset, beside the changes in force.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import matplotlib
import solara
import solara.lab
import solara.server.settings
from mesa.visualization.solara_viz import ModelCreator

from app import explain
from app.classroom import ClassroomModel, load, scenario_files
from app.controls import RunControls, describe_pending, pending_changes
from app.inspector import InspectorView
from app.levers import model_params, overridden_levers
from app.views import DistributionsView, Summary, TrendsView, TripleWinView, WorldView

# Figures are rendered off screen, in the server's threads.
matplotlib.use("Agg")
# The app sends nothing anywhere: no usage telemetry, also under a plain `solara run`. (The app
# is imported before the server reports its start.)
solara.server.settings.telemetry.mixpanel_enable = False
# Solara warns on every plain-http page load from 127.0.0.1 that it cannot set a cross-site
# cookie; the app is never embedded in another site, so the warning only alarms students.
warnings.filterwarnings("ignore", message="Cookies with samesite=none", category=UserWarning)

# Mesa's sliders show their value only while dragged; students need to see it all the time.
# Vuetify hides the value label with an inline display:none, which only !important overrides.
# Solara's "This website runs on Solara" badge sits over the page's text in the lower right
# corner; the sidebar says what the app is built with instead.
STYLE = """
.v-navigation-drawer .v-slider__thumb-label-container { display: block !important; }
.v-navigation-drawer .v-input__slider { margin-top: 22px; }
div:has(> b > a[href='https://solara.dev']) { display: none !important; }
"""
TITLE = "TripleWin classroom: who gains from migration?"
BUILT_WITH = "Built with Mesa (agent-based modelling) and Solara (the web page)."


def controls_for(model: ClassroomModel) -> dict:
    """The sidebar controls, starting at the model's scenario, seed, population and levers."""
    return model_params(
        model.scenario_file, model.levers_in_force, model.run_seed, model.households_count
    )


def paragraph(text: str) -> solara.Element:
    """A small paragraph of sidebar text."""
    return solara.v.Html(tag="p", children=[text], style_="font-size: 0.85rem; margin: 4px 0")


@solara.component
def RunCard(
    model: solara.Reactive[ClassroomModel],
    on_pick: Callable[[str], None],
    on_seed: Callable[[int | None], None],
    seed_problem: str,
) -> None:
    """Scenario (every file in ``scenarios/``, with its description) and seed of the runs."""
    files = solara.use_memo(scenario_files, [])
    current = model.value
    with solara.Card("Scenario and seed", classes=["tw-run-card"]):
        solara.Select(
            "Scenario file",
            values=files,
            value=current.scenario_file,
            on_value=on_pick,
            classes=["tw-scenario"],
        )
        solara.InputInt(
            "Seed (whole number; same seed, same luck)",
            value=current.run_seed,
            on_value=on_seed,
            classes=["tw-seed"],
        )
        if seed_problem:
            solara.Warning(seed_problem, classes=["tw-seed-problem"])
        paragraph(current.params.description or "")
        overridden = overridden_levers(load(current.scenario_file))
        if overridden:
            paragraph(
                "Here some countries set their own " + ", ".join(overridden) + "; the sliders "
                "set these levers for the others."
            )
        paragraph(explain.CONTROLS)


@solara.component
def Dashboard(model: ClassroomModel, pending: str) -> None:
    """The main area: summary, world and triple win, then the tabbed views.

    The world and the triple-win panel sit side by side on wide screens and one above the other
    on narrower ones (a laptop's 1024 pixels), where the map needs the whole width to be read.
    """
    with solara.Column(style={"padding": "8px"}):
        Summary(model, pending)
        with solara.ColumnsResponsive(default=12, large=[7, 5]):
            WorldView(model)
            TripleWinView(model)
        with solara.lab.Tabs(lazy=True):
            with solara.lab.Tab("Trends over time"):
                TrendsView(model)
            with solara.lab.Tab("Who is poor, who earns what"):
                DistributionsView(model)
            with solara.lab.Tab("Follow a migrant"):
                InspectorView(model)


@solara.component
def Page() -> None:
    """The app: a model per browser session, the run controls, the picker and the views."""
    first = solara.use_memo(ClassroomModel, [])
    model: solara.Reactive[ClassroomModel] = solara.use_reactive(first)
    params = solara.use_reactive(solara.use_memo(lambda: controls_for(first), []))
    # What the population and lever controls show: Mesa's ModelCreator writes it, Reset reads it.
    chosen: solara.Reactive[dict[str, Any]] = solara.use_reactive({})
    generation = solara.use_reactive(0)
    seed_problem = solara.use_reactive("")

    def restart(fresh: ClassroomModel) -> None:
        params.set(controls_for(fresh))
        model.set(fresh)
        # A new key remounts the controls, so the sliders start again from the new model's values.
        generation.set(generation.value + 1)

    def pick(scenario_file: str) -> None:
        """A new scenario: its own policies, with the seed and population kept."""
        current = model.value
        restart(ClassroomModel(scenario_file, current.run_seed, current.households_count))

    def reseed(seed: int | None) -> None:
        """A new seed: the same policies in force, other luck."""
        current = model.value
        if seed is None or seed < 0:
            seed_problem.set(
                f"A seed is a whole number from 0 up ({seed} is not one); the runs keep seed "
                f"{current.run_seed}."
            )
            return
        seed_problem.set("")
        if seed == current.run_seed:
            return
        restart(
            ClassroomModel(
                current.scenario_file, seed, current.households_count, **current.levers_in_force
            )
        )

    pending = describe_pending(pending_changes(chosen.value, model.value))
    solara.Style(STYLE)
    solara.Title(TITLE)
    with solara.AppBar():
        solara.AppBarTitle(TITLE)
    with solara.Sidebar(), solara.Column():
        RunControls(model, chosen, restart)
        RunCard(model, pick, reseed, seed_problem.value)
        with solara.Card("Policies and population"):
            ModelCreator(model, params.value, model_parameters=chosen).key(
                f"controls-{generation.value}"
            )
        paragraph(BUILT_WITH)
    Dashboard(model.value, pending)
