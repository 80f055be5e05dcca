"""The figures of a ``run`` folder, drawn from its tables: by ``run --figures`` or by the report.

Drawing takes longer than the run it shows (matplotlib's import and two figures, about 1.3 s
against a 2,000-household run's 0.3 s), so ``run`` draws only when asked; the report draws
whatever figure a folder lacks from the same tables, so its page is complete either way.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from experiments.run import accounts


def yearly_figure(yearly: pd.DataFrame, name: str, evaluation_years: int) -> Any:
    """The main indicators year by year: the mean over replications with its 95% band."""
    from experiments.figures.yearly import yearly_bands

    count = int(yearly["replication"].nunique())
    title = f"{name}: mean of {count} replications with 95% band (shaded: evaluation window)"
    return yearly_bands({name: yearly}, title=title, evaluation_years=evaluation_years)


def accounts_figure(flows: pd.DataFrame, name: str, years: int, evaluation_years: int) -> Any:
    """The evaluation window's money flows between sectors, as Sankey diagrams."""
    first = years - evaluation_years + 1
    count = int(flows["replication"].nunique())
    return accounts.sankey_figure(
        accounts.window_flows(flows, first),
        f"{name}: money flows between sectors, yearly mean of years {first}-{years} over "
        f"{count} replications (PPP $)",
    )
