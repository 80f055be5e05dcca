"""Two administrative lists of irregular migrants: police apprehensions and emergency health care.

No register counts irregular migrants, but administrations meet some of them: the police, and
health services that treat everyone. Lists of the people they met, with how often, are the data
of capture-recapture estimates of the irregular population (van der Heijden, Bustami, Cruyff,
Engbersen & van Houwelingen 2003, Statistical Modelling 3: police records in the Netherlands;
van der Heijden, Whittaker, Cruyff, Bakker & van der Vliet 2012, Annals of Applied Statistics 6:
linked registers). The lists are of irregular *migrants*: the foreign-born in an irregular
migrant's dwelling (the migrant, the spouse, the children who joined). Children born at the
destination to irregular parents, whose births are registered there, are not migrants and are
left out, so the lists and the residual method estimate the same population.

Data-generating process, per person present at the end of the year:

* apprehensions not ending in removal: Poisson with mean ``apprehension_rate`` times the
  relative rates of ``APPREHENSION`` (by role and job) times ``exp(-YEARS_EFFECT x years
  abroad)`` (people learn to avoid the police), times a mean-one gamma factor of variance
  ``apprehension_heterogeneity`` that no recorded covariate explains;
* emergency health care: recorded with probability ``health_service_rate`` times the relative
  rates of ``HEALTH`` (at most one), independently of the police given the covariates;
* linkage: a person on both lists whose records fail to link (``list_linkage_error``) appears as
  two people, one on each list.

The relative rates are modelling assumptions, recorded here so that the estimators' covariates
can capture them: the police meet working migrants more often than their families; health
services meet families and children more often than workers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from model.observation.microdata.census_sample import RELATIONSHIPS, _region_names
from model.observation.microdata.snapshot import Dwellings, World

if TYPE_CHECKING:
    from model.randomness import KeyedRandom
    from model.scenario.measurement import Measurement

# Relative rates by (role, employed): the migrant with and without a job, the spouse, a child.
APPREHENSION = {"employed": 1.0, "without a job": 0.6, "spouse": 0.4, "child": 0.1}
HEALTH = {"employed": 0.5, "without a job": 1.0, "spouse": 1.0, "child": 1.5}
# Fall of the apprehension rate with each year abroad (log points).
YEARS_EFFECT = 0.08
PERSONS_PER_DWELLING = 64


def irregular_people(dwellings: Dwellings) -> dict[str, np.ndarray]:
    """Every foreign-born person in an irregular migrant's dwelling, with the covariates the lists
    record."""
    irregular = dwellings.subset(dwellings.irregular)
    persons = irregular.foreign_born
    index = np.repeat(np.arange(irregular.size), persons)
    line = np.arange(index.size) - np.repeat(np.cumsum(persons) - persons, persons)
    role = np.where(line == 0, 0, np.where(irregular.spouse[index] & (line == 1), 1, 2))
    employed = (role == 0) & irregular.employed[index]
    group = np.where(role == 0, np.where(employed, "employed", "without a job"), "")
    group = np.where(role == 1, "spouse", np.where(role == 2, "child", group))
    return {
        "key": irregular.key[index] * PERSONS_PER_DWELLING + np.minimum(line, 63),
        "destination": irregular.destination[index],
        "region": irregular.region[index],
        "role": role,
        "group": group,
        "employed": employed,
        "years_abroad": dwellings.year - irregular.arrival[index],
    }


def record_lists(
    dwellings: Dwellings,
    world: World,
    params: Measurement,
    keyed: KeyedRandom,
    rng: np.random.Generator,
) -> pd.DataFrame:
    """This year's linked lists, one row per record (a person, or half of an unlinked one).

    Args:
        dwellings: Everyone abroad at the end of the year.
        world: Names of countries and regions.
        params: Rates and errors of the lists.
        keyed: The observers' keyed random numbers (health care and linkage).
        rng: The lists' own generator (gamma and Poisson draws of the apprehensions).
    """
    people = irregular_people(dwellings)
    relative = np.array([APPREHENSION[g] for g in people["group"]], dtype=float)
    mean = params.apprehension_rate * relative * np.exp(-YEARS_EFFECT * people["years_abroad"])
    variance = params.apprehension_heterogeneity
    if variance > 0:
        mean = mean * rng.gamma(1.0 / variance, variance, mean.size)
    apprehensions = rng.poisson(mean)
    chance = params.health_service_rate * np.array([HEALTH[g] for g in people["group"]])
    health = keyed.uniform("health services", people["key"]) < np.minimum(chance, 1.0)
    police = apprehensions > 0
    unlinked = (
        police & health & (keyed.uniform("linkage", people["key"]) < params.list_linkage_error)
    )
    on_any = police | health
    frame = pd.DataFrame(
        {
            "year": world.year,
            "destination": np.array(world.destinations, dtype=object)[people["destination"]],
            "region": _region_names(world, people["destination"], people["region"]),
            "role": np.array(RELATIONSHIPS, dtype=object)[people["role"]],
            "employed": people["employed"],
            "years_abroad": people["years_abroad"],
            "apprehensions": apprehensions,
            "on_police_list": police,
            "on_health_list": health,
        }
    )
    linked = frame[on_any & ~unlinked]
    police_half = frame[unlinked].assign(on_health_list=False)
    health_half = frame[unlinked].assign(on_police_list=False, apprehensions=0)
    records = pd.concat([linked, police_half, health_half], ignore_index=True)
    records.insert(1, "record", np.arange(len(records)))
    return records
