"""Keyed random numbers: pure functions of (seed, year, purpose, key), well distributed, paired."""

from __future__ import annotations

import time

import numpy as np
from scipy import stats

from model.model import TripleWinModel
from model.randomness import KeyedRandom
from model.simulation import simulate
from tests.conftest import small

KEYS = np.arange(100_000)


def draws(seed: int = 1, year: int = 3) -> KeyedRandom:
    keyed = KeyedRandom(np.random.SeedSequence(seed))
    keyed.year = year
    return keyed


def test_a_draw_depends_on_its_key_not_on_the_others():
    keyed = draws()
    everyone = keyed.uniform("job", KEYS)
    some = KEYS[::7][::-1]
    np.testing.assert_array_equal(keyed.uniform("job", some), everyone[some])
    counts = np.arange(KEYS.size) % 6
    births = keyed.binomial("births", KEYS, counts, 0.3)
    np.testing.assert_array_equal(keyed.binomial("births", some, counts[some], 0.3), births[some])


def test_draws_change_with_seed_year_and_purpose():
    base = draws().uniform("job", KEYS)
    for other in (draws(seed=2), draws(year=4)):
        assert abs(np.corrcoef(base, other.uniform("job", KEYS))[0, 1]) < 0.02
    assert abs(np.corrcoef(base, draws().uniform("return", KEYS))[0, 1]) < 0.02
    np.testing.assert_array_equal(base, draws().uniform("job", KEYS))


def test_variates_have_their_distributions():
    keyed = draws()
    assert stats.kstest(keyed.uniform("u", KEYS), "uniform").pvalue > 0.001
    assert stats.kstest(keyed.normal("z", KEYS), "norm").pvalue > 0.001
    gumbel = keyed.gumbel("g", KEYS[:20_000], 3).ravel()
    assert stats.kstest(gumbel, "gumbel_r").pvalue > 0.001
    binomial = keyed.binomial("b", KEYS, np.full(KEYS.size, 8), 0.25)
    assert abs(binomial.mean() - 2.0) < 0.02 and abs(binomial.var() - 1.5) < 0.05
    poisson = keyed.poisson("p", KEYS, np.full(KEYS.size, 0.4))
    assert abs(poisson.mean() - 0.4) < 0.01 and abs(poisson.var() - 0.4) < 0.02
    assert keyed.binomial(
        "b", KEYS[:5], np.array([0, 3, 3, 2, 4]), np.array([0.5, 0, 1, 1, 0])
    ).tolist() == [0, 0, 3, 2, 0]
    rounded = [keyed.round("quota", k, 2.3) for k in range(4000)]
    assert set(rounded) == {2, 3} and abs(np.mean(rounded) - 2.3) < 0.03


def test_households_meet_the_same_luck_whoever_migrates():
    few = TripleWinModel(small(policy={"temporary_quota": 1.0}), seed=4)
    many = TripleWinModel(small(policy={"temporary_quota": 25.0}), seed=4)
    for _ in range(6):
        few.step()
        many.step()
        np.testing.assert_array_equal(few.shocks.income_multiplier, many.shocks.income_multiplier)
        np.testing.assert_array_equal(few.shocks.drought, many.shocks.drought)
    assert many.migrants.abroad().sum() > few.migrants.abroad().sum()


def test_paired_differences_are_far_less_noisy_than_levels():
    """Common random numbers: the fee's effect is measured with a fraction of the level's noise."""
    cheap, dear = small(policy={"remittance_fee": 0.03}), small()
    seeds = [np.random.SeedSequence(7, spawn_key=(i,)) for i in range(6)]
    levels, changes = [], []
    for seed in seeds:
        base = simulate(dear, seed).indicators["welfare_origin"]
        levels.append(base)
        changes.append(simulate(cheap, seed).indicators["welfare_origin"] - base)
    assert np.std(changes, ddof=1) < 0.1 * np.std(levels, ddof=1)


def bits(values: np.ndarray) -> np.ndarray:
    """The bytes of an array, so that equality is bit for bit (-0.0 and NaN included)."""
    return np.ascontiguousarray(values).view(np.uint8)


def test_numpy_and_compiled_draws_are_the_same_bit_for_bit():
    """Both implementations of model/randomness.py, on a million keys for every kind of draw."""
    from model import keyed_arrays, keyed_kernels

    rng = np.random.default_rng(20)
    size = 1_000_000
    keys = rng.permutation(3 * size)[:size].astype(np.int64)
    trials = rng.integers(-1, 60, size)
    trials[:3] = (0x10000, 0x10001, 300_000)  # numba's power switches to pow() above 2**16
    chance = rng.choice([0.0, 1.0, 1e-12, np.nan, 0.5], size, p=[0.02, 0.02, 0.01, 0.01, 0.94])
    chance = np.where(chance == 0.5, rng.random(size), chance)
    mean = np.where(rng.random(size) < 0.05, 0.0, rng.exponential(2.0, size))
    mean[:100] = rng.uniform(50.0, 700.0, 100)  # long searches
    mean[100] = np.nan
    for year, code in ((0, 2), (7, 2 * 3_141_592_653), (39, 2 * 2**31 + 2)):
        root = np.uint64(rng.integers(0, 2**63)) * np.uint64(2) + np.uint64(1)
        for kind, extra in (
            ("uniform", ()),
            ("normal", ()),
            ("binomial", (trials, chance)),
            ("poisson", (mean,)),
            ("gumbel", (3,)),
        ):
            compiled = getattr(keyed_kernels, kind)(root, year, code, keys, *extra)
            plain = getattr(keyed_arrays, kind)(root, year, code, keys, *extra)
            assert compiled.dtype == plain.dtype and compiled.shape == plain.shape, kind
            assert np.array_equal(bits(compiled), bits(plain)), (kind, year)


def test_a_run_is_the_same_whichever_implementation_draws():
    from model import randomness

    scenario = small(policy={"circular_reentry": True, "regularisation": 0.1})
    try:
        randomness.use_kernels("numpy")
        plain = simulate(scenario, 11)
        assert randomness.kernels_in_use() == "numpy"
        randomness.use_kernels("compiled")
        compiled = simulate(scenario, 11)
        assert randomness.kernels_in_use() == "compiled"
    finally:
        randomness.use_kernels("adaptive")
    assert np.array_equal(bits(plain.yearly.to_numpy()), bits(compiled.yearly.to_numpy()))
    assert plain.indicators == compiled.indicators


def test_the_compiled_kernels_take_over_once_numpy_has_cost_as_much(monkeypatch):
    from model import randomness

    monkeypatch.setattr(randomness, "SWITCH_AFTER_S", 0.01)
    randomness.use_kernels("adaptive")
    keyed = draws()
    try:
        first = keyed.uniform("job", KEYS)
        assert randomness.kernels_in_use() == "numpy"
        start = time.perf_counter()
        while randomness.kernels_in_use() == "numpy" and time.perf_counter() - start < 30:
            keyed.binomial("births", KEYS, np.full(KEYS.size, 5), 0.3)
        assert randomness.kernels_in_use() == "compiled"
        np.testing.assert_array_equal(keyed.uniform("job", KEYS), first)
    finally:
        randomness.use_kernels("adaptive")
