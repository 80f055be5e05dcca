"""The files of a ``survey`` results folder: written by :mod:`.outputs`, read by the report.

Every table is written twice, as Parquet and as CSV (for spreadsheets): a table is a family
with ``{format}`` in its name, and the tables of replication 0's data, one file per table of
the observers (:mod:`model.observation.observer`), a family with ``{table}`` too.
"""

from __future__ import annotations

from experiments.result_files import MANIFEST, ResultFile

# The formats every table is written in.
FORMATS = ("parquet", "csv")

OBSERVED = ResultFile(
    "observed/{table}.{format}",
    "replication 0's published data: censuses, surveys, permit and population registers",
)
MICRODATA = ResultFile(
    "microdata/{table}.{format}",
    "replication 0's person records: the census sample, the labour force survey, irregular lists",
)
TRUTH = ResultFile(
    "truth/{table}.{format}",
    "replication 0's true stocks, flows, entries, remittances and integration, to score against",
)
ESTIMATES = ResultFile(
    "estimates.{format}",
    "every replication's headline-period estimates, per corridor and all together",
)
SCORES = ResultFile(
    "scores.{format}", "bias, RMSE and coverage per estimator over the replications"
)
SWEEP = ResultFile(
    "sweep.{format}",
    "bias, RMSE and coverage per estimator at each value of the swept error parameter (--sweep)",
)
SCORES_FIGURE = ResultFile(
    "scores.png", "each replication's relative error per estimator, and the intervals' coverage"
)
SWEEP_FIGURE = ResultFile(
    "sweep.png", "relative bias, relative RMSE and coverage against the swept value (--sweep)"
)
SUMMARY = ResultFile("summary.json", "the results in one document (the --json document)")
FILES = (
    ESTIMATES,
    SCORES,
    SWEEP,
    OBSERVED,
    MICRODATA,
    TRUTH,
    SCORES_FIGURE,
    SWEEP_FIGURE,
    SUMMARY,
    MANIFEST,
)


def table_files(item: ResultFile, **fields: str) -> dict[str, str]:
    """The files of a table by format, ``NAME.parquet`` and ``NAME.csv``, its fields filled."""
    return {form: item.named(format=form, **fields) for form in FORMATS}
