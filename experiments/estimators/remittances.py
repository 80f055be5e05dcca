"""Remittances received, scaled up from the origin's household survey.

The Horvitz-Thompson estimator (Horvitz & Thompson 1952, JASA 47): an origin's households
received the weighted sum of what responding households report, ``sum_i w_i r_i``, with the
variance of simple random sampling within the origin (respondents as a random subsample: the
weighting-class assumption). Recall bias and selective non-response bias it; sampling and
recall noise widen its interval (Brown, Carling, Fransen & Siegel 2014, Demographic Research 31).
Exact in principle: with no error and every household surveyed it is the amount received.
"""

from __future__ import annotations

import math

from experiments.estimators.base import ALL, Estimate, normal_interval
from experiments.estimators.common import of_year
from experiments.estimators.design import survey_total
from model.observation.observer import Observations


def remittance_scale_up(observations: Observations, year: int) -> list[Estimate]:
    """Remittances received per origin (and in all) in a survey year."""
    households = of_year(observations.observed["household_survey"], year)
    if households.empty:
        raise ValueError(f"no survey in year {year}; survey years: {observations.census_years}")
    totals, variances = survey_total(households, households["remittances_received"])
    truth = of_year(observations.truth["household_remittances"], year).set_index("origin")
    received = truth["received"]
    results = []
    for origin in [*received.index, ALL]:
        value = float(totals.sum() if origin == ALL else totals.get(origin, 0.0))
        variance = float(variances.sum() if origin == ALL else variances.get(origin, 0.0))
        true = float(received.sum() if origin == ALL else received[origin])
        se = math.sqrt(variance)
        low, high = normal_interval(value, se)
        results.append(
            Estimate("remittance scale-up", str(year), ALL, origin, value, low, high, true, se)
        )
    return results
