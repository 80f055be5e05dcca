"""ClassroomModel: a scenario run and the same seed's baseline run, stepped together.

Reset (:mod:`app.controls`) builds the model by calling its class with the values of the
controls as keyword arguments; Mesa's ``ModelCreator`` checks the controls' names against the
signature of ``__init__``.
:class:`ClassroomModel` takes a scenario file, a seed, the number of households and one keyword
per lever of the registry (:mod:`model.scenario.policy`; its signature is made from the registry,
so a new lever is a new keyword), sets the levers the student changed on the scenario
(:func:`model.scenario.loader.with_values`, validated like any scenario), and runs it as a
:class:`~model.model.TripleWinModel` while stepping, alongside, the baseline scenario with the
same seed and households: common random numbers, so that the difference between the two runs is
the policy's effect and not luck (docs/ODD.md, section 4.10).
"""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import numpy as np

from app import state
from app.diary import Diary
from app.levers import HOUSEHOLDS_MAX, HOUSEHOLDS_MIN, LEVER_NAMES, scenario_levers
from model.errors import InputError
from model.model import TripleWinModel
from model.scenario.loader import load_scenario, with_values
from model.scenario.policy import lever
from model.scenario.schema import Scenario

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
BASELINE = "baseline.yaml"


def scenario_files(folder: Path = SCENARIOS) -> list[str]:
    """Every scenario file in ``scenarios/``, by name, the baseline first."""
    names = sorted(path.name for path in folder.glob("*.yaml"))
    return sorted(names, key=lambda name: name != BASELINE)


def load(scenario_file: str, values: dict[str, Any] | None = None) -> Scenario:
    """Load a file of ``scenarios/``, with values set by dotted path (``policy.visa_years``)."""
    if Path(scenario_file).name != scenario_file or not (SCENARIOS / scenario_file).is_file():
        allowed = ", ".join(scenario_files())
        raise InputError("scenario", None, f"'{scenario_file}' is not one of: {allowed}")
    params = load_scenario(SCENARIOS / scenario_file)
    assert isinstance(params, Scenario)
    return with_values(params, values, f"scenarios/{scenario_file}") if values else params


def whole_number(text: Any) -> int:
    """A seed typed by a student: a whole number of 0 or more."""
    try:
        value = int(str(text).strip())
    except ValueError:
        raise InputError("seed", None, f"must be a whole number (got {text!r})") from None
    if value < 0:
        raise InputError("seed", None, f"must be 0 or more (got {value})")
    return value


def default_households(params: Scenario) -> int:
    """The scenario's population, kept within what the app renders quickly."""
    return int(np.clip(params.simulation.households, HOUSEHOLDS_MIN, HOUSEHOLDS_MAX))


class ClassroomModel(TripleWinModel):
    """The scenario a student chose, with their levers, and the baseline run beside it.

    Args:
        scenario_file: A file name in ``scenarios/``.
        seed: Seed of both runs (a whole number; text from the seed box is accepted).
        households: Origin households in each run (default: the scenario's, at most 5,000).
        **levers: One keyword per lever of the registry (None: the scenario's value). A value
            that differs from the scenario's ``policy:`` value overrides it; any other leaves the
            scenario as it is.

    Attributes:
        scenario_file: The scenario file.
        run_seed: The seed of both runs.
        scenario_values: The scenario file's own lever values.
        changes: Levers the student changed: ``{name: (scenario value, value used)}``.
        baseline: The baseline run (``scenarios/baseline.yaml``, same seed and households).
        diary: Yearly records of this run's people and households (for the inspector).
        welfare_records: Each year's welfare so far of the baseline and of this run (for the
            triple-win panel: :mod:`app.verdict`).
    """

    def __init__(
        self,
        scenario_file: str = BASELINE,
        seed: int | str = 0,
        households: int | None = None,
        **levers: Any,
    ) -> None:
        unknown = sorted(set(levers) - set(LEVER_NAMES))
        if unknown:
            allowed = ", ".join(LEVER_NAMES)
            raise InputError("levers", None, f"no lever {', '.join(unknown)}; levers: {allowed}")
        self.scenario_file = scenario_file
        self.run_seed = whole_number(seed)
        file_params = load(scenario_file)
        self.households_count = (
            default_households(file_params) if households is None else int(households)
        )
        self.scenario_values = scenario_levers(file_params)
        self.changes = {
            name: (self.scenario_values[name], value)
            for name, value in levers.items()
            if value is not None and not _same(value, self.scenario_values[name])
        }
        size = {"simulation.households": self.households_count}
        chosen = {f"policy.{name}": value for name, (_, value) in self.changes.items()}
        params = load(scenario_file, size | chosen)
        super().__init__(params, seed=self.run_seed)
        years = {"simulation.years": params.simulation.years}
        self.baseline = TripleWinModel(load(BASELINE, size | years), seed=self.run_seed)
        self.welfare_records: list[tuple[dict[str, float], dict[str, float]]] = []
        self.diary = Diary(self)

    @property
    def scenario_name(self) -> str:
        """The scenario's name (its ``name:`` key, else the file name)."""
        return self.params.name

    @property
    def levers_in_force(self) -> dict[str, Any]:
        """Every lever's global value in this run: the scenario's, with the student's changes."""
        return self.scenario_values | {name: value for name, (_, value) in self.changes.items()}

    @property
    def is_baseline(self) -> bool:
        """Whether this run has exactly the baseline's policies (then the two runs coincide)."""
        return self.scenario_file == BASELINE and not self.changes

    def step(self) -> None:
        """One year of both runs, then their welfare so far and the diary."""
        super().step()
        self.baseline.step()
        if self.year <= self.horizon:
            pair = (state.welfare_so_far(self.baseline), state.welfare_so_far(self))
            self.welfare_records.append(pair)
        self.diary.record(self)


def _same(value: Any, reference: Any) -> bool:
    """Whether a control's value equals the scenario's (sliders return floats like 0.0620001)."""
    if isinstance(reference, bool) or isinstance(value, bool):
        return bool(value) == bool(reference)
    return bool(np.isclose(float(value), float(reference), rtol=1e-9, atol=1e-9))


def _signature() -> inspect.Signature:
    """``__init__``'s signature as SolaraViz reads it: one keyword per lever, no catch-all."""
    own = list(inspect.signature(ClassroomModel.__init__).parameters.values())[:-1]
    keyword = inspect.Parameter.KEYWORD_ONLY
    levers = [
        inspect.Parameter(
            name, keyword, default=None, annotation=f"{lever(name).kind.__name__} | None"
        )
        for name in LEVER_NAMES
    ]
    return inspect.Signature([*own, *levers], return_annotation=None)


# Mesa's ModelCreator checks the controls' names against this signature and treats a model that
# takes **kwargs as one that takes a Mesa scenario: it must see the levers, named.
ClassroomModel.__init__.__signature__ = _signature()  # type: ignore[attr-defined]
