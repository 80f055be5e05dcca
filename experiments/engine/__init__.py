"""The engine of many runs: chunks on dask.distributed, streamed to Parquet, resumable.

Given a :class:`~experiments.engine.spec.Plan` (every run: its base scenario, its parameter
values as dotted-path overrides, its seed), the engine executes the runs in chunks on a Dask
client (a local cluster or an existing scheduler), writes every finished chunk to the results
folder at once, and on ``--resume`` does only the runs not yet on disk. Commands that run many
models (``sweep``, ``sensitivity``) build the plan and use :mod:`experiments.engine.session`.

Modules: :mod:`~experiments.engine.spec` (what to run), :mod:`~experiments.engine.tasks` (what
a worker does), :mod:`~experiments.engine.cluster` (where), :mod:`~experiments.engine.runner`
(chunks and futures), :mod:`~experiments.engine.store` (Parquet parts and tables),
:mod:`~experiments.engine.ledger` (``plan.json`` and resume checks),
:mod:`~experiments.engine.session` (the three steps a command calls).
"""

from experiments.engine.spec import ID_COLUMNS, TIMING_PREFIX, Plan, RunSpec

__all__ = ["ID_COLUMNS", "TIMING_PREFIX", "Plan", "RunSpec"]
