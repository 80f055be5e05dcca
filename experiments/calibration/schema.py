"""The calibration file (``experiments/calibration*.yaml``): what ``run.py calibrate`` estimates.

```yaml
name: calibration                 # defaults to the file name
description: ...
base: ../scenarios/baseline.yaml  # the scenario every simulation starts from (relative path)
set: {simulation.households: 1000}  # changes to the base, by dotted path
years: null                       # default: the base scenario's simulation.years
seed: 2026                        # root of every random number (numpy.random.SeedSequence)
targets: [remittances_to_gdp, origin_poverty_rate]   # default: every target of model/calibration.yaml
priors:                           # dotted paths of real-valued parameters, each bounded
  origins.origin.returnee_knowledge: {distribution: uniform, low: 0.0, high: 1.0}
  remittances.altruism: {distribution: triangular, low: 0.6, mode: 0.95, high: 1.2}
  returns.base_return: {distribution: normal, mean: 0.02, sd: 0.01, low: 0.0, high: 0.06}
abc:
  population: 200                 # particles per generation
  generations: 8                  # generations at most (the calibration stops there)
  minimum_epsilon: 0.0            # ... or earlier, once the threshold is at or below this
  quantile: 0.5                   # next threshold: this weighted quantile of the distances
  replications: 1                 # simulations averaged per particle
predictive: {draws: 40}           # posterior predictive runs
execution: {batch_size: 1}        # particles per Dask task; never changes a result
```

``model: NAME`` replaces ``base`` by a registered test model
(:mod:`experiments.calibration.testmodels`). ``extends: other.yaml`` works as for scenarios.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from experiments.sweep.schema import MAX_SEED, Block


class PriorSpec(Block):
    """The prior of one parameter: a bounded distribution (the posterior stays inside it)."""

    distribution: Literal["uniform", "triangular", "normal"] = Field(
        description="uniform (low, high), triangular (low, mode, high) or normal (mean, sd), "
        "the normal truncated to [low, high]."
    )
    low: float = Field(description="Lowest value the parameter may take.")
    high: float = Field(description="Highest value the parameter may take.")
    mode: float | None = Field(None, description="Mode of a triangular prior.")
    mean: float | None = Field(None, description="Mean of a normal prior (before truncation).")
    sd: float | None = Field(None, gt=0, description="Standard deviation of a normal prior.")

    @model_validator(mode="after")
    def _fields(self) -> PriorSpec:
        if not self.low < self.high:
            raise ValueError(f"low ({self.low}) must be below high ({self.high})")
        needs = {"uniform": (), "triangular": ("mode",), "normal": ("mean", "sd")}
        missing = [k for k in needs[self.distribution] if getattr(self, k) is None]
        if missing:
            raise ValueError(f"a {self.distribution} prior needs {', '.join(missing)}")
        unused = [
            k
            for k in ("mode", "mean", "sd")
            if k not in needs[self.distribution] and getattr(self, k) is not None
        ]
        if unused:
            raise ValueError(f"{unused[0]} is not used by a {self.distribution} prior")
        if self.mode is not None and not self.low <= self.mode <= self.high:
            raise ValueError(f"mode ({self.mode}) must lie between low and high")
        return self


class Abc(Block):
    """The ABC-SMC settings (Toni et al. 2009; pyabc's ABCSMC)."""

    population: int = Field(
        100, ge=10, le=100_000, description="Particles accepted in each generation."
    )
    generations: int = Field(
        6, ge=1, le=100, description="Generations at most; the calibration stops there."
    )
    minimum_epsilon: float = Field(
        0.0,
        ge=0.0,
        description="Stop before the last generation once the threshold is at or below this.",
    )
    quantile: float = Field(
        0.5,
        gt=0.0,
        lt=1.0,
        description="Each generation's threshold is this weighted quantile of the previous "
        "generation's distances (pyabc's QuantileEpsilon).",
    )
    replications: int = Field(
        1, ge=1, le=100, description="Simulations per particle; their statistics are averaged."
    )


class Predictive(Block):
    """Posterior predictive checks: the model run at parameters drawn from the posterior."""

    draws: int = Field(40, ge=2, le=10_000, description="Draws from the posterior, one run each.")


class Execution(Block):
    """How the particles are computed: never changes a result."""

    batch_size: int = Field(
        1, ge=1, le=1000, description="Particles evaluated by one Dask task (for fast models)."
    )


class CalibrationExperiment(Block):
    """A calibration file."""

    name: str = Field(description="Short name (defaults to the file name).")
    description: str = Field("", description="What is estimated, in a sentence or two.")
    base: str | None = Field(None, description="The base scenario file, relative to this file.")
    model: str | None = Field(None, description="A registered test model instead of a scenario.")
    overrides: dict[str, Any] = Field(
        default_factory=dict, alias="set", description="Changes to the base scenario."
    )
    years: int | None = Field(None, ge=2, le=500, description="Simulated years of every run.")
    seed: int = Field(0, ge=0, le=MAX_SEED, description="Seed of the calibration.")
    targets: list[str] | None = Field(
        None,
        description="Statistics of model/calibration.yaml to match (default: every target "
        "that does not restate a parameter).",
    )
    priors: dict[str, PriorSpec] = Field(description="The estimated parameters and priors.")
    abc: Abc = Field(default_factory=Abc)
    predictive: Predictive = Field(default_factory=Predictive)
    execution: Execution = Field(default_factory=Execution)

    def content(self) -> dict[str, Any]:
        """What determines the results (not ``execution``), for the plan and the manifest."""
        return self.model_dump(mode="json", by_alias=True, exclude={"execution"})
