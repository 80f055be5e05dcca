"""What links the economies: corridors and their levers, and the run's sequential generators."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from model.scenario.policy import Policy, resolve_policy
from model.scenario.schema import Scenario

# Spawn-key suffixes of the sequential generators: Mesa's own, and the one that draws the initial
# population. Every yearly draw is keyed instead (model/randomness.py), so scenarios stay paired.
MESA_STREAM, INIT_STREAM = 0, 1


def _child(seed: np.random.SeedSequence, suffix: int) -> np.random.Generator:
    # By explicit spawn key rather than ``seed.spawn``, which would advance the caller's
    # SeedSequence: the same SeedSequence object must give the same model twice.
    return np.random.default_rng(
        np.random.SeedSequence(seed.entropy, spawn_key=(*seed.spawn_key, suffix))
    )


class RandomStreams:
    """The run's sequential generators, spawned from one ``SeedSequence``.

    Attributes:
        seed: The run's seed.
        mesa: Mesa's generator (``model.rng``); the mechanisms do not draw from it.
        init: Draws the initial population.
    """

    def __init__(self, seed: np.random.SeedSequence) -> None:
        self.seed = seed
        self.mesa = _child(seed, MESA_STREAM)
        self.init = _child(seed, INIT_STREAM)


def _array(values: Iterable[float]) -> np.ndarray:
    return np.array(list(values))


@dataclass(frozen=True)
class Corridors:
    """Every corridor's origin, destination, costs and levers, as arrays indexed by corridor.

    Levers that act per corridor (docs/ODD.md §7.20) are resolved with the overrides of the
    corridor's origin, destination and the corridor itself, in that order.

    Attributes:
        names: Corridor names in the scenario.
        origin: Origin index of each corridor.
        destination: Destination index of each corridor.
        index: Corridor of each (origin, destination) pair, -1 where none.
        policies: Each corridor's resolved levers.
        migration_cost: Cost of migrating legally, in years of the origin low-skilled wage.
        irregular_cost: Cost of the irregular route, in years of the origin low-skilled wage.
        irregular_risk: Chance of failing on the irregular route.
        initial_emigration_rate: Share of the origin's people abroad at the start.
        remittance_fee: Lever: fee as a share of the amount sent.
        visa_years: Lever: length of a temporary permit (years).
        circular_reentry: Lever: returned temporary migrants may come again.
        skill_recognition: Lever: yearly chance of credential recognition.
        integration_spending: Lever: integration programmes per migrant, share of GDP per capita.
        family_reunification: Lever: permanent migrants may bring their household.
        pension_portability: Lever: pensions earned abroad are paid at home too.
        return_bonus: Lever: grant on return, in years of the origin low-skilled wage.
        enforcement: Lever: yearly chance an irregular migrant is removed.
        regularisation: Lever: yearly chance an irregular migrant is regularised.
    """

    names: list[str]
    origin: np.ndarray
    destination: np.ndarray
    index: np.ndarray
    policies: list[Policy]
    migration_cost: np.ndarray
    irregular_cost: np.ndarray
    irregular_risk: np.ndarray
    initial_emigration_rate: np.ndarray
    remittance_fee: np.ndarray
    visa_years: np.ndarray
    circular_reentry: np.ndarray
    skill_recognition: np.ndarray
    integration_spending: np.ndarray
    family_reunification: np.ndarray
    pension_portability: np.ndarray
    return_bonus: np.ndarray
    enforcement: np.ndarray
    regularisation: np.ndarray

    @classmethod
    def of(cls, params: Scenario) -> Corridors:
        """The corridors of a scenario."""
        origin_index = {name: i for i, name in enumerate(params.origins)}
        destination_index = {name: i for i, name in enumerate(params.destinations)}
        configs = list(params.corridors.values())
        origin = np.array([origin_index[c.origin] for c in configs], dtype=np.int16)
        destination = np.array([destination_index[c.destination] for c in configs], dtype=np.int16)
        index = np.full((len(origin_index), len(destination_index)), -1, dtype=np.int16)
        index[origin, destination] = np.arange(len(configs))
        policies = [
            resolve_policy(
                params.policy,
                params.origins[c.origin].policy,
                params.destinations[c.destination].policy,
                c.policy,
            )
            for c in configs
        ]
        return cls(
            names=list(params.corridors),
            origin=origin,
            destination=destination,
            index=index,
            policies=policies,
            migration_cost=_array(c.migration_cost for c in configs),
            irregular_cost=_array(c.irregular_cost for c in configs),
            irregular_risk=_array(c.irregular_risk for c in configs),
            initial_emigration_rate=_array(c.initial_emigration_rate for c in configs),
            remittance_fee=_array(p.remittance_fee for p in policies),
            visa_years=_array(p.visa_years for p in policies),
            circular_reentry=_array(p.circular_reentry for p in policies),
            skill_recognition=_array(p.skill_recognition for p in policies),
            integration_spending=_array(p.integration_spending for p in policies),
            family_reunification=_array(p.family_reunification for p in policies),
            pension_portability=_array(p.pension_portability for p in policies),
            return_bonus=_array(p.return_bonus for p in policies),
            enforcement=_array(p.enforcement for p in policies),
            regularisation=_array(p.regularisation for p in policies),
        )

    def __len__(self) -> int:
        return len(self.names)

    def of_origin(self, origin: int) -> np.ndarray:
        """Corridors leaving an origin."""
        return np.flatnonzero(self.origin == origin)
