"""The calibration targets as the estimation sees them: statistics of a run and a distance.

Every target of ``model/calibration.yaml`` is a statistic read in the evaluation window (the
last ``simulation.evaluation_years`` years, where verdicts are read) with a band ``[low, high]``.
The distance of a simulation to the targets normalises each statistic by its band: ``z = (s -
centre) / half_width``, so a statistic on the edge of its band is one unit away, whatever its
scale; the distance is the root mean square of the ``z`` (a weighted Euclidean distance, the
usual choice of ABC with summary statistics on different scales: Prangle 2017). A particle with
every statistic inside its band has all ``|z| <= 1``, hence a distance of at most 1.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from model.calibration import Target, load_targets
from model.errors import InputError

if TYPE_CHECKING:
    from model.model import TripleWinModel

# Distance of a simulation whose statistics are undefined (no migrant arrived, say): far beyond
# any band, finite so that pyabc's quantiles stay defined.
UNDEFINED_DISTANCE = 1e3
# Years an arrival cohort is followed by the window cohort statistic.
COHORT_YEARS = 5


def window_left_within(model: TripleWinModel, years: int = COHORT_YEARS) -> float:
    """Share of the arrival cohorts whose ``years``-year follow-up ends in the evaluation window
    that left the destination within ``years`` of arriving.

    The model's own ``left_within_5y`` pools every complete cohort of the run; this reads the
    same departures (``IndicatorRecorder.departures``) for the cohorts that arrived ``years``
    before each year of the window, so that the target is met where the verdict is read.
    """
    recorder, horizon = model.recorder, model.horizon
    window = min(model.params.simulation.evaluation_years, horizon)
    first = max(1, horizon - window - years + 1)
    cohorts = np.arange(first, horizon - years + 1)
    arrived = recorder.arrivals[cohorts].sum() if cohorts.size else 0.0
    if arrived == 0:
        return math.nan
    left = recorder.departures[np.ix_(cohorts, np.arange(years + 1))].sum()
    return float(left / arrived)


def window_statistics(model: TripleWinModel) -> dict[str, float]:
    """The cohort statistics read in the evaluation window (joined to a run's record)."""
    return {"left_within_5y_window": window_left_within(model, COHORT_YEARS)}


def select_targets(names: list[str] | None, *, where: str = "targets") -> list[Target]:
    """The targets named (default: every target the parameters are chosen to meet)."""
    targets = load_targets()
    if names is None:
        return [target for target in targets if target.calibrated]
    by_statistic = {target.statistic: target for target in targets}
    chosen = []
    for index, name in enumerate(names):
        if name not in by_statistic:
            known = ", ".join(t.statistic for t in targets if t.calibrated)
            raise InputError(where, f"targets.{index}", f"unknown target {name!r}; known: {known}")
        if not by_statistic[name].calibrated:
            raise InputError(
                where,
                f"targets.{index}",
                f"{name!r} restates {by_statistic[name].restates}: it cannot inform a parameter",
            )
        chosen.append(by_statistic[name])
    if len({t.statistic for t in chosen}) != len(chosen):
        raise InputError(where, "targets", "a target is listed twice")
    if not chosen:
        raise InputError(where, "targets", "name at least one target")
    return chosen


@dataclass(frozen=True)
class BandDistance:
    """Root mean square of each statistic's distance to its band's centre, in half-widths.

    A plain callable ``(x, x_0) -> float`` (pyabc wraps it in a ``FunctionDistance``); the
    observed data ``x_0`` are ignored, since the bands are the data.
    """

    centres: tuple[tuple[str, float], ...]
    half_widths: tuple[tuple[str, float], ...]

    @classmethod
    def of(cls, targets: list[Target]) -> BandDistance:
        """The distance to these targets' bands."""
        centres = tuple((t.statistic, 0.5 * (t.band[0] + t.band[1])) for t in targets)
        widths = tuple((t.statistic, 0.5 * (t.band[1] - t.band[0])) for t in targets)
        return cls(centres, widths)

    def deviations(self, statistics: Mapping[str, float]) -> dict[str, float]:
        """Each statistic's distance to its band's centre, in half-widths of the band."""
        widths = dict(self.half_widths)
        return {
            name: (float(statistics[name]) - centre) / widths[name] for name, centre in self.centres
        }

    def __call__(self, x: Mapping[str, float], x_0: Mapping[str, float] | None = None) -> float:
        z = np.array(list(self.deviations(x).values()))
        if not np.isfinite(z).all():
            return UNDEFINED_DISTANCE
        return float(min(np.sqrt(np.mean(z * z)), UNDEFINED_DISTANCE))


def observed(targets: list[Target]) -> dict[str, float]:
    """The band centres, recorded in pyabc's history as the 'observed' statistics."""
    return {t.statistic: 0.5 * (t.band[0] + t.band[1]) for t in targets}
