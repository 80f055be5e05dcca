"""Probes of the out-of-sample patterns: what a validation run measures that no indicator does.

Each probe watches a run year by year (see :mod:`experiments.validation.probes` for the
protocol) and reports flat statistics for the checks of ``checks.yaml``: the wage profile of
migrants by years since arrival (assimilation), departures by the size of a community's network
abroad (networks), income and remittances of households with a migrant (insurance against
shocks), and the skills of the origin-born at home and abroad (brain gain). They only read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from model.population import HIGH, RETURNED

if TYPE_CHECKING:
    from model.model import TripleWinModel

# Years since arrival over which the assimilation profile is fitted (Chiswick 1978: the first
# 10-15 years, where most of the catching up happens).
PROFILE_YEARS = 15
# First year whose shocks count in the shock probe: the first years settle the initial state.
SETTLING_YEARS = 2


def in_window(model: TripleWinModel) -> bool:
    """Whether the model's current year lies in the evaluation window."""
    window = model.params.simulation.evaluation_years
    return model.year > model.horizon - window


def _demeaned(values: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """``values`` minus their group means."""
    _, index = np.unique(groups, return_inverse=True)
    sums = np.bincount(index, values)
    counts = np.bincount(index)
    return values - (sums / counts)[index]


class AssimilationProbe:
    """Migrants' log wage by years since arrival: the cross-section of Chiswick (1978).

    In each year of the evaluation window, for employed migrants abroad with a wage and at most
    :data:`PROFILE_YEARS` years abroad: the least-squares slope of the log wage on years abroad,
    within skill (both demeaned by year and skill, so that growth of wages over time and the
    skill mix drop out). ``assimilation_wage_slope`` is the slope (log points a year);
    ``assimilation_employment_gain`` the employment rate of migrants 8-12 years abroad minus
    that of migrants in their first three years.
    """

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self.logs: list[np.ndarray] = []
        self.years: list[np.ndarray] = []
        self.groups: list[np.ndarray] = []
        self.employment: list[tuple[float, float]] = []

    def start(self, model: TripleWinModel) -> None:
        self._reset()

    def observe(self, model: TripleWinModel) -> None:
        if not in_window(model):
            return
        people = model.migrants
        abroad = people.abroad() & (people.years_abroad <= PROFILE_YEARS)
        rows = np.flatnonzero(abroad & people.employed & (people.wage > 0))
        self.logs.append(np.log(people.wage[rows]))
        self.years.append(people.years_abroad[rows].astype(float))
        self.groups.append(model.year * 2 + people.skill[rows].astype(np.int64))
        early = abroad & (people.years_abroad <= 2)
        late = abroad & (people.years_abroad >= 8) & (people.years_abroad <= 12)
        self.employment.append((_mean(people.employed[early]), _mean(people.employed[late])))

    def finish(self, model: TripleWinModel) -> dict[str, float]:
        if not self.logs:
            return {"assimilation_wage_slope": np.nan, "assimilation_employment_gain": np.nan}
        groups = np.concatenate(self.groups)
        wage = _demeaned(np.concatenate(self.logs), groups)
        years = _demeaned(np.concatenate(self.years), groups)
        denominator = float((years * years).sum())
        slope = float((years * wage).sum() / denominator) if denominator > 0 else np.nan
        early, late = np.nanmean(np.array(self.employment), axis=0)
        return {"assimilation_wage_slope": slope, "assimilation_employment_gain": late - early}


def _mean(mask: np.ndarray) -> float:
    return float(mask.mean()) if mask.size else np.nan


class NetworkProbe:
    """New emigrants per household by the size of the community's network abroad.

    At the end of each year the probe counts each community's members abroad per household (its
    network, which households see when deciding the next year); in the next year, if it lies
    in the evaluation window, the emigrants who left each community per household. Communities
    are split into thirds by network; ``network_departure_ratio`` is the departure rate of the
    top third over that of the bottom third, pooled over the window (Munshi 2003; McKenzie &
    Rapoport 2010).
    """

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self.network: np.ndarray | None = None
        self.top = np.zeros(2)
        self.bottom = np.zeros(2)

    def start(self, model: TripleWinModel) -> None:
        self._reset()

    def observe(self, model: TripleWinModel) -> None:
        table, people = model.households, model.migrants
        communities = table.community
        size = int(communities.max()) + 1
        households = np.bincount(communities, minlength=size).astype(float)
        if self.network is not None and in_window(model):
            new = np.flatnonzero(people.abroad() & (people.departure_year == model.year))
            left = np.bincount(communities[people.household[new]], minlength=size)
            low, high = np.quantile(self.network, [1 / 3, 2 / 3])
            for tally, members in (
                (self.bottom, self.network <= low),
                (self.top, self.network > high),
            ):
                tally += (left[members].sum(), households[members].sum())
        abroad = np.flatnonzero(people.abroad())
        members = np.bincount(communities[people.household[abroad]], minlength=size)
        self.network = members / np.maximum(households, 1.0)

    def finish(self, model: TripleWinModel) -> dict[str, float]:
        top = self.top[0] / self.top[1] if self.top[1] else np.nan
        bottom = self.bottom[0] / self.bottom[1] if self.bottom[1] else np.nan
        ratio = top / bottom if bottom and np.isfinite(bottom) and bottom > 0 else np.nan
        return {
            "network_departure_ratio": float(ratio),
            "departures_top_network": float(top),
            "departures_bottom_network": float(bottom),
        }


class ShockProbe:
    """Income and remittances of households with a member abroad, in drought years.

    Every drought year from :data:`SETTLING_YEARS` on (droughts are drawn for the origin alike
    in paired runs, whatever their loss, so the years are the same in both): the income of the
    households that have a member abroad (after tax, before remittances) and the remittances
    they receive, each summed over those households and divided by the origin's households; the
    run reports their means over those years. Droughts come one year in ten, so the whole run is
    read, not only the evaluation window.
    """

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self.income: list[float] = []
        self.remittances: list[float] = []

    def start(self, model: TripleWinModel) -> None:
        self._reset()

    def observe(self, model: TripleWinModel) -> None:
        if model.year < SETTLING_YEARS or not np.any(model.shocks.drought):
            return
        table = model.households
        senders = table.members_abroad > 0
        self.income.append(float(table.income[senders].sum()) / table.size)
        self.remittances.append(float(table.remittances_received[senders].sum()) / table.size)

    def finish(self, model: TripleWinModel) -> dict[str, float]:
        return {
            "income_migrant_households": float(np.mean(self.income)) if self.income else np.nan,
            "remittances_migrant_households": float(np.mean(self.remittances))
            if self.remittances
            else np.nan,
            "drought_years": float(len(self.income)),
        }


class SkillsProbe:
    """Skills of the origin-born working-age adults, at home and abroad (Beine et al. 2008).

    In each year of the evaluation window: the skilled share of the origin-born adults (at home,
    returned, and abroad), which Beine, Docquier & Rapoport call gross human-capital formation,
    and the skilled emigration rate (skilled adults abroad over skilled origin-born adults).
    The run reports their window means.
    """

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self.rows: list[tuple[float, float]] = []

    def start(self, model: TripleWinModel) -> None:
        self._reset()

    def observe(self, model: TripleWinModel) -> None:
        if not in_window(model):
            return
        table, people = model.households, model.migrants
        abroad, returned = people.abroad(), people.status == RETURNED
        skilled_abroad = float((abroad & (people.skill == HIGH)).sum())
        skilled = (
            float(table.workers_high.sum())
            + float((returned & (people.skill == HIGH)).sum())
            + skilled_abroad
        )
        adults = float(table.workers_low.sum() + table.workers_high.sum())
        adults += float(returned.sum() + abroad.sum())
        self.rows.append(
            (skilled / max(adults, 1.0), skilled_abroad / skilled if skilled else np.nan)
        )

    def finish(self, model: TripleWinModel) -> dict[str, float]:
        values = np.array(self.rows) if self.rows else np.full((1, 2), np.nan)
        return {
            "gross_skilled_share": float(np.nanmean(values[:, 0])),
            "skilled_emigration_rate": float(np.nanmean(values[:, 1])),
        }
