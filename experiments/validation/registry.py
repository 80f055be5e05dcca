"""The declared checks and experiments of ``validate``, read from ``checks.yaml``.

Every check is declared once, in ``experiments/validation/checks.yaml``: its fact, source,
measure, experiment, statistic, band, pass rule and figure. A check that names a calibration
``target`` takes its fact, band and source from ``model/calibration.yaml``, so the targets'
numbers live in one file; every calibration target that no declared check measures becomes a
check of its own. Mistakes in the declarations are reported as :class:`~model.errors.InputError`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from experiments.provenance import ROOT
from model.calibration import Target, load_targets
from model.errors import InputError

CHECKS_FILE = Path(__file__).with_name("checks.yaml")
RULES = ("estimate", "interval")
# calibration: a target the parameters were chosen to meet (in-sample); validation: a pattern
# the model was never tuned to (out-of-sample).
KINDS = ("calibration", "validation")
CALIBRATION_PREFIX = "calibration_"


@dataclass(frozen=True)
class Sweep:
    """Values of one parameter, each a design point of an experiment."""

    parameter: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class Experiment:
    """Replications of one scenario, at one point or along a sweep.

    Attributes:
        id: Name of the experiment in ``checks.yaml``.
        description: What is run, in a sentence.
        scenario: The scenario file.
        replications: Replications per point; replication ``i`` of every point shares its seed.
        probes: Names of the probes (:mod:`experiments.validation.probes`) attached to each run.
        sweep: The parameter varied across points, if any.
        overrides: ``--set`` texts applied to every run (before the sweep's own value).
    """

    id: str
    description: str
    scenario: Path
    replications: int
    probes: tuple[str, ...] = ()
    sweep: Sweep | None = None
    overrides: tuple[str, ...] = ()

    def points(self) -> list[tuple[float | None, list[str]]]:
        """Each design point: the swept value (None without a sweep) and its overrides."""
        if self.sweep is None:
            return [(None, list(self.overrides))]
        return [
            (value, [*self.overrides, f"{self.sweep.parameter}={value}"])
            for value in self.sweep.values
        ]


@dataclass(frozen=True)
class Check:
    """A published fact, how the model measures it, and the band the statistic must lie in.

    Attributes:
        band: ``(low, high)``, inclusive; None is an open end.
        rule: ``estimate`` (the mean must lie in the band) or ``interval`` (its 95% interval must).
        cite: Short citation for figure captions.
        kind: ``calibration`` (in-sample: a target the parameters were chosen to meet) or
            ``validation`` (out-of-sample: a pattern the model was never tuned to).
        target: The calibration statistic whose fact, band and source the check uses, if any.
    """

    id: str
    title: str
    fact: str
    source: str
    measure: str
    experiment: str
    statistic: str
    options: dict[str, Any]
    band: tuple[float | None, float | None]
    rule: str
    figure: str
    cite: str
    kind: str
    target: str | None = None


@dataclass(frozen=True)
class Declarations:
    """Everything ``validate`` runs: experiments by id and checks in order."""

    experiments: dict[str, Experiment]
    checks: list[Check]
    quick: dict[str, Any] = field(default_factory=dict)


def _require(entry: dict[str, Any], key: str, where: str) -> Any:
    if key not in entry or entry[key] is None:
        raise InputError(str(CHECKS_FILE), f"{where}.{key}" if where else key, "missing")
    return entry[key]


def _band(value: Any, where: str) -> tuple[float | None, float | None]:
    if not isinstance(value, list | tuple) or len(value) != 2:
        raise InputError(str(CHECKS_FILE), where, f"must be [low, high], got {value!r}")
    low, high = (None if v is None else float(v) for v in value)
    if low is not None and high is not None and low > high:
        raise InputError(str(CHECKS_FILE), where, f"low {low} is above high {high}")
    return low, high


def parse_experiment(name: str, entry: dict[str, Any]) -> Experiment:
    """One entry of ``experiments:``."""
    where = f"experiments.{name}"
    sweep = None
    if entry.get("sweep") is not None:
        raw = entry["sweep"]
        values = tuple(float(v) for v in _require(raw, "values", f"{where}.sweep"))
        if len(values) < 2:
            raise InputError(str(CHECKS_FILE), f"{where}.sweep.values", "needs two or more")
        sweep = Sweep(str(_require(raw, "parameter", f"{where}.sweep")), values)
    replications = int(_require(entry, "replications", where))
    if replications < 2:
        raise InputError(str(CHECKS_FILE), f"{where}.replications", "must be at least 2")
    return Experiment(
        id=name,
        description=str(entry.get("description", "")),
        scenario=ROOT / str(_require(entry, "scenario", where)),
        replications=replications,
        probes=tuple(entry.get("probes") or ()),
        sweep=sweep,
    )


def parse_check(entry: dict[str, Any], targets: dict[str, Target]) -> Check:
    """One entry of ``checks:``, completed from its calibration target if it names one."""
    name = str(_require(entry, "id", "checks[]"))
    where = f"checks.{name}"
    target = entry.get("target")
    if target is not None and target not in targets:
        raise InputError(str(CHECKS_FILE), f"{where}.target", f"no calibration target {target!r}")
    known = targets.get(target) if target else None
    fact = entry.get("fact") or (known.fact if known else None)
    source = entry.get("source") or (known.source if known else None)
    band = entry.get("band") or (list(known.band) if known else None)
    for key, value in (("fact", fact), ("source", source), ("band", band)):
        if value is None:
            raise InputError(str(CHECKS_FILE), f"{where}.{key}", "missing (and no target)")
    rule = str(entry.get("rule", "estimate"))
    if rule not in RULES:
        raise InputError(str(CHECKS_FILE), f"{where}.rule", f"must be one of {RULES}")
    if known is not None and not known.calibrated:
        raise InputError(
            str(CHECKS_FILE),
            f"{where}.target",
            f"{target!r} restates {known.restates}: an identity belongs in the tests",
        )
    kind = str(entry.get("kind") or ("calibration" if known else ""))
    if kind not in KINDS:
        raise InputError(str(CHECKS_FILE), f"{where}.kind", f"must be one of {KINDS}")
    if kind == "calibration" and known is None:
        raise InputError(str(CHECKS_FILE), f"{where}.kind", "a calibration check names its target")
    return Check(
        id=name,
        title=str(entry.get("title", name)),
        fact=" ".join(str(fact).split()),
        source=" ".join(str(source).split()),
        measure=" ".join(str(entry.get("measure", "")).split()),
        experiment=str(_require(entry, "experiment", where)),
        statistic=str(_require(entry, "statistic", where)),
        options=dict(entry.get("options") or {}),
        band=_band(band, f"{where}.band"),
        rule=rule,
        figure=str(_require(entry, "figure", where)),
        cite=str(entry.get("cite") or source),
        kind=kind,
        target=target,
    )


def slug(text: str) -> str:
    """Lower-case words joined by underscores."""
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def calibration_checks(
    declared: list[Check], targets: list[Target], defaults: dict[str, Any]
) -> list[Check]:
    """A check for every calibration target that no declared check measures directly.

    Targets that restate a parameter or an identity are left out: tests check those.
    """
    measured = {
        check.target
        for check in declared
        if check.target and check.options.get("column") == check.target
    }
    return [
        Check(
            id=CALIBRATION_PREFIX + slug(target.statistic),
            title=f"Calibration: {target.name}",
            fact=target.fact,
            source=target.source,
            measure=f"The run statistic `{target.statistic}` (evaluation-window mean, or cohort "
            "statistic read in the evaluation window), averaged over replications, as in "
            "model/calibration.py.",
            experiment=str(defaults["experiment"]),
            statistic=str(defaults["statistic"]),
            options={"column": target.statistic},
            band=(float(target.band[0]), float(target.band[1])),
            rule=str(defaults.get("rule", "estimate")),
            figure=str(defaults["figure"]),
            cite=target.source,
            kind="calibration",
            target=target.statistic,
        )
        for target in targets
        if target.statistic not in measured and target.calibrated
    ]


def load_declarations(path: Path = CHECKS_FILE) -> Declarations:
    """Read the experiments and checks, with the calibration targets added as checks."""
    document = yaml.safe_load(path.read_text())
    targets = load_targets()
    by_statistic = {target.statistic: target for target in targets}
    experiments = {
        name: parse_experiment(name, entry or {})
        for name, entry in (document.get("experiments") or {}).items()
    }
    declared = [parse_check(entry, by_statistic) for entry in document.get("checks") or []]
    defaults = _require(document, "calibration", "")
    checks = declared + calibration_checks(declared, targets, defaults)
    seen: set[str] = set()
    for check in checks:
        if check.id in seen:
            raise InputError(str(path), f"checks.{check.id}", "declared twice")
        if check.experiment not in experiments:
            raise InputError(
                str(path), f"checks.{check.id}.experiment", f"no experiment {check.experiment!r}"
            )
        seen.add(check.id)
    return Declarations(experiments, checks, dict(document.get("quick") or {}))


def select(declarations: Declarations, only: list[str]) -> Declarations:
    """Only the checks named (and the experiments they need); all of them when ``only`` is empty."""
    if not only:
        return declarations
    known = [check.id for check in declarations.checks]
    unknown = [name for name in only if name not in known]
    if unknown:
        raise InputError("--only", None, f"unknown check {unknown[0]!r}; known: {', '.join(known)}")
    checks = [check for check in declarations.checks if check.id in only]
    needed = {check.experiment for check in checks}
    experiments = {k: v for k, v in declarations.experiments.items() if k in needed}
    return Declarations(experiments, checks, declarations.quick)


def thin(values: tuple[float, ...], count: int) -> tuple[float, ...]:
    """``count`` values spread over ``values``, first and last always kept (at least two)."""
    count = max(count, 2)
    if count >= len(values):
        return values
    positions = sorted({round(i * (len(values) - 1) / (count - 1)) for i in range(count)})
    return tuple(values[i] for i in positions)


def adjust(
    declarations: Declarations,
    overrides: list[str],
    *,
    quick: bool = False,
    replications: int | None = None,
) -> Declarations:
    """Apply ``--set`` overrides, ``--replications`` and the ``--quick`` profile to every experiment."""
    profile = declarations.quick if quick else {}
    extra = [*profile.get("overrides", []), *overrides]
    experiments = {}
    for name, experiment in declarations.experiments.items():
        sweep = experiment.sweep
        if sweep is not None and "sweep_points" in profile:
            sweep = Sweep(sweep.parameter, thin(sweep.values, int(profile["sweep_points"])))
        count = replications or profile.get("replications") or experiment.replications
        experiments[name] = replace(
            experiment, sweep=sweep, replications=int(count), overrides=tuple(extra)
        )
    return Declarations(experiments, declarations.checks, declarations.quick)
