"""What links the economies: corridors and their levers, random streams, and the ledger."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from model.scenario.policy import Policy, resolve_policy

if TYPE_CHECKING:
    from model.model import TripleWinModel

STREAMS = (
    "mesa",
    "init",
    "climate",
    "shocks",
    "demography",
    "labour",
    "integration",
    "status",
    "returns",
    "migration",
    "admission",
)

# Where each lever acts (DESIGN §5: a lever applies everywhere unless an economy or corridor
# overrides it). Corridor-scope levers may be overridden by origin, destination or corridor.
DESTINATION_LEVERS = (
    "temporary_quota",
    "permanent_quota",
    "skill_selectivity",
    "training_partnership",
)
ORIGIN_LEVERS = ("diaspora_matching", "education_subsidy")
CORRIDOR_LEVERS = tuple(
    name for name in Policy.model_fields if name not in DESTINATION_LEVERS + ORIGIN_LEVERS
)


# Streams drawn from during the yearly steps; each starts every year at its own fixed position.
YEARLY_STREAMS = tuple(name for name in STREAMS if name not in ("mesa", "init"))
# Each year's draws come from their own block of a stream; no year uses anywhere near 2**64.
YEAR_BLOCK = 2**64


class RandomStreams:
    """Independent generators per mechanism, spawned from one ``SeedSequence``.

    Separate streams keep common random numbers aligned between scenarios: the drought years,
    the business cycle and every household's yearly draws are the same in replication ``i`` of
    any two scenarios, whatever happens to the number of migrants. Each stream also restarts
    every year at a fixed position (``start_year``), so when two scenarios draw different
    numbers of variates in one year (more migrants, say), their draws are aligned again the
    next year instead of drifting apart for the rest of the run (common random numbers with
    synchronisation: Law 2015, Simulation Modeling and Analysis, section 11.2).
    """

    def __init__(self, seed: np.random.SeedSequence) -> None:
        self.seed = seed
        self._start: dict[str, dict] = {}
        # Children by explicit spawn key rather than ``seed.spawn``, which would advance the
        # caller's SeedSequence: the same SeedSequence object must give the same model twice.
        children = [
            np.random.SeedSequence(seed.entropy, spawn_key=(*seed.spawn_key, i))
            for i in range(len(STREAMS))
        ]
        for name, child in zip(STREAMS, children, strict=True):
            generator = np.random.Generator(np.random.PCG64(child))
            setattr(self, name, generator)
            if name in YEARLY_STREAMS:
                self._start[name] = generator.bit_generator.state

    def start_year(self, year: int) -> None:
        """Move every yearly stream to the start of this year's block of draws."""
        for name, state in self._start.items():
            bit_generator = getattr(self, name).bit_generator
            bit_generator.state = state
            bit_generator.advance(year * YEAR_BLOCK)


class Corridors:
    """Every corridor's origin, destination, costs and levers, as arrays indexed by corridor."""

    def __init__(self, model: TripleWinModel) -> None:
        params = model.params
        origin_index = {name: i for i, name in enumerate(params.origins)}
        destination_index = {name: i for i, name in enumerate(params.destinations)}
        configs = list(params.corridors.values())
        self.names = list(params.corridors)
        self.origin = np.array([origin_index[c.origin] for c in configs], dtype=np.int16)
        self.destination = np.array(
            [destination_index[c.destination] for c in configs], dtype=np.int16
        )
        self.index = np.full((len(origin_index), len(destination_index)), -1, dtype=np.int16)
        self.index[self.origin, self.destination] = np.arange(len(configs))
        self.policies = [
            resolve_policy(
                params.policy,
                params.origins[c.origin].policy,
                params.destinations[c.destination].policy,
                c.policy,
            )
            for c in configs
        ]
        for attribute in (
            "migration_cost",
            "irregular_cost",
            "irregular_risk",
            "initial_emigration_rate",
        ):
            setattr(self, attribute, np.array([getattr(c, attribute) for c in configs]))
        for lever in CORRIDOR_LEVERS:
            setattr(self, lever, np.array([getattr(p, lever) for p in self.policies]))

    def __len__(self) -> int:
        return len(self.names)

    def of_origin(self, origin: int) -> np.ndarray:
        """Corridors leaving an origin."""
        return np.flatnonzero(self.origin == origin)


@dataclass
class Ledger:
    """Running accounts checked by the conservation tests (people and money)."""

    origin_born: np.ndarray = field(default_factory=lambda: np.zeros(0))
    births: np.ndarray = field(default_factory=lambda: np.zeros(0))
    exits_home: np.ndarray = field(default_factory=lambda: np.zeros(0))
    exits_abroad: np.ndarray = field(default_factory=lambda: np.zeros(0))
    remittances_sent: float = 0.0
    remittances_received: float = 0.0
    remittance_fees: float = 0.0

    def start_year(self) -> None:
        """Reset the yearly money flows."""
        self.remittances_sent = self.remittances_received = self.remittance_fees = 0.0
