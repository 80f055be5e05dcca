"""Numbers as readers see them: every indicator written in its unit's format.

The unit of each indicator and how a unit is written are declared once, in
:mod:`model.catalogue`; the terminal tables, the reports and the classroom app all write numbers
through these functions, so that a share reads "12.3%" and its change "+1.05 pp" everywhere.
Numbers without a unit (a scenario's parameter values, say) go through :func:`number`.
"""

from __future__ import annotations

import math

from model.catalogue import Unit, unit_of

MISSING = "-"
# Significant digits of a change: enough to tell a small decided change from zero.
CHANGE_DIGITS = 3


def undefined(value: float | None) -> bool:
    """Whether a value is missing or not a finite number."""
    return value is None or not math.isfinite(value)


def number(value: float | None) -> str:
    """A number without a unit, to about four significant digits; '-' when undefined.

    Never in scientific notation (``1.23e+04`` reads as a typo to most readers): large numbers
    get thousands separators, small ones their leading zeros.
    """
    if value is None or undefined(value):
        return MISSING
    magnitude = abs(value)
    if magnitude >= 1e5:
        return f"{value:,.0f}"
    if magnitude >= 100:
        return f"{value:,.1f}"
    written = f"{value:.4g}"
    if "e" in written:  # below 0.0001: fixed notation, its trailing zeros dropped
        written = significant(value, 4).rstrip("0").rstrip(".")
    return written


def significant(value: float, digits: int = CHANGE_DIGITS, signed: bool = False) -> str:
    """A number to ``digits`` significant digits, in fixed notation with thousands separators."""
    sign = "+" if signed else ""
    if value == 0:
        return "0"
    decimals = max(0, digits - 1 - math.floor(math.log10(abs(value))))
    return f"{value:{sign},.{decimals}f}"


def write_level(value: float | None, unit: Unit) -> str:
    """A value in a unit (a level, not a change)."""
    if value is None or undefined(value):
        return MISSING
    return f"{value * unit.scale:,.{unit.decimals}f}{unit.suffix}"


def write_change(value: float | None, unit: Unit) -> str:
    """A change in a unit, signed."""
    if value is None or undefined(value):
        return MISSING
    return significant(value * unit.change_scale, signed=True) + unit.change_suffix


def level(value: float | None, indicator: str) -> str:
    """An indicator's value, in its unit's format."""
    unit = unit_of(indicator)
    return number(value) if unit is None else write_level(value, unit)


def change(value: float | None, indicator: str) -> str:
    """A change in an indicator, signed, in its unit's format."""
    unit = unit_of(indicator)
    if unit is None:
        return MISSING if value is None or undefined(value) else significant(value, signed=True)
    return write_change(value, unit)


def interval(low: float | None, high: float | None, indicator: str, of_change: bool) -> str:
    """``[low, high]`` of an indicator's value or of its change; '-' when undefined."""
    if low is None or high is None or undefined(low) or undefined(high):
        return MISSING
    write = change if of_change else level
    return f"[{write(low, indicator)}, {write(high, indicator)}]"
