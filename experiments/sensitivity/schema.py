"""The sensitivity file (``experiments/*.yaml``): what ``run.py sensitivity`` varies and how.

```yaml
name: sobol_triple_win            # defaults to the file name
description: ...
base: ../scenarios/baseline.yaml  # every sample point starts from it (relative to this file)
baseline: null                    # the comparison scenario (default: the base itself)
set: {simulation.households: 1000}  # changes to base and baseline, by dotted path
years: 30                         # default: the base scenario's simulation.years
replications: 3                   # per sample point; replication r uses SeedSequence(seed, (r,))
seed: 2024
parameters:                       # dotted paths, each with a role and a distribution
  migration.propensity: {role: world, distribution: uniform, low: 0.03, high: 0.09}
  policy.remittance_fee: {role: policy, distribution: triang, low: 0.01, mode: 0.062, high: 0.1}
  policy.circular_reentry: {role: policy, distribution: categorical}   # yes/no: two equal bins
posterior: null                   # posterior.parquet of calibrate, for distribution: posterior
method: {kind: sobol, samples: 256, second_order: false, resamples: 1000}
outputs: {welfare: true, indicators: [emigration_rate]}
discovery: {peel_alpha: 0.05, mass_min: 0.05, min_coverage: 0.5, boxes: 2}
execution: {runs_per_chunk: null, retries: 3}
```

A ``world`` parameter is applied to the sample point *and* to its paired baseline runs; a
``policy`` parameter to the sample point only. ``model: NAME`` replaces ``base`` by a registered
test model (:mod:`experiments.sensitivity.testmodels`). ``extends: other.yaml`` works as for
scenarios.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from experiments.sweep.schema import MAX_SEED, Block, Execution

# SALib's names for its distributions, read as the sweep's (truncnorm: a bounded normal).
SALIB_NAMES = {
    "unif": "uniform",
    "norm": "normal",
    "truncnorm": "normal",
    "triang": "triangular",
    "lognorm": "lognormal",
}
Role = Literal["world", "policy"]
DistributionName = Literal[
    "uniform",
    "normal",
    "triangular",
    "lognormal",
    "categorical",
    "posterior",  # issue 18: the parameter's marginal in the file's `posterior` (calibrate)
    "unif",
    "norm",
    "truncnorm",
    "triang",
    "lognorm",
]


class ParameterSpec(Block):
    """One varied parameter: its role, its distribution and, optionally, its SALib group."""

    role: Role = Field(
        description="world: applied to the sample point and its paired baseline (an uncertain "
        "fact about the world); policy: applied to the sample point only (a lever)."
    )
    group: str | None = Field(
        None, description="SALib group (Morris and Sobol' only): a group moves as one factor."
    )
    distribution: DistributionName = Field(
        description="uniform (unif), normal (norm; truncnorm with low/high), triangular "
        "(triang), lognormal (lognorm), categorical: equal-probability bins over values, or "
        "posterior: the parameter's weighted marginal in the file named by `posterior`."
    )
    low: float | None = None
    high: float | None = None
    mean: float | None = None
    sd: float | None = None
    mode: float | None = None
    median: float | None = None
    sigma: float | None = None
    values: list[Any] | None = Field(
        None, description="The categories of a categorical parameter (default for yes/no: both)."
    )

    @model_validator(mode="after")
    def _categorical_fields(self) -> ParameterSpec:
        numeric = [k for k in ("low", "high", "mean", "sd", "mode", "median", "sigma")]
        given = [k for k in numeric if getattr(self, k) is not None]
        if self.distribution == "categorical" and given:
            raise ValueError(f"{given[0]} not used by a categorical distribution (it takes values)")
        if self.distribution == "posterior" and given:  # issue 18
            raise ValueError(f"{given[0]} not used: a posterior distribution comes from the file")
        if self.distribution != "categorical" and self.values is not None:
            raise ValueError("values is used by categorical distributions only")
        if self.values is not None and len(self.values) < 2:
            raise ValueError("a categorical parameter lists at least two values")
        return self

    def distribution_fields(self) -> dict[str, Any]:
        """The fields of :class:`experiments.designs.Distribution` (SALib names translated)."""
        fields = {
            k: getattr(self, k)
            for k in ("low", "high", "mean", "sd", "mode", "median", "sigma")
            if getattr(self, k) is not None
        }
        return {"distribution": SALIB_NAMES.get(self.distribution, self.distribution), **fields}


class Method(Block):
    """The sensitivity method and its settings."""

    kind: Literal["morris", "sobol", "fast", "delta"] = Field(
        description="morris: elementary effects (screening); sobol: Saltelli's scheme and "
        "Sobol' indices; fast: extended FAST; delta: Borgonovo's moment-independent measure."
    )
    samples: int = Field(
        ge=2,
        le=1_000_000,
        description="morris: trajectories; sobol: base samples N (a power of two); fast: "
        "samples per parameter (above 4 M^2); delta: sample points (a power of two).",
    )
    levels: int = Field(4, ge=2, le=100, description="Morris: levels of the grid (even).")
    optimal_trajectories: int | None = Field(
        None, ge=2, le=1_000, description="Morris: keep the best spread of these trajectories."
    )
    second_order: bool = Field(False, description="Sobol': also second-order indices.")
    interference: int = Field(4, ge=1, le=20, description="eFAST: interference factor M.")
    resamples: int = Field(1000, ge=10, le=100_000, description="Bootstrap resamples.")
    conf_level: float = Field(0.95, gt=0.5, lt=1.0, description="Level of every interval.")


class Outputs(Block):
    """What is analysed besides the parameters."""

    welfare: bool = Field(
        True,
        description="Analyse the three parties' equivalent variations against the paired "
        "baseline runs (change_migrants, change_origin, change_destination) and the triple-win "
        "indicator (needs the baseline runs).",
    )
    indicators: list[str] = Field(
        default_factory=list,
        description="Canonical indicators analysed as levels (replicate means) at each point.",
    )


class Discovery(Block):
    """Scenario discovery with PRIM on the triple-win indicator."""

    peel_alpha: float = Field(0.05, gt=0.0, lt=0.5, description="Share peeled per step.")
    mass_min: float = Field(0.05, gt=0.0, lt=1.0, description="Smallest box, share of points.")
    min_coverage: float = Field(
        0.5,
        ge=0.0,
        le=1.0,
        description="The chosen box is the densest with at least this coverage.",
    )
    boxes: int = Field(2, ge=1, le=10, description="Boxes found one after the other (covering).")


class SensitivityExperiment(Block):
    """A sensitivity file."""

    name: str = Field(description="Short name (defaults to the file name).")
    description: str = Field("", description="What the analysis asks, in a sentence or two.")
    base: str | None = Field(None, description="The base scenario file, relative to this file.")
    baseline: str | None = Field(
        None, description="The comparison scenario file (default: the base scenario)."
    )
    model: str | None = Field(None, description="A registered test model instead of a scenario.")
    overrides: dict[str, Any] = Field(
        default_factory=dict, alias="set", description="Changes to base and baseline."
    )
    years: int | None = Field(None, ge=1, le=500, description="Simulated years of every run.")
    replications: int = Field(2, ge=1, le=10_000, description="Replications per sample point.")
    seed: int = Field(0, ge=0, le=MAX_SEED, description="Seed of the experiment.")
    parameters: dict[str, ParameterSpec] = Field(description="The varied parameters.")
    # Issue 18: world parameters sampled from a calibration's posterior (docs/calibration.md).
    posterior: str | None = Field(
        None,
        description="posterior.parquet of run.py calibrate (relative to this file): parameters "
        "with distribution: posterior are sampled from their weighted marginals in it.",
    )
    method: Method
    outputs: Outputs = Field(default_factory=Outputs)
    discovery: Discovery = Field(default_factory=Discovery)
    execution: Execution = Field(default_factory=Execution)

    def content(self) -> dict[str, Any]:
        """What determines the results (not ``execution``), for ``plan.json`` and the manifest."""
        return self.model_dump(mode="json", by_alias=True, exclude={"execution"})
