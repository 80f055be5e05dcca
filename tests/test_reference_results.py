"""Results by seed are unchanged by performance work: small runs match the pinned reference.

On the machine that pinned them the runs agree bit for bit. Across machines numpy may evaluate
``exp``, ``log`` and powers with other SIMD code (AVX-512 or not), which changes the last bit of
some numbers; so counts must match exactly and every other number to nine significant digits,
far below any effect of a change in behaviour (one person more or less moves counts by whole
units and money by much more).
"""

from __future__ import annotations

import json
import math

import pytest

from tests.reference_cases import REFERENCE_FILE, cases, yearly_values

REFERENCE = json.loads(REFERENCE_FILE.read_text())
RELATIVE = 1e-9


def same(pinned: float | None, current: float | None) -> bool:
    """Exactly equal counts and missing values; other numbers to ``RELATIVE``."""
    if pinned is None or current is None:
        return pinned is current
    if float(pinned).is_integer() and abs(pinned) < 2**53:
        return current == pinned
    return math.isclose(current, pinned, rel_tol=RELATIVE, abs_tol=1e-12)


@pytest.mark.parametrize("case", sorted(cases()))
def test_yearly_indicators_match_the_reference(case):
    scenario, seed = cases()[case]
    current = yearly_values(scenario, seed)
    missing = set(REFERENCE[case]) - set(current)
    assert not missing, f"indicators no longer reported: {sorted(missing)}"
    for indicator, values in REFERENCE[case].items():
        changed = [
            (year, pinned, now)
            for year, (pinned, now) in enumerate(zip(values, current[indicator], strict=True), 1)
            if not same(pinned, now)
        ]
        assert not changed, f"{indicator} differs (year, pinned, now): {changed[:3]}"
