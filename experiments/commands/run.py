"""``run.py run SCENARIO``: replications of one scenario, a table of every indicator, a folder.

The results folder holds ``replications.parquet`` (one row per replication), ``yearly.parquet``
(every replication's yearly series), ``countries.parquet`` (window means per country),
``regions.parquet`` (window means of the integration indicators per region),
``summary.json`` (the ``--json`` document), ``yearly.png`` and ``manifest.json``, written last.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from experiments.commands.options import add_run_options

DESCRIPTION = """Run replications of a scenario and report every indicator (DESIGN section 6):
its mean over the evaluation window (the last simulation.evaluation_years years) and the 95%
interval over replications. Replication i uses SeedSequence(SEED, spawn_key=(i,))."""

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


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "run",
        help="replications of one scenario: every indicator with its 95%% interval",
        description=DESCRIPTION,
    )
    parser.add_argument("scenario", type=Path, metavar="SCENARIO", help="a scenario file (YAML)")
    add_run_options(parser)
    parser.set_defaults(execute=execute)


def json_document(replications: Any, folder: Path) -> dict[str, Any]:
    """The DESIGN §9 document, with per-country means when there are several countries."""
    summary = replications.summary()
    document: dict[str, Any] = {
        "scenario": replications.name,
        "replications": len(replications.results),
        "seed": replications.seed,
        "indicators": {name: value.as_json() for name, value in summary.items()},
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


def region_summary(results: list[Any]) -> dict[str, dict[str, Any]]:
    """Mean and 95% interval of every integration indicator per region, over replications."""
    from experiments import records
    from experiments.statistics import estimate

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


def execute(args: argparse.Namespace) -> int:
    from experiments.scenarios import load

    # Validate first: a mistake is reported before the simulator (and Mesa) is even imported.
    loaded = load(args.scenario, args.set, args.years)

    from experiments import records, results
    from experiments.figures.yearly import yearly_bands
    from experiments.progress import progress_bar
    from experiments.replications import run_replications
    from experiments.tables import console, country_table, indicator_table

    count = args.replications or loaded.scenario.simulation.replications
    folder = args.out or results.default_folder("run", loaded.name)
    with progress_bar(count, f"{loaded.name}: replications") as advance:
        done = run_replications(loaded, args.seed, count, advance)
    document = json_document(done, folder)
    folder.mkdir(parents=True, exist_ok=True)
    results.write_parquet(folder / "replications.parquet", done.table())
    results.write_parquet(folder / "yearly.parquet", records.yearly_table(done.results))
    results.write_parquet(folder / "countries.parquet", records.country_table(done.results))
    results.write_parquet(folder / "regions.parquet", records.region_table(done.results))
    results.write_json(folder / "summary.json", document)
    frames = {done.name: records.yearly_table(done.results)}
    window = loaded.scenario.simulation.evaluation_years
    title = f"{done.name}: mean of {count} replications with 95% band (shaded: evaluation window)"
    results.write_figure(
        folder / "yearly.png", yearly_bands(frames, title=title, evaluation_years=window)
    )
    results.write_json(
        folder / "manifest.json",
        results.manifest(
            "run",
            scenarios={done.name: loaded.describe()},
            seed=args.seed,
            seeds=done.seeds(),
            timings=done.timings(),
            extra={
                "replications": count,
                "outputs": sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")),
            },
        ),
    )
    out = console(args.json)
    years = loaded.scenario.simulation.years
    out.print(
        indicator_table(
            f"{done.name}: {count} replications of {years} years, means over the last {window} "
            f"years with 95% intervals (seed {args.seed})",
            done.summary(),
        )
    )
    countries = done.country_summary()
    if len(countries) > 2:
        out.print(country_table(countries, COUNTRY_INDICATORS))
    out.print(
        "Whether migration under this scenario is a triple win is a comparison: "
        f"python run.py compare scenarios/no_migration.yaml {args.scenario}"
    )
    out.print(f"results: {folder}")
    if args.json:
        sys.stdout.write(json.dumps(document, allow_nan=False) + "\n")
    return 0
