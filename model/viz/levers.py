"""The controls a student sets: the policy levers of DESIGN §5 and the population.

Each lever has a teaching range (narrower than the schema allows, so a slider moves in useful
steps) that always stretches to include the scenario's own value. :func:`model_params` turns a
scenario's values into the ``model_params`` of Mesa's ``SolaraViz``: the sliders start at the
scenario's values, and :class:`~model.viz.classroom.ClassroomModel` receives whatever they show
when the student presses Reset.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mesa.visualization import Slider

from model.scenario.policy import Policy
from model.scenario.schema import Scenario

# Population sizes offered: small enough to render fast, large enough to look like a country.
HOUSEHOLDS_MIN, HOUSEHOLDS_MAX, HOUSEHOLDS_STEP = 200, 5000, 100


@dataclass(frozen=True)
class Lever:
    """A policy lever's slider: a short label (the sidebar is narrow), its range and step.

    Attributes:
        name: Canonical lever name (DESIGN §5), a field of :class:`model.scenario.policy.Policy`.
        label: What the slider says, with its unit.
        low: Smallest value on the slider.
        high: Largest value on the slider (stretched to the scenario's value if that is larger).
        step: Slider step.
    """

    name: str
    label: str
    low: float = 0.0
    high: float = 1.0
    step: float = 0.05

    @property
    def whole(self) -> bool:
        """Whether the lever takes whole numbers (an integer slider)."""
        return Policy.model_fields[self.name].annotation is int


SLIDERS = (
    Lever("remittance_fee", "Remittance fee (share sent)", 0.0, 0.15, 0.001),
    Lever("temporary_quota", "Temporary permits /1000", 0.0, 30.0, 0.5),
    Lever("permanent_quota", "Permanent visas /1000", 0.0, 20.0, 0.5),
    Lever("visa_years", "Permit length (years)", 1, 10, 1),
    Lever("skill_selectivity", "Visas kept for skilled"),
    Lever("skill_recognition", "Credential recognition /yr", 0.0, 1.0, 0.01),
    Lever("integration_spending", "Integration (GDP/cap)", 0.0, 0.2, 0.005),
    Lever("return_bonus", "Return grant (years)", 0.0, 3.0, 0.25),
    Lever("enforcement", "Removals /yr (irregular)", 0.0, 0.5, 0.01),
    Lever("regularisation", "Regularisation /yr", 0.0, 0.5, 0.01),
    Lever("training_partnership", "Training places /1000", 0.0, 30.0, 1.0),
    Lever("diaspora_matching", "Diaspora match", 0.0, 2.0, 0.1),
    Lever("education_subsidy", "Education subsidy", 0.0, 0.9, 0.05),
)
SWITCHES = {
    "circular_reentry": "Circular re-entry allowed",
    "family_reunification": "Family reunification allowed",
}
LEVER_NAMES = tuple(lever.name for lever in SLIDERS) + tuple(SWITCHES)


def scenario_levers(params: Scenario) -> dict[str, Any]:
    """The scenario's global lever values (``policy:``), by lever name."""
    return {name: getattr(params.policy, name) for name in LEVER_NAMES}


def overridden_levers(params: Scenario) -> list[str]:
    """Levers some origin, destination or corridor of the scenario sets for itself.

    For those, a slider sets the value everywhere else: the country's own value still wins
    (DESIGN §5: a lever applies everywhere unless an economy or corridor overrides it).
    """
    found: set[str] = set()
    sections = [*params.origins.values(), *params.destinations.values()]
    sections += list(params.corridors.values())
    for section in sections:
        if section.policy is not None:
            found.update(k for k, v in section.policy.model_dump().items() if v is not None)
    return sorted(found & set(LEVER_NAMES))


def slider(lever: Lever, value: float) -> Slider:
    """A Mesa slider for ``lever`` that starts at ``value`` and can reach it."""
    if lever.whole:
        return Slider(
            lever.label,
            int(value),
            int(lever.low),
            max(int(lever.high), int(value)),
            int(lever.step),
            dtype=int,
        )
    return Slider(
        lever.label,
        float(value),
        float(lever.low),
        max(float(lever.high), float(value)),
        float(lever.step),
        dtype=float,
    )


def model_params(
    scenario_file: str, values: dict[str, Any], seed: int, households: int
) -> dict[str, Any]:
    """``model_params`` for ``SolaraViz``: scenario and seed fixed, then population and levers.

    The scenario file and the seed are set in the app's own card (changing either restarts
    the model at once), so SolaraViz passes them unchanged when the student presses Reset.

    Args:
        scenario_file: File name under ``scenarios/``.
        values: Lever values the sliders start at (the scenario's, or those in force).
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
    for lever in SLIDERS:
        controls[lever.name] = slider(lever, values[lever.name])
    for name, label in SWITCHES.items():
        controls[name] = {"type": "Checkbox", "value": bool(values[name]), "label": label}
    return controls
