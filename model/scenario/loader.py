"""Read a scenario file: resolve ``extends``, apply ``--set`` overrides, validate, explain errors.

A variant names its parent with ``extends: baseline.yaml`` (relative to the variant's folder)
and is merged on top of it key by key. Sections listed under ``replace:`` (for example
``replace: [origins, destinations, corridors]``) take the variant's value whole instead, which is
how a variant declares other countries. Overrides ``KEY=VALUE`` address any value by its dotted
path; VALUE is read as YAML (numbers, booleans, lists) and may only name countries, corridors
and regions the scenario declares. Files are UTF-8 and never empty. Every problem becomes one
:class:`ScenarioError` naming the file, the key and what is allowed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from model.errors import InputError
from model.scenario.paths import PathError, merge, parts, set_path
from model.scenario.schema import Scenario

DIRECTIVES = ("extends", "replace")


class ScenarioError(InputError):
    """A scenario that cannot be used, with the file, the dotted key and what is allowed."""


def load_scenario(
    path: str | Path, overrides: Sequence[str] = (), schema: type[BaseModel] = Scenario
) -> BaseModel:
    """Load, merge, override and validate a scenario file."""
    data = resolve(Path(path), chain=())
    data.setdefault("name", Path(path).stem)
    data, applied = apply_overrides(data, overrides, schema)
    return validate(data, schema, str(path), applied)


def with_values(scenario: Scenario, values: Mapping[str, Any], source: str) -> Scenario:
    """A validated copy of ``scenario`` with values set by dotted path (``policy.visa_years``).

    Args:
        scenario: The scenario to start from (left unchanged).
        values: New values by dotted path.
        source: What set them, named in an error (a file, a control).
    """
    data: dict[str, Any] = scenario.model_dump()
    for path, value in values.items():
        data = set_path(data, path, value)
    result = validate(data, Scenario, source)
    assert isinstance(result, Scenario)
    return result


def extends_chain(path: str | Path) -> list[str]:
    """The files a scenario is built from, the file itself first, then its parents."""
    chain = [str(path)]
    current = Path(path)
    while True:
        data = _read(current)
        parent = data.get("extends")
        if not parent:
            return chain
        current = current.parent / parent
        chain.append(str(current))
        if len(chain) > 50:
            return chain


def resolve(path: Path, chain: tuple[Path, ...]) -> dict[str, Any]:
    """The file's mapping merged on top of its parents (without ``extends``/``replace``)."""
    data = _read(path)
    parent_name = data.pop("extends", None)
    replaced = data.pop("replace", []) or []
    if not isinstance(replaced, list) or not all(isinstance(k, str) for k in replaced):
        raise ScenarioError(str(path), "replace", "must be a list of section names")
    if parent_name is None:
        return data
    parent_path = (path.parent / str(parent_name)).resolve()
    if parent_path in chain or parent_path == path.resolve():
        raise ScenarioError(
            str(path), "extends", f"'{parent_name}' leads back to this file (a cycle)"
        )
    if not parent_path.is_file():
        raise ScenarioError(str(path), "extends", f"no such file: {parent_path}")
    parent = resolve(parent_path, (*chain, path.resolve()))
    parent.pop("name", None)
    parent.pop("description", None)
    for section in replaced:
        parent.pop(section, None)
    return merge(parent, data)


def read_text(path: Path) -> str:
    """A YAML file's text; anything but UTF-8 (Latin-1, a binary file) is a :class:`ScenarioError`.

    YAML files are UTF-8 (the YAML 1.2 specification, section 5.2); a file saved in another
    encoding is rejected rather than guessed at, naming the line of the first byte that is not.
    """
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start]
        raise ScenarioError(
            str(path),
            None,
            f"line {line}: not UTF-8 text (byte 0x{byte:02x}); YAML files must be saved as UTF-8",
        ) from None


def _read(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise ScenarioError(str(path), None, "no such scenario file")
    try:
        data = yaml.safe_load(read_text(path))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ScenarioError(str(path), None, f"{line}not valid YAML ({problem})") from None
    if data is None:
        # An empty file is a mistake (a file saved before it was written), not the defaults.
        raise ScenarioError(
            str(path),
            None,
            "is empty (or holds only comments); write its keys, e.g. 'extends: baseline.yaml' "
            "and the values that differ",
        )
    if not isinstance(data, dict):
        raise ScenarioError(str(path), None, "the top level must be a mapping of sections")
    return data


def apply_overrides(
    data: dict[str, Any], overrides: Sequence[str], schema: type[BaseModel] = Scenario
) -> tuple[dict[str, Any], dict[str, str]]:
    """Apply ``KEY=VALUE`` overrides (VALUE read as YAML).

    An override sets a value; it never declares a country, corridor or region: a KEY through a
    name the scenario does not declare (``origins.orign.gdp_per_capita``) is an error naming
    the declared ones, where setting it would have added a country with default parameters.

    Returns:
        The data with the overrides set, and each overridden dotted key's override text.
    """
    applied: dict[str, str] = {}
    for text in overrides:
        key, sep, raw = text.partition("=")
        key = key.strip()
        try:
            parts(key)
        except PathError:
            key = ""
        if not sep or not key:
            raise ScenarioError(
                f"--set {text}",
                None,
                "expected KEY=VALUE with a dotted KEY, e.g. policy.remittance_fee=0.03",
            )
        problem = undeclared_name(key, data, schema)
        if problem:
            raise ScenarioError(f"--set {text}", None, problem)
        try:
            value = yaml.safe_load(raw) if raw.strip() else ""
        except yaml.YAMLError:
            value = raw
        data = set_path(data, key, value)
        applied[key] = text
    return data, applied


def undeclared_name(path: str, data: Mapping[str, Any], schema: type[BaseModel]) -> str | None:
    """What is wrong when ``path`` goes through a name ``data`` does not declare, else None.

    The names are those of the schema's mappings of named sections (``origins``,
    ``destinations``, ``corridors``, a destination's ``regions``): declared in ``data``, or by
    the schema's default where ``data`` leaves the mapping out. Other mistakes in the path (an
    unknown key) are left to validation, which names the allowed keys.
    """
    model: Any = schema
    value: Any = data
    keys = parts(path)
    walked: list[str] = []
    index = 0
    while index < len(keys) and isinstance(model, type) and issubclass(model, BaseModel):
        field = model.model_fields.get(keys[index])
        if field is None:
            return None
        walked.append(keys[index])
        inner = value.get(keys[index]) if isinstance(value, Mapping) else None
        value = _dumped(field.get_default(call_default_factory=True)) if inner is None else inner
        model = _unwrap(field.annotation)
        index += 1
        if isinstance(model, tuple) and index < len(keys):
            name, model = keys[index], model[1]
            declared = sorted(value) if isinstance(value, Mapping) else []
            if name not in declared:
                where = ".".join(walked)
                return (
                    f"no '{name}' is declared under {where} (declared: "
                    f"{', '.join(declared) or 'none'}); --set changes values, it does not add "
                    f"to {where}: declare it in the scenario file"
                )
            walked.append(name)
            value = value[name]
            index += 1
    return None


def _dumped(value: Any) -> Any:
    """A schema default as plain data (sections and mappings of sections dumped)."""
    if isinstance(value, BaseModel):
        return value.model_dump()
    if isinstance(value, Mapping):
        return {key: _dumped(item) for key, item in value.items()}
    return value


def validate(
    data: dict[str, Any],
    schema: type[BaseModel],
    file: str,
    overrides: dict[str, str] | None = None,
) -> BaseModel:
    """Validate with the schema; the first problem becomes a one-line :class:`ScenarioError`."""
    try:
        return schema(**data)
    except ValidationError as error:
        problems = error.errors()
        first = problems[0]
        key = ".".join(str(p) for p in first["loc"]) or None
        message = describe(first, schema)
        if key is None and message.startswith(tuple(f"{s}" for s in schema.model_fields)):
            key, _, message = message.partition(": ")
        if len(problems) > 1:
            message += f" (and {len(problems) - 1} more)"
        from_override = [t for k, t in (overrides or {}).items() if key and key.startswith(k)]
        source = f"--set {from_override[0]}" if from_override else file
        raise ScenarioError(source, key, message) from None


def describe(problem: ErrorDetails, schema: type[BaseModel]) -> str:
    """Plain words for one pydantic error: what was wrong and what is allowed."""
    kind, context, given = problem["type"], problem.get("ctx") or {}, problem.get("input")
    bounds = {
        "greater_than_equal": "at least {ge}",
        "greater_than": "more than {gt}",
        "less_than_equal": "at most {le}",
        "less_than": "less than {lt}",
    }
    if kind in bounds:
        return f"must be {bounds[kind].format(**context)} (got {given!r})"
    if kind == "extra_forbidden":
        allowed = allowed_keys(schema, problem["loc"][:-1])
        return f"unknown key; allowed keys here: {', '.join(allowed)}"
    if kind == "missing":
        return "is required but missing"
    if kind == "literal_error":
        return f"must be one of {context.get('expected')} (got {given!r})"
    expected = {
        "float_parsing": "a number",
        "float_type": "a number",
        "int_parsing": "a whole number",
        "int_type": "a whole number",
        "int_from_float": "a whole number",
        "bool_parsing": "true or false",
        "bool_type": "true or false",
        "string_type": "text",
        "dict_type": "a mapping of names to sections",
        "model_type": "a mapping of keys to values",
    }
    if kind in expected:
        return f"expected {expected[kind]} (got {given!r})"
    if kind == "value_error":
        return str(context.get("error", problem["msg"]))
    return f"{problem['msg']} (got {given!r})"


def allowed_keys(schema: type[BaseModel], location: Sequence[Any]) -> list[str]:
    """Field names of the section at ``location``, walking nested models and dicts of models."""
    model: Any = schema
    expect_key = False
    for part in location:
        if expect_key:
            expect_key = False
            continue
        if (
            not (isinstance(model, type) and issubclass(model, BaseModel))
            or part not in model.model_fields
        ):
            return []
        model = _unwrap(model.model_fields[part].annotation)
        if isinstance(model, tuple):
            model, expect_key = model[1], True
    if isinstance(model, type) and issubclass(model, BaseModel):
        return sorted(model.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """The model class behind ``Model``, ``Model | None`` or ``dict[str, Model]`` (as a tuple)."""
    if get_origin(annotation) is dict:
        return ("dict", _unwrap(get_args(annotation)[1]))
    args = [a for a in get_args(annotation) if a is not type(None)]
    if args and get_origin(annotation) is not None:
        return _unwrap(args[0])
    return annotation
