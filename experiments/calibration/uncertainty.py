"""Verdicts under parameter uncertainty: ``compare --posterior FILE``.

Replication ``i`` of the baseline and of every scenario runs with the same parameter set, drawn
from the posterior (with its weights) by a generator seeded from ``SeedSequence(seed,
spawn_key=(i, DRAW_KEY))``, and on the same model seed ``SeedSequence(seed, spawn_key=(i,))`` as
without a posterior; so pairs stay paired: a paired change is the policy's effect in one
plausible world, with the model's own noise shared between the pair.

``triple_win_probability`` is the share of replications in which all three parties gain: each
party's equivalent variation against the paired baseline run (PPP $ per person per year,
:mod:`experiments.welfare`) exceeds the margin of a negligible change, the margin of the
verdict. Each replication is one draw of the parameters from the posterior and one
draw of the model's noise, so this estimates the probability that the policy makes all three
parties better off in a world drawn from the posterior, noise included; it is the posterior
predictive probability of a triple win, not the posterior probability that the *expected*
effect is a triple win (which would need many replications per draw). Its 95% interval is
Wilson's score interval for a binomial share (Wilson 1927; scipy's ``binomtest``), the sampling
uncertainty of that share over ``R`` replications. The interval verdict of ``compare`` is
reported beside it: it asks whether the *mean* change is surely a gain.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from scipy.stats import binomtest

from experiments.calibration.posterior import Posterior, draw, read_posterior
from experiments.engine.tasks import scenario_data
from experiments.replications import Replications
from experiments.scenarios import LoadedScenario
from experiments.seeds import replication_seed
from experiments.welfare import PARTIES
from model.errors import InputError
from model.scenario.paths import PathError, path_kind

# Second spawn-key element of the posterior draws: apart from any key the model spawns itself.
DRAW_KEY = 0x706F7374


def load_for(path: Path, scenarios: list[LoadedScenario]) -> Posterior:
    """The posterior file, checked against every scenario it will change."""
    posterior = read_posterior(path)
    for loaded in scenarios:
        data = loaded.scenario.model_dump(mode="json")
        for name in posterior.parameters:
            try:
                kind = path_kind(name, data)
            except PathError as error:
                raise InputError(str(path), name, f"{error} (in {loaded.path})") from None
            if kind != "float":
                raise InputError(str(path), name, f"is not a real-valued parameter ({kind})")
    return posterior


def replication_draws(posterior: Posterior, seed: int, count: int) -> list[dict[str, float]]:
    """The parameter set of each replication (the same for every scenario)."""
    return [
        draw(
            posterior,
            np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(i, DRAW_KEY))),
        )[0]
        for i in range(count)
    ]


def run_with_draws(
    loaded: LoadedScenario,
    seed: int,
    draws: list[dict[str, float]],
    advance: Callable[[int], None] = lambda n: None,
) -> Replications:
    """Replication ``i`` of a scenario with the parameter set ``draws[i]`` and its usual seed."""
    from model.scenario.schema import Scenario
    from model.simulation import simulate

    start = time.perf_counter()
    base = loaded.scenario.model_dump(mode="json")
    results = []
    for i, values in enumerate(draws):
        scenario = Scenario.model_validate(scenario_data(base, values))
        results.append(simulate(scenario, replication_seed(seed, i)))
        advance(1)
    return Replications(loaded, seed, results, time.perf_counter() - start)


def wins(comparison: Any) -> np.ndarray:
    """Per replication: whether every party's equivalent variation exceeds the margin."""
    samples = comparison.variations.samples()
    values = np.column_stack([samples[party] for party in PARTIES])
    return (values > comparison.margin).all(axis=1)


def probability(won: np.ndarray) -> dict[str, Any]:
    """The share of triple wins with its Wilson 95% interval."""
    count, total = int(won.sum()), int(won.size)
    interval = binomtest(count, total).proportion_ci(0.95, method="wilson")
    return {
        "triple_win_probability": count / total,
        "triple_win_probability_ci95": [float(interval.low), float(interval.high)],
        "triple_wins": count,
    }


def add_probabilities(
    document: dict[str, Any],
    comparisons: list[Any],
    posterior: Posterior,
    draws: list[dict[str, float]],
) -> None:
    """Each scenario's triple-win probability beside its verdict, and the draws, in place."""
    for comparison in comparisons:
        entry = document["scenarios"][comparison.name]
        entry.update(probability(wins(comparison)))
    document["posterior"] = {
        "file": posterior.source,
        "parameters": posterior.parameters,
        "draws": draws,
        "rule": "replication i: parameters drawn with the posterior's weights from "
        f"SeedSequence(seed, spawn_key=(i, {DRAW_KEY})), the same for every scenario",
    }


def print_probabilities(to_stderr: bool, document: dict[str, Any]) -> None:
    """One line per scenario: the triple-win probability beside the verdict."""
    from rich.console import Console

    out = Console(stderr=to_stderr)
    for name, entry in document["scenarios"].items():
        low, high = entry["triple_win_probability_ci95"]
        out.print(
            f"{name}: triple win in {entry['triple_wins']} of {document['replications']} "
            f"posterior draws, probability {entry['triple_win_probability']:.2f} (95% interval "
            f"{low:.2f}-{high:.2f}); verdict on the mean changes: {entry['verdict']}"
        )
