"""TripleWin in the browser: change a policy, press play, and see who gains.

Run with ``uv run run.py viz [--port P]`` or ``uv run solara run app/page.py``. The page is
Mesa's ``SolaraViz`` (its play, step and reset controls, and a control per policy lever of the
registry) with a scenario picker above it and the app's views in the main area: the world and
the triple-win panel, then tabs for trends, distributions and the agent inspector.

How the controls work together: picking a scenario restarts the model at once with that
scenario's policies, and rebuilds the sliders so they show the scenario's values (the seed and
the number of households are kept). Sliders, the seed box and the population take effect when
the student presses Reset, as in every Mesa app; the summary at the top lists the changes in
force.
"""

from __future__ import annotations

import warnings

import matplotlib
import solara
import solara.lab
import solara.server.settings
from mesa.visualization import SolaraViz

from app import explain
from app.classroom import ClassroomModel, load, scenario_files
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

# Play: a year every 150 ms at most; the views redraw after every year (render_interval 1)
# because a year at 2,000 households renders in well under a second.
PLAY_INTERVAL_MS = 150

# Mesa's sliders show their value only while dragged; students need to see it all the time.
# Vuetify hides the value label with an inline display:none, which only !important overrides.
SLIDER_VALUES = """
.v-navigation-drawer .v-slider__thumb-label-container { display: block !important; }
.v-navigation-drawer .v-input__slider { margin-top: 22px; }
"""


def controls_for(model: ClassroomModel) -> dict:
    """The sidebar controls, starting at the model's scenario, seed, population and levers."""
    return model_params(
        model.scenario_file, model.levers_in_force, model.run_seed, model.households_count
    )


def paragraph(text: str):
    """A small paragraph of sidebar text."""
    return solara.v.Html(tag="p", children=[text], style_="font-size: 0.85rem; margin: 4px 0")


@solara.component
def RunCard(model: solara.Reactive[ClassroomModel], on_pick, on_seed):
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
        paragraph(current.params.description or "")
        overridden = overridden_levers(load(current.scenario_file))
        if overridden:
            paragraph(
                "Here some countries set their own " + ", ".join(overridden) + "; the sliders "
                "set these levers for the others."
            )
        paragraph(explain.CONTROLS)


@solara.component
def Dashboard(model: ClassroomModel):
    """The main area: summary, world and triple win, then the tabbed views."""
    with solara.Column(style={"padding": "8px"}):
        Summary(model)
        with solara.Columns([3, 2]):
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
def Page():
    """The app: a model per browser session, Mesa's controls, the picker and the views."""
    first = solara.use_memo(ClassroomModel, [])
    model = solara.use_reactive(first)
    controls = solara.use_reactive(solara.use_memo(lambda: controls_for(first), []))
    generation = solara.use_reactive(0)

    def restart(fresh: ClassroomModel) -> None:
        controls.set(controls_for(fresh))
        model.set(fresh)
        # A new key remounts SolaraViz, so its sliders start again from the new model's values.
        generation.set(generation.value + 1)

    def pick(scenario_file: str) -> None:
        """A new scenario: its own policies, with the seed and population kept."""
        current = model.value
        restart(ClassroomModel(scenario_file, current.run_seed, current.households_count))

    def reseed(seed: int | None) -> None:
        """A new seed: the same policies in force, other luck."""
        current = model.value
        if seed is None or seed < 0 or seed == current.run_seed:
            return
        restart(
            ClassroomModel(
                current.scenario_file, seed, current.households_count, **current.levers_in_force
            )
        )

    solara.Style(SLIDER_VALUES)
    with solara.Sidebar():
        RunCard(model, pick, reseed)
    SolaraViz(
        model,
        components=[],
        model_params=controls.value,
        name="TripleWin classroom: who gains from migration?",
        play_interval=PLAY_INTERVAL_MS,
        render_interval=1,
    ).key(f"controls-{generation.value}")
    Dashboard(model.value)
