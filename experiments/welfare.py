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
from collections.abc import Mapping, Sequence

import numpy as np

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


def pv_key(party: str, horizon: str = "end") -> str:
    """The record's key of a party's present value at a horizon."""
    return f"pv_{party}_{horizon}"


def years_key(party: str, horizon: str = "end") -> str:
    """The record's key of a party's discounted person-years at a horizon."""
    return f"years_{party}_{horizon}"


def per_year(change: np.ndarray, years: np.ndarray) -> np.ndarray:
    """Changes of present values over the baseline's person-years, element by element (NaN
    where the person-years are not positive): :func:`variation` on whole columns of runs."""
    change, years = np.asarray(change, dtype=float), np.asarray(years, dtype=float)
    valid = np.isfinite(years) & (years > 0)
    return np.divide(
        change, years, out=np.full(np.broadcast(change, years).shape, np.nan), where=valid
    )


def variation(
    baseline: Mapping[str, float],
    scenario: Mapping[str, float],
    party: str,
    horizon: str = "end",
) -> float:
    """A party's equivalent variation at a horizon (PPP $ per person per year); NaN if absent."""
    key = pv_key(party, horizon)
    if key not in baseline or key not in scenario:
        return math.nan
    return _over(scenario[key] - baseline[key], baseline[years_key(party, horizon)])


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
    """A group's equivalent variation over the run (PPP $ per person of the group per year).

    The change of the group's welfare per person-year, each run's over its own person-years: the
    people in some groups depend on the policy (stayers without a migrant, migrants by status),
    and a total would read a group that shrinks as one that loses (:func:`size_change` shows how
    much the group changed).
    """
    key, years = f"group_{group}", f"group_years_{group}"
    if key not in baseline or key not in scenario:
        return math.nan
    return _over(scenario[key], scenario[years]) - _over(baseline[key], baseline[years])


def size_change(baseline: Mapping[str, float], scenario: Mapping[str, float], group: str) -> float:
    """Relative change of a group's discounted person-years: how much the policy changes who is
    in it (0 for a group of fixed people, such as the natives by skill)."""
    key = f"group_years_{group}"
    if key not in baseline or key not in scenario:
        return math.nan
    return _over(scenario[key] - baseline[key], baseline[key])


def worse_off_share(record: Mapping[str, float]) -> float:
    """Share of migrants' years abroad spent consuming less than they would earn at home."""
    return _over(
        record.get(f"group_{WORSE_OFF}", math.nan), record.get(f"group_years_{WORSE_OFF}", math.nan)
    )


def horizon_of(horizon: str, last_year: int | None) -> str | None:
    """How a record names a horizon of a run that ends in ``last_year``: its year, ``end`` when
    the run ends then, None when the run ends before it (``last_year`` None: as named)."""
    if horizon == "end" or last_year is None:
        return horizon
    year = int(horizon)
    if year > last_year:
        return None
    return "end" if year == last_year else horizon


def variation_row(
    baseline: Mapping[str, float], scenario: Mapping[str, float], last_year: int | None = None
) -> dict[str, float]:
    """Everything a paired comparison reads of one pair of runs, flat.

    ``ev_PARTY`` (the end), ``ev_PARTY_10`` and ``ev_PARTY_20`` (earlier horizons: the end's
    when the run ends then, NaN when it ends before), ``ev_channel_PARTY_CHANNEL``,
    ``ev_group_NAME`` (PPP $ per person per year), ``size_group_NAME`` (the relative change of
    the group's person-years: groups whose members the policy changes), and the share of migrants' years abroad worse
    off than at home in each run (``worse_off_baseline``, ``worse_off_scenario``).

    Args:
        baseline: The baseline run's record (:func:`model.welfare.flat_record` keys).
        scenario: The scenario run's record, on the same seed.
        last_year: The runs' last year (to read the 10- and 20-year horizons).
    """
    row: dict[str, float] = {}
    for party in PARTIES:
        row[f"ev_{party}"] = variation(baseline, scenario, party)
        for horizon in HORIZONS[:-1]:
            named = horizon_of(horizon, last_year)
            row[f"ev_{party}_{horizon}"] = (
                math.nan if named is None else variation(baseline, scenario, party, named)
            )
        for channel, value in channel_variations(baseline, scenario, party).items():
            row[f"ev_channel_{party}_{channel_key(channel)}"] = value
    for group in GROUPS:
        row[f"ev_group_{group}"] = group_variation(baseline, scenario, group)
        row[f"size_group_{group}"] = size_change(baseline, scenario, group)
    row["worse_off_baseline"] = worse_off_share(baseline)
    row["worse_off_scenario"] = worse_off_share(scenario)
    return row


def variation_rows(
    baseline: Sequence[Mapping[str, float]],
    scenario: Sequence[Mapping[str, float]],
    last_year: int | None = None,
) -> list[dict[str, float]]:
    """:func:`variation_row` of each pair of runs, replication by replication."""
    if len(baseline) != len(scenario):
        raise ValueError(f"unpaired: {len(baseline)} baseline and {len(scenario)} scenario runs")
    return [
        variation_row(before, after, last_year)
        for before, after in zip(baseline, scenario, strict=True)
    ]


__all__ = [
    "GROUPS",
    "HORIZONS",
    "PARTIES",
    "WORSE_OFF",
    "channel_variations",
    "group_variation",
    "horizon_of",
    "per_year",
    "pv_key",
    "size_change",
    "variation",
    "variation_row",
    "variation_rows",
    "worse_off_share",
    "years_key",
]
