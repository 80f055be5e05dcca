"""Keyed random numbers: pure functions of (seed, year, purpose, key), well distributed, paired."""

from __future__ import annotations

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
