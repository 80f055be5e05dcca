"""What ``run.py run`` leaves behind: the results folder, its figure, manifest and tables.

The files are those of :mod:`experiments.run.files`; the manifest is written last, so a folder
with one is complete.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from experiments import cost, records, results
from experiments.figures.yearly import yearly_bands
from experiments.progress import progress_bar
from experiments.replications import Replications, run_replications
from experiments.result_files import MANIFEST
from experiments.run import accounts, files
from experiments.scenarios import LoadedScenario
from experiments.statistics import Estimate, estimate
from experiments.tables import console, country_table, indicator_table

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
    folder: Path, loaded: LoadedScenario, done: Replications, document: dict[str, Any]
) -> None:
    """Tables, the figure and the summary, then the manifest last."""
    folder.mkdir(parents=True, exist_ok=True)
    results.write_parquet(files.REPLICATIONS.path(folder), done.table())
    results.write_parquet(files.YEARLY.path(folder), records.yearly_table(done.results))
    results.write_parquet(files.COUNTRIES.path(folder), records.country_table(done.results))
    results.write_parquet(files.REGIONS.path(folder), records.region_table(done.results))
    flows = accounts.flows_table(done.results)
    results.write_parquet(files.ACCOUNTS.path(folder), flows)
    results.write_parquet(files.ACCOUNT_STOCKS.path(folder), accounts.stocks_table(done.results))
    results.write_json(files.SUMMARY.path(folder), document)
    frames = {done.name: records.yearly_table(done.results)}
    window = loaded.scenario.simulation.evaluation_years
    count = len(done.results)
    title = f"{done.name}: mean of {count} replications with 95% band (shaded: evaluation window)"
    results.write_figure(
        files.YEARLY_FIGURE.path(folder),
        yearly_bands(frames, title=title, evaluation_years=window),
    )
    first = loaded.scenario.simulation.years - window + 1
    results.write_figure(
        files.ACCOUNTS_FIGURE.path(folder),
        accounts.sankey_figure(
            accounts.window_flows(flows, first),
            f"{done.name}: money flows between sectors, yearly mean of years {first}-"
            f"{loaded.scenario.simulation.years} over {count} replications (PPP $)",
        ),
    )
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


def print_tables(
    loaded: LoadedScenario, done: Replications, folder: Path, json_mode: bool, command_path: Path
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


def run_scenario(
    loaded: LoadedScenario,
    *,
    replications: int | None,
    seed: int,
    out: Path | None,
    json_mode: bool,
    command_path: Path,
) -> dict[str, Any]:
    """Run the replications, write the folder, print the tables; returns the document.

    With ``json_mode``, the tables go to stderr and the document alone to stdout.
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
    write_results(folder, loaded, done, document)
    print_tables(loaded, done, folder, json_mode, command_path)
    if json_mode:
        sys.stdout.write(json.dumps(document, allow_nan=False) + "\n")
    return document
