"""What a scenario changes against its baseline, and its header comment, in plain lines.

A reader of a comparison wants to know what each scenario *is*: its header comment (what it
represents, the GCM objective it serves, the source of its numbers) and the parameters in which
it differs from the baseline.
"""

from __future__ import annotations

from typing import Any

from experiments.formats import number
from model.scenario.paths import flatten, parts

SKIPPED = ("name", "description")
# Lines that open a new paragraph of a header comment.
PARAGRAPH_STARTS = ("GCM", "Source", "Sources")
MOST_LINES = 24


def shown(value: Any) -> str:
    """A parameter value as a reader would write it."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return number(float(value)) if isinstance(value, float) else f"{value:,}"
    return str(value)


def differences(baseline: dict[str, Any], scenario: dict[str, Any]) -> list[str]:
    """Plain lines saying how a scenario's parameters differ from the baseline's.

    Countries or corridors the baseline does not have are summarised as one line each, compared
    with the baseline's own country of the same kind when it has exactly one.
    """
    base = {k: v for k, v in flatten(baseline).items() if parts(k)[0] not in SKIPPED}
    other = {k: v for k, v in flatten(scenario).items() if parts(k)[0] not in SKIPPED}
    lines = [
        f"{key}: {shown(base[key])} → {shown(other[key])}"
        for key in other
        if key in base and base[key] != other[key]
    ]
    lines += _one_sided(base, other, baseline, "declared here")
    lines += _one_sided(other, base, None, "in the baseline, not here")
    if len(lines) > MOST_LINES:
        lines = [*lines[:MOST_LINES], f"... and {len(lines) - MOST_LINES} more"]
    return lines


def _one_sided(
    present: dict[str, Any], absent: dict[str, Any], reference: dict[str, Any] | None, note: str
) -> list[str]:
    """Keys in ``absent`` but not ``present``, grouped by the country or corridor they belong to."""
    missing = [key for key in absent if key not in present]
    groups: dict[str, list[str]] = {}
    for key in missing:
        path = parts(key)
        group = ".".join(path[:2]) if len(path) > 2 else key
        known = any(k.startswith(group + ".") for k in present)
        groups.setdefault(group if not known else key, []).append(key)
    lines = []
    for group, keys in groups.items():
        if len(keys) == 1 and keys[0] == group:
            lines.append(f"{group}: {shown(absent[group])} ({note})")
            continue
        lines.append(f"{group} ({note}){_against_sibling(group, absent, reference)}")
    return lines


def _against_sibling(group: str, values: dict[str, Any], reference: dict[str, Any] | None) -> str:
    """How a new country differs from the baseline's only country of the same kind."""
    section = parts(group)[0]
    siblings = reference.get(section) if reference is not None else None
    if not isinstance(siblings, dict) or len(siblings) != 1:
        return ""
    sibling_name, sibling = next(iter(siblings.items()))
    mine = {k[len(group) + 1 :]: v for k, v in values.items() if k.startswith(group + ".")}
    theirs = flatten(sibling)
    changed = [
        f"{key} {shown(value)} (vs {shown(theirs[key])})"
        for key, value in mine.items()
        if key in theirs and theirs[key] != value
    ]
    changed += [f"{key} {shown(value)}" for key, value in mine.items() if key not in theirs]
    if not changed:
        return f": as the baseline's '{sibling_name}'"
    return f": differs from the baseline's '{sibling_name}' in " + "; ".join(changed)


def header_paragraphs(header: str) -> list[str]:
    """A header comment's lines joined into paragraphs (GCM objective and sources apart)."""
    paragraphs: list[list[str]] = []
    for line in header.splitlines():
        text = line.strip()
        if not text:
            paragraphs.append([])
            continue
        if not paragraphs or text.startswith(PARAGRAPH_STARTS):
            paragraphs.append([])
        paragraphs[-1].append(text)
    return [" ".join(words) for words in paragraphs if words]
