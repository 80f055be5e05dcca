"""Bilateral stock and flow tables in the shapes UN DESA publishes them.

*International Migrant Stock* (UN DESA Population Division, e.g. the 2020 revision, table 1 of the
workbook by destination and origin): one row per year and destination, the total stock then one
column per country of origin; the stocks are estimated from censuses' foreign-born by country of
birth, so here they are the census counts of the census years (summed over regions).

*International Migration Flows to and from Selected Countries* (UN DESA Population Division, 2015
revision): per reporting (destination) country and year, the inflows and outflows of foreigners by
country of origin, from registers. Here inflows are the permit register's recorded legal entries
(family members included) and outflows its recorded departures; irregular entries and unrecorded
departures are missing, as they are from the published tables.
"""

from __future__ import annotations

import pandas as pd


def stock_table(census: pd.DataFrame) -> pd.DataFrame:
    """The census counts as UN DESA's stock table: ``year, destination, total, ORIGIN...``."""
    stocks = census.groupby(["year", "destination", "origin"], sort=False)["foreign_born"].sum()
    wide = stocks.unstack("origin").reset_index()
    origins = [c for c in wide.columns if c not in ("year", "destination")]
    wide.insert(2, "total", wide[origins].sum(axis=1))
    wide.columns.name = None
    return wide


def flow_table(entries: pd.DataFrame, exits: pd.DataFrame) -> pd.DataFrame:
    """Recorded flows as UN DESA's flow table: ``year, destination, origin, inflow, outflow, net``."""
    inflow = entries.groupby(["year", "destination", "origin"], sort=False)["entries"].sum()
    outflow = exits.groupby(["year", "destination", "origin"], sort=False)["exits"].sum()
    frame = pd.DataFrame({"inflow": inflow, "outflow": outflow}).reset_index()
    frame["net"] = frame["inflow"] - frame["outflow"]
    return frame
