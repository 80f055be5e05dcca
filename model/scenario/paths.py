"""Dotted paths into a scenario: the one place that reads, sets, merges and checks them.

``policy.remittance_fee``, ``origins.origin.gdp_per_capita`` or
``corridors.main.policy.remittance_fee`` name one value of a scenario held as nested mappings
(the YAML as read, or ``Scenario.model_dump()``). The command line's ``--set KEY=VALUE``, the
sweep and sensitivity designs, the classroom app's controls and the test fixtures all go
through these functions.

:func:`path_kind` walks the schema along a path: where a section is a mapping of named
countries or corridors, the name must be declared in the scenario at hand. The kind of the value
at the end decides how a design may vary it: ``float``, ``int``, ``bool`` (grids and scenario
lists only) or ``other`` (text and choices: grids only); ``section`` when the path stops at a
section.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Annotated, Any, Literal, get_args, get_origin

from pydantic import BaseModel

from model.scenario.schema import Scenario

Kind = Literal["float", "int", "bool", "other", "section"]


class PathError(LookupError):
    """A dotted path that names nothing in the scenario; the message says what is allowed."""


def parts(path: str) -> list[str]:
    """The keys of a dotted path; an empty path or an empty key is a :class:`PathError`."""
    keys = path.split(".")
    if not path or any(not key for key in keys):
        raise PathError(f"'{path}' is not a dotted path (keys joined by dots, none empty)")
    return keys


def get_path(data: Mapping[str, Any], path: str) -> Any:
    """The value at a dotted path (None where the path stops early)."""
    current: Any = data
    for key in parts(path):
        if not isinstance(current, Mapping):
            return None
        current = current.get(key)
    return current


def set_path(data: Mapping[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A copy of ``data`` with the dotted ``path`` set to ``value``.

    Only the mappings along the path are copied, so the original is never changed and setting
    many points from one base stays cheap. A key along the path that is missing, or holds
    something other than a mapping, becomes a new mapping.
    """
    head, *rest = parts(path)
    copied = dict(data)
    if not rest:
        copied[head] = value
        return copied
    inner = copied.get(head)
    copied[head] = set_path(inner if isinstance(inner, Mapping) else {}, ".".join(rest), value)
    return copied


def merge(base: Mapping[str, Any], update: Mapping[str, Any]) -> dict[str, Any]:
    """Deep-merge ``update`` into a copy of ``base``: mappings key by key, anything else replaced."""
    merged = copy.deepcopy(dict(base))
    for key, value in update.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested mappings as ``{dotted.path: value}``; unset values (None) are left out."""
    flat: dict[str, Any] = {}
    for key, value in data.items():
        path = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(flatten(value, path + "."))
        elif value is not None:
            flat[path] = value
    return flat


def path_kind(path: str, data: Mapping[str, Any], schema: type[BaseModel] = Scenario) -> Kind:
    """The kind of value a dotted path names in scenarios like ``data``.

    Args:
        path: A dotted path such as ``policy.remittance_fee``.
        data: The scenario as nested mappings (it declares the countries and corridors).
        schema: The scenario schema.

    Raises:
        PathError: When the path names nothing; the message names what is allowed there.
    """
    annotation: Any = schema
    value: Any = data
    walked: list[str] = []
    for key in parts(path):
        annotation, value = _step(annotation, value, key, ".".join(walked))
        walked.append(key)
    if _is_section(annotation) or get_origin(annotation) in (dict, list):
        return "section"
    if annotation is bool:
        return "bool"
    if annotation is int:
        return "int"
    if annotation is float:
        return "float"
    return "other"


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


def _step(annotation: Any, data: Any, key: str, where: str) -> tuple[Any, Any]:
    """One step of a path: the annotation and the value under ``key``."""
    if get_origin(annotation) is dict:
        declared = sorted(data) if isinstance(data, Mapping) else []
        if key not in declared:
            names = ", ".join(declared) or "none"
            raise PathError(f"no '{key}' is declared under {where}; declared: {names}")
        return _inner(get_args(annotation)[1]), data[key]
    if _is_section(annotation):
        fields = annotation.model_fields
        if key not in fields:
            allowed = ", ".join(sorted(fields))
            raise PathError(f"'{key}' is not a key of {where or 'a scenario'}; allowed: {allowed}")
        value = data.get(key) if isinstance(data, Mapping) else None
        return _inner(fields[key].annotation), value
    raise PathError(f"{where} is a single value; it has no '{key}'")
