"""What links the economies: corridors and their levers, random streams, and the ledger."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from model.scenario.policy import CORRIDOR_LEVERS, resolve_policy

if TYPE_CHECKING:
    from model.model import TripleWinModel

# Sequential generators: Mesa's own, and the one that draws the initial population. Every yearly
# draw is keyed instead (model/randomness.py), so that scenarios stay paired.
STREAMS = ("mesa", "init")


class RandomStreams:
    """The run's sequential generators, spawned from one ``SeedSequence``.

    Attributes:
        seed: The run's seed.
        mesa: Mesa's generator (``model.rng``); the mechanisms do not draw from it.
        init: Draws the initial population.
    """

    def __init__(self, seed: np.random.SeedSequence) -> None:
        self.seed = seed
        # Children by explicit spawn key rather than ``seed.spawn``, which would advance the
        # caller's SeedSequence: the same SeedSequence object must give the same model twice.
        for i, name in enumerate(STREAMS):
            child = np.random.SeedSequence(seed.entropy, spawn_key=(*seed.spawn_key, i))
            setattr(self, name, np.random.default_rng(child))


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
