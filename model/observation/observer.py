"""Observers at work while a model runs (docs/ODD.md §7.24), and what they publish.

Every year the permit register records entries and exits, civil registration births and deaths,
the population register and the origin record migration, the labour force survey interviews its panel and the police and
health services keep their lists of irregular migrants; the truth is kept beside them. In census
years (``measurement.census_interval``) the destination census, its microdata sample and the
origin household survey are taken.

Observers draw from their own random numbers, derived from the run's seed with spawn keys of
their own: observing never changes the simulation. The census, the survey and the permit
register draw in sequence from one generator per instrument and year; the newer sources draw
keyed numbers (one per person and purpose: :mod:`model.observation.microdata.keyed`). So two
observers of one run that differ only in their errors see the same population through coupled
draws, and :func:`observe_variants` observes one run with several measurement settings at once.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from model.model import TripleWinModel
from model.observation import bilateral_table, census, household_survey, truth
from model.observation.microdata import (
    admin_lists,
    census_sample,
    indicators,
    labour_force_survey,
    persons,
    registers,
    snapshot,
    year_events,
)
from model.observation.microdata.keyed import observers_random
from model.observation.permit_records import PermitRegister
from model.scenario.measurement import Measurement
from model.scenario.schema import Scenario
from model.simulation import run_model

# Spawn-key suffixes of the observers' seeds (the model's own streams use other suffixes).
OBSERVATION_STREAM = 99
KEYED_STREAM = 98
INSTRUMENTS = ("census", "survey", "register", "lists")
OBSERVED_TABLES = (
    "census",
    "household_survey",
    "household_survey_migrants",
    "permit_entries",
    "permit_exits",
    "permit_stock",
    "deaths",
    "births",
    "register_flows",
    "vital_statistics",
    "bilateral_stocks",
    "bilateral_flows",
)
MICRODATA_TABLES = ("census_sample", "labour_force_survey", "irregular_lists")
TRUTH_TABLES = (
    "stocks",
    "flows",
    "entries",
    "remittances",
    "household_remittances",
    "integration",
)


@dataclass
class Observations:
    """What the observers published, and the truth, as tables.

    Attributes:
        observed: The published tables, by name (``OBSERVED_TABLES``).
        microdata: Person records, by name (``MICRODATA_TABLES``).
        truth: The true tables, by name (``TRUTH_TABLES``).
        census_years: Years in which the census and the survey were taken.
        years: Years simulated.
        measurement: The measurement settings the observers worked with.
    """

    observed: dict[str, pd.DataFrame] = field(default_factory=dict)
    microdata: dict[str, pd.DataFrame] = field(default_factory=dict)
    truth: dict[str, pd.DataFrame] = field(default_factory=dict)
    census_years: list[int] = field(default_factory=list)
    years: int = 0
    measurement: Measurement = field(default_factory=Measurement)


class Observer:
    """Keeps the registers and takes censuses and surveys of one model as it runs.

    A run observer (:class:`model.model.RunObserver`): :meth:`start` is shown the model as built,
    :meth:`observe` the model after each of its years.

    Args:
        params: The measurement settings (default: the scenario's).
    """

    def __init__(self, params: Measurement | None = None) -> None:
        self.chosen = params

    def start(self, model: TripleWinModel) -> None:
        """Open the registers of ``model``."""
        self.model = model
        self.params = self.chosen if self.chosen is not None else model.params.measurement
        self.register = PermitRegister(self.params)
        self.keyed = observers_random(model.streams.seed, KEYED_STREAM)
        self.census_years: list[int] = []
        # Persons back from each destination per household, one array per year of the period.
        self._returned: deque[np.ndarray] = deque(maxlen=self.params.census_interval)
        self._family_arrival: dict[int, int] = {}
        self._vital_before = year_events.origin_vital_statistics(model)
        # Last year's grown children: their deaths are counted by the change in their number.
        self._grown_before = snapshot.grown_children(model)
        self._observed: dict[str, list[pd.DataFrame]] = defaultdict(list)
        self._microdata: dict[str, list[pd.DataFrame]] = defaultdict(list)
        self._truth: dict[str, list[pd.DataFrame]] = defaultdict(list)

    def generator(self, instrument: str) -> np.random.Generator:
        """The generator of one instrument this year."""
        seed = self.model.streams.seed
        key = (*seed.spawn_key, OBSERVATION_STREAM, INSTRUMENTS.index(instrument), self.model.year)
        return np.random.default_rng(np.random.SeedSequence(seed.entropy, spawn_key=key))

    def observe(self, model: TripleWinModel) -> None:
        """Record the year that the model has just completed."""
        self.keyed.year = model.year
        dwellings = snapshot.dwellings(model)
        world = snapshot.world(model)
        cells = snapshot.natives(model)
        grown_cells = snapshot.grown_children(model)
        home = year_events.home_comings(model)
        vital = year_events.vital_events_abroad(model, world, self._grown_before)
        stocks = truth.stock_table(world, dwellings, grown_cells)
        self._returned.append(self._returned_this_year(home))
        for key in year_events.family_joined(model):
            self._family_arrival[int(key)] = model.year
        tables = self.register.record_year(
            model, home, vital, stocks, self.generator("register"), self.keyed
        )
        for name, frame in tables.items():
            self._observed[name].append(frame)
        self._observed["register_flows"].append(
            registers.record_flows(year_events.entries(model), world, self.params, self.keyed)
        )
        self._observed["vital_statistics"].append(self._vital_statistics(world))
        natives = persons.native_people(cells, lambda keys: self.keyed.order("native jobs", keys))
        grown = persons.grown_people(
            grown_cells, cells, lambda keys: self.keyed.order("grown children's jobs", keys)
        )
        self._record_truth(stocks, dwellings, grown, cells, world)
        self._microdata["labour_force_survey"].append(
            labour_force_survey.interview(dwellings, natives, grown, world, self.params, self.keyed)
        )
        self._microdata["irregular_lists"].append(
            admin_lists.record_lists(
                dwellings, world, self.params, self.keyed, self.generator("lists")
            )
        )
        if model.year % self.params.census_interval == 0:
            self._take_census_and_survey(dwellings, natives, grown, world)
        self._grown_before = grown_cells

    def _record_truth(
        self,
        stocks: pd.DataFrame,
        dwellings: snapshot.Dwellings,
        grown: persons.GrownPeople,
        cells: list[snapshot.NativeCells],
        world: snapshot.World,
    ) -> None:
        model = self.model
        self._truth["stocks"].append(stocks)
        self._truth["flows"].append(truth.flows(model, self._grown_before))
        self._truth["entries"].append(truth.entries_by_channel(model))
        self._truth["remittances"].append(truth.remittances(model))
        self._truth["household_remittances"].append(truth.household_remittances(model))
        values = indicators.truth(dwellings, grown, cells, world.language_threshold)
        self._truth["integration"].append(pd.DataFrame({"year": [model.year], **values}))

    def _vital_statistics(self, world: snapshot.World) -> pd.DataFrame:
        """Births and deaths at home in each origin this year, and its residents at the end."""
        now = year_events.origin_vital_statistics(self.model)
        before, self._vital_before = self._vital_before, now
        return pd.DataFrame(
            {
                "year": world.year,
                "origin": world.origins,
                "births": now["births"] - before["births"],
                "deaths": now["deaths"] - before["deaths"],
                "residents": now["residents"],
            }
        )

    def _take_census_and_survey(
        self,
        dwellings: snapshot.Dwellings,
        natives: persons.NativePeople,
        grown: persons.GrownPeople,
        world: snapshot.World,
    ) -> None:
        model = self.model
        self.census_years.append(model.year)
        counted, grown_counted = census.enumerated(
            dwellings, grown, self.params, self.generator("census")
        )
        self._observed["census"].append(
            census.foreign_born_table(dwellings, counted, grown, grown_counted, world)
        )
        joined = np.array([self._family_arrival.get(int(k), -1) for k in dwellings.key])
        self._microdata["census_sample"].append(
            census_sample.draw(
                dwellings,
                counted,
                natives,
                grown,
                grown_counted,
                world,
                self.params,
                self.keyed,
                joined.astype(int),
            )
        )
        returned = np.sum(list(self._returned), axis=0)
        households, migrants = household_survey.interview(
            model, dwellings, self.params, self.generator("survey"), returned
        )
        self._observed["household_survey"].append(households)
        self._observed["household_survey_migrants"].append(migrants)

    def _returned_this_year(self, home: year_events.HomeComings) -> np.ndarray:
        """Persons who came home this year, per household and destination they came from."""
        n_dest = len(self.model.destinations)
        key = home.household * n_dest + home.destination
        size = self.model.households.size * n_dest
        return np.bincount(key, home.persons, size).reshape(-1, n_dest)

    def observations(self) -> Observations:
        """Every table so far, with the bilateral tables compiled from the others."""
        observed = {name: _stack(frames) for name, frames in self._observed.items()}
        if "census" in observed:
            observed["bilateral_stocks"] = bilateral_table.stock_table(observed["census"])
        observed["bilateral_flows"] = bilateral_table.flow_table(
            observed["permit_entries"], observed["permit_exits"]
        )
        return Observations(
            observed={name: observed[name] for name in OBSERVED_TABLES if name in observed},
            microdata={name: _stack(self._microdata[name]) for name in MICRODATA_TABLES},
            truth={name: _stack(self._truth[name]) for name in TRUTH_TABLES},
            census_years=list(self.census_years),
            years=self.model.year,
            measurement=self.params,
        )


def _stack(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """One table of the years' tables (years without rows keep only the columns)."""
    if not frames:
        return pd.DataFrame()
    filled = [f for f in frames if not f.empty]
    return pd.concat(filled, ignore_index=True) if filled else frames[0]


def observe_variants(
    scenario: Scenario,
    seed: np.random.SeedSequence | int,
    measurements: Sequence[Measurement],
    years: int | None = None,
) -> list[Observations]:
    """Run one model and observe it with each measurement setting (paired, coupled draws)."""
    observers = [Observer(params) for params in measurements]
    run_model(scenario, seed, years, observers=observers)
    return [observer.observations() for observer in observers]


def observe_run(
    scenario: Scenario, seed: np.random.SeedSequence | int, years: int | None = None
) -> Observations:
    """Run a model for ``years`` (default: the scenario's) with observers, and return their tables."""
    (observations,) = observe_variants(scenario, seed, [scenario.measurement], years)
    return observations
