"""The triple-win panel's verdict so far: the scenario against the same seed's baseline.

DESIGN §6 judges a scenario on many paired replications: a triple win when the 95% interval of
the change in each welfare indicator lies above zero. The app has one pair of runs (same seed,
so the same droughts, business cycles and personal luck), so it judges the yearly differences
over the last years run (up to the evaluation window): their mean, and a 95% band from how much
they vary from year to year. That is indicative: years are not independent replications. The
panel says so and names the command that runs the proper test.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

GAIN, LOSS, UNCLEAR, TOO_EARLY, SAME = "gain", "loss", "unclear", "too early", "no difference"
CONFIDENCE = 0.95


@dataclass(frozen=True)
class Party:
    """One of the three parties, its welfare indicator and how a change in it reads."""

    key: str
    label: str
    indicator: str
    scale: float
    unit: str


PARTIES = (
    Party("migrants", "Migrants", "welfare_migrants", 1.0, "$ per origin-born person a year"),
    Party("origin", "Origin", "welfare_origin", 100.0, "% consumption of residents"),
    Party("destination", "Destination", "welfare_destination", 100.0, "% income per native"),
)


@dataclass(frozen=True)
class PartyVerdict:
    """A party's change so far: mean yearly difference, its 95% band and the verdict."""

    party: Party
    change: float
    low: float
    high: float
    verdict: str

    def describe(self) -> str:
        """The change in words, with its unit."""
        if self.verdict in (TOO_EARLY, SAME):
            return self.verdict
        return f"{self.change:+.2f} [{self.low:+.2f}, {self.high:+.2f}] {self.party.unit}"


def differences(scenario: pd.DataFrame, baseline: pd.DataFrame, party: Party) -> np.ndarray:
    """Yearly difference scenario minus baseline, in the party's reading unit."""
    years = min(len(scenario), len(baseline))
    gap = (
        scenario[party.indicator].to_numpy()[:years] - baseline[party.indicator].to_numpy()[:years]
    )
    return party.scale * gap


def judge(gaps: np.ndarray, party: Party) -> PartyVerdict:
    """The verdict on a party from its yearly differences over the window."""
    gaps = gaps[np.isfinite(gaps)]
    if gaps.size and np.allclose(gaps, 0.0, atol=1e-12):
        return PartyVerdict(party, 0.0, 0.0, 0.0, SAME)
    if gaps.size < 2:
        return PartyVerdict(party, float("nan"), float("nan"), float("nan"), TOO_EARLY)
    mean = float(gaps.mean())
    half = float(
        stats.t.ppf(0.5 + CONFIDENCE / 2, gaps.size - 1) * gaps.std(ddof=1) / np.sqrt(gaps.size)
    )
    low, high = mean - half, mean + half
    verdict = GAIN if low > 0 else LOSS if high < 0 else UNCLEAR
    return PartyVerdict(party, mean, low, high, verdict)


def verdicts(scenario: pd.DataFrame, baseline: pd.DataFrame, window: int) -> list[PartyVerdict]:
    """Each party's verdict over the last ``window`` years recorded."""
    return [judge(differences(scenario, baseline, p)[-window:], p) for p in PARTIES]


def overall(judged: list[PartyVerdict]) -> str:
    """The headline: triple win, a loss for someone, or not clear (yet)."""
    kinds = [j.verdict for j in judged]
    if TOO_EARLY in kinds:
        return "Too early to tell: run a few years"
    if all(kind == SAME for kind in kinds):
        return "Same policies as the baseline: nothing to compare"
    if all(kind == GAIN for kind in kinds):
        return "Triple win so far"
    losers = [j.party.label.lower() for j in judged if j.verdict == LOSS]
    if losers:
        return "Loss so far for the " + " and the ".join(losers)
    return "Not clear yet: no party clearly loses, not all clearly gain"


def headline_kind(judged: list[PartyVerdict]) -> str:
    """The colour class of the headline: gain for a triple win, loss for any loss."""
    kinds = [j.verdict for j in judged]
    if all(kind == GAIN for kind in kinds):
        return GAIN
    if LOSS in kinds:
        return LOSS
    if TOO_EARLY in kinds or all(kind == SAME for kind in kinds):
        return TOO_EARLY
    return UNCLEAR
