"""The scores as a terminal table (rich)."""

from __future__ import annotations

import pandas as pd
from rich.table import Table

from experiments.formats import number


def score_table(scores: pd.DataFrame, name: str, replications: int, seed: int) -> Table:
    """Each estimator: what it estimates, mean estimate and interval, truth, bias, RMSE, coverage."""
    table = Table(
        title=f"{name}: estimators against the truth over {replications} replications (seed "
        f"{seed}; means over replications)",
        title_justify="left",
    )
    table.add_column("estimator", style="bold")
    table.add_column("unit")
    for column in ("estimate", "95% interval", "truth", "bias", "RMSE", "coverage"):
        table.add_column(column, justify="right")
    for row in scores.itertuples():
        table.add_row(
            row.estimator,
            row.unit,
            number(row.estimate),
            f"[{number(row.low)}, {number(row.high)}]",
            number(row.truth),
            number(row.bias),
            number(row.rmse),
            f"{row.coverage:.0%}",
        )
    return table
