"""The welfare side of a comparison: equivalent variations, outcomes, verdicts, channels, groups.

Replication by replication, each party's change is its equivalent variation against the
baseline run on the same seed (:mod:`experiments.welfare`: PPP $ per person per year, the
present value over the run at ``welfare.discount_rate``), and the same for each channel, each
group and the 10- and 20-year horizons. Their means and 95% t-intervals over the replications
give each party's outcome and the scenario's verdict with the margin of a negligible change
(:mod:`experiments.verdicts`); the channels' means add up to the party's mean exactly, as the
channels of each replication do.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from experiments.statistics import Estimate, estimate
from experiments.verdicts import LOSS, outcome, verdict_of
from experiments.welfare import GROUPS, HORIZONS, PARTIES
from model.channels import CHANNELS
from model.welfare import channel_key


def party_column(party: str, horizon: str = "end") -> str:
    """The column of a party's variation at a horizon (``ev_migrants``, ``ev_migrants_10``)."""
    return f"ev_{party}" if horizon == "end" else f"ev_{party}_{horizon}"


def channel_column(party: str, channel: str) -> str:
    """The column of a channel's part of a party's variation."""
    return f"ev_channel_{party}_{channel_key(channel)}"


def group_column(group: str) -> str:
    """The column of a group's variation."""
    return f"ev_group_{group}"


@dataclass
class WelfareChanges:
    """Each party's, channel's and group's equivalent variation over paired replications.

    Attributes:
        table: One row per replication (:func:`experiments.welfare.variation_row` columns).
        margin: The margin of a negligible change (PPP $ per person per year).
    """

    table: pd.DataFrame
    margin: float
    estimates: dict[str, Estimate] = field(init=False)

    def __post_init__(self) -> None:
        self.estimates = {
            name: estimate(self.table[name].to_numpy(dtype=float))
            for name in self.table.columns
            if name.startswith(("ev_", "size_", "worse_off"))
        }

    def samples(self, horizon: str = "end") -> dict[str, np.ndarray]:
        """Each party's variation per replication."""
        return {p: self.table[party_column(p, horizon)].to_numpy(dtype=float) for p in PARTIES}

    def parties(self, horizon: str = "end") -> dict[str, Estimate]:
        """Each party's variation at a horizon: mean and 95% interval."""
        return {party: self.estimates[party_column(party, horizon)] for party in PARTIES}

    def outcomes(self, horizon: str = "end") -> dict[str, str]:
        """Each party's outcome at a horizon."""
        return {p: outcome(change, self.margin) for p, change in self.parties(horizon).items()}

    def verdict(self, horizon: str = "end") -> str:
        """The scenario's verdict at a horizon."""
        return verdict_of(self.outcomes(horizon).values())

    def horizons(self) -> dict[str, str | None]:
        """The verdict at 10 and 20 years and at the end (None beyond the run's end)."""
        return {
            horizon: None
            if all(e.count == 0 for e in self.parties(horizon).values())
            else self.verdict(horizon)
            for horizon in HORIZONS
        }

    def channels(self) -> dict[str, dict[str, float | None]]:
        """Each party's mean variation by channel: they add up to the party's mean."""
        return {
            party: {
                channel: _finite(self.estimates[channel_column(party, channel)].mean)
                for channel in CHANNELS
            }
            for party in PARTIES
        }

    def group(self, name: str) -> Estimate:
        """A group's variation: mean and 95% interval."""
        return self.estimates[group_column(name)]

    def groups(self) -> dict[str, dict[str, Any]]:
        """Each group's variation, interval and outcome, and the relative change of its
        person-years (``size_change``: a group the policy enlarges or shrinks changes members,
        and its variation mixes their welfare with their number)."""
        return {
            name: {
                "delta": _finite(self.group(name).mean),
                "ci95": [_finite(self.group(name).low), _finite(self.group(name).high)],
                "outcome": outcome(self.group(name), self.margin),
                "size_change": _finite(self.estimates[f"size_group_{name}"].mean),
            }
            for name in GROUPS
        }

    def losing_groups(self) -> list[str]:
        """The groups whose interval lies below zero (and beyond the margin)."""
        return [name for name in GROUPS if outcome(self.group(name), self.margin) == LOSS]

    def worse_off(self) -> dict[str, float | None]:
        """The share of migrants' years abroad worse off than at home, in each run (means)."""
        return {
            "baseline": _finite(self.estimates["worse_off_baseline"].mean),
            "scenario": _finite(self.estimates["worse_off_scenario"].mean),
        }

    def as_json(self) -> dict[str, Any]:
        """The welfare keys of a scenario's ``compare --json`` entry."""
        welfare = self.parties()
        return {
            "delta": {party: _finite(change.mean) for party, change in welfare.items()},
            "ci95": {
                party: [_finite(change.low), _finite(change.high)]
                for party, change in welfare.items()
            },
            "verdict": self.verdict(),
            "outcomes": self.outcomes(),
            "channels": self.channels(),
            "groups": self.groups(),
            "losing_groups": self.losing_groups(),
            "migrants_worse_off_than_at_home": self.worse_off(),
            "horizons": self.horizons(),
        }

    def summary_rows(self) -> list[dict[str, Any]]:
        """One row per variation (parties at each horizon, channels, groups), tidy."""
        rows = []
        for party in PARTIES:
            for horizon in HORIZONS:
                rows.append(self._row(party_column(party, horizon), "party", party, horizon))
            for channel in CHANNELS:
                rows.append(self._row(channel_column(party, channel), "channel", party, "end"))
        for name in GROUPS:
            rows.append(self._row(group_column(name), "group", name, "end"))
        return rows

    def _row(self, column: str, kind: str, who: str, horizon: str) -> dict[str, Any]:
        change = self.estimates[column]
        judged = outcome(change, self.margin) if kind != "channel" else None
        return {
            "indicator": column,
            "kind": kind,
            "party": who,
            "horizon": horizon,
            "change": change.mean,
            "ci95_low": change.low,
            "ci95_high": change.high,
            "outcome": judged,
        }


def _finite(value: float) -> float | None:
    return float(value) if math.isfinite(value) else None
