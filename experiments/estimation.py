"""Estimating migration from imperfect data, against the truth the simulator knows (DESIGN §1, point 3).

Three standard estimators, each computed from the observed tables of :mod:`model.observation` only,
then set beside the truth:

* **Residual method** (Warren & Passel 1987, Demography 24(3); Passel & Cohn 2018, Pew Research
  Center): irregular migrants are the census foreign-born minus the legal foreign-born counted
  from administrative records. With assumed census undercounts ``u_I`` (irregular) and ``u_L``
  (legal) it reads ``I = (C - (1 - u_L) L) / (1 - u_I)``; with none, ``I = C - L``.
* **Demographic accounting** (the balancing equation; UN Manual VI, Methods of Measuring Internal
  Migration, 1970, applied to a stock abroad): entries between two censuses are the change in the
  stock plus the deaths and the returns in between,
  ``E = C(t1) - C(t0) + D(t0, t1] + R(t0, t1]``, with deaths from civil registration and returns
  scaled up from the origin household survey.
* **Remittance scale-up** (Horvitz & Thompson 1952): remittances received by an origin's
  households are the weighted sum of what responding households report, ``sum_i w_i r_i``.

With every measurement error zero and a survey of every household, each estimate equals the truth
(the observed tables then hold the true counts, and the balancing equation holds exactly in the
simulator). Each estimate reports the truth, the error (estimate minus truth) and the relative
error.
"""

from __future__ import annotations

import itertools
from dataclasses import asdict, dataclass

import pandas as pd

from model.observation.observer import Observations

KEYS = ["destination", "origin"]


@dataclass(frozen=True)
class Estimate:
    """One estimate set beside the truth.

    Attributes:
        estimator: ``residual method``, ``demographic accounting`` or ``remittance scale-up``.
        quantity: What is estimated, in words.
        period: The year, or the years ``t0-t1`` of an interval.
        destination: Destination name (``all`` where the estimate is not per destination).
        origin: Origin name.
        estimate: The estimate.
        truth: The true value.
    """

    estimator: str
    quantity: str
    period: str
    destination: str
    origin: str
    estimate: float
    truth: float

    @property
    def error(self) -> float:
        """Estimate minus truth (negative: an underestimate)."""
        return self.estimate - self.truth

    @property
    def relative_error(self) -> float:
        """Error as a share of the truth (NaN when the truth is zero)."""
        return self.error / self.truth if self.truth != 0 else float("nan")

    def record(self) -> dict[str, object]:
        """A flat mapping, error and relative error included."""
        return {**asdict(self), "error": self.error, "relative_error": self.relative_error}


def _of_year(frame: pd.DataFrame, year: int) -> pd.DataFrame:
    return frame[frame["year"] == year]


def _by_corridor(frame: pd.DataFrame, column: str) -> pd.Series:
    return frame.groupby(KEYS, sort=False)[column].sum()


def residual_method(
    observations: Observations,
    year: int,
    assumed_undercount_irregular: float = 0.0,
    assumed_undercount_regular: float = 0.0,
) -> list[Estimate]:
    """Irregular migrants per corridor in a census year: census foreign-born minus the legal stock.

    Args:
        observations: The observed tables (``census``, ``permit_stock``) and the truth.
        year: A census year.
        assumed_undercount_irregular: The undercount of irregular migrants the analyst corrects for.
        assumed_undercount_regular: The undercount of legal residents the analyst corrects for.
    """
    census = _by_corridor(_of_year(observations.observed["census"], year), "foreign_born")
    if census.empty:
        raise ValueError(f"no census in year {year}; census years: {observations.census_years}")
    legal = _by_corridor(_of_year(observations.observed["permit_stock"], year), "legal")
    irregular = _by_corridor(_of_year(observations.truth["stocks"], year), "irregular")
    estimate = (census - (1.0 - assumed_undercount_regular) * legal) / (
        1.0 - assumed_undercount_irregular
    )
    return [
        Estimate(
            "residual method",
            "irregular migrants (persons)",
            str(year),
            destination,
            origin,
            float(estimate[destination, origin]),
            float(irregular[destination, origin]),
        )
        for destination, origin in census.index
    ]


def demographic_accounting(observations: Observations, start: int, end: int) -> list[Estimate]:
    """Entries per corridor between two censuses: stock change plus deaths plus returns.

    Returns come from the survey taken at ``end``, which asks about the years since the previous
    census, so ``end - start`` must be its reference period.
    """
    observed, true = observations.observed, observations.truth
    change = _by_corridor(_of_year(observed["census"], end), "foreign_born") - _by_corridor(
        _of_year(observed["census"], start), "foreign_born"
    )
    deaths = observed["deaths"]
    deaths = _by_corridor(deaths[(deaths["year"] > start) & (deaths["year"] <= end)], "deaths")
    returns = _survey_returns(observations, start, end)
    flows = true["flows"]
    flows = flows[(flows["year"] > start) & (flows["year"] <= end)]
    entries = _by_corridor(flows, "entries") + _by_corridor(flows, "family_entries")
    estimate = change + deaths + returns.reindex(change.index, fill_value=0.0)
    return [
        Estimate(
            "demographic accounting",
            "entries abroad (persons)",
            f"{start}-{end}",
            destination,
            origin,
            float(estimate[destination, origin]),
            float(entries[destination, origin]),
        )
        for destination, origin in change.index
    ]


def _survey_returns(observations: Observations, start: int, end: int) -> pd.Series:
    """Persons back from each destination since ``start``, scaled up from the survey at ``end``."""
    households = _of_year(observations.observed["household_survey"], end)
    if households.empty:
        raise ValueError(f"no survey in year {end}; survey years: {observations.census_years}")
    reference = int(households["reference_years"].iloc[0])
    if end - start != reference:
        raise ValueError(
            f"the survey of {end} asks about the last {reference} years, not {end - start}"
        )
    migrants = _of_year(observations.observed["household_survey_migrants"], end)
    answers = migrants.merge(households[["household", "origin", "weight"]], on="household")
    answers = answers.assign(weighted=answers["returned"] * answers["weight"])
    return _by_corridor(answers, "weighted")


def remittance_scale_up(observations: Observations, year: int) -> list[Estimate]:
    """Remittances received per origin in a survey year: weighted sum of reported amounts."""
    households = _of_year(observations.observed["household_survey"], year)
    if households.empty:
        raise ValueError(f"no survey in year {year}; survey years: {observations.census_years}")
    answered = households[households["responded"]]
    weighted = (answered["weight"] * answered["remittances_received"]).groupby(answered["origin"])
    estimate = weighted.sum()
    truth = _of_year(observations.truth["household_remittances"], year).set_index("origin")
    return [
        Estimate(
            "remittance scale-up",
            "remittances received (PPP $ per year)",
            str(year),
            "all",
            origin,
            float(estimate.get(origin, 0.0)),
            float(received),
        )
        for origin, received in truth["received"].items()
    ]


def all_estimates(
    observations: Observations,
    assumed_undercount_irregular: float = 0.0,
    assumed_undercount_regular: float = 0.0,
) -> pd.DataFrame:
    """Every estimator in every census year (accounting between consecutive censuses), as a table."""
    results: list[Estimate] = []
    years = observations.census_years
    for year in years:
        results += residual_method(
            observations, year, assumed_undercount_irregular, assumed_undercount_regular
        )
    for start, end in itertools.pairwise(years):
        results += demographic_accounting(observations, start, end)
    for year in years:
        results += remittance_scale_up(observations, year)
    columns = [*Estimate.__dataclass_fields__, "error", "relative_error"]
    return pd.DataFrame([r.record() for r in results], columns=columns)
