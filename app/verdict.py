"""The triple-win panel's verdict so far: the scenario against the same seed's baseline.

``run.py compare`` judges a scenario on many paired replications (docs/ODD.md, section 7.19).
The app has one pair of runs (same seed, so the same droughts, business cycles and personal
luck), so it judges the yearly differences over the last years run (up to the evaluation
window): their mean, and a 95% band from how much they vary from year to year. Each party's
outcome and the headline use the vocabulary of :mod:`experiments.verdicts`, read from that band.
That is indicative: years are not independent replications. The panel says so and names the
command that runs the proper test.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from experiments.parties import PARTIES, Party
from experiments.statistics import Estimate
from experiments.verdicts import LOSS, TRIPLE_WIN, UNCERTAIN, outcome, verdict_of

# What the panel says before it can judge: too few years, or two runs with the same policies.
TOO_EARLY, SAME = "too early", "no difference"
CONFIDENCE = 0.95


@dataclass(frozen=True)
class PartyVerdict:
    """A party's change so far: mean yearly difference, its 95% band and its outcome.

    Attributes:
        party: The party.
        change: Mean yearly difference of its welfare indicator (scenario minus baseline).
        low: Lower end of the 95% band.
        high: Upper end.
        verdict: Its outcome (:mod:`experiments.verdicts`), or :data:`TOO_EARLY` or :data:`SAME`.
    """

    party: Party
    change: float
    low: float
    high: float
    verdict: str

    def describe(self) -> str:
        """The change in words, in the party's unit."""
        if self.verdict in (TOO_EARLY, SAME):
            return self.verdict
        party = self.party
        written = f"{party.change(self.change)} {party.interval(self.low, self.high)}"
        return written if party.unit.change_suffix else f"{written} {party.axis_unit}"


def differences(scenario: pd.DataFrame, baseline: pd.DataFrame, party: Party) -> np.ndarray:
    """Yearly difference of the party's welfare indicator, scenario minus baseline."""
    years = min(len(scenario), len(baseline))
    return (
        scenario[party.indicator].to_numpy()[:years] - baseline[party.indicator].to_numpy()[:years]
    )


def judge(gaps: np.ndarray, party: Party) -> PartyVerdict:
    """The outcome for a party from its yearly differences over the window."""
    gaps = gaps[np.isfinite(gaps)]
    if gaps.size and np.allclose(gaps, 0.0, atol=1e-12):
        return PartyVerdict(party, 0.0, 0.0, 0.0, SAME)
    if gaps.size < 2:
        return PartyVerdict(party, float("nan"), float("nan"), float("nan"), TOO_EARLY)
    mean = float(gaps.mean())
    half = float(
        stats.t.ppf(0.5 + CONFIDENCE / 2, gaps.size - 1) * gaps.std(ddof=1) / np.sqrt(gaps.size)
    )
    band = Estimate(mean, mean - half, mean + half, int(gaps.size))
    return PartyVerdict(party, mean, band.low, band.high, outcome(band))


def verdicts(scenario: pd.DataFrame, baseline: pd.DataFrame, window: int) -> list[PartyVerdict]:
    """Each party's outcome over the last ``window`` years recorded."""
    return [judge(differences(scenario, baseline, p)[-window:], p) for p in PARTIES]


def headline_verdict(judged: list[PartyVerdict]) -> str:
    """The scenario's verdict so far, or :data:`TOO_EARLY` while nothing can be judged."""
    kinds = [j.verdict for j in judged]
    if TOO_EARLY in kinds or all(kind == SAME for kind in kinds):
        return TOO_EARLY
    # A party the policies leave exactly where it was neither gains nor loses.
    return verdict_of(UNCERTAIN if kind == SAME else kind for kind in kinds)


def overall(judged: list[PartyVerdict]) -> str:
    """The headline: triple win, a loss for someone, or not clear (yet)."""
    kinds = [j.verdict for j in judged]
    if TOO_EARLY in kinds:
        return "Too early to tell: run a few years"
    if all(kind == SAME for kind in kinds):
        return "Same policies as the baseline: nothing to compare"
    headline = headline_verdict(judged)
    if headline == TRIPLE_WIN:
        return "Triple win so far"
    if headline == LOSS:
        losers = [j.party.label.lower() for j in judged if j.verdict == LOSS]
        return "Loss so far for the " + " and the ".join(losers)
    return "Not clear yet: no party clearly loses, not all clearly gain"
