"""Advice on replication counts: do a comparison's intervals decide, and how many runs would?

A change is *decided* when its 95% interval excludes zero. For a change that is not, the advice
asks how many paired replications would shrink the interval's half-width below the size of the
change observed, taking the observed mean and spread as the truth (the usual pilot-study
reasoning of Law 2015, *Simulation Modeling and Analysis*, ch. 9). The verdict needs every party's
interval above zero for a triple win, but only one below zero for a loss, so the count for the
verdict is the largest of the parties' counts in the first case and the smallest in the second.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import stats

from experiments.statistics import Estimate, replications_needed
from experiments.verdicts import LOSS, TRIPLE_WIN

# Beyond this the count is reported as "more than" it: the change is too small to matter.
MOST_REPLICATIONS = 100_000


@dataclass(frozen=True)
class PartyAdvice:
    """Advice on one party's change.

    Attributes:
        decided: The 95% interval excludes zero.
        needed: Replications for the half-width to fall below the observed |change|; None when
            the change is zero or its spread undefined.
    """

    decided: bool
    needed: int | None

    def as_json(self) -> dict[str, Any]:
        """``{"decided": bool, "replications_needed": N or null}``."""
        return {"decided": self.decided, "replications_needed": self.needed}


@dataclass(frozen=True)
class Advice:
    """Advice on a scenario's verdict.

    Attributes:
        replications: Paired replications run.
        decided: The verdict is ``triple win`` or ``loss``, not ``uncertain``.
        needed: Replications that would decide the verdict if the observed changes are the true
            ones (None when no count would).
        parties: Advice on each party's change.
        text: The advice in one or two plain sentences.
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


def needed_for(values: np.ndarray, change: Estimate) -> int | None:
    """Replications for the 95% interval's half-width to fall below the observed |change|.

    Starts from the normal approximation of :func:`experiments.statistics.replications_needed`
    and raises it until Student's t, which is wider for few replications, agrees.
    """
    size = abs(change.mean)
    if not math.isfinite(size) or size == 0.0:
        return None
    count = replications_needed(values, size)
    data = np.asarray(values, dtype=float)
    data = data[np.isfinite(data)]
    if count is None or data.size < 2:
        return count
    spread = float(data.std(ddof=1))
    while count < MOST_REPLICATIONS and half_width(spread, count) >= size:
        count += 1
    return count


def half_width(spread: float, count: int) -> float:
    """Half-width of the 95% t-interval of a mean of ``count`` values with this spread."""
    return float(stats.t.ppf(0.975, count - 1)) * spread / math.sqrt(count)


def advise(
    welfare: Mapping[str, Estimate], samples: Mapping[str, np.ndarray], verdict: str
) -> Advice:
    """Advice on a verdict from each party's estimated change and its paired samples."""
    parties = {
        party: PartyAdvice(
            decided=bool(change.low > 0 or change.high < 0),
            needed=needed_for(samples[party], change),
        )
        for party, change in welfare.items()
    }
    count = max((change.count for change in welfare.values()), default=0)
    target, needed = verdict_target(welfare, parties)
    decided = verdict in (TRIPLE_WIN, LOSS)
    return Advice(
        replications=count,
        decided=decided,
        needed=needed,
        parties=parties,
        text=advice_text(welfare, parties, verdict, target, needed, count),
    )


def verdict_target(
    welfare: Mapping[str, Estimate], parties: Mapping[str, PartyAdvice]
) -> tuple[str | None, int | None]:
    """The verdict the observed changes point to, and the replications that would show it."""
    losing = [p for p, change in welfare.items() if change.mean < 0]
    if losing:
        counts = [parties[p].needed for p in losing if parties[p].needed is not None]
        return LOSS, min(counts) if counts else None
    if all(change.mean > 0 for change in welfare.values()):
        counts = [parties[p].needed for p in parties]
        if any(c is None for c in counts):
            return TRIPLE_WIN, None
        return TRIPLE_WIN, max(c for c in counts if c is not None)
    return None, None


def advice_text(
    welfare: Mapping[str, Estimate],
    parties: Mapping[str, PartyAdvice],
    verdict: str,
    target: str | None,
    needed: int | None,
    count: int,
) -> str:
    """The advice in plain words."""
    if count < 2:
        return "One replication gives no interval: run at least 2 (10 or more are advised)."
    if verdict == TRIPLE_WIN:
        return f"Decided with {count} replications: every party's interval lies above zero."
    if verdict == LOSS:
        below = [p for p, change in welfare.items() if change.high < 0]
        return (
            f"Decided with {count} replications: the interval for {_join(below)} lies below zero."
        )
    open_parties = [p for p, advice in parties.items() if not advice.decided]
    text = f"Not decided with {count} replications: the interval for {_join(open_parties)} includes zero."
    unchanged = [
        p for p, change in welfare.items() if change.mean == 0.0 and change.half_width == 0
    ]
    if unchanged:
        return (
            f"{text} The change for {_join(unchanged)} is exactly zero in every replication: "
            "the scenario does not move it, and no number of replications will."
        )
    if target is None or needed is None:
        return (
            f"{text} The changes point in no clear direction; more replications may not settle it."
        )
    if needed >= MOST_REPLICATIONS:
        return (
            f"{text} The changes are too small to settle with any practical number of replications."
        )
    return (
        f"{text} If the changes observed are the true ones, about {needed} replications would "
        f"show a {target}."
    )


def _join(parties: list[str]) -> str:
    if len(parties) <= 1:
        return "".join(parties)
    return ", ".join(parties[:-1]) + " and " + parties[-1]
