"""TripleWinModel: the world of origins, destinations, households and migrants, one year a step."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import mesa
import numpy as np
from mesa.agent import AgentSet

from model import initialise, sectors, stocks
from model.agents import Household, Migrant
from model.books import Books
from model.destination_economy import DestinationEconomy
from model.events import YearEvents
from model.indicators import IndicatorRecorder
from model.mechanisms import (
    earnings,
    education,
    households,
    integration,
    labour,
    life_course,
    migration,
    productivity,
    public_finance,
    returns,
    shocks,
    status,
)
from model.origin_economy import OriginEconomy
from model.parameters import DestinationParameters, OriginParameters
from model.population import HouseholdTable, MigrantTable
from model.randomness import KeyedRandom
from model.scenario.schema import Scenario
from model.state import (
    Markets,
    Partnerships,
    Prospects,
    PublicFinances,
    SecondGeneration,
    Shocks,
    YearCounts,
    YearFlows,
)
from model.welfare import WelfareObserver
from model.world import Corridors, RandomStreams


class RunObserver(Protocol):
    """Something that watches a run: shown the model as built and after every year.

    Observers read the model; they never change it, so a run gives the same numbers whoever
    watches.
    """

    def start(self, model: TripleWinModel) -> None:
        """See the model as built, before the first year."""

    def observe(self, model: TripleWinModel) -> None:
        """See the model after a year (the year is ``model.year``)."""


class TripleWinModel(mesa.Model):
    """Migration and co-development between origins and destinations, one year a step.

    The state is declared here and in the classes it names; the yearly rules
    (:mod:`model.mechanisms`) read and write it in the order of docs/ODD.md §3, and every
    observer (the indicator recorder first) sees the model after each year.

    Args:
        params: A validated scenario.
        seed: Seed of the run; every random draw derives from it (``numpy.random.SeedSequence``).
        years: Years the run is meant to last (sizes the indicator record); defaults to the scenario's.
        observers: Watch the run after each year, after the welfare and indicator recorders.
        every_year: Compute the indicators of every year; otherwise only those of the
            evaluation window (the last ``simulation.evaluation_years``), which is all a run that
            keeps no yearly series needs.

    Attributes:
        params: The scenario.
        year: The last year simulated (0 before the first step).
        horizon: Years the run is meant to last.
        streams: Sequential generators (Mesa's own and the initial population's).
        draws: Keyed random numbers of the yearly rules (:mod:`model.randomness`).
        origin_names: Origin names, in the scenario's order (their index is their position).
        destination_names: Destination names, in the scenario's order.
        origin_parameters: Origin parameters as arrays over origins.
        destination_parameters: Destination parameters as arrays over destinations.
        corridors: Per-corridor costs and levers as arrays.
        households: Column store of origin households.
        household_keys: Each household's key for keyed draws (its row).
        migrants: Column store of people who migrated.
        origins: The origin economies.
        destinations: The destination economies.
        shocks: This year's shocks (step 1).
        markets: What the labour markets settled this year (step 2).
        prospects: What households can observe of life abroad (step 8a).
        flows: This year's money flows outside the population tables.
        counts: This year's movements of people.
        events: This year's returns, exits abroad, naturalisations and reunifications.
        partnerships: This year's skill-partnership graduates who will leave (step 5 to 8).
        second_generation: Migrants' grown children living at the destinations.
        origin_finances: The origin states' debt and tax rates.
        destination_finances: The destination states' debt and tax rates.
        money: The social accounting matrix: every payment, year by year, between named
            accounts, and the accounts' stocks (docs/ODD.md §7.25).
        people: The demographic accounts: every birth, death and move, year by year.
        recorder: Yearly indicators (step 10).
        welfare: The three parties' discounted welfare over the run (docs/ODD.md §7.19).
        observers: Everything that watches the run after each year: welfare, then the indicators.
    """

    params: Scenario
    year: int
    horizon: int
    streams: RandomStreams
    draws: KeyedRandom
    origin_names: list[str]
    destination_names: list[str]
    origin_parameters: OriginParameters
    destination_parameters: DestinationParameters
    corridors: Corridors
    households: HouseholdTable
    household_keys: np.ndarray
    migrants: MigrantTable
    _household_handles: list[Household] | None
    _migrant_handles: list[Migrant] | None
    origins: list[OriginEconomy]
    destinations: list[DestinationEconomy]
    shocks: Shocks
    markets: Markets
    prospects: Prospects
    flows: YearFlows
    counts: YearCounts
    events: YearEvents
    partnerships: Partnerships
    second_generation: SecondGeneration
    origin_finances: PublicFinances
    destination_finances: PublicFinances
    money: Books
    people: Books
    recorder: IndicatorRecorder
    welfare: WelfareObserver
    observers: list[RunObserver]

    def __init__(
        self,
        params: Scenario,
        seed: np.random.SeedSequence | int = 0,
        years: int | None = None,
        observers: Sequence[RunObserver] = (),
        every_year: bool = True,
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
        self.origin_parameters = OriginParameters.of(params)
        self.destination_parameters = DestinationParameters.of(params)
        self.corridors = Corridors.of(params)
        self.money = Books(
            sectors.money_accounts(self.origin_names, self.destination_names),
            self.horizon,
            derived=sectors.MONEY_OF_THE_WORLD,
        )
        self.people = Books(
            sectors.people_accounts(self.origin_names, self.destination_names),
            self.horizon,
            derived=(sectors.BORN, sectors.DIED, sectors.NATURAL_CHANGE),
        )
        self._renew_yearly_state()
        self._build_economies_and_people()
        self.money.open(stocks.money(self))
        self.people.open(stocks.people(self))
        window = min(params.simulation.evaluation_years, self.horizon)
        first_year = 1 if every_year else self.horizon - window + 1
        self.recorder = IndicatorRecorder(self, self.horizon, first_year)
        self.welfare = WelfareObserver(self.horizon)
        self.observers = [self.welfare, self.recorder, *observers]
        for observer in self.observers:
            observer.start(self)
        self.running = True

    def _renew_yearly_state(self) -> None:
        """Flows, counts and events start every year from nothing."""
        origins, destinations = len(self.origin_names), len(self.destination_names)
        self.flows = YearFlows.zeros(origins, destinations, len(self.corridors))
        self.counts = YearCounts.zeros(len(self.corridors))
        self.events = YearEvents.of_year(self.year)
        self.partnerships = Partnerships.none(destinations)

    def _build_economies_and_people(self) -> None:
        params = self.params
        counts = initialise.split_households(params)
        self.households = HouseholdTable(int(counts.sum()))
        self.household_keys = np.arange(self.households.size, dtype=np.int64)
        self._household_handles = self._migrant_handles = None
        self.migrants = MigrantTable(0, on_first_use=self._add_migrant_handles)
        self.shocks = Shocks.calm(len(params.origins), len(params.destinations), counts.sum())
        regions = max(len(d.regions) for d in params.destinations.values())
        self.second_generation = SecondGeneration.none(
            len(params.origins), len(params.destinations), regions
        )
        initialise.populate_households(self, counts)
        self.destinations = [
            DestinationEconomy(
                self,
                i,
                name,
                cfg,
                self.destination_parameters.policies[i],
                cfg.native_workers_per_origin_household * self.households.size,
            )
            for i, (name, cfg) in enumerate(params.destinations.items())
        ]
        initialise.populate_migrants(self)
        labour_supply = initialise.origin_labour(self)
        self.origins = [
            OriginEconomy(
                self,
                i,
                name,
                cfg,
                self.origin_parameters.policies[i],
                labour_supply[i],
                productivity.human_capital(self, i),
            )
            for i, (name, cfg) in enumerate(params.origins.items())
        ]
        self.markets = initialise.opening_markets(self)
        initialise.settle_initial_state(self)
        self.prospects = migration.observe_prospects(self)
        self.origin_finances, self.destination_finances = public_finance.opening(self)

    @property
    def household_handles(self) -> list[Household]:
        """The households as Mesa agents, indexed by row (made when first asked for)."""
        if self._household_handles is None:
            self._household_handles = [Household(self, row) for row in range(self.households.size)]
        return self._household_handles

    @property
    def migrant_handles(self) -> list[Migrant]:
        """The people who migrated as Mesa agents, indexed by row (made when first asked for).

        Rows ever used are the first ones (``MigrantTable.allocate``), so the list is indexed by
        row; a reused row keeps its handle, and spare capacity has none.
        """
        if self._migrant_handles is None:
            self._migrant_handles = [Migrant(self, row) for row in range(self.migrants.rows_used)]
        return self._migrant_handles

    def _update_economies(self) -> None:
        """Step 9: TFP and capital everywhere, natives' natural change; the books' last flows.

        Capital changes are financed by the world capital market; what firms sold beyond what
        the economy bought from them is net exports to the rest of the world, the item that
        balances the goods market (docs/ODD.md §7.25).
        """
        books = self.money
        world = books.index(sectors.REST_OF_WORLD)
        for sector in (sectors.ORIGIN_FIRMS, sectors.DESTINATION_FIRMS):
            for firms in books.sector_indices(sector):
                flows = books.matrix(self.year)
                sold_abroad = flows[int(firms)].sum() - flows[:, int(firms)].sum()
                books.move("net exports", world, int(firms), float(sold_abroad))
        for economy in self.origins:
            invested = economy.update(productivity.human_capital(self, economy.index), self.year)
            books.move(
                "investment", world, books.index(sectors.ORIGIN_FIRMS, economy.name), invested
            )
        for economy in self.destinations:
            invested, natural_change = economy.update(self.year)
            firms = books.index(sectors.DESTINATION_FIRMS, economy.name)
            books.move("investment", world, firms, invested)
            self.people.move(
                "natural change",
                self.people.index(sectors.NATURAL_CHANGE, economy.name),
                self.people.index(sectors.NATIVES, economy.name),
                natural_change,
            )

    def _add_migrant_handles(self, rows: range) -> None:
        """A handle for each row taken for the first time, once handles exist at all.

        Headless runs never ask for an agent, so they never pay for registering one with Mesa;
        once something has asked (the app, an ``AgentSet`` query, a test), every row has its
        handle from then on.
        """
        if self._migrant_handles is not None:
            self._migrant_handles.extend(Migrant(self, row) for row in rows)

    def _make_handles(self) -> None:
        """Households first, then people who migrated: every agent exists from now on."""
        _ = self.household_handles, self.migrant_handles

    @property
    def agents(self) -> AgentSet:
        """Every agent of the model (Mesa's registry), the handles made first if need be."""
        self._make_handles()
        return super().agents

    @property
    def agents_by_type(self) -> dict[type, AgentSet]:
        """Mesa's agents by class, the handles made first if need be."""
        self._make_handles()
        return super().agents_by_type

    @property
    def agent_types(self) -> list[type]:
        """Mesa's agent classes, the handles made first if need be."""
        self._make_handles()
        return super().agent_types

    @property
    def migrants_alive(self) -> AgentSet:
        """AgentSet of the people who migrated and are still in the model (abroad or returned)."""
        rows = np.flatnonzero(self.migrants.alive())
        return AgentSet([self.migrant_handles[r] for r in rows], random=self.random)

    def step(self) -> None:
        """One year, in the order of docs/ODD.md §3, then every observer."""
        self.year += 1
        self.draws.year = self.year
        self._renew_yearly_state()
        self.money.start_year(self.year)
        self.people.start_year(self.year)
        public_finance.set_tax_rates(self)  # 1
        self.shocks = shocks.draw(self)
        labour.clear_markets(self)  # 2
        earnings.earn_consume_remit(self)  # 3
        households.receive_consume_save(self)  # 4
        education.come_of_age(self)  # 5
        integration.integrate(self)  # 6
        status.transitions(self)
        returns.return_home(self)  # 7
        self.prospects = migration.observe_prospects(self)  # 8
        migration.decide_and_move(self)
        life_course.live_and_die(self)
        public_finance.settle(self)  # 9
        self._update_economies()
        self.money.close_year(self.year, stocks.money(self))
        self.people.close_year(self.year, stocks.people(self))
        for observer in self.observers:  # 10
            observer.observe(self)
        if self.year >= self.horizon:
            self.running = False
