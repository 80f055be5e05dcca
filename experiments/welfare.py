"""Equivalent variations: what a scenario changes in each party's welfare, per person and year.

A run reports each party's welfare as a present value over the run, with the discounted
person-years of the population it is counted per (:func:`model.welfare.flat_record`). Against a
baseline run on the same seed (the same people), a party's **equivalent variation** is the
change of that present value over the baseline's person-years: the sum of money, in PPP dollars
a year, that each of its people would have to be given in the baseline to be as well off as in
the scenario (docs/ODD.md, section 7.19). Channels and groups are read the same way, so a
party's channels add up to its variation exactly.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from model import channels
from model.welfare import PARTIES, channel_key

HORIZONS = ("10", "20", "end")
# Groups whose welfare is reported beside the parties' (docs/ODD.md, section 7.19).
GROUPS = (
    "natives_low_skilled",
    "natives_skilled",
    "origin_poorest_40",
    "stayers_without_migrant",
    "migrants_temporary",
    "migrants_permanent",
    "migrants_irregular",
    "migrants_naturalised",
)
WORSE_OFF = "migrants_worse_off_than_at_home"


def _over(change: float, years: float) -> float:
    return change / years if years and math.isfinite(years) and years > 0 else math.nan


def variation(
    baseline: Mapping[str, float],
    scenario: Mapping[str, float],
    party: str,
    horizon: str = "end",
) -> float:
    """A party's equivalent variation at a horizon (PPP $ per person per year); NaN if absent."""
    key = f"pv_{party}_{horizon}"
    if key not in baseline or key not in scenario:
        return math.nan
    return _over(scenario[key] - baseline[key], baseline[f"years_{party}_{horizon}"])


def channel_variations(
    baseline: Mapping[str, float], scenario: Mapping[str, float], party: str
) -> dict[str, float]:
    """Each channel's part of the party's variation at the end; they add up to it."""
    years = baseline.get(f"years_{party}_end", math.nan)
    return {
        channel: _over(
            scenario.get(f"channel_{party}_{channel_key(channel)}", 0.0)
            - baseline.get(f"channel_{party}_{channel_key(channel)}", 0.0),
            years,
        )
        for channel in channels.CHANNELS
    }


def group_variation(
    baseline: Mapping[str, float], scenario: Mapping[str, float], group: str
) -> float:
    """A group's equivalent variation over the run (PPP $ per person of the group per year)."""
    key = f"group_{group}"
    if key not in baseline or key not in scenario:
        return math.nan
    return _over(scenario[key] - baseline[key], baseline[f"group_years_{group}"])


def worse_off_share(record: Mapping[str, float]) -> float:
    """Share of migrants' years abroad spent consuming less than they would earn at home."""
    return _over(
        record.get(f"group_{WORSE_OFF}", math.nan), record.get(f"group_years_{WORSE_OFF}", math.nan)
    )


__all__ = [
    "GROUPS",
    "HORIZONS",
    "PARTIES",
    "WORSE_OFF",
    "channel_variations",
    "group_variation",
    "variation",
    "worse_off_share",
]
