"""The books of a run, for its results folder and report (docs/ODD.md, section 7.25).

A run's money and people books close every year; its results folder keeps every flow of every
year (``accounts.parquet``) and every account's stock (``account_stocks.parquet``), the
``--json`` document the totals over the run averaged over replications, and the report a flow
diagram of the evaluation window, as readers of national accounts expect.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from model.simulation import RunResult

# Sectors as a reader of the diagram names them.
SECTOR_LABELS = {
    "origin_households": "origin households",
    "origin_government": "origin state",
    "origin_firms": "origin firms and capital owners",
    "migrants": "migrants abroad",
    "destination_households": "natives",
    "destination_government": "destination state",
    "destination_firms": "destination firms and capital owners",
    "remittance_providers": "remittance providers",
    "recruiters_smugglers": "recruiters and smugglers",
    "rest_of_world": "rest of the world",
}
# One colour per sector, the same where it pays and where it receives.
SECTOR_COLOURS = dict(
    zip(
        SECTOR_LABELS,
        (
            "#a07a38",
            "#d4a862",
            "#7f6a4e",
            "#6a3d9a",
            "#5a7fb0",
            "#8fb3d9",
            "#34597f",
            "#c05050",
            "#e08a5c",
            "#8c8c8c",
        ),
        strict=True,
    )
)
# Flows drawn in the diagram: the largest, until they cover this share of all money moved.
DRAWN_SHARE = 0.97


def document(results: list[RunResult]) -> dict[str, Any]:
    """The ``accounts`` object of ``run --json``: how well the books closed, and each sector's
    inflows, outflows and stock change over the run, averaged over replications."""
    sectors: dict[str, dict[str, list[float]]] = {}
    for result in results:
        for sector, totals in result.accounts.get("sectors", {}).items():
            for key, value in totals.items():
                sectors.setdefault(sector, {}).setdefault(key, []).append(value)
    return {
        "max_relative_residual": max(r.accounts["max_relative_residual"] for r in results),
        "people_residual": max(r.accounts["people_residual"] for r in results),
        "sectors": {
            sector: {key: float(np.mean(values)) for key, values in totals.items()}
            for sector, totals in sectors.items()
        },
    }


def _stacked(results: list[RunResult], attribute: str) -> pd.DataFrame:
    frames = [
        getattr(r, attribute).assign(replication=i)
        for i, r in enumerate(results)
        if getattr(r, attribute) is not None
    ]
    if not frames:
        return pd.DataFrame()
    frame = pd.concat(frames, ignore_index=True)
    return frame[["replication", *[c for c in frame.columns if c != "replication"]]]


def flows_table(results: list[RunResult]) -> pd.DataFrame:
    """Every money flow of every year of every replication."""
    return _stacked(results, "account_flows")


def stocks_table(results: list[RunResult]) -> pd.DataFrame:
    """Every money account's stock, flows and residual per year and replication."""
    return _stacked(results, "account_stocks")


def sector(account: str) -> str:
    """The sector of an account named ``sector:country``."""
    return account.partition(":")[0]


def window_flows(flows: pd.DataFrame, first_year: int) -> pd.DataFrame:
    """Flows between sectors (countries pooled), yearly mean over the evaluation window and the
    replications, largest first; flows within a sector (between its countries) left out."""
    window = flows[flows["year"] >= first_year]
    years = window["year"].nunique() * max(window["replication"].nunique(), 1)
    pairs = (
        window.assign(source=window["source"].map(sector), target=window["target"].map(sector))
        .groupby(["source", "target"], as_index=False)["amount"]
        .sum()
    )
    pairs = pairs[(pairs["source"] != pairs["target"]) & (pairs["amount"] > 0)]
    pairs["amount"] /= max(years, 1)
    return pairs.sort_values("amount", ascending=False, ignore_index=True)


# The two panels of the diagram: flows among the destination's own sectors (large), and every
# flow that touches an origin, the migrants or the intermediaries (the co-development side).
DESTINATION_SIDE = {
    "destination_households",
    "destination_government",
    "destination_firms",
    "rest_of_world",
}


def _panel(axis: Any, flows: pd.DataFrame, title: str) -> None:
    from sankeyflow import Sankey

    if flows.empty:
        axis.set_title(f"{title}: no flows", fontsize=9)
        axis.axis("off")
        return
    total = flows["amount"].sum()
    kept = flows[flows["amount"].cumsum() - flows["amount"] < DRAWN_SHARE * total]
    left = [
        (f"{SECTOR_LABELS.get(s, s)} ", float(v), {"color": SECTOR_COLOURS.get(s, "#999999")})
        for s, v in kept.groupby("source")["amount"].sum().sort_values(ascending=False).items()
    ]
    right = [
        (
            f" {SECTOR_LABELS.get(s, s)}",
            float(v),
            {"label_pos": "right", "color": SECTOR_COLOURS.get(s, "#999999")},
        )
        for s, v in kept.groupby("target")["amount"].sum().sort_values(ascending=False).items()
    ]
    links = [
        (f"{SECTOR_LABELS.get(s, s)} ", f" {SECTOR_LABELS.get(t, t)}", float(v))
        for s, t, v in kept.itertuples(index=False)
    ]
    diagram = Sankey(
        flows=links,
        nodes=[left, right],
        node_opts={"label_format": "{label}", "label_opts": {"fontsize": 8}},
        node_pad_y_min=0.03,
        flow_color_mode="source",
    )
    diagram.draw(axis)
    axis.set_title(title, fontsize=9)
    axis.axis("off")


def sankey_figure(flows: pd.DataFrame, title: str) -> Any:
    """The evaluation window's flows between sectors as Sankey diagrams (payers on the left,
    receivers on the right): the co-development side, and the destination's own economy, each
    with the largest flows that cover most of the money moved."""
    import matplotlib.pyplot as plt

    inside = flows["source"].isin(DESTINATION_SIDE) & flows["target"].isin(DESTINATION_SIDE)
    figure, axes = plt.subplots(1, 2, figsize=(14, 6.5))
    _panel(axes[0], flows[~inside], "origins, migrants and intermediaries")
    _panel(axes[1], flows[inside], "the destination's own economy")
    figure.suptitle(title, fontsize=10)
    figure.tight_layout()
    return figure
