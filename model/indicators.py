"""Step 10: the canonical indicators (docs/ODD.md §7.18), per year, pooled and per country.

Pooled indicators treat all origins (or all destinations) as one population; ``by_country`` keeps
each origin (with its emigrants) and each destination (with its immigrants) apart; ``by_region``
holds the integration indicators of every region of every destination
(:mod:`model.integration_measures`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from model import catalogue, integration_measures, integration_regions, measures
from model.integration_measures import INTEGRATION_INDICATORS
from model.integration_regions import REGION_INDICATORS
from model.measures import among
from model.population import FAMILY, residents

if TYPE_CHECKING:
    from model.model import TripleWinModel

# The indicators' names, groups and order are those of the registry (model/catalogue.py).
MIGRANT_INDICATORS = catalogue.names("migrants")
ORIGIN_INDICATORS = catalogue.names("origin")
DESTINATION_INDICATORS = catalogue.names("destination")
WELFARE_INDICATORS = catalogue.names("welfare")
CANONICAL = MIGRANT_INDICATORS + ORIGIN_INDICATORS + DESTINATION_INDICATORS + WELFARE_INDICATORS
DIAGNOSTICS = catalogue.names("diagnostics")
INDICATORS = CANONICAL + DIAGNOSTICS + INTEGRATION_INDICATORS


class IndicatorRecorder:
    """Yearly indicator table, preallocated, plus arrival cohorts for the return statistics.

    Args:
        model: The model being recorded.
        horizon: Number of years the table has room for.
        first_year: The first year whose indicators are computed; earlier rows stay NaN. A run
            that keeps no yearly series needs only its evaluation window; arrivals and
            departures by cohort are counted every year whatever this is.
    """

    def __init__(self, model: TripleWinModel, horizon: int, first_year: int = 1) -> None:
        self.horizon = horizon
        self.first_year = first_year
        self.values = np.full((horizon, len(INDICATORS)), np.nan)
        self.countries = [f"origin:{n}" for n in model.origin_names] + [
            f"destination:{n}" for n in model.destination_names
        ]
        self.by_country = {
            key: np.full((horizon, len(INDICATORS)), np.nan) for key in self.countries
        }
        self.regions = [
            f"destination:{d.name}/{region}"
            for d in model.destinations
            for region in d.region_names
        ]
        # The sums behind the regions' indicators, kept each year; the indicators themselves are
        # computed for all years at once when asked for (by_region), which costs less.
        self._region_tally = integration_regions.RegionTally.empty(model, horizon)
        self.arrivals = np.zeros(horizon + 1)
        self.departures = np.zeros((horizon + 1, horizon + 1))
        self._column = {name: i for i, name in enumerate(INDICATORS)}

    def count_departures(self, departure_years: np.ndarray, year: int) -> None:
        """Record people leaving the destination, by the year they arrived (cohort)."""
        cohort = departure_years[(departure_years >= 1) & (departure_years <= self.horizon)]
        np.add.at(self.departures, (cohort, np.minimum(year - cohort, self.horizon)), 1)

    def start(self, model: TripleWinModel) -> None:
        """Nothing to see before the first year: the table has room for every year already."""

    def observe(self, model: TripleWinModel) -> None:
        """Compute and store this year's indicators and the year's departures by cohort.

        Departures are this year's returns and exits abroad (``model.events``), by the year of
        their latest departure.
        """
        self.count_departures(model.events.returned.departure_year, model.year)
        self.count_departures(model.events.exited_abroad.departure_year, model.year)
        row = model.year - 1
        if row >= self.horizon:
            return
        # Cohorts count migrant rows: family members who joined leave with the migrant and are
        # not counted among departures, so they are left out of the arrivals too.
        arrived = model.counts.arrivals_by_channel
        self.arrivals[model.year] = arrived.sum() - arrived[FAMILY]
        if model.year < self.first_year:
            return
        origins = list(range(len(model.origins)))
        destinations = list(range(len(model.destinations)))
        tally = integration_measures.tally(model)
        self._region_tally.keep(row, tally)
        self._store(self.values, row, _indicators(model, origins, destinations, tally))
        if len(origins) == 1 and len(destinations) == 1:
            for key in self.countries:
                self.by_country[key][row] = self.values[row]
            return
        for o, name in enumerate(model.origin_names):
            self._store(
                self.by_country[f"origin:{name}"], row, _indicators(model, [o], destinations, tally)
            )
        for d, name in enumerate(model.destination_names):
            self._store(
                self.by_country[f"destination:{name}"], row, _indicators(model, origins, [d], tally)
            )

    def _store(self, table: np.ndarray, row: int, values: dict[str, float]) -> None:
        for name, value in values.items():
            table[row, self._column[name]] = value

    def frame(self, years: int | None = None) -> pd.DataFrame:
        """Yearly indicators as a table with a ``year`` column."""
        years = self.horizon if years is None else years
        frame = pd.DataFrame(self.values[:years], columns=list(INDICATORS))
        frame.insert(0, "year", np.arange(1, years + 1))
        return frame

    def country_frames(self, years: int | None = None) -> dict[str, pd.DataFrame]:
        """Yearly indicators per country."""
        years = self.horizon if years is None else years
        frames = {}
        for key, table in self.by_country.items():
            frame = pd.DataFrame(table[:years], columns=list(INDICATORS))
            frame.insert(0, "year", np.arange(1, years + 1))
            frames[key] = frame
        return frames

    def window_means(self, evaluation_years: int) -> dict[str, float]:
        """Means of every indicator over the last ``evaluation_years`` years (NaN years skipped)."""
        return _window_means(self.values, evaluation_years, INDICATORS)

    def country_window_means(self, evaluation_years: int) -> dict[str, dict[str, float]]:
        """The same per country, keyed ``origin:NAME`` or ``destination:NAME``."""
        return {
            key: _window_means(table, evaluation_years, INDICATORS)
            for key, table in self.by_country.items()
        }

    @property
    def by_region(self) -> np.ndarray:
        """Integration indicators per year and region, shape ``(years, regions, indicators)``."""
        return integration_regions.region_values(self._region_tally)

    def region_frames(self, years: int | None = None) -> dict[str, pd.DataFrame]:
        """Yearly integration indicators per region, keyed ``destination:NAME/REGION``."""
        years = self.horizon if years is None else years
        frames = {}
        table = self.by_region
        for i, key in enumerate(self.regions):
            frame = pd.DataFrame(table[:years, i], columns=list(REGION_INDICATORS))
            frame.insert(0, "year", np.arange(1, years + 1))
            frames[key] = frame
        return frames

    def region_window_means(self, evaluation_years: int) -> dict[str, dict[str, float]]:
        """Means of the integration indicators per region over the last ``evaluation_years``.

        Computed on the array rather than through :meth:`region_frames`: it runs after every run.
        """
        window = self.by_region[-evaluation_years:]
        finite = np.isfinite(window)
        counts = finite.sum(axis=0)
        sums = np.where(finite, window, 0.0).sum(axis=0)
        means = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)
        return {
            key: dict(zip(REGION_INDICATORS, means[i].tolist(), strict=True))
            for i, key in enumerate(self.regions)
        }

    def left_within(self, years_since_arrival: int, last_year: int) -> float:
        """Share of arrival cohorts (complete ones) that left within ``years_since_arrival``."""
        cohorts = np.arange(1, last_year - years_since_arrival + 1)
        arrived = self.arrivals[cohorts].sum()
        if arrived == 0:
            return float("nan")
        left = self.departures[np.ix_(cohorts, np.arange(0, years_since_arrival + 1))].sum()
        return float(left / arrived)


def _window_means(
    values: np.ndarray, evaluation_years: int, names: tuple[str, ...]
) -> dict[str, float]:
    """Column means of the last ``evaluation_years`` rows of ``values``, NaN entries skipped.

    Summed column by column from a column-major copy, the order in which pandas hands a table
    to numpy, so the means are the same to the last bit as those of the yearly table.
    """
    window = np.asfortranarray(values)[-evaluation_years:]
    with np.errstate(invalid="ignore"):
        finite = np.isfinite(window)
        sums = np.where(finite, window, 0.0).sum(axis=0)
        counts = finite.sum(axis=0)
        means = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)
    return dict(zip(names, means.tolist(), strict=True))


def _indicators(
    model: TripleWinModel,
    origins: list[int],
    destinations: list[int],
    tally: integration_measures.Tally | None = None,
) -> dict[str, float]:
    people, table = model.migrants, model.households
    abroad = people.abroad()
    n_origins, n_destinations = len(model.origins), len(model.destinations)
    mine = abroad & among(people.origin, origins, n_origins)
    mine &= among(people.destination, destinations, n_destinations)
    rows = np.flatnonzero(mine)
    households = np.flatnonzero(among(table.origin, origins, n_origins))
    persons = residents(table, people)
    values: dict[str, float] = {}
    values.update(measures.migrant_measures(model, rows))
    values.update(measures.remittance_measures(model, origins, destinations))
    values.update(measures.origin_measures(model, origins, households, persons))
    values.update(measures.destination_measures(model, destinations))
    values.update(measures.second_generation_measures(model, origins, destinations, rows))
    origin_born = values["origin_residents"] + values["persons_abroad"]
    values["emigration_rate"] = values["persons_abroad"] / max(origin_born, 1.0)
    values["origin_born"] = origin_born
    # The parties' welfare this year (model/welfare.py), for the whole world only.
    pooled = len(origins) == len(model.origins) and len(destinations) == len(model.destinations)
    for party in ("migrants", "origin", "destination"):
        values[f"welfare_{party}"] = model.welfare.latest[party] if pooled else float("nan")
    corridors = among(model.corridors.origin, origins, n_origins)
    corridors &= among(model.corridors.destination, destinations, n_destinations)
    values["arrivals"] = float(model.counts.arrivals_by_corridor[corridors].sum())
    values["returns"] = float(model.counts.returns_by_corridor[corridors].sum())
    values["place_premium"] = measures.place_premium(model, origins, destinations)
    if tally is None:
        tally = integration_measures.tally(model)
    values.update(integration_measures.destination_values(tally, origins, destinations, values))
    return {k: v for k, v in values.items() if not k.startswith("_")}
