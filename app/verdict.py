"""The triple-win panel's verdict so far: the scenario against the same seed's baseline.

``run.py compare`` judges a scenario by each party's equivalent variation on many paired
replications (docs/ODD.md, section 7.19). The app has one pair of runs (same seed, so the same
droughts, business cycles and personal luck) watched while they step, so it reads the same
measure *so far*: each year, both runs' welfare up to that year (present value, assets held,
debt passed on: :meth:`model.welfare.WelfareObserver.so_far`), and each party's variation so far
with :func:`experiments.welfare.variation`. Each year's own variation (the change of the present
values that year over the baseline's person-years that year) is drawn as a bar; the variation
so far is their weighted mean, and a 95% band from how much they vary from year to year gives
each party an outcome in the vocabulary of :mod:`experiments.verdicts`, with the baseline
scenario's margin. That is indicative: years are not independent replications. The panel says
so and names the command that runs the proper test.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import stats

from experiments.parties import PARTIES, Party
from experiments.statistics import Estimate
from experiments.verdicts import LOSS, NEGLIGIBLE, TRIPLE_WIN, outcome, verdict_of
from experiments.welfare import GROUPS, group_variation, pv_key, variation, years_key

# What the panel says before it can judge: too few years, or two runs with the same policies.
TOO_EARLY, SAME = "too early", "no difference"
CONFIDENCE = 0.95
# One year's welfare records, (baseline, scenario), as the classroom model keeps them.
Pair = tuple[Mapping[str, float], Mapping[str, float]]


@dataclass(frozen=True)
class PartyVerdict:
    """A party's variation so far, its 95% band and its outcome.

    Attributes:
        party: The party.
        change: Its equivalent variation so far (PPP $ per person per year).
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
        return f"{written} {party.axis_unit}"


def yearly_variations(records: Sequence[Pair], party: str) -> np.ndarray:
    """Each year's own variation: the year's change of the scenario's present value against
    the baseline's, over the baseline's person-years of that year (NaN where undefined)."""
    change = np.array(
        [s.get(pv_key(party), np.nan) - b.get(pv_key(party), np.nan) for b, s in records]
    )
    years = np.array([b.get(years_key(party), np.nan) for b, _ in records])
    added = np.diff(np.concatenate([[0.0], change]))
    people = np.diff(np.concatenate([[0.0], years]))
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(people > 0, added / people, np.nan)


def judge(records: Sequence[Pair], party: Party, margin: float) -> PartyVerdict:
    """The outcome for a party from the records so far."""
    if not records:
        return PartyVerdict(party, np.nan, np.nan, np.nan, TOO_EARLY)
    baseline, scenario = records[-1]
    so_far = variation(baseline, scenario, party.key)
    yearly = yearly_variations(records, party.key)
    yearly = yearly[np.isfinite(yearly)]
    if yearly.size and np.allclose(yearly, 0.0, atol=1e-12) and so_far == 0.0:
        return PartyVerdict(party, 0.0, 0.0, 0.0, SAME)
    if yearly.size < 2 or not np.isfinite(so_far):
        return PartyVerdict(party, so_far, np.nan, np.nan, TOO_EARLY)
    t = stats.t.ppf(0.5 + CONFIDENCE / 2, yearly.size - 1)
    half = float(t * yearly.std(ddof=1) / np.sqrt(yearly.size))
    band = Estimate(so_far, so_far - half, so_far + half, int(yearly.size))
    return PartyVerdict(party, so_far, band.low, band.high, outcome(band, margin))


def verdicts(records: Sequence[Pair], margin: float) -> list[PartyVerdict]:
    """Each party's outcome so far."""
    return [judge(records, party, margin) for party in PARTIES]


def losing_groups(records: Sequence[Pair], margin: float) -> list[tuple[str, float]]:
    """Groups whose variation so far lies below minus the margin (no band: a hint)."""
    if not records:
        return []
    baseline, scenario = records[-1]
    found = [(name, group_variation(baseline, scenario, name)) for name in GROUPS]
    return [(name, value) for name, value in found if np.isfinite(value) and value < -margin]


def headline_verdict(judged: list[PartyVerdict]) -> str:
    """The scenario's verdict so far, or :data:`TOO_EARLY` while nothing can be judged."""
    kinds = [j.verdict for j in judged]
    if TOO_EARLY in kinds or all(kind == SAME for kind in kinds):
        return TOO_EARLY
    # A party the policies leave exactly where it was: its change is negligible.
    return verdict_of(NEGLIGIBLE if kind == SAME else kind for kind in kinds)


def overall(judged: list[PartyVerdict], margin: float = 0.0) -> str:
    """The headline: triple win, a loss for someone, negligible, or not clear (yet)."""
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
    if headline == NEGLIGIBLE:
        return f"Negligible so far: every change within ±{margin:g} $ a year"
    return "Not clear yet: no party clearly loses, not all clearly gain"
