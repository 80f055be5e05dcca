"""The verdict vocabulary: each party's outcome, and a scenario's verdict from the three.

A party's **outcome** reads the 95% interval of its equivalent variation against the baseline
(PPP $ per person per year; docs/ODD.md, section 7.19) and the margin of a change too small to
matter (``welfare.margin`` of the baseline scenario, or ``run.py compare --margin``):
*negligible* when the interval lies inside plus or minus the margin (checked first, so a change
surely too small to matter is never a gain or a loss), a *loss* when it lies below zero, a *gain*
when above, *uncertain* otherwise (also when it is undefined). A scenario's **verdict** reads the
three outcomes: a *loss* when any party loses, a *triple win* when every party gains,
*negligible* when every party's change is negligible, *uncertain* otherwise (an open outcome, or
a mix of gains and negligible changes).

Outcomes and verdicts are tables of entries tried in order, the first whose rule holds giving
the answer, so a new one is one more entry. Their colours are in :mod:`experiments.style`. This
module imports nothing of the simulator, so processes that only collect results stay light.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from experiments.statistics import Estimate

GAIN, LOSS, NEGLIGIBLE, UNCERTAIN = "gain", "loss", "negligible", "uncertain"
TRIPLE_WIN = "triple win"


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


def inside(change: Estimate, margin: float) -> bool:
    """Whether the 95% interval lies within plus or minus ``margin`` (False when undefined)."""
    return bool(change.low >= -margin and change.high <= margin)


OUTCOMES = (
    Outcome(NEGLIGIBLE, "the 95% interval lies inside plus or minus the margin", inside),
    Outcome(LOSS, "the 95% interval lies below zero", lambda change, _: change.high < 0),
    Outcome(GAIN, "the 95% interval lies above zero", lambda change, _: change.low > 0),
    Outcome(
        UNCERTAIN,
        "the 95% interval includes zero and reaches beyond the margin, or is undefined",
        lambda *_: True,
    ),
)
VERDICTS = (
    Verdict(LOSS, "at least one party loses", lambda outcomes: LOSS in outcomes),
    Verdict(TRIPLE_WIN, "every party gains", lambda outcomes: all(o == GAIN for o in outcomes)),
    Verdict(
        NEGLIGIBLE,
        "every party's change is negligible",
        lambda outcomes: all(o == NEGLIGIBLE for o in outcomes),
    ),
    Verdict(
        UNCERTAIN,
        "no party loses, but not every party gains (an open outcome, or gains beside "
        "negligible changes)",
        lambda _: True,
    ),
)
# Verdicts that more replications cannot overturn without overturning a party's outcome.
DECIDED_OUTCOMES = (GAIN, LOSS, NEGLIGIBLE)


def outcome(change: Estimate, margin: float = 0.0) -> str:
    """A party's outcome from the estimated change in its welfare and the margin."""
    return next(entry.name for entry in OUTCOMES if entry.holds(change, margin))


def verdict_of(outcomes: Iterable[str]) -> str:
    """A scenario's verdict from its parties' outcomes."""
    found = list(outcomes)
    return next(entry.name for entry in VERDICTS if entry.holds(found))


def verdict(welfare: Mapping[str, Estimate], margin: float = 0.0) -> str:
    """The triple-win test on the paired changes in the three parties' welfare.

    Args:
        welfare: Estimated change for each party (``migrants``, ``origin``, ``destination``).
        margin: The margin of a negligible change (PPP $ per person per year).

    Returns:
        ``"loss"``, ``"triple win"``, ``"negligible"`` or ``"uncertain"``.
    """
    return verdict_of(outcome(change, margin) for change in welfare.values())


def outcomes(welfare: Mapping[str, Estimate], margin: float = 0.0) -> dict[str, str]:
    """Each party's outcome, by party."""
    return {party: outcome(change, margin) for party, change in welfare.items()}
