"""The estimation laboratory: replications observed, every estimator run and scored.

One model per replication (``SeedSequence(seed, spawn_key=(i,))``), observed with the
scenario's measurement settings and, in a sweep, with each value of one error parameter as
well: :func:`model.observation.observer.observe_variants` attaches one observer per setting to
the same run, so the settings are compared on the same simulated populations.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from experiments.estimators.bank import all_estimates, headline
from experiments.estimators.scoring import score
from experiments.scenarios import LoadedScenario, load
from experiments.seeds import replication_seed
from model.errors import InputError
from model.observation.observer import Observations, observe_variants
from model.scenario.measurement import Measurement

SCENARIO_SETTING = "scenario"


@dataclass(frozen=True)
class Sweep:
    """An error parameter and the values it takes (``--sweep measurement.X=V1,V2,...``)."""

    key: str
    values: tuple[str, ...]

    def settings(self) -> list[str]:
        """``KEY=VALUE`` for each value."""
        return [f"{self.key}={value}" for value in self.values]


def parse_sweep(text: str) -> Sweep:
    """Read ``measurement.NAME=V1,V2,...``; a mistake is an :class:`InputError` naming ``--sweep``."""
    key, sep, values = text.partition("=")
    names = [v.strip() for v in values.split(",") if v.strip()]
    if not sep or not key.startswith("measurement.") or len(names) < 2:
        raise InputError(
            f"--sweep {text}",
            key or None,
            "expected measurement.NAME=V1,V2,... (a parameter of the measurement section and at "
            "least two values)",
        )
    return Sweep(key.strip(), tuple(names))


def sweep_settings(loaded: LoadedScenario, sweep: Sweep | None) -> list[Measurement]:
    """The measurement settings of each value of the sweep, validated like ``--set``."""
    if sweep is None:
        return []
    settings = []
    for setting in sweep.settings():
        try:
            variant = load(loaded.path, [*loaded.overrides, setting])
        except InputError as error:
            raise InputError(f"--sweep {setting}", sweep.key, str(error).split(": ")[-1]) from None
        settings.append(variant.scenario.measurement)
    return settings


@dataclass
class Laboratory:
    """What the laboratory found.

    Attributes:
        estimates: Headline-period estimates of every replication (column ``setting``:
            ``scenario`` or ``KEY=VALUE`` of a sweep), per corridor and all together.
        scores: Each estimator scored over the replications, at the scenario's settings.
        sweep: The same per value of the swept parameter (empty without a sweep).
        first: Replication 0's observations at the scenario's settings.
        seconds: Wall-clock time.
    """

    estimates: pd.DataFrame
    scores: pd.DataFrame
    sweep: pd.DataFrame
    first: Observations
    seconds: float


def run_laboratory(
    loaded: LoadedScenario,
    seed: int,
    replications: int,
    sweep: Sweep | None = None,
    advance: Callable[[int], None] = lambda n: None,
) -> Laboratory:
    """Observe ``replications`` runs, estimate with every estimator, and score them."""
    start = time.perf_counter()
    variants = [loaded.scenario.measurement, *sweep_settings(loaded, sweep)]
    labels = [SCENARIO_SETTING, *(sweep.settings() if sweep else [])]
    frames, first = [], None
    for replication in range(replications):
        observed = observe_variants(loaded.scenario, replication_seed(seed, replication), variants)
        first = first or observed[0]
        for label, observations in zip(labels, observed, strict=True):
            estimates = all_estimates(observations, every_census=False)
            frames.append(estimates.assign(replication=replication, setting=label))
        advance(1)
    if first is None:
        raise ValueError(f"a laboratory needs at least one replication, not {replications}")
    estimates = pd.concat(frames, ignore_index=True)
    estimates = estimates[["replication", "setting", *estimates.columns[:-2]]]
    return Laboratory(
        estimates=estimates,
        scores=score(headlines(estimates, SCENARIO_SETTING)),
        sweep=_sweep_scores(estimates, sweep),
        first=first,
        seconds=time.perf_counter() - start,
    )


def headlines(estimates: pd.DataFrame, setting: str) -> pd.DataFrame:
    """Each replication's headline estimates at one setting."""
    mine = estimates[estimates["setting"] == setting]
    return pd.concat(
        [headline(group) for _, group in mine.groupby("replication", sort=True)],
        ignore_index=True,
    )


def _sweep_scores(estimates: pd.DataFrame, sweep: Sweep | None) -> pd.DataFrame:
    """Scores per value of the swept parameter (an empty table without a sweep)."""
    if sweep is None:
        return pd.DataFrame()
    parts = []
    for value, setting in zip(sweep.values, sweep.settings(), strict=True):
        scored = score(headlines(estimates, setting))
        scored.insert(0, "value", float(value))
        scored.insert(0, "parameter", sweep.key)
        parts.append(scored)
    return pd.concat(parts, ignore_index=True)
