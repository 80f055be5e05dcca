"""Running the model: Reset, play and Step, the pause between years, and changes awaiting Reset.

Mesa's ``SolaraViz`` would add controls students cannot use (its "Render Interval" and "Use
Threads"), keep showing a greyed pause once the run is over, and keep the sliders' values to
itself, so the page could not say which changes are still waiting for Reset. The page therefore
composes Mesa's parts itself: Mesa's ``ModelCreator`` draws a control per entry of the
``model_params`` and writes what they show into a reactive mapping the page holds, and
:func:`RunControls` here plays the model in a background thread, as Mesa's controller does (a
year, then Mesa's ``force_update`` so every view redraws, then the pause).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import numpy as np
import solara
import solara.lab
from mesa.visualization.utils import force_update

from app.classroom import ClassroomModel
from app.levers import LEVER_NAMES, label

# The pause between two years while playing, in milliseconds: its slider's range and start.
PAUSE_MIN_MS, PAUSE_MAX_MS, PAUSE_MS = 0, 1000, 150
HOUSEHOLDS_LABEL = "Households"


def shown(value: Any) -> str:
    """A control's value as the page writes it."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | np.integer):
        return f"{value:,}"
    return f"{value:g}"


def same(value: Any, reference: Any) -> bool:
    """Whether a control's value equals a value in force (sliders return 0.0620001)."""
    if isinstance(reference, bool) or isinstance(value, bool):
        return bool(value) == bool(reference)
    return bool(np.isclose(float(value), float(reference), rtol=1e-9, atol=1e-9))


def pending_changes(controls: dict[str, Any], model: ClassroomModel) -> dict[str, tuple[Any, Any]]:
    """What the controls show that the running model does not use yet: Reset applies it.

    Returns:
        ``{label: (value in force, value waiting)}``, the population first, then the levers in
        the order of their controls.
    """
    in_force = {"households": model.households_count, **model.levers_in_force}
    found = {}
    for name in ("households", *LEVER_NAMES):
        if name not in controls or controls[name] is None:
            continue
        if not same(controls[name], in_force[name]):
            title = HOUSEHOLDS_LABEL if name == "households" else label(name)
            found[title] = (in_force[name], controls[name])
    return found


def describe_pending(pending: dict[str, tuple[Any, Any]]) -> str:
    """The changes awaiting Reset, in words ('' when there are none)."""
    return ", ".join(
        f"{title} {shown(waiting)} (now {shown(now)})" for title, (now, waiting) in pending.items()
    )


def finished(model: ClassroomModel) -> bool:
    """Whether the run has reached its last year."""
    return not model.running or model.year >= model.horizon


@solara.component
def RunControls(
    model: solara.Reactive[ClassroomModel],
    controls: solara.Reactive[dict[str, Any]],
    on_reset: Callable[[ClassroomModel], None],
) -> None:
    """Reset, play or pause, Step; the pause between years; what waits for Reset.

    Args:
        model: The running model (replaced on Reset).
        controls: What the population and lever controls show, by keyword of
            :class:`~app.classroom.ClassroomModel` (with the scenario file and the seed).
        on_reset: Called with the new model after Reset.
    """
    playing = solara.use_reactive(False)
    pause_ms = solara.use_reactive(PAUSE_MS)
    problem = solara.use_reactive("")
    current = model.value
    over = finished(current)

    def play() -> None:
        # In a thread (as in Mesa's controller): a year, every view redrawn, then the pause.
        while playing.value and not finished(model.value):
            model.value.step()
            force_update()
            time.sleep(pause_ms.value / 1000)
        if finished(model.value):
            playing.set(False)  # the play button shows play again, disabled: nothing to pause

    solara.lab.use_task(play, dependencies=[playing.value, current], prefer_threaded=True)

    def step() -> None:
        if not finished(model.value):
            model.value.step()
            force_update()

    def reset() -> None:
        playing.set(False)
        try:
            fresh = ClassroomModel(**controls.value)
        except Exception as error:  # a control's value the model refuses: say it, keep the run
            problem.set(f"Reset did not start a new run: {error}")
            return
        problem.set("")
        on_reset(fresh)

    pending = describe_pending(pending_changes(controls.value, current))
    with solara.Card("Run the model", classes=["tw-run-controls"]):
        with solara.Row(justify="space-between"):
            solara.Button(label="Reset", color="primary", on_click=reset)
            solara.Button(
                label="❚❚" if playing.value else "▶",
                color="primary",
                on_click=lambda: playing.set(not playing.value),
                disabled=over,
            )
            solara.Button(
                label="Step", color="primary", on_click=step, disabled=playing.value or over
            )
        if over:
            solara.Text(
                f"Year {current.year} of {current.horizon}: the run is over; press RESET to run it "
                "again.",
                classes=["tw-run-over"],
            )
        if pending:
            solara.Text(f"Waiting for RESET: {pending}", classes=["tw-pending-note"])
        if problem.value:
            solara.Error(problem.value)
        solara.SliderInt(
            "Pause between years (ms)",
            value=pause_ms,
            min=PAUSE_MIN_MS,
            max=PAUSE_MAX_MS,
            step=50,
        )
