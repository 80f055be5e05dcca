"""Irregular migrants by capture-recapture from administrative lists.

* **Zero-truncated Poisson regression** (van der Heijden, Bustami, Cruyff, Engbersen & van
  Houwelingen 2003, Statistical Modelling 3: 305-322, the method of the Dutch estimates of
  irregular residents from police records): the number of times each person on the police list
  was apprehended is modelled as Poisson with a log-linear mean in the recorded covariates
  (role in the dwelling, job, years abroad), truncated at zero because people never apprehended
  are not on the list (statsmodels' ``TruncatedLFPoisson``). Each person seen stands for
  ``1 / (1 - exp(-lambda_i))`` people (Horvitz-Thompson), and the variance adds the binomial
  part ``sum (1 - p_i) / p_i^2`` and the parameters' part ``g' V g`` (their eq. 6-8). Unobserved
  heterogeneity (``measurement.apprehension_heterogeneity``) makes it too low (Böhning & van der
  Heijden 2009); the Poisson-gamma models of Zhang (2008, Statistics Norway) address that.
* **Two linked lists** (police and emergency health care): a log-linear Poisson model of the
  observed cells of the two lists by stratum (role and job), with the lists independent given
  the stratum and each list's capture rate depending on the stratum's covariates (Fienberg 1972,
  Biometrika 59; van der Heijden et al. 2012, Annals of Applied Statistics 6: covariates make
  independence plausible). The unseen cell of each stratum is predicted from the fit
  (statsmodels GLM); the variance is the delta method's plus the unseen count's own Poisson
  variance. Missed links (``measurement.list_linkage_error``) make it too high.

Neither is exact: both are models of who gets caught, scored here by how often their intervals
hold the truth. Intervals are Chao's (1987) log-normal ones, never below the number seen. Where
the lists are too thin for the models (no one apprehended twice; no overlap of the lists), the
estimators fall back on Chao's lower bound and on Chapman's estimate, as documented below.
"""

from __future__ import annotations

import math
import warnings
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from experiments.estimators.base import ALL, Estimate, lognormal_interval
from experiments.estimators.common import of_year
from model.observation.observer import Observations

if TYPE_CHECKING:
    from statsmodels.discrete.truncated_model import TruncatedLFGenericResultsWrapper


def covariates(records: pd.DataFrame) -> pd.DataFrame:
    """Intercept, role dummies, job and years abroad; columns without variation dropped."""
    frame = pd.DataFrame(
        {
            "intercept": 1.0,
            "spouse": (records["role"] == "spouse").astype(float),
            "child": (records["role"] == "child").astype(float),
            "employed": records["employed"].astype(float),
            "years_abroad": records["years_abroad"].astype(float),
        },
        index=records.index,
    )
    varying = [c for c in frame if c == "intercept" or frame[c].nunique() > 1]
    return frame[varying]


def _fit_truncated(
    seen: pd.DataFrame,
) -> tuple[pd.DataFrame, TruncatedLFGenericResultsWrapper | None]:
    """The zero-truncated Poisson fit of the covariate set with the smallest AIC.

    The candidates are nested (all covariates; without the roles; without years abroad; the
    intercept alone), as in the Dutch estimates' model selection (van der Heijden et al. 2003);
    fits that do not converge to a finite covariance are skipped.
    """
    from statsmodels.discrete.truncated_model import TruncatedLFPoisson

    full = covariates(seen)
    candidates = [
        list(full.columns),
        [c for c in full.columns if c not in ("spouse", "child")],
        [c for c in full.columns if c not in ("spouse", "child", "years_abroad")],
        ["intercept"],
    ]
    best: tuple[pd.DataFrame, TruncatedLFGenericResultsWrapper] | None = None
    for columns in dict.fromkeys(tuple(c) for c in candidates):
        exog = full[list(columns)]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                result = TruncatedLFPoisson(seen["apprehensions"].to_numpy(float), exog).fit(
                    disp=0, maxiter=200
                )
                covariance = np.asarray(result.cov_params())
            except (ValueError, np.linalg.LinAlgError):
                continue
        usable = result.mle_retvals.get("converged", True) and np.isfinite(covariance).all()
        if usable and math.isfinite(result.aic) and (best is None or result.aic < best[1].aic):
            best = (exog, result)
    return best if best is not None else (full[["intercept"]], None)


def _horvitz_thompson(
    exog: pd.DataFrame, result: TruncatedLFGenericResultsWrapper
) -> tuple[float, float]:
    """Population size and standard error from a truncated Poisson fit (van der Heijden 2003)."""
    design = exog.to_numpy()
    rate = np.exp(design @ np.asarray(result.params))
    seen_chance = -np.expm1(-rate)
    estimate = float((1.0 / seen_chance).sum())
    gradient = -(np.exp(-rate) * rate / seen_chance**2) @ design
    parameters = float(gradient @ np.asarray(result.cov_params()) @ gradient)
    binomial = float(((1.0 - seen_chance) / seen_chance**2).sum())
    return estimate, math.sqrt(max(binomial + parameters, 0.0))


def truncated_poisson(records: pd.DataFrame) -> tuple[float, float, int]:
    """Population size from the police list's counts: estimate, standard error, people seen."""
    seen = records[records["on_police_list"]]
    count = len(seen)
    once = int((seen["apprehensions"] == 1).sum())
    twice = int((seen["apprehensions"] == 2).sum())
    exog, result = _fit_truncated(seen) if count >= 2 and twice > 0 else (None, None)
    if result is not None:
        estimate, se = _horvitz_thompson(exog, result)
        if math.isfinite(estimate) and estimate <= count * (1 + once):
            return estimate, se, count
    return (*chao(count, once, twice), count)


def chao(seen: int, once: int, twice: int) -> tuple[float, float]:
    """Chao's bias-corrected lower bound from the people seen once and twice, and its error.

    ``N = n + f1 (f1 - 1) / (2 (f2 + 1))`` (Chao 1987, Biometrics 43; the bias-corrected form
    of Chao 2005, Encyclopedia of Statistical Sciences, with its variance). The fallback when no
    one was seen twice (the counts then say nothing about the unseen, and the Poisson fit
    diverges) or the fit extrapolates beyond ``n (1 + f1)``.
    """
    f1, f2 = float(once), float(twice)
    estimate = seen + f1 * (f1 - 1) / (2 * (f2 + 1))
    variance = (
        f1 * (f1 - 1) / (2 * (f2 + 1))
        + f1 * (2 * f1 - 1) ** 2 / (4 * (f2 + 1) ** 2)
        + f1**2 * f2 * (f1 - 1) ** 2 / (4 * (f2 + 1) ** 4)
    )
    return float(estimate), math.sqrt(variance)


def two_lists(records: pd.DataFrame) -> tuple[float, float, int]:
    """Population size from the linked police and health lists: estimate, standard error, seen.

    Log-linear models of the observed cells by stratum (role and job), the lists independent
    within strata; candidate models let each list's capture rate shift for children, for people
    with a job, for both, or for neither, and the smallest AIC among those that fit wins (model
    selection as in van der Heijden et al. 2012). Chapman's estimate is the fallback.
    """
    count = len(records)
    strata = records.assign(
        stratum=records["role"] + np.where(records["employed"], " employed", "")
    )
    cells = strata.groupby(["stratum", "on_police_list", "on_health_list"]).size()
    names = sorted(strata["stratum"].unique())
    best = None
    for shifts in ((), ("child",), ("employed",), ("child", "employed")):
        fitted = _fit_cells(cells, names, shifts)
        if fitted is None or fitted[0] + count > _chapman_ceiling(records):
            continue
        if best is None or fitted[2] < best[2]:
            best = fitted
    if best is None:
        return (*chapman(records), count)
    unseen, variance, _ = best
    return count + unseen, math.sqrt(max(variance, 0.0)), count


def _fit_cells(
    cells: pd.Series, names: list[str], shifts: tuple[str, ...]
) -> tuple[float, float, float] | None:
    """Unseen people, the variance of the estimate and the AIC of one log-linear model."""
    import statsmodels.api as sm

    rows, counts = [], []
    for stratum in names:
        for police, health in ((True, False), (False, True), (True, True)):
            rows.append(_cell_design(stratum, names, police, health, shifts))
            counts.append(float(cells.get((stratum, police, health), 0.0)))
    design = np.array(rows)
    keep = design.any(axis=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            result = sm.GLM(np.array(counts), design[:, keep], family=sm.families.Poisson()).fit()
            covariance = np.asarray(result.cov_params())
        except (ValueError, np.linalg.LinAlgError):
            return None
    unseen_design = np.array([_cell_design(s, names, False, False, shifts) for s in names])
    unseen = np.exp(unseen_design[:, keep] @ np.asarray(result.params))
    gradient = unseen @ unseen_design[:, keep]
    variance = float(gradient @ covariance @ gradient) + float(unseen.sum())
    if not (result.converged and math.isfinite(variance) and np.isfinite(unseen).all()):
        return None
    return float(unseen.sum()), variance, float(result.aic)


def chapman(records: pd.DataFrame) -> tuple[float, float]:
    """Chapman's (1951) two-list estimate and its variance (Seber 1982, eq. 3.7), no covariates.

    The fallback when the covariate model cannot be fitted (too few people on both lists): it
    is finite even when no one is on both lists.
    """
    police = float(records["on_police_list"].sum())
    health = float(records["on_health_list"].sum())
    both = float((records["on_police_list"] & records["on_health_list"]).sum())
    estimate = (police + 1) * (health + 1) / (both + 1) - 1
    variance = (police + 1) * (health + 1) * (police - both) * (health - both)
    variance /= (both + 1) ** 2 * (both + 2)
    return estimate, math.sqrt(variance)


def _chapman_ceiling(records: pd.DataFrame) -> float:
    """The largest size the lists can support without covariates: Chapman's with no overlap."""
    police = float(records["on_police_list"].sum())
    health = float(records["on_health_list"].sum())
    return (police + 1) * (health + 1) - 1


def _cell_design(
    stratum: str, names: list[str], police: bool, health: bool, shifts: tuple[str, ...]
) -> list[float]:
    """Stratum intercepts, each list's main effect and its shifts (for children, for a job)."""
    child = float(stratum.startswith("child")) if "child" in shifts else 0.0
    employed = float(stratum.endswith("employed")) if "employed" in shifts else 0.0
    intercepts = [float(stratum == name) for name in names]
    return [
        *intercepts,
        float(police),
        float(police) * child,
        float(police) * employed,
        float(health),
        float(health) * child,
        float(health) * employed,
    ]


def capture_recapture(observations: Observations, year: int, method: str) -> list[Estimate]:
    """Irregular residents at the end of ``year`` from the lists (``method``: the model used)."""
    records = of_year(observations.microdata["irregular_lists"], year)
    estimator = truncated_poisson if method == "truncated poisson" else two_lists
    truth = float(of_year(observations.truth["stocks"], year)["irregular"].sum())
    if records.empty:
        return [Estimate(f"capture-recapture, {method}", str(year), ALL, ALL, 0.0, 0.0, 0.0, truth)]
    estimate, se, seen = estimator(records)
    low, high = lognormal_interval(estimate, se, floor=float(seen))
    return [
        Estimate(
            f"capture-recapture, {method}", str(year), ALL, ALL, estimate, low, high, truth, se
        )
    ]
