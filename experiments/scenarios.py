"""Scenario files as the commands use them: loaded, overridden, and described for the manifest."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from model.scenario.loader import extends_chain, load_scenario
from model.scenario.paths import get_path
from model.scenario.schema import Scenario, Simulation

# The settings a paired comparison needs equal on both sides: with common random numbers, runs
# of different sizes, lengths or evaluation windows differ by more than the policy, and that
# difference would be read as the policy's effect. How many replications run is not one of them.
PAIRED_SETTINGS = tuple(
    f"simulation.{name}" for name in Simulation.model_fields if name != "replications"
)


def unpaired_settings(base: Mapping[str, Any], other: Mapping[str, Any]) -> list[str]:
    """The settings of :data:`PAIRED_SETTINGS` in which two scenarios (as mappings) differ."""
    return [path for path in PAIRED_SETTINGS if get_path(base, path) != get_path(other, path)]


@dataclass
class LoadedScenario:
    """A validated scenario with where it came from.

    Attributes:
        scenario: The validated parameters.
        path: The scenario file named on the command line.
        overrides: The ``--set KEY=VALUE`` texts applied on top of the file.
    """

    scenario: Scenario
    path: Path
    overrides: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The scenario's name (its ``name:`` key, else the file name)."""
        return self.scenario.name

    def describe(self) -> dict[str, Any]:
        """Files, overrides and every resolved parameter, for a manifest."""
        return {
            "name": self.name,
            "file": str(self.path),
            "files": extends_chain(self.path),
            "overrides": list(self.overrides),
            "parameters": self.scenario.model_dump(mode="json"),
        }


def header_comment(path: Path) -> str:
    """The comment lines at the top of a scenario file, without their ``#``."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line[1:].strip())
    return "\n".join(lines)


def years_overrides(years: int | None, evaluation_years: int) -> list[str]:
    """``--years N`` as overrides; the evaluation window shrinks to fit a shorter run."""
    if years is None:
        return []
    overrides = [f"simulation.years={years}"]
    if 0 < years < evaluation_years:
        overrides.append(f"simulation.evaluation_years={years}")
    return overrides


def load(
    path: str | Path, overrides: Sequence[str] = (), years: int | None = None
) -> LoadedScenario:
    """Load a scenario file with ``--set`` overrides and an optional number of years."""
    applied = list(overrides)
    if years is not None:
        first = load_scenario(path, applied)
        assert isinstance(first, Scenario)
        applied += years_overrides(years, first.simulation.evaluation_years)
    scenario = load_scenario(path, applied)
    assert isinstance(scenario, Scenario)
    return LoadedScenario(scenario, Path(path), applied)
