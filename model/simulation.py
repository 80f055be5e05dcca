"""The one run loop: build a model from a scenario and a seed, step it to the end, summarise it.

Every way of running the model goes through :func:`run_model` (``run``, ``compare``, sweeps,
validation, the measurement layer) or, where something else drives the years (the classroom app
steps the model when a student presses play), through the same :meth:`TripleWinModel.step` with
the same observers. What watches a run is an observer (:class:`model.model.RunObserver`): the
indicator recorder, the validation probes, the census and survey takers, the app's diary.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from model.model import RunObserver, TripleWinModel
from model.scenario.schema import Scenario
from model.welfare import flat_record


@dataclass
class RunResult:
    """What one replication reports.

    Attributes:
        indicators: Evaluation-window means of every indicator (canonical names, docs/ODD.md §7.18).
        by_country: Window means per country, keyed ``origin:NAME`` or ``destination:NAME``.
        yearly: One row per simulated year: ``year`` then one column per indicator.
        timings: Seconds spent building (``build_s``) and running (``run_s``) the model.
        cohorts: Return statistics of arrival cohorts (share left within 1 and 5 years).
        by_region: Window means of the integration indicators per region, keyed
            ``destination:NAME/REGION`` (``model.integration_regions.REGION_INDICATORS``).
        accounts: How well the books closed over the run (largest relative residual of any
            money account and year, total absolute residual of the people accounts) and each
            money sector's inflows, outflows and change of stock over the run
            (:func:`accounts_summary`).
        account_flows: Every money flow of every year (``year``, ``item``, ``source``,
            ``target``, ``amount``), when the yearly series are kept; else None.
        account_stocks: Every money account's stock, inflows, outflows and residual per year,
            when the yearly series are kept; else None.
        welfare: The three parties' welfare at each horizon, flat
            (:func:`model.welfare.flat_record`).
    """

    indicators: dict[str, float]
    by_country: dict[str, dict[str, float]]
    yearly: pd.DataFrame
    timings: dict[str, float] = field(default_factory=dict)
    cohorts: dict[str, float] = field(default_factory=dict)
    by_region: dict[str, dict[str, float]] = field(default_factory=dict)
    accounts: dict[str, Any] = field(default_factory=dict)
    account_flows: pd.DataFrame | None = None
    account_stocks: pd.DataFrame | None = None
    welfare: dict[str, float] = field(default_factory=dict)


@dataclass
class FinishedRun:
    """A model stepped to the end of its horizon, and how long that took.

    Attributes:
        model: The model after its last year.
        timings: Seconds spent building (``build_s``) and running (``run_s``) the model.
    """

    model: TripleWinModel
    timings: dict[str, float]


def run_model(
    scenario: Scenario,
    seed: np.random.SeedSequence | int,
    years: int | None = None,
    observers: Sequence[RunObserver] = (),
    yearly: bool = True,
) -> FinishedRun:
    """Build the model and step it for ``years`` (default: the scenario's), observers watching.

    Args:
        scenario: The scenario.
        seed: The run's seed.
        years: Years to simulate (default: the scenario's).
        observers: Watch the run after each year.
        yearly: Whether the yearly series of every year are wanted; without them, indicators are
            computed in the evaluation window only (its means, cohorts and regions are the same).
    """
    start = time.perf_counter()
    model = TripleWinModel(scenario, seed=seed, years=years, observers=observers, every_year=yearly)
    built = time.perf_counter()
    for _ in range(model.horizon):
        model.step()
    finished = time.perf_counter()
    return FinishedRun(model, {"build_s": built - start, "run_s": finished - built})


def summarise(run: FinishedRun) -> RunResult:
    """Window means, yearly series, cohorts and regions of a finished run."""
    model = run.model
    window = min(model.params.simulation.evaluation_years, model.horizon)
    yearly = model.recorder.first_year == 1
    return RunResult(
        indicators=model.recorder.window_means(window),
        by_country=model.recorder.country_window_means(window),
        yearly=model.recorder.frame(),
        timings=dict(run.timings),
        cohorts={
            "left_within_1y": model.recorder.left_within(1, model.horizon),
            "left_within_5y": model.recorder.left_within(5, model.horizon),
        },
        by_region=model.recorder.region_window_means(window),
        accounts=accounts_summary(model),
        account_flows=model.money.table(model.horizon) if yearly else None,
        account_stocks=model.money.stock_table(model.horizon) if yearly else None,
        welfare=flat_record(model.welfare.results),
    )


def accounts_summary(model: TripleWinModel) -> dict[str, Any]:
    """The books over the run: residuals, and each money sector's totals (docs/ODD.md §7.25)."""
    years = min(model.year, model.horizon)
    return {
        "max_relative_residual": float(model.money.relative_residuals()[:years].max(initial=0.0)),
        "people_residual": round(float(np.abs(model.people.residuals()[:years]).sum())),
        "sectors": model.money.sector_totals(years),
    }


def simulate(
    scenario: Scenario,
    seed: np.random.SeedSequence | int,
    years: int | None = None,
    observers: Sequence[RunObserver] = (),
    yearly: bool = True,
) -> RunResult:
    """Build the model, run it for ``years`` (default: the scenario's), and summarise it.

    With ``yearly=False`` the result's yearly table holds the evaluation window only (earlier
    years are NaN); window means, cohorts, countries and regions are those of a full record.
    """
    return summarise(run_model(scenario, seed, years, observers, yearly))
