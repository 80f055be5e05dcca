"""Results by seed are unchanged by performance work: small runs match the pinned reference."""

from __future__ import annotations

import json

import pytest

from tests.reference_cases import REFERENCE_FILE, cases, yearly_values

REFERENCE = json.loads(REFERENCE_FILE.read_text())


@pytest.mark.parametrize("case", sorted(cases()))
def test_yearly_indicators_match_the_reference_exactly(case):
    scenario, seed = cases()[case]
    current = yearly_values(scenario, seed)
    assert set(current) == set(REFERENCE[case])
    for indicator, values in REFERENCE[case].items():
        assert current[indicator] == values, indicator
