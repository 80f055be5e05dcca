"""Dotted parameter paths of a scenario, checked against the scenario schema before any run.

``policy.remittance_fee``, ``origins.origin.gdp_per_capita`` or
``corridors.main.policy.remittance_fee`` name one value of a scenario. A path walks the schema's
sections; where a section is a mapping of named countries or corridors, the name must be
declared in the base scenario. The value at the end has a kind that decides how a design may
vary it: ``float``, ``int`` (see :data:`experiments.designs.INTEGER_RULE`), ``bool`` (grids and
scenario lists only) or ``other`` (text and choices: grids only).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, get_args, get_origin

from pydantic import BaseModel

from model.scenario.schema import Scenario

Kind = Literal["float", "int", "bool", "other", "section"]


class PathError(LookupError):
    """A dotted path that names nothing in the scenario; the message says what is there."""


def _inner(annotation: Any) -> Any:
    """The type behind ``X | None`` and ``Annotated[X, ...]``; ``dict[str, X]`` stays as it is."""
    if get_origin(annotation) is Annotated:
        return _inner(get_args(annotation)[0])
    if get_origin(annotation) is dict:
        return annotation
    arguments = [a for a in get_args(annotation) if a is not type(None)]
    if arguments and get_origin(annotation) is not Literal and len(arguments) == 1:
        return _inner(arguments[0])
    return annotation


def _is_section(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _step(annotation: Any, data: Any, part: str, where: str) -> tuple[Any, Any]:
    """One step of a path: the annotation and the base value under ``part``."""
    if get_origin(annotation) is dict:
        declared = sorted(data) if isinstance(data, dict) else []
        if part not in declared:
            names = ", ".join(declared) or "none"
            raise PathError(f"no '{part}' is declared under {where}; declared: {names}")
        return _inner(get_args(annotation)[1]), data[part]
    if _is_section(annotation):
        fields = annotation.model_fields
        if part not in fields:
            allowed = ", ".join(sorted(fields))
            raise PathError(f"'{part}' is not a key of {where or 'a scenario'}; allowed: {allowed}")
        value = data.get(part) if isinstance(data, dict) else None
        return _inner(fields[part].annotation), value
    raise PathError(f"{where} is a single value; it has no '{part}'")


def path_kind(path: str, base: dict[str, Any], schema: type[BaseModel] = Scenario) -> Kind:
    """The kind of value a dotted path names in scenarios built from ``base``.

    Args:
        path: A dotted path such as ``policy.remittance_fee``.
        base: The base scenario as a mapping (declares the countries and corridors).
        schema: The scenario schema.

    Raises:
        PathError: When the path names nothing.
    """
    annotation: Any = schema
    data: Any = base
    walked: list[str] = []
    for part in path.split("."):
        if not part:
            raise PathError("a dotted path has no empty parts")
        annotation, data = _step(annotation, data, part, ".".join(walked))
        walked.append(part)
    if _is_section(annotation) or get_origin(annotation) in (dict, list):
        return "section"
    if annotation is bool:
        return "bool"
    if annotation is int:
        return "int"
    if annotation is float:
        return "float"
    return "other"
