"""The triple-win test of DESIGN §6, in one place for every command that judges scenarios.

A scenario, against a baseline on paired replications, is a *triple win* when the 95% interval of
the change in each of the three parties' welfare lies above zero, a *loss* when one lies below
zero, and *uncertain* otherwise (also when an interval is undefined). This module imports nothing
of the simulator, so processes that only collect results stay light.
"""

from __future__ import annotations

from collections.abc import Mapping

from experiments.statistics import Estimate

TRIPLE_WIN, LOSS, UNCERTAIN = "triple win", "loss", "uncertain"
VERDICTS = (TRIPLE_WIN, LOSS, UNCERTAIN)


def verdict(welfare: Mapping[str, Estimate]) -> str:
    """The triple-win test on the paired changes in the three parties' welfare.

    Args:
        welfare: Estimated change for each party (``migrants``, ``origin``, ``destination``).

    Returns:
        ``"loss"`` if an interval lies below zero, ``"triple win"`` if every interval lies above
        zero, else ``"uncertain"``.
    """
    if any(change.high < 0 for change in welfare.values()):
        return LOSS
    if all(change.low > 0 for change in welfare.values()):
        return TRIPLE_WIN
    return UNCERTAIN
