"""TripleWinModel: the world of origins, destinations, households and migrants, one year a step."""

from __future__ import annotations

import mesa
import numpy as np
from mesa.agent import AgentSet

from model import initialise
from model.agents import Household, Migrant
from model.destination_economy import DestinationEconomy
from model.indicators import IndicatorRecorder
from model.mechanisms import (
    demography,
    earnings,
    fiscal,
    households,
    integration,
    labour,
    migration,
    returns,
    shocks,
    status,
)
from model.origin_economy import OriginEconomy
from model.population import CHANNEL_NAMES, HouseholdTable, MigrantTable
from model.randomness import KeyedRandom
from model.scenario.policy import resolve_policy
from model.scenario.schema import Scenario
from model.world import Corridors, Ledger, RandomStreams


class TripleWinModel(mesa.Model):
    """Migration and co-development between origins and destinations (DESIGN §2-§3).

    Args:
        params: A validated scenario.
        seed: Seed of the run; every random draw derives from it (``numpy.random.SeedSequence``).
        years: Years the run is meant to last (sizes the indicator record); defaults to the scenario's.

    Attributes:
        households: Column store of origin households (handles in ``household_handles``).
        migrants: Column store of people who migrated (handles in ``migrant_handles``).
        origins: The origin economies; ``destinations``: the destination economies.
        corridors: Per-corridor levers and costs as arrays.
        ledger: Running accounts of people and money, checked by the conservation tests.
        recorder: Yearly indicators (step 10).
    """

    def __init__(
        self, params: Scenario, seed: np.random.SeedSequence | int = 0, years: int | None = None
    ) -> None:
        seed_sequence = (
            seed if isinstance(seed, np.random.SeedSequence) else np.random.SeedSequence(seed)
        )
        self.streams = RandomStreams(seed_sequence)
        self.draws = KeyedRandom(seed_sequence)
        super().__init__(rng=self.streams.mesa)
        self.params = params
        self.year = 0
        self.horizon = years if years is not None else params.simulation.years
        self.origin_names = list(params.origins)
        self.destination_names = list(params.destinations)
        self.ledger = Ledger()
        self.household_handles: list[Household] = []
        self.migrant_handles: list[Migrant] = []
        self._build_economies_and_people()
        self._reset_yearly_counts()
        self.recorder = IndicatorRecorder(self, self.horizon)
        self.running = True

    def _build_economies_and_people(self) -> None:
        params = self.params
        counts = initialise.split_households(params)
        self.households = HouseholdTable(int(counts.sum()))
        self.household_keys = np.arange(self.households.size, dtype=np.int64)
        self.migrants = MigrantTable(0, on_first_use=self._add_migrant_handles)
        initialise.populate_households(self, counts)
        self.household_handles = [Household(self, row) for row in range(self.households.size)]
        self.corridors = Corridors(self)
        self.destinations = [
            DestinationEconomy(
                self,
                i,
                name,
                cfg,
                resolve_policy(params.policy, cfg.policy),
                cfg.native_workers_per_origin_household * self.households.size,
            )
            for i, (name, cfg) in enumerate(params.destinations.items())
        ]
        initialise.populate_migrants(self)
        labour = initialise.origin_labour(self)
        self.origins = [
            OriginEconomy(
                self,
                i,
                name,
                cfg,
                resolve_policy(params.policy, cfg.policy),
                labour[i],
                fiscal.human_capital(self, i),
            )
            for i, (name, cfg) in enumerate(params.origins.items())
        ]
        self.origin_wage_table = np.array([o.wages for o in self.origins])
        initialise.settle_initial_state(self)

    def _add_migrant_handles(self, rows: range) -> None:
        """A handle for each row taken for the first time; a reused row keeps its handle.

        Rows ever used are the first ones (``MigrantTable.allocate``), so ``migrant_handles``
        is indexed by row and no handle exists for spare capacity.
        """
        self.migrant_handles.extend(Migrant(self, row) for row in rows)

    def _reset_yearly_counts(self) -> None:
        """Arrivals are counted from family reunification (step 6) to admission (step 8)."""
        self.arrivals_by_channel = np.zeros(len(CHANNEL_NAMES), dtype=np.int64)
        self.arrivals_by_corridor = np.zeros(len(self.corridors), dtype=np.int64)

    @property
    def migrants_alive(self) -> AgentSet:
        """AgentSet of the people who migrated and are still in the model (abroad or returned)."""
        rows = np.flatnonzero(self.migrants.alive())
        return AgentSet([self.migrant_handles[r] for r in rows], random=self.random)

    def step(self) -> None:
        """One year, in the order of DESIGN §3."""
        self.year += 1
        self.draws.year = self.year
        self._reset_yearly_counts()
        shocks.draw(self)  # 1
        labour.clear_markets(self)  # 2
        earnings.earn_consume_remit(self)  # 3
        households.receive_consume_save(self)  # 4
        demography.come_of_age(self)  # 5
        integration.integrate(self)  # 6
        status.transitions(self)  # 6
        returns.return_home(self)  # 7
        migration.decide_and_move(self)  # 8
        demography.births_and_exits(self)
        fiscal.account(self)  # 9
        for economy in self.origins:
            economy.update(fiscal.origin_human_capital(self, economy.index), self.year)
        for economy in self.destinations:
            economy.update(self.year)
        self.recorder.record(self)  # 10
        if self.year >= self.horizon:
            self.running = False
