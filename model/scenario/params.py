"""The one way a scenario parameter is declared: value, meaning, unit, source and allowed range.

Every behavioural rule reads its numbers from a scenario file, none is a bare literal in code
(docs/ODD.md, section 6 "Input data"), so every field is declared with :func:`param`, which
records the unit and the source next to the meaning; a policy lever also records where it acts
(its scope), a short label and a teaching range (:mod:`model.scenario.policy`).
``docs/parameters.md`` is generated from these records.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Section(BaseModel):
    """Base of every scenario section: unknown keys are errors, values are validated on assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, frozen=False)


def param(
    default: Any,
    meaning: str,
    *,
    unit: str = "",
    source: str = "modelling assumption",
    ge: float | None = None,
    le: float | None = None,
    gt: float | None = None,
    lt: float | None = None,
    gcm: int | None = None,
    scope: str | None = None,
    label: str | None = None,
    teaching: tuple[float, float, float] | None = None,
) -> Any:
    """Declare a documented scenario parameter.

    Args:
        default: The value used when a scenario file does not set it.
        meaning: What the parameter is, in one plain sentence.
        unit: Its unit ("share", "years", "PPP $ per year", ...).
        source: Where the value comes from (a study, a statistic, or "calibrated").
        ge: Smallest allowed value (inclusive).
        le: Largest allowed value (inclusive).
        gt: Smallest allowed value (exclusive).
        lt: Largest allowed value (exclusive).
        gcm: Objective of the Global Compact for Migration a policy lever serves.
        scope: Where a policy lever acts: ``corridor``, ``destination`` or ``origin``.
        label: A policy lever's short name with its unit, for narrow places (the app's controls).
        teaching: A policy lever's classroom range: lowest, highest value and step of a slider
            (narrower than the allowed range, so that a slider moves in useful steps).

    Returns:
        A pydantic ``Field`` carrying the documentation in ``json_schema_extra``.
    """
    extra: dict[str, Any] = {"unit": unit, "source": source}
    if gcm is not None:
        extra["gcm_objective"] = gcm
    if scope is not None:
        extra["scope"] = scope
    if label is not None:
        extra["label"] = label
    if teaching is not None:
        extra["teaching"] = list(teaching)
    return Field(
        default,
        description=meaning,
        ge=ge,
        le=le,
        gt=gt,
        lt=lt,
        json_schema_extra=extra,
    )
