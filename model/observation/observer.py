"""Observers at work while a model runs (docs/ODD.md §3, step 10), and what they publish.

Every year the permit register records entries, exits and deaths, and the truth is kept beside it;
in census years (``measurement.census_interval``) the destination census and the origin household
survey are taken. Observers draw from their own generators, one per instrument and year, derived
from the run's seed with a spawn key of their own: observing never changes the simulation, a
census draws the same numbers whatever the survey does, and two runs differing only in their
measurement errors see the same population through coupled draws.
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from model.model import TripleWinModel
from model.observation import bilateral_table, census, household_survey, truth
from model.observation.permit_records import PermitRegister
from model.scenario.schema import Scenario
from model.simulation import run_model

# Spawn-key suffix of the observers' seeds (the model's own streams use other suffixes).
OBSERVATION_STREAM = 99
INSTRUMENTS = ("census", "survey", "register")
OBSERVED_TABLES = (
    "census",
    "household_survey",
    "household_survey_migrants",
    "permit_entries",
    "permit_exits",
    "permit_stock",
    "deaths",
    "bilateral_stocks",
    "bilateral_flows",
)
TRUTH_TABLES = ("stocks", "flows", "entries", "remittances", "household_remittances")


@dataclass
class Observations:
    """What the observers published, and the truth, as tables (one row per year and place).

    Attributes:
        observed: The published tables, by name (``OBSERVED_TABLES``).
        truth: The true tables, by name (``TRUTH_TABLES``).
        census_years: Years in which the census and the survey were taken.
        years: Years simulated.
    """

    observed: dict[str, pd.DataFrame] = field(default_factory=dict)
    truth: dict[str, pd.DataFrame] = field(default_factory=dict)
    census_years: list[int] = field(default_factory=list)
    years: int = 0


class Observer:
    """Keeps the registers and takes censuses and surveys of one model as it runs.

    A run observer (:class:`model.model.RunObserver`): :meth:`start` is shown the model as built,
    :meth:`observe` the model after each of its years.
    """

    def start(self, model: TripleWinModel) -> None:
        """Open the registers of ``model``."""
        self.model = model
        self.params = model.params.measurement
        self.register = PermitRegister(self.params)
        self.census_years: list[int] = []
        # Persons back from each destination per household, one array per year of the period.
        self._returned: deque[np.ndarray] = deque(maxlen=self.params.census_interval)
        self._observed: dict[str, list[pd.DataFrame]] = defaultdict(list)
        self._truth: dict[str, list[pd.DataFrame]] = defaultdict(list)

    def generator(self, instrument: str) -> np.random.Generator:
        """The generator of one instrument this year."""
        seed = self.model.streams.seed
        key = (*seed.spawn_key, OBSERVATION_STREAM, INSTRUMENTS.index(instrument), self.model.year)
        return np.random.default_rng(np.random.SeedSequence(seed.entropy, spawn_key=key))

    def observe(self, model: TripleWinModel) -> None:
        """Record the year that the model has just completed."""
        self._returned.append(self._returned_this_year())
        for name, frame in self.register.record_year(model, self.generator("register")).items():
            self._observed[name].append(frame)
        self._truth["stocks"].append(truth.stocks(model))
        self._truth["flows"].append(truth.flows(model))
        self._truth["entries"].append(truth.entries_by_channel(model))
        self._truth["remittances"].append(truth.remittances(model))
        self._truth["household_remittances"].append(truth.household_remittances(model))
        if model.year % self.params.census_interval == 0:
            self._take_census_and_survey()

    def _take_census_and_survey(self) -> None:
        model = self.model
        self.census_years.append(model.year)
        counted = census.enumerate_census(model, self.params, self.generator("census"))
        self._observed["census"].append(counted)
        returned = np.sum(list(self._returned), axis=0)
        households, migrants = household_survey.interview(
            model, self.params, self.generator("survey"), returned
        )
        self._observed["household_survey"].append(households)
        self._observed["household_survey_migrants"].append(migrants)

    def _returned_this_year(self) -> np.ndarray:
        """Persons who came home this year, per household and destination they came back from."""
        events = self.model.events.returned
        n_dest = len(self.model.destinations)
        key = events.household.astype(np.int64) * n_dest + events.destination
        size = self.model.households.size * n_dest
        return np.bincount(key, events.persons, size).reshape(-1, n_dest)

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
            truth={name: _stack(self._truth[name]) for name in TRUTH_TABLES},
            census_years=list(self.census_years),
            years=self.model.year,
        )


def _stack(frames: list[pd.DataFrame]) -> pd.DataFrame:
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def observe_run(
    scenario: Scenario, seed: np.random.SeedSequence | int, years: int | None = None
) -> Observations:
    """Run a model for ``years`` (default: the scenario's) with observers, and return their tables."""
    observer = Observer()
    run_model(scenario, seed, years, observers=[observer])
    return observer.observations()
