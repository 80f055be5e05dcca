"""Results by seed are unchanged by performance work: small runs match the pinned reference.

Runs compute on one numeric code path whatever the CPU (``model/numerics.py`` switches numpy's
AVX-512 routines off; selections are sorted), so they agree bit for bit across x86 machines.
Counts must match exactly and every other number to nine significant digits, a margin for a libm
that rounds a last bit otherwise, far below any effect of a change in behaviour (one person more
or less moves counts by whole units and money by much more).
"""

from __future__ import annotations

import json
import math

import pytest

from model.numerics import AVX512_TARGETS, simd_in_use
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


def test_numpy_runs_without_its_avx512_routines():
    assert not set(simd_in_use()) & set(AVX512_TARGETS)


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


@pytest.mark.parametrize("case", sorted(cases()))
def test_a_run_without_yearly_series_reports_the_same_window(case):
    from model.simulation import simulate

    scenario, seed = cases()[case]
    full, window = simulate(scenario, seed), simulate(scenario, seed, yearly=False)
    assert window.indicators == pytest.approx(full.indicators, nan_ok=True, rel=0, abs=0)
    assert window.cohorts == full.cohorts
    for country, values in full.by_country.items():
        assert window.by_country[country] == pytest.approx(values, nan_ok=True, rel=0, abs=0)
    for region, values in full.by_region.items():
        assert window.by_region[region] == pytest.approx(values, nan_ok=True, rel=0, abs=0)
    years = scenario.simulation.years - scenario.simulation.evaluation_years
    assert window.yearly.iloc[:years, 1:].isna().all().all()
