"""What ``run.py run`` leaves behind: the results folder, its tables, summary and manifest.

The files are those of :mod:`experiments.run.files`; the manifest is written last, so a folder
with one is complete. The figures are drawn when asked (``--figures``): drawing takes longer
than a run, and the report draws them from the tables when a folder has none
(:mod:`experiments.run.figures`).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from experiments import cost, records, results
from experiments.progress import progress_bar
from experiments.replications import Replications, run_replications
from experiments.result_files import MANIFEST
from experiments.run import accounts, files
from experiments.scenarios import LoadedScenario
from experiments.statistics import Estimate, estimate
from experiments.tables import console, country_table, indicator_table

if TYPE_CHECKING:
    import pandas as pd

COUNTRY_INDICATORS = (
    "welfare_migrants",
    "welfare_origin",
    "welfare_destination",
    "emigration_rate",
    "remittances_to_gdp",
    "migrants_abroad",
    "migrant_employment_rate",
    "migrant_share_labour_force",
    "unemployment_gap",
    "unemployment_gap_adjusted",
    "wage_gap",
    "language_proficiency",
    "integration_composite",
)


def json_document(replications: Replications, folder: Path) -> dict[str, Any]:
    """The ``run --json`` document, with per-country means when there are several countries."""
    summary = replications.summary()
    first = replications.results[0]
    reported = [*first.indicators, *first.cohorts]
    document: dict[str, Any] = {
        "scenario": replications.name,
        "replications": len(replications.results),
        "seed": replications.seed,
        "indicators": {name: summary[name].as_json() for name in reported},
        "accounts": accounts.document(replications.results),
    }
    countries = replications.country_summary()
    if len(countries) > 2:
        document["countries"] = {
            country: {name: value.as_json() for name, value in values.items()}
            for country, values in countries.items()
        }
    document["regions"] = {
        region: {name: value.as_json() for name, value in values.items()}
        for region, values in region_summary(replications.results).items()
    }
    document["results"] = str(folder)
    return document


def region_summary(results: list[Any]) -> dict[str, dict[str, Estimate]]:
    """Mean and 95% interval of every integration indicator per region, over replications."""
    frame = records.region_table(results)
    if frame.empty:
        return {}
    return {
        region: {
            name: estimate(group[name].to_numpy())
            for name in group.columns
            if name not in ("replication", "region")
        }
        for region, group in frame.groupby("region", sort=False)
    }


def write_results(
    folder: Path,
    loaded: LoadedScenario,
    done: Replications,
    document: dict[str, Any],
    figures: bool = False,
) -> None:
    """Tables and the summary, the figures if asked, then the manifest last."""
    folder.mkdir(parents=True, exist_ok=True)
    yearly = records.yearly_table(done.results)
    results.write_parquet(files.REPLICATIONS.path(folder), done.table())
    results.write_parquet(files.YEARLY.path(folder), yearly)
    results.write_parquet(files.COUNTRIES.path(folder), records.country_table(done.results))
    results.write_parquet(files.REGIONS.path(folder), records.region_table(done.results))
    flows = accounts.flows_table(done.results)
    results.write_parquet(files.ACCOUNTS.path(folder), flows)
    results.write_parquet(files.ACCOUNT_STOCKS.path(folder), accounts.stocks_table(done.results))
    results.write_json(files.SUMMARY.path(folder), document)
    if figures:
        write_figures(folder, loaded, yearly, flows)
    count = len(done.results)
    results.write_json(
        MANIFEST.path(folder),
        results.manifest(
            "run",
            scenarios={done.name: loaded.describe()},
            seed=done.seed,
            seeds=done.seeds(),
            timings=done.timings(),
            extra={"replications": count, "outputs": results.outputs(folder)},
        ),
    )


def write_figures(
    folder: Path, loaded: LoadedScenario, yearly: pd.DataFrame, flows: pd.DataFrame
) -> None:
    """``yearly.png`` and ``accounts.png``, from the tables just written."""
    from experiments.run.figures import accounts_figure, yearly_figure

    simulation = loaded.scenario.simulation
    results.write_figure(
        files.YEARLY_FIGURE.path(folder),
        yearly_figure(yearly, loaded.name, simulation.evaluation_years),
    )
    results.write_figure(
        files.ACCOUNTS_FIGURE.path(folder),
        accounts_figure(flows, loaded.name, simulation.years, simulation.evaluation_years),
    )


def print_tables(
    loaded: LoadedScenario,
    done: Replications,
    folder: Path,
    json_mode: bool,
    command_path: Path,
    figures: bool = False,
) -> None:
    """Every indicator, per country when there are several, and where the results are."""
    out = console(json_mode)
    simulation = loaded.scenario.simulation
    out.print(
        indicator_table(
            f"{done.name}: {len(done.results)} replications of {simulation.years} years, means "
            f"over the last {simulation.evaluation_years} years with 95% intervals "
            f"(seed {done.seed})",
            done.summary(),
        )
    )
    countries = done.country_summary()
    if len(countries) > 2:
        out.print(country_table(countries, COUNTRY_INDICATORS))
    out.print(
        "Whether migration under this scenario is a triple win is a comparison: "
        f"uv run run.py compare scenarios/no_migration.yaml {command_path}"
    )
    out.print(f"results: {folder}")
    if not figures:
        out.print(
            f"figures: uv run run.py report {folder} (a page with them), or run with --figures"
        )


def run_scenario(
    loaded: LoadedScenario,
    *,
    replications: int | None,
    seed: int,
    out: Path | None,
    json_mode: bool,
    command_path: Path,
    figures: bool = False,
) -> dict[str, Any]:
    """Run the replications, write the folder, print the tables; returns the document.

    With ``json_mode``, the tables go to stderr and the document alone to stdout; with
    ``figures``, the folder has its figures too.
    """
    count = replications or loaded.scenario.simulation.replications
    if out is not None:
        results.check_new_folder(out)
    folder = out or results.default_folder("run", loaded.name)
    simulation = loaded.scenario.simulation
    cost.announce(simulation.households, simulation.years, count)
    with progress_bar(count, f"{loaded.name}: replications") as advance:
        done = run_replications(loaded, seed, count, advance)
    document = json_document(done, folder)
    write_results(folder, loaded, done, document, figures)
    print_tables(loaded, done, folder, json_mode, command_path, figures)
    if json_mode:
        sys.stdout.write(json.dumps(document, allow_nan=False) + "\n")
    return document
