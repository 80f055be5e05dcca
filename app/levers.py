"""The controls a student sets: every policy lever of the registry, and the population.

The levers, their short labels and their teaching ranges come from the lever registry
(:mod:`model.scenario.policy`): a lever added there gets its control here. A slider's range is
the lever's teaching range (narrower than the schema allows, so it moves in useful steps),
stretched to include the scenario's own value; a yes/no lever is a checkbox.
:func:`model_params` turns a scenario's values into the ``model_params`` of Mesa's
``ModelCreator``: the controls start at the scenario's values, and
:class:`~app.classroom.ClassroomModel` receives whatever they show when the student presses
Reset.
"""

from __future__ import annotations

from typing import Any

from mesa.visualization import Slider

from model.scenario.policy import Lever, lever, levers
from model.scenario.schema import Scenario

# Population sizes offered: small enough to render fast, large enough to look like a country.
HOUSEHOLDS_MIN, HOUSEHOLDS_MAX, HOUSEHOLDS_STEP = 200, 5000, 100
# Sliders first, then the yes/no levers, each in the registry's order.
LEVER_NAMES = tuple(sorted(levers(), key=lambda name: lever(name).kind is bool))


def label(name: str) -> str:
    """A lever's short label, as its control and the summary show it."""
    return lever(name).label


def scenario_levers(params: Scenario) -> dict[str, Any]:
    """The scenario's global lever values (``policy:``), by lever name."""
    return {name: getattr(params.policy, name) for name in LEVER_NAMES}


def overridden_levers(params: Scenario) -> list[str]:
    """Levers some origin, destination or corridor of the scenario sets for itself.

    For those, a slider sets the value everywhere else: the country's own value still wins (a
    lever applies everywhere unless an economy or corridor overrides it; docs/ODD.md, 7.20).
    """
    found: set[str] = set()
    overrides = [o.policy for o in params.origins.values()]
    overrides += [d.policy for d in params.destinations.values()]
    overrides += [c.policy for c in params.corridors.values()]
    for policy in overrides:
        if policy is not None:
            found.update(k for k, v in policy.model_dump().items() if v is not None)
    return sorted(found & set(LEVER_NAMES))


def slider(declared: Lever, value: float) -> Slider:
    """A Mesa slider for a lever that starts at ``value`` and can reach it."""
    assert declared.teaching is not None, declared.name
    low, high, step = declared.teaching
    kind = int if declared.kind is int else float
    return Slider(
        declared.label,
        kind(value),
        kind(low),
        max(kind(high), kind(value)),
        kind(step),
        dtype=kind,
    )


def control(name: str, value: Any) -> Slider | dict[str, Any]:
    """The control of one lever: a slider, or a checkbox for a yes/no lever."""
    declared = lever(name)
    if declared.kind is bool:
        return {"type": "Checkbox", "value": bool(value), "label": declared.label}
    return slider(declared, value)


def model_params(
    scenario_file: str, values: dict[str, Any], seed: int, households: int
) -> dict[str, Any]:
    """``model_params`` for Mesa's ``ModelCreator``: scenario and seed fixed, population, levers.

    The scenario file and the seed are set in the app's own card (changing either restarts
    the model at once), so Reset passes them unchanged.

    Args:
        scenario_file: File name under ``scenarios/``.
        values: Lever values the controls start at (the scenario's, or those in force).
        seed: Seed of the runs.
        households: Population the population slider starts at.
    """
    controls: dict[str, Any] = {
        "scenario_file": scenario_file,
        "seed": int(seed),
        "households": Slider(
            "Households",
            int(households),
            min(HOUSEHOLDS_MIN, int(households)),
            max(HOUSEHOLDS_MAX, int(households)),
            HOUSEHOLDS_STEP,
            dtype=int,
        ),
    }
    controls.update({name: control(name, values[name]) for name in LEVER_NAMES})
    return controls
