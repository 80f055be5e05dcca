"""The verdict vocabulary: each party's outcome, and a scenario's verdict from the three.

A party's **outcome** reads the 95% interval of the change in its welfare against the baseline
(docs/ODD.md, section 7.19): a *gain* when it lies above zero, a *loss* when below, *uncertain*
otherwise (also when it is undefined). A scenario's **verdict** reads the three outcomes: a
*triple win* when every party gains, a *loss* when any party loses, *uncertain* otherwise.

Outcomes and verdicts are tables of entries tried in order, the first whose rule holds giving
the answer, so a new one is one more entry: "negligible" (an interval inside a margin around
zero), say, as an outcome before "uncertain" and as a verdict "every party negligible". Their
colours are in :mod:`experiments.style`. This module imports nothing of the simulator, so
processes that only collect results stay light.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from experiments.statistics import Estimate

GAIN, LOSS, UNCERTAIN, TRIPLE_WIN = "gain", "loss", "uncertain", "triple win"


@dataclass(frozen=True)
class Outcome:
    """What happens to one party.

    Attributes:
        name: The outcome's name, as tables, reports and ``--json`` write it.
        meaning: Its rule in words.
        holds: Its rule, on the change's estimate and the margin of a negligible change.
    """

    name: str
    meaning: str
    holds: Callable[[Estimate, float], bool]


@dataclass(frozen=True)
class Verdict:
    """What a scenario is, from its parties' outcomes.

    Attributes:
        name: The verdict's name, as tables, reports and ``--json`` write it.
        meaning: Its rule in words.
        holds: Its rule, on the parties' outcomes.
    """

    name: str
    meaning: str
    holds: Callable[[list[str]], bool]


OUTCOMES = (
    Outcome(LOSS, "the 95% interval lies below zero", lambda change, _: change.high < 0),
    Outcome(GAIN, "the 95% interval lies above zero", lambda change, _: change.low > 0),
    Outcome(UNCERTAIN, "the 95% interval includes zero or is undefined", lambda *_: True),
)
VERDICTS = (
    Verdict(LOSS, "at least one party loses", lambda outcomes: LOSS in outcomes),
    Verdict(TRIPLE_WIN, "every party gains", lambda outcomes: all(o == GAIN for o in outcomes)),
    Verdict(UNCERTAIN, "no party loses, but not every party gains", lambda _: True),
)


def outcome(change: Estimate, margin: float = 0.0) -> str:
    """A party's outcome from the estimated change in its welfare."""
    return next(entry.name for entry in OUTCOMES if entry.holds(change, margin))


def verdict_of(outcomes: Iterable[str]) -> str:
    """A scenario's verdict from its parties' outcomes."""
    found = list(outcomes)
    return next(entry.name for entry in VERDICTS if entry.holds(found))


def verdict(welfare: Mapping[str, Estimate], margin: float = 0.0) -> str:
    """The triple-win test on the paired changes in the three parties' welfare.

    Args:
        welfare: Estimated change for each party (``migrants``, ``origin``, ``destination``).
        margin: The margin of a negligible change (no outcome uses it yet).

    Returns:
        ``"loss"`` if an interval lies below zero, ``"triple win"`` if every interval lies above
        zero, else ``"uncertain"``.
    """
    return verdict_of(outcome(change, margin) for change in welfare.values())


def outcomes(welfare: Mapping[str, Estimate], margin: float = 0.0) -> dict[str, str]:
    """Each party's outcome, by party."""
    return {party: outcome(change, margin) for party, change in welfare.items()}
