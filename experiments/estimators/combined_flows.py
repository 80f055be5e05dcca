"""Flows from two inconsistent sources combined with their measurement errors (IMEM-like).

The Integrated Modelling of European Migration (Raymer, Wiśniowski, Forster, Smith & Bijak 2013,
JASA 108; Wiśniowski, Bijak, Christiansen, Forster, Keilman, Raymer & Smith 2013, Population
Studies) estimates true flows from what sending and receiving countries report, with a
*measurement model* for each source (its undercount and its accuracy) and expert prior
knowledge of both. A small version of it, for one corridor at a time:

    log(y_ct + 1/2) = m_t + k_c + e_ct,     e_ct ~ N(0, s_c^2)

for the years ``t`` between two censuses and the two sources ``c``: the destination's
registered immigration and the origin's recorded emigration. ``m_t`` is the log of the true
entries in year ``t`` (a vague normal prior, sd 10); ``k_c`` the log of the source's coverage,
with the expert priors of :data:`COVERAGE_PRIORS` (the destination's register is good, the
origin's records catch about half the emigrants, both uncertain); ``s_c`` the source's accuracy,
estimated by maximising the marginal likelihood (type-II maximum likelihood, scipy). Given the
accuracies the posterior is normal (a linear Gaussian model) and the total entries
``sum_t exp(m_t)`` have the mean and variance of a sum of correlated log-normals; the 95%
interval is log-normal with those moments. The coverage priors, not the data, fix the level:
like IMEM, the estimate is only as good as the experts' view of the better source.
"""

from __future__ import annotations

import math

import numpy as np
from scipy import optimize

from experiments.estimators.base import Estimate, lognormal_interval
from experiments.estimators.common import between, corridors, select
from experiments.estimators.flows import true_entries
from model.observation.observer import Observations

SOURCES = ("destination_immigration", "origin_emigration")
# Median coverage and the sd of its log, per source: experts' view (cf. Raymer et al. 2013).
COVERAGE_PRIORS = {"destination_immigration": (0.9, 0.1), "origin_emigration": (0.5, 0.5)}
FLOW_PRIOR_SD = 10.0
ACCURACY_BOUNDS = (math.log(0.01), math.log(2.0))


def posterior(counts: np.ndarray, accuracy: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """Posterior mean and covariance of ``(m_1..m_T, k_1, k_2)`` and the log marginal likelihood.

    Args:
        counts: Reported counts, shape ``(2, T)``: sources by years.
        accuracy: The sources' error standard deviations ``s_c``.
    """
    sources, years = counts.shape
    observed = np.log(counts + 0.5).ravel()
    design = np.zeros((sources * years, years + sources))
    for c in range(sources):
        design[c * years : (c + 1) * years, :years] = np.eye(years)
        design[c * years : (c + 1) * years, years + c] = 1.0
    prior_mean = np.concatenate(
        [np.full(years, observed.max()), [math.log(COVERAGE_PRIORS[s][0]) for s in SOURCES]]
    )
    prior_var = np.concatenate(
        [np.full(years, FLOW_PRIOR_SD**2), [COVERAGE_PRIORS[s][1] ** 2 for s in SOURCES]]
    )
    noise = np.repeat(accuracy**2, years)
    precision = np.diag(1.0 / prior_var) + design.T @ (design / noise[:, None])
    covariance = np.linalg.inv(precision)
    mean = covariance @ (prior_mean / prior_var + design.T @ (observed / noise))
    marginal = design @ np.diag(prior_var) @ design.T + np.diag(noise)
    residual = observed - design @ prior_mean
    _, logdet = np.linalg.slogdet(marginal)
    loglik = -0.5 * (logdet + residual @ np.linalg.solve(marginal, residual))
    return mean, covariance, float(loglik)


def fit(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Posterior of the log flows at the accuracies that maximise the marginal likelihood."""

    def loss(log_accuracy: np.ndarray) -> float:
        return -posterior(counts, np.exp(log_accuracy))[2]

    # Nelder-Mead to a hundredth of a log point: the accuracies need no more precision.
    best = optimize.minimize(
        loss,
        x0=np.log([0.1, 0.1]),
        bounds=[ACCURACY_BOUNDS] * 2,
        method="Nelder-Mead",
        options={"xatol": 0.01, "fatol": 1e-4},
    )
    mean, covariance, _ = posterior(counts, np.exp(best.x))
    years = counts.shape[1]
    return mean[:years], covariance[:years, :years]


def total_entries(mean: np.ndarray, covariance: np.ndarray) -> tuple[float, float]:
    """Mean and standard deviation of ``sum_t exp(m_t)`` for normal ``m`` (log-normal moments)."""
    variances = np.diag(covariance)
    level = np.exp(mean + variances / 2)
    total = float(level.sum())
    covariances = np.outer(level, level) * np.expm1(covariance)
    return total, math.sqrt(max(float(covariances.sum()), 0.0))


def combined_flows(observations: Observations, start: int, end: int) -> list[Estimate]:
    """Entries per corridor (and in all) between two censuses from both countries' statistics."""
    reported = between(observations.observed["register_flows"], start, end)
    results = []
    for destination, origin in corridors(reported):
        mine = select(reported, destination, origin).groupby("year")[list(SOURCES)].sum()
        counts = mine.to_numpy(dtype=float).T
        mean, covariance = fit(counts)
        value, se = total_entries(mean, covariance)
        low, high = lognormal_interval(value, se)
        truth = true_entries(observations, start, end, destination, origin)
        results.append(
            Estimate(
                "combined flows", f"{start}-{end}", destination, origin, value, low, high, truth, se
            )
        )
    return results
