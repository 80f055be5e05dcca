"""Paired comparisons of scenarios with a baseline: changes, 95% intervals, the triple-win verdict.

Replication ``i`` of the baseline and of every scenario runs on the same seed (common random
numbers), so the change a policy makes is measured replication by replication and only then
averaged: the noise the two runs share cancels, and the interval is that of the paired
differences (docs/ODD.md, section 7.19). The verdict reads the parties' equivalent variations
(:mod:`experiments.comparison.variations`) with the margin of a negligible change; every other
indicator's paired change is reported beside it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from experiments import records
from experiments.comparison.advice import Advice, advise, needed_for
from experiments.comparison.variations import WelfareChanges
from experiments.replications import Replications
from experiments.statistics import Estimate, estimate
from experiments.welfare import PARTIES, pv_key, variation_rows, years_key
from model.catalogue import names
from model.simulation import RunResult

CANONICAL = names("migrants") + names("origin") + names("destination") + names("welfare")
# The indicators beside the verdict: every canonical one (the parties' yearly consumption
# indicators among them; the verdict reads the equivalent variations instead).
OTHER_INDICATORS = CANONICAL


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
        variations: The parties', channels' and groups' equivalent variations per replication,
            read with the margin of a negligible change (PPP $ per person per year).
        levels: Each party's welfare per person and year (present value over discounted
            person-years), mean over replications, in the baseline and the scenario.
    """

    name: str
    changes: pd.DataFrame
    baseline_levels: dict[str, Estimate]
    scenario_levels: dict[str, Estimate]
    variations: WelfareChanges
    levels: dict[str, dict[str, float | None]] = field(default_factory=dict)
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
    def margin(self) -> float:
        """The margin of a negligible change (PPP $ per person per year)."""
        return self.variations.margin

    @property
    def welfare(self) -> dict[str, Estimate]:
        """Each party's equivalent variation at the end, keyed ``migrants``, ``origin``,
        ``destination``."""
        return self.variations.parties()

    @property
    def outcomes(self) -> dict[str, str]:
        """Each party's outcome: gain, loss, negligible or uncertain."""
        return self.variations.outcomes()

    @property
    def verdict(self) -> str:
        """``triple win``, ``loss``, ``negligible`` or ``uncertain``."""
        return self.variations.verdict()

    def advice(self) -> Advice:
        """Whether the intervals decide the verdict, and how many replications would."""
        return advise(self.welfare, self.variations.samples(), self.verdict, self.margin)

    def as_json(self) -> dict[str, Any]:
        """This scenario's entry of the ``compare --json`` document."""
        return {
            **self.variations.as_json(),
            "replications": self.replications,
            "levels": self.levels,
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
        """One row per welfare variation and per canonical indicator: change, interval,
        outcome (variations) or levels and the advice (indicators)."""
        rows = [
            {"scenario": self.name, **row, "replications": self.replications}
            for row in self.variations.summary_rows()
        ]
        for name in CANONICAL:
            change = self.estimates[name]
            rows.append(
                {
                    "scenario": self.name,
                    "indicator": name,
                    "kind": "indicator",
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


def default_margin(baseline: Replications) -> float:
    """The margin of a negligible change: the baseline scenario's ``welfare.margin``."""
    return float(baseline.loaded.scenario.welfare.margin)


def welfare_levels(
    baseline: list[dict[str, float]], scenario: list[dict[str, float]]
) -> dict[str, dict[str, float | None]]:
    """Each party's welfare per person and year in both scenarios, mean over replications."""

    def level(records: list[dict[str, float]], party: str) -> float | None:
        values = [
            r[pv_key(party)] / r[years_key(party)]
            for r in records
            if pv_key(party) in r and r.get(years_key(party), 0) > 0
        ]
        return _finite(float(np.mean(values))) if values else None

    return {
        party: {"baseline": level(baseline, party), "scenario": level(scenario, party)}
        for party in PARTIES
    }


def compare(
    baseline: Replications, scenario: Replications, margin: float | None = None
) -> Comparison:
    """Pair a scenario's replications with the baseline's, replication by replication.

    Args:
        baseline: The baseline's replications.
        scenario: The scenario's, on the same seed.
        margin: The margin of a negligible change (default: the baseline's ``welfare.margin``).
    """
    if baseline.seed != scenario.seed:
        raise ValueError("paired replications need the same seed")
    before = [records.run_record(r) for r in baseline.results]
    after = [records.run_record(r) for r in scenario.results]
    last = baseline.loaded.scenario.simulation.years
    rows = variation_rows(before, after, last)
    table = pd.DataFrame(rows).assign(replication=range(len(rows)))
    chosen = default_margin(baseline) if margin is None else margin
    return Comparison(
        name=scenario.name,
        changes=paired_changes(baseline.results, scenario.results),
        baseline_levels=baseline.summary(),
        scenario_levels=scenario.summary(),
        variations=WelfareChanges(table, chosen),
        levels=welfare_levels(before, after),
    )


def json_document(
    baseline: str, comparisons: list[Comparison], seed: int, folder: str | None = None
) -> dict[str, Any]:
    """The ``compare --json`` document: its documented keys, with extras beside them."""
    document: dict[str, Any] = {
        "baseline": baseline,
        "scenarios": {c.name: c.as_json() for c in comparisons},
        "margin": comparisons[0].margin if comparisons else None,
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
    """Every scenario's paired changes per replication, stacked with a ``scenario`` column:
    the equivalent variations (``ev_*``) and the groups' changes in size (``size_group_*``)
    first, then the change in every statistic."""
    frames = [
        c.variations.table.filter(regex="^(ev_|size_|replication$)")
        .merge(c.changes, on="replication")
        .assign(scenario=c.name, seed=seed)
        for c in comparisons
    ]
    frame = pd.concat(frames, ignore_index=True)
    first = ["scenario", "replication", "seed"]
    return frame[[*first, *[c for c in frame.columns if c not in first]]]


def _finite(value: float) -> float | None:
    return float(value) if math.isfinite(value) else None
