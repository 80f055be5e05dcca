"""Seeds of replications, derived from one ``numpy.random.SeedSequence`` (docs/ODD.md §4.10).

Replication ``i`` of an experiment with seed ``S`` always uses ``SeedSequence(S, spawn_key=(i,))``,
which is ``SeedSequence(S).spawn(n)[i]`` for any ``n > i``. So replication ``i`` of two scenarios
shares its random numbers (common random numbers), adding replications never changes the earlier
ones, and a seed depends on the replication alone, never on the order in which runs finish.
"""

from __future__ import annotations

import numpy as np


def replication_seed(seed: int, replication: int) -> np.random.SeedSequence:
    """The seed of one replication."""
    return np.random.SeedSequence(seed, spawn_key=(replication,))


def replication_seeds(seed: int, replications: int) -> list[np.random.SeedSequence]:
    """Seeds of replications ``0 .. replications - 1``."""
    return [replication_seed(seed, i) for i in range(replications)]


def entropy_of(sequence: np.random.SeedSequence) -> int:
    """The integer a replication seed was built from."""
    entropy = sequence.entropy
    if not isinstance(entropy, int):
        raise ValueError("replication seeds are built from one integer")
    return entropy


def describe_seed(sequence: np.random.SeedSequence) -> dict[str, object]:
    """How to rebuild a seed: its entropy and spawn key (for the manifest)."""
    return {"entropy": entropy_of(sequence), "spawn_key": list(sequence.spawn_key)}
