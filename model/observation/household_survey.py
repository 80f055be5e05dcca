"""An origin household survey: a sample of households, asked about members abroad and remittances.

Household surveys at origin are the main source on emigrants and remittances where registers of
departures are missing (UN Recommendations on Statistics of International Migration, Rev. 1, 1998,
§§ 76-83; Bilsborrow et al. 1997, International Migration Statistics, ILO). Each origin's households
are a simple random sample without replacement. A sampled household answers or not; households
with a member abroad answer less often (selective non-response). A responding household reports,
by destination, exactly:

* its *members abroad*: the members who left and live abroad with a migrant of the household
  (the migrant, the spouse, the children who joined); children born abroad were never members,
  and children who grew up abroad and left the migrant's family are no longer counted among them
  (docs/ODD.md §7.8a);
* the persons who *came back* within the reference period (the years since the last census):
  everyone who came to live in the household from abroad, a returning migrant with the family
  living with them (children born abroad included) and the spouse and children of a member who
  died abroad;

and the remittances received over the last twelve months with a recall error: a bias shared by
all and a mean-one log-normal factor of its own (Brown, Carling, Fransen & Siegel 2014).

A household whose members have all left or died (dissolved, docs/ODD.md §7.8a) has nobody at
home to answer. A relative answers for it (a proxy respondent) unless it is missed, with
probability ``survey_emptied_missed``: the interviewer then records a vacant dwelling, with nobody
abroad, back or sending money, so the emigrants of households that left whole are missed
(Bilsborrow et al. 1997).

Weights: the design weight is the inverse of the sampling fraction of the household's origin;
respondents' weights are scaled up by sampled over responding households of the origin (a
weighting-class adjustment for non-response, Kalton & Flores-Cervantes 2003, J. Off. Stat. 19).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from model.population import residents

if TYPE_CHECKING:
    from model.model import TripleWinModel
    from model.observation.microdata.snapshot import Dwellings
    from model.scenario.measurement import Measurement


def draw_sample(model: TripleWinModel, fraction: float, rng: np.random.Generator) -> np.ndarray:
    """Households drawn, per origin a simple random sample of ``round(fraction * N)`` (at least 1)."""
    table = model.households
    chosen = []
    for o in range(len(model.origins)):
        households = np.flatnonzero(table.origin == o)
        size = min(max(round(fraction * households.size), 1), households.size)
        chosen.append(np.sort(rng.choice(households, size=size, replace=False)))
    return np.concatenate(chosen)


def members_abroad(dwellings: Dwellings, households: int, destinations: int) -> np.ndarray:
    """Members abroad (born at origin) per household and destination, ``(households, d)``."""
    key = dwellings.household * destinations + dwellings.destination
    counts = np.bincount(key, dwellings.foreign_born, households * destinations)
    return counts.reshape(-1, destinations)


def interview(
    model: TripleWinModel,
    dwellings: Dwellings,
    params: Measurement,
    rng: np.random.Generator,
    returned: np.ndarray,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Run the survey this year.

    Args:
        model: The model at the end of a survey year.
        dwellings: Everyone living abroad with a migrant now.
        params: The measurement errors.
        rng: The survey's own generator (the sample, then one uniform per sampled household for
            its response, one normal for its recall, one uniform for a proxy's answer).
        returned: Persons who came back within the reference period, per household and
            destination (kept by the observer from the years' home comings).

    Returns:
        ``household_survey``: one row per sampled household (answers are missing for those that
        did not respond) and ``household_survey_migrants``: one row per responding household and
        destination with someone abroad or back.
    """
    table = model.households
    sample = draw_sample(model, params.survey_fraction, rng)
    abroad = members_abroad(dwellings, table.size, len(model.destinations))[sample]
    has_migrant = abroad.sum(axis=1) > 0
    refusal = np.where(has_migrant, params.survey_nonresponse_migrant, params.survey_nonresponse)
    responded = rng.random(sample.size) >= refusal
    recall = _recall_factor(params, rng, sample.size)
    vacant = table.dissolved[sample] & (rng.random(sample.size) < params.survey_emptied_missed)
    responded |= vacant
    answers = ~vacant & responded
    back = returned[sample] * answers[:, None]
    abroad = abroad * answers[:, None]
    origin = table.origin[sample]
    sampled = _per_origin(model, np.ones(sample.size), origin)
    design = _per_origin(model, np.ones(table.size)) / sampled
    responding = _per_origin(model, responded.astype(float), origin)
    answered = np.divide(
        sampled, responding, out=np.full(sampled.shape, np.nan), where=responding > 0
    )
    households = pd.DataFrame(
        {
            "year": model.year,
            "household": sample,
            "origin": np.array(model.origin_names)[origin],
            "design_weight": design[origin],
            "responded": responded,
            "vacant": vacant,
            "weight": np.where(responded, design[origin] * answered[origin], np.nan),
            "residents": np.where(
                responded, residents(model.households, model.migrants)[sample], np.nan
            ),
            "remittances_received": np.where(
                responded, table.remittances_received[sample] * recall * answers, np.nan
            ),
            "members_abroad": np.where(responded, abroad.sum(axis=1), np.nan),
            "returned": np.where(responded, back.sum(axis=1), np.nan),
            "reference_years": params.census_interval,
        }
    )
    return households, _migrant_rows(model, sample[answers], abroad[answers], back[answers])


def _per_origin(
    model: TripleWinModel, weights: np.ndarray, origin: np.ndarray | None = None
) -> np.ndarray:
    """Sum of ``weights`` per origin (over all households when ``origin`` is not given)."""
    origin = model.households.origin if origin is None else origin
    return np.bincount(origin, weights, len(model.origins))


def _recall_factor(params: Measurement, rng: np.random.Generator, size: int) -> np.ndarray:
    """Reported over received remittances: ``(1 + bias)`` times a mean-one log-normal factor."""
    sd = params.remittance_recall_sd
    noise = np.exp(sd * rng.standard_normal(size) - 0.5 * sd**2)
    return (1.0 + params.remittance_recall_bias) * noise


def _migrant_rows(
    model: TripleWinModel, households: np.ndarray, abroad: np.ndarray, back: np.ndarray
) -> pd.DataFrame:
    """Answering households' members abroad and returned, one row per household and destination."""
    household, destination = np.nonzero((abroad > 0) | (back > 0))
    return pd.DataFrame(
        {
            "year": model.year,
            "household": households[household],
            "destination": np.array(model.destination_names)[destination],
            "members_abroad": abroad[household, destination],
            "returned": back[household, destination],
        }
    )
