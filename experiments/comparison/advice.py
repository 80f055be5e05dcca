"""Advice on replication counts: do a comparison's intervals decide, and how many runs would?

A party's outcome is *decided* when it is a gain, a loss or negligible (:mod:`experiments.verdicts`),
*open* when uncertain. For an open party the advice asks how many paired replications would
shrink the 95% interval enough to decide it, taking the observed mean and spread as the truth
(the usual pilot-study reasoning of Law 2015, *Simulation Modeling and Analysis*, ch. 9): the
interval ``mean +/- h`` decides once ``h`` falls below ``|mean|`` (it then excludes zero) or
below ``margin - |mean|`` (it then lies inside the margin), whichever comes first, and the
outcome it would then read is the *projected* one. That is a projection from a pilot, never a
result: the advice says so, and a verdict stays open until the replications are run.

The verdict is settled when it no longer rests on an open outcome: a loss (one party loses), or
every outcome decided (a triple win, negligible, or a mix of gains and negligible changes, which
reads "uncertain" whatever the number of replications). The count for the verdict is the first
at which the projected outcomes settle it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import stats

from experiments.statistics import Estimate, replications_needed
from experiments.verdicts import (
    GAIN,
    LOSS,
    NEGLIGIBLE,
    TRIPLE_WIN,
    UNCERTAIN,
    outcome,
    verdict_of,
)

# Beyond this the count is reported as "more than" it: the change is too small to settle.
MOST_REPLICATIONS = 100_000


@dataclass(frozen=True)
class PartyAdvice:
    """Advice on one party's change.

    Attributes:
        outcome: Its outcome with the replications run.
        needed: For an open outcome, the replications that would decide it if the observed mean
            and spread are the true ones (None when none would, or when it is decided).
        projected: The outcome it would then read (None when none).
    """

    outcome: str
    needed: int | None
    projected: str | None

    @property
    def decided(self) -> bool:
        """Whether the outcome is a gain, a loss or negligible."""
        return self.outcome != UNCERTAIN

    def as_json(self) -> dict[str, Any]:
        """``{"outcome", "decided", "replications_needed", "projected"}``."""
        return {
            "outcome": self.outcome,
            "decided": self.decided,
            "replications_needed": self.needed,
            "projected": self.projected,
        }


@dataclass(frozen=True)
class Advice:
    """Advice on a scenario's verdict.

    Attributes:
        replications: Paired replications run.
        decided: The verdict rests on no open outcome (a loss, or every outcome decided).
        needed: Replications at which the projected outcomes would settle the verdict (None
            when it is settled, or when no count would).
        parties: Advice on each party's change.
        text: The advice in plain sentences.
    """

    replications: int
    decided: bool
    needed: int | None
    parties: dict[str, PartyAdvice]
    text: str

    def as_json(self) -> dict[str, Any]:
        """The advice as JSON: decided, replications_needed, text and each party's advice."""
        return {
            "decided": self.decided,
            "replications_needed": self.needed,
            "text": self.text,
            "parties": {party: advice.as_json() for party, advice in self.parties.items()},
        }


def half_width(spread: float, count: int) -> float:
    """Half-width of the 95% t-interval of a mean of ``count`` values with this spread."""
    return float(stats.t.ppf(0.975, count - 1)) * spread / math.sqrt(count)


def _finite(values: np.ndarray) -> np.ndarray:
    data = np.asarray(values, dtype=float)
    return data[np.isfinite(data)]


def needed_below(values: np.ndarray, size: float) -> int | None:
    """Replications for the 95% t-interval's half-width to fall below ``size``.

    Starts from the normal approximation of :func:`experiments.statistics.replications_needed`
    and raises it until Student's t, which is wider for few replications, agrees.
    """
    if not math.isfinite(size) or size <= 0.0:
        return None
    count = replications_needed(values, size)
    data = _finite(values)
    if count is None or data.size < 2:
        return count
    spread = float(data.std(ddof=1))
    while count < MOST_REPLICATIONS and half_width(spread, count) >= size:
        count += 1
    return count


def needed_for(values: np.ndarray, change: Estimate) -> int | None:
    """Replications for the 95% interval's half-width to fall below the observed |change|."""
    return needed_below(values, abs(change.mean))


def projection(values: np.ndarray, change: Estimate, count: int, margin: float) -> str:
    """The outcome the interval would read with ``count`` replications of the same spread."""
    data = _finite(values)
    if data.size < 2 or count < 2:
        return UNCERTAIN
    half = half_width(float(data.std(ddof=1)), count)
    return outcome(Estimate(change.mean, change.mean - half, change.mean + half, count), margin)


def party_advice(values: np.ndarray, change: Estimate, margin: float) -> PartyAdvice:
    """A party's outcome and, when open, the replications that would decide it and how."""
    found = outcome(change, margin)
    if found != UNCERTAIN or change.count < 2:
        return PartyAdvice(found, None, None)
    size = abs(change.mean)
    # The interval decides once its half-width falls below |mean| (it excludes zero) or
    # below margin - |mean| (it lies inside the margin), whichever is larger.
    needed = needed_below(values, max(size, margin - size))
    if needed is None:
        return PartyAdvice(found, None, None)
    return PartyAdvice(found, needed, projection(values, change, needed, margin))


def settles(outcomes: list[str]) -> bool:
    """Whether outcomes settle the verdict: one loses, or none is open."""
    return LOSS in outcomes or UNCERTAIN not in outcomes


def verdict_projection(
    welfare: Mapping[str, Estimate],
    samples: Mapping[str, np.ndarray],
    parties: Mapping[str, PartyAdvice],
    margin: float,
) -> tuple[int | None, str | None]:
    """The fewest replications at which the projected outcomes settle the verdict, and it."""
    counts = sorted({a.needed for a in parties.values() if a.needed is not None})
    for count in counts:
        if count >= MOST_REPLICATIONS:
            break
        projected = [
            a.outcome if a.decided else projection(samples[p], welfare[p], count, margin)
            for p, a in parties.items()
        ]
        if settles(projected):
            return count, verdict_of(projected)
    return None, None


def advise(
    welfare: Mapping[str, Estimate],
    samples: Mapping[str, np.ndarray],
    verdict: str,
    margin: float = 0.0,
) -> Advice:
    """Advice on a verdict from each party's estimated change and its paired samples."""
    parties = {
        party: party_advice(samples[party], change, margin) for party, change in welfare.items()
    }
    count = max((change.count for change in welfare.values()), default=0)
    decided = count >= 2 and settles([a.outcome for a in parties.values()])
    needed, projected = (None, None)
    if not decided:
        needed, projected = verdict_projection(welfare, samples, parties, margin)
    text = advice_text(welfare, parties, verdict, count, margin, (needed, projected))
    return Advice(count, decided, needed, parties, text)


def advice_text(
    welfare: Mapping[str, Estimate],
    parties: Mapping[str, PartyAdvice],
    verdict: str,
    count: int,
    margin: float,
    projected: tuple[int | None, str | None] = (None, None),
) -> str:
    """The advice in plain words."""
    if count < 2:
        return "One replication gives no interval: run at least 2 (10 or more are advised)."
    zero = [p for p, c in welfare.items() if c.mean == 0.0 and c.half_width == 0.0]
    if verdict == TRIPLE_WIN:
        return f"Decided with {count} replications: every party's interval lies above zero."
    if verdict == LOSS:
        below = [p for p, a in parties.items() if a.outcome == LOSS]
        plural = len(below) > 1
        return (
            f"Decided with {count} replications: the interval{'s' if plural else ''} for "
            f"{_join(below)} lie{'' if plural else 's'} below zero."
        )
    if verdict == NEGLIGIBLE:
        text = (
            f"Decided with {count} replications: every party's interval lies within "
            f"±{margin:g} of zero, too small to matter."
        )
        if len(zero) == len(welfare):
            text += " The changes are exactly zero in every replication."
        return text
    open_parties = [p for p, a in parties.items() if not a.decided]
    if not open_parties:
        mix = ", ".join(f"{p} {a.outcome}" for p, a in parties.items())
        return (
            f"Every party's outcome is decided with {count} replications ({mix}): the verdict is "
            "uncertain because gains sit beside negligible changes, not for want of replications."
        )
    plural = len(open_parties) > 1
    text = (
        f"Open with {count} replications: the interval{'s' if plural else ''} for "
        f"{_join(open_parties)} include{'' if plural else 's'} zero and reach"
        f"{'' if plural else 'es'} beyond ±{margin:g}."
    )
    return text + " " + _projections(open_parties, parties, projected)


def _projections(
    open_parties: list[str],
    parties: Mapping[str, PartyAdvice],
    projected: tuple[int | None, str | None],
) -> str:
    """Per open party, how many replications would decide it and as what (a projection)."""
    parts = []
    for party in open_parties:
        advice = parties[party]
        if advice.needed is None:
            parts.append(f"no number of replications would decide {party}")
        elif advice.needed >= MOST_REPLICATIONS:
            parts.append(f"{party} is too close to the edge to decide with any practical number")
        else:
            parts.append(f"about {advice.needed} would decide {party} (as {_as(advice.projected)})")
    text = "If the means and spreads observed were the true ones, " + "; ".join(parts) + "."
    needed, verdict = projected
    if needed is not None:
        text += (
            f" At about {needed} replications the verdict would be settled (projected: "
            f"'{verdict}')."
        )
    return text + " These are projections, not results: the verdict stays open until they are run."


def _as(outcome_name: str | None) -> str:
    return {GAIN: "a gain", LOSS: "a loss", NEGLIGIBLE: "negligible"}.get(
        outcome_name or "", "still open"
    )


def _join(parties: list[str]) -> str:
    if len(parties) <= 1:
        return "".join(parties)
    return ", ".join(parties[:-1]) + " and " + parties[-1]
