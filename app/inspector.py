"""The agent inspector: pick a migrant and follow their story, and their household's.

The list offers a few people of every legal status (longest stories first); any person who
ever migrated can also be typed by number. The choice survives steps; after a reset, or if the
person typed was never in the model, the inspector falls back to the first person offered.
"""

from __future__ import annotations

import solara
from mesa.visualization.utils import update_counter

from app import explain
from app.classroom import ClassroomModel
from app.figures.story import StoryChart
from app.household_story import household_story, poverty_line
from app.people import notable_people
from app.stories import Story, person_story
from app.views import Chart, NoteView


def option(person_id: int, label: str) -> str:
    """A person as the list shows them: their number first, so a choice reads back."""
    return f"{person_id} · {label}"


@solara.component
def StoryView(story: Story, kind: str) -> None:
    """A story: title, facts now, and the events year by year."""
    with solara.Column(gap="2px", classes=[f"tw-{kind}-story"], style={"font-size": "0.85rem"}):
        solara.v.Html(tag="h4", children=[story.title])
        solara.v.Html(
            tag="ul", children=[solara.v.Html(tag="li", children=[f]) for f in story.facts]
        )
        solara.v.Html(
            tag="ol",
            class_=f"tw-{kind}-events",
            style_="max-height: 18em; overflow-y: auto; list-style: none; padding-left: 0",
            children=[
                solara.v.Html(tag="li", children=[f"Year {event.year}: {event.text}"])
                for event in story.events
            ],
        )


@solara.component
def InspectorView(model: ClassroomModel) -> None:
    """Pick a migrant; show their story, their household's, and a chart of both."""
    update_counter.get()
    chosen: solara.Reactive[int | None] = solara.use_reactive(None)  # None: nobody picked yet
    offered = notable_people(model)
    chart = solara.use_memo(lambda: StoryChart(model.horizon), [model])
    wanted = chosen.value
    person = person_story(model, wanted) if wanted is not None and wanted >= 0 else None
    missing = wanted is not None and person is None
    if person is None and offered:
        person = person_story(model, next(iter(offered)))
    with solara.Column(classes=["tw-inspector"]):
        with solara.Row(style={"align-items": "center", "flex-wrap": "wrap"}):
            shown = int(person.history["person_id"][0]) if person else -1
            values = [option(pid, label) for pid, label in offered.items()]
            current = option(shown, offered[shown]) if shown in offered else None
            solara.Select(
                "Pick a migrant",
                values=values,
                value=current,
                on_value=lambda text: chosen.set(int(text.split(" ·")[0])),
                classes=["tw-pick"],
            )
            solara.InputInt(
                "or type a person number",
                value=shown,
                on_value=chosen.set,
                classes=["tw-person-number"],
            )
        if missing and wanted is not None and wanted < 0:
            solara.Warning(
                f"Person numbers are whole numbers from 0 up ({wanted} is not one); showing "
                f"person {shown}.",
                classes=["tw-person-problem"],
            )
        elif missing:
            solara.Warning(
                f"Person {wanted} never migrated in this run; showing person {shown}.",
                classes=["tw-person-problem"],
            )
        if person is None:
            solara.Text("Nobody has migrated in this run.")
            return
        row = int(person.history["household"][0])
        household = household_story(model, row)
        with solara.Columns([1, 1]):
            StoryView(person, "person")
            StoryView(household, "household")
        Chart(
            lambda: chart.update(person, household, poverty_line(model, row)),
            [model, model.year, shown],
            "story",
        )
        NoteView(explain.INSPECTOR)
