"""Paired comparisons of scenarios with a baseline: changes, 95% intervals, the triple-win verdict.

Replication ``i`` of the baseline and of every scenario runs on the same seed (common random
numbers), so the change a policy makes is measured replication by replication and only then
averaged: the noise the two runs share cancels, and the interval is that of the paired
differences (docs/ODD.md, section 7.19). Each party's outcome and the scenario's verdict are
those of :mod:`experiments.verdicts`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from experiments import records
from experiments.comparison.advice import Advice, advise, needed_for
from experiments.parties import WELFARE_PARTIES
from experiments.replications import Replications
from experiments.statistics import Estimate, estimate
from experiments.verdicts import verdict
from model.catalogue import names
from model.simulation import RunResult

CANONICAL = names("migrants") + names("origin") + names("destination") + names("welfare")
OTHER_INDICATORS = tuple(name for name in CANONICAL if name not in WELFARE_PARTIES.values())


def paired_changes(baseline: list[RunResult], scenario: list[RunResult]) -> pd.DataFrame:
    """Scenario minus baseline, replication by replication, for every statistic of a run.

    Args:
        baseline: The baseline's replications, in replication order.
        scenario: The scenario's replications on the same seeds, in the same order.

    Returns:
        One row per replication: ``replication`` then one column per statistic.
    """
    if len(baseline) != len(scenario):
        raise ValueError(f"unpaired: {len(baseline)} baseline and {len(scenario)} scenario runs")
    rows = []
    for replication, (before, after) in enumerate(zip(baseline, scenario, strict=True)):
        old, new = records.run_record(before), records.run_record(after)
        rows.append({"replication": replication, **{k: new[k] - old[k] for k in old}})
    return pd.DataFrame(rows)


def yearly_changes(baseline: list[RunResult], scenario: list[RunResult]) -> pd.DataFrame:
    """Year by year, scenario minus baseline within each replication: the paths of the change."""
    frames = []
    for replication, (before, after) in enumerate(zip(baseline, scenario, strict=True)):
        change = after.yearly.set_index("year") - before.yearly.set_index("year")
        frames.append(change.reset_index().assign(replication=replication))
    frame = pd.concat(frames, ignore_index=True)
    return frame[["replication", *[c for c in frame.columns if c != "replication"]]]


@dataclass
class Comparison:
    """One scenario against the baseline, on paired replications.

    Attributes:
        name: The scenario's name.
        changes: Paired changes, one row per replication (see :func:`paired_changes`).
        baseline_levels: Mean and interval of every statistic in the baseline.
        scenario_levels: The same in the scenario.
    """

    name: str
    changes: pd.DataFrame
    baseline_levels: dict[str, Estimate]
    scenario_levels: dict[str, Estimate]
    estimates: dict[str, Estimate] = field(init=False)

    def __post_init__(self) -> None:
        self.estimates = {
            name: estimate(self.changes[name].to_numpy())
            for name in self.changes.columns
            if name != "replication"
        }

    @property
    def replications(self) -> int:
        """Number of paired replications."""
        return len(self.changes)

    @property
    def welfare(self) -> dict[str, Estimate]:
        """The change in each party's welfare, keyed ``migrants``, ``origin``, ``destination``."""
        return {party: self.estimates[name] for party, name in WELFARE_PARTIES.items()}

    @property
    def verdict(self) -> str:
        """``triple win``, ``loss`` or ``uncertain``."""
        return verdict(self.welfare)

    def advice(self) -> Advice:
        """Whether the intervals decide the verdict, and how many replications would."""
        samples = {party: self.changes[name].to_numpy() for party, name in WELFARE_PARTIES.items()}
        return advise(self.welfare, samples, self.verdict)

    def as_json(self) -> dict[str, Any]:
        """This scenario's entry of the ``compare --json`` document."""
        welfare = self.welfare
        return {
            "delta": {party: _finite(change.mean) for party, change in welfare.items()},
            "ci95": {
                party: [_finite(change.low), _finite(change.high)]
                for party, change in welfare.items()
            },
            "verdict": self.verdict,
            "replications": self.replications,
            "levels": {
                party: {
                    "baseline": _finite(self.baseline_levels[name].mean),
                    "scenario": _finite(self.scenario_levels[name].mean),
                }
                for party, name in WELFARE_PARTIES.items()
            },
            "advice": self.advice().as_json(),
            "changes": {name: self._change_json(name) for name in OTHER_INDICATORS},
        }

    def _change_json(self, name: str) -> dict[str, Any]:
        change = self.estimates[name]
        return {
            **change.as_json(),
            "baseline": _finite(self.baseline_levels[name].mean),
            "decided": excludes_zero(change),
        }

    def summary_rows(self) -> list[dict[str, Any]]:
        """One row per canonical indicator: change, interval, levels and the advice on it."""
        rows = []
        for name in CANONICAL:
            change = self.estimates[name]
            rows.append(
                {
                    "scenario": self.name,
                    "indicator": name,
                    "change": change.mean,
                    "ci95_low": change.low,
                    "ci95_high": change.high,
                    "decided": excludes_zero(change),
                    "replications_needed": needed_for(self.changes[name].to_numpy(), change),
                    "baseline": self.baseline_levels[name].mean,
                    "scenario_level": self.scenario_levels[name].mean,
                    "replications": self.replications,
                }
            )
        return rows


def excludes_zero(change: Estimate) -> bool:
    """Whether the 95% interval of a change lies wholly above or wholly below zero."""
    return bool(change.low > 0 or change.high < 0)


def compare(baseline: Replications, scenario: Replications) -> Comparison:
    """Pair a scenario's replications with the baseline's, replication by replication."""
    if baseline.seed != scenario.seed:
        raise ValueError("paired replications need the same seed")
    return Comparison(
        name=scenario.name,
        changes=paired_changes(baseline.results, scenario.results),
        baseline_levels=baseline.summary(),
        scenario_levels=scenario.summary(),
    )


def json_document(
    baseline: str, comparisons: list[Comparison], seed: int, folder: str | None = None
) -> dict[str, Any]:
    """The ``compare --json`` document: its documented keys, with extras beside them."""
    document: dict[str, Any] = {
        "baseline": baseline,
        "scenarios": {c.name: c.as_json() for c in comparisons},
        "replications": comparisons[0].replications if comparisons else 0,
        "seed": seed,
    }
    if folder is not None:
        document["results"] = folder
    return document


def summary_table(comparisons: list[Comparison]) -> pd.DataFrame:
    """Every scenario's change in every canonical indicator, one row each (tidy)."""
    return pd.DataFrame([row for c in comparisons for row in c.summary_rows()])


def changes_table(comparisons: list[Comparison], seed: int) -> pd.DataFrame:
    """Every scenario's paired changes per replication, stacked with a ``scenario`` column."""
    frames = [c.changes.assign(scenario=c.name, seed=seed) for c in comparisons]
    frame = pd.concat(frames, ignore_index=True)
    first = ["scenario", "replication", "seed"]
    return frame[[*first, *[c for c in frame.columns if c not in first]]]


def _finite(value: float) -> float | None:
    return float(value) if math.isfinite(value) else None
