"""The experiment file (``experiments/*.yaml``): what a sweep runs, validated like a scenario.

```yaml
name: fee_by_quota_grid          # defaults to the file name
description: ...
base: ../scenarios/baseline.yaml # the scenario every point starts from (relative to this file)
set:                             # changes to the base (and to listed scenarios), by dotted path
  simulation.households: 1000
years: 40                        # default: the base scenario's simulation.years
replications: 10                 # per design point; replication r uses SeedSequence(seed, (r,))
seed: 2024
design:
  kind: grid                     # grid | lhs | sobol | scenarios
  parameters:                    # grid: listed values; lhs/sobol: distributions
    policy.remittance_fee: [0.01, 0.03, 0.062, 0.1]
outputs:
  yearly: false                  # also keep every run's yearly series (yearly.parquet)
execution:                       # how, not what: never changes a result
  runs_per_chunk: null           # runs per Dask task (default: about 2 s of work)
  retries: 3                     # times a failing task is tried again
```

An experiment file may say ``extends: other.yaml`` and change only what differs, as scenarios do.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from experiments.designs import SAMPLED_KINDS

MAX_SEED = 2**63 - 1


class Block(BaseModel):
    """A section of an experiment file: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Design(Block):
    """Which points the sweep runs besides the base scenario.

    The shape is checked here; whether the parameters suit the kind (lists for a grid,
    distributions for lhs and sobol, paths that exist in a scenario) is checked by
    :mod:`experiments.sweep.points`, which names the exact key.
    """

    kind: Literal["grid", "lhs", "sobol", "scenarios"] = Field(
        description="grid: every combination of listed values; lhs: a Latin hypercube; sobol: a "
        "scrambled Sobol' sample; scenarios: a list of scenario files, each a point."
    )
    parameters: dict[str, Any] = Field(
        default_factory=dict,
        description="Dotted scenario paths: lists of values (grid) or distributions (lhs, sobol).",
    )
    samples: int | None = Field(
        None, ge=1, le=1_000_000, description="Points of an lhs or sobol design."
    )
    scenarios: list[str] = Field(
        default_factory=list, description="Scenario files of a scenarios design."
    )


class Outputs(Block):
    """What is kept of each run besides its indicators' window means."""

    yearly: bool = Field(False, description="Keep every run's yearly series (yearly.parquet).")


class Execution(Block):
    """How runs are executed; results never depend on these."""

    runs_per_chunk: int | None = Field(
        None, ge=1, le=100_000, description="Runs per task (default: about 2 s of work)."
    )
    retries: int = Field(3, ge=0, le=100, description="Times a failing task is tried again.")


class Experiment(Block):
    """An experiment file."""

    name: str = Field(description="Short name (defaults to the file name).")
    description: str = Field("", description="What the experiment asks, in a sentence or two.")
    base: str = Field(description="The base scenario file, relative to the experiment file.")
    overrides: dict[str, Any] = Field(
        default_factory=dict,
        alias="set",
        description="Changes to the base and listed scenarios, by dotted path.",
    )
    years: int | None = Field(None, ge=1, le=500, description="Simulated years of every run.")
    replications: int = Field(10, ge=1, le=100_000, description="Replications per point.")
    seed: int = Field(0, ge=0, le=MAX_SEED, description="Seed of the experiment.")
    design: Design
    outputs: Outputs = Field(default_factory=Outputs)
    execution: Execution = Field(default_factory=Execution)

    @property
    def sampled(self) -> bool:
        """Whether the design draws its points (lhs, sobol) rather than listing them."""
        return self.design.kind in SAMPLED_KINDS

    def content(self) -> dict[str, Any]:
        """What determines the results (not ``execution``), for ``plan.json`` and the manifest."""
        return self.model_dump(mode="json", by_alias=True, exclude={"execution"})
