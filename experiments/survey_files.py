"""The files of a ``survey`` results folder, named once for the writer and the report page."""

from __future__ import annotations

# Folders of replication 0's data, every table as Parquet and as CSV (for spreadsheets).
OBSERVED = "observed"
MICRODATA = "microdata"
TRUTH = "truth"
# Every replication's headline-period estimates, per corridor and all together.
ESTIMATES = "estimates"
# Bias, RMSE and coverage per estimator over the replications.
SCORES = "scores"
# The same per value of a swept error parameter (only with --sweep).
SWEEP = "sweep"
SUMMARY = "summary.json"
MANIFEST = "manifest.json"
SCORES_FIGURE = "scores.png"
SWEEP_FIGURE = "sweep.png"


def table_files(name: str) -> list[str]:
    """The two files of a table: ``NAME.parquet`` and ``NAME.csv``."""
    return [f"{name}.parquet", f"{name}.csv"]
