"""A comparison from scenario files to a finished results folder and its terminal tables."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from experiments.scenarios import LoadedScenario, unpaired_settings
from model.errors import InputError
from model.scenario.paths import get_path


def check_same_world(baseline: LoadedScenario, loaded: LoadedScenario) -> None:
    """The same countries, corridors and households: a verdict follows the same people under two
    policies (docs/ODD.md §7.19), so a scenario of another world has no verdict against this
    baseline."""
    for section in ("origins", "destinations", "corridors"):
        mine = list(getattr(loaded.scenario, section))
        theirs = list(getattr(baseline.scenario, section))
        if mine != theirs:
            raise InputError(
                str(loaded.path),
                section,
                f"are {', '.join(mine)} but the baseline's are {', '.join(theirs)}; a verdict "
                "compares the same people under two policies: compare a policy of this world "
                f"against {loaded.path.name} itself (a scenario that extends it)",
            )
    from model.initialise import split_households

    if (split_households(loaded.scenario) == split_households(baseline.scenario)).all():
        return
    changed = [
        name
        for name, origin in loaded.scenario.origins.items()
        if origin.household_share != baseline.scenario.origins[name].household_share
    ]
    name = changed[0]
    raise InputError(
        str(loaded.path),
        f"origins.{name}.household_share",
        f"is {loaded.scenario.origins[name].household_share} but the baseline's is "
        f"{baseline.scenario.origins[name].household_share}: other households; a verdict "
        "compares the same households under two policies",
    )


def check_comparable(baseline: LoadedScenario, scenarios: list[LoadedScenario]) -> None:
    """Paired runs need the same simulation settings, and each scenario a name of its own.

    The settings are :data:`~experiments.scenarios.PAIRED_SETTINGS` (households, years,
    evaluation window): no verdict is given across them. A scenario may be the baseline itself
    (same name and parameters): comparing a scenario with itself is how common random numbers
    are checked.
    """
    base = baseline.scenario.model_dump()
    seen = {baseline.name: baseline}
    for loaded in scenarios:
        data = loaded.scenario.model_dump()
        for key in unpaired_settings(base, data):
            raise InputError(
                str(loaded.path),
                key,
                f"is {get_path(data, key)} but the baseline's is {get_path(base, key)}; a "
                "verdict compares runs of the same simulation settings: make them equal, or "
                "set them for all scenarios with --years or --set",
            )
        check_same_world(baseline, loaded)
        twin = seen.get(loaded.name)
        if twin is not None and (twin is not baseline or loaded.scenario != baseline.scenario):
            raise InputError(
                str(loaded.path),
                "name",
                f"'{loaded.name}' is already the name of {twin.path}; "
                "each scenario compared needs a name of its own",
            )
        seen[loaded.name] = loaded


def folder_name(baseline: str, scenarios: list[str]) -> str:
    """``BASELINE-vs-SCENARIO`` or ``BASELINE-vs-N-scenarios``."""
    if len(scenarios) == 1:
        return f"{baseline}-vs-{scenarios[0]}"
    return f"{baseline}-vs-{len(scenarios)}-scenarios"


def run_comparison(
    baseline: LoadedScenario,
    scenarios: list[LoadedScenario],
    *,
    replications: int | None,
    seed: int,
    out: Path | None,
    json_mode: bool,
    posterior: Path | None = None,
    margin: float | None = None,
) -> dict[str, Any]:
    """Run the paired replications, write the folder, print the tables; returns the document.

    With ``json_mode``, the tables go to stderr and the document alone to stdout. With a
    ``posterior`` (a calibration's ``posterior.parquet``), replication ``i`` of the baseline and
    of every scenario runs with one parameter set drawn from it, the same for all (pairs stay
    paired), and each scenario gets the probability of a triple win
    (:mod:`experiments.calibration.uncertainty`). ``margin`` is the margin of a negligible
    change (PPP $ per person per year; default: the baseline's ``welfare.margin``).
    """
    from experiments import cost, results
    from experiments.comparison import outputs, pairs, tables
    from experiments.progress import progress_bar
    from experiments.replications import run_replications

    check_comparable(baseline, scenarios)
    count = replications or baseline.scenario.simulation.replications
    if out is not None:
        results.check_new_folder(out)
    folder = out or results.default_folder(
        "compare", folder_name(baseline.name, [s.name for s in scenarios])
    )
    uncertain = None
    if posterior is not None:
        from experiments.calibration import uncertainty

        uncertain = uncertainty.load_for(posterior, [baseline, *scenarios])
    total = count * (1 + len(scenarios))
    simulation = baseline.scenario.simulation
    cost.announce(simulation.households, simulation.years, total)
    with progress_bar(total, f"compare {1 + len(scenarios)} scenarios: runs") as advance:
        if uncertain is None:
            base_runs = run_replications(baseline, seed, count, advance)
            scenario_runs = [run_replications(s, seed, count, advance) for s in scenarios]
        else:
            draws = uncertainty.replication_draws(uncertain, seed, count)
            base_runs = uncertainty.run_with_draws(baseline, seed, draws, advance)
            scenario_runs = [uncertainty.run_with_draws(s, seed, draws, advance) for s in scenarios]
    comparisons = [pairs.compare(base_runs, done, margin) for done in scenario_runs]
    document = pairs.json_document(baseline.name, comparisons, seed, str(folder))
    if uncertain is not None:
        uncertainty.add_probabilities(document, comparisons, uncertain, draws)
    outputs.write_results(folder, document, base_runs, scenario_runs, comparisons)
    tables.print_tables(json_mode, document, comparisons, baseline.name, seed)
    if uncertain is not None:
        uncertainty.print_probabilities(json_mode, document)
    if json_mode:
        sys.stdout.write(json.dumps(document, allow_nan=False) + "\n")
    return document
