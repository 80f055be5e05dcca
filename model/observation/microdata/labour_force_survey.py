"""A destination labour force survey: a rotating panel of dwellings, interviewed every year.

Labour force surveys are the standard source on migrants' employment, unemployment and wages
(ILO, 19th ICLS 2013; OECD/EU, Indicators of Immigrant Integration 2023). Design: every dwelling
(a migrant with the family that joined; each native is their own) holds a permanent random number
``u``; in year ``t`` the sample is the dwellings whose ``u`` lies in a window of width
``lfs_fraction`` that moves down by ``lfs_fraction / lfs_waves`` a year. So every dwelling of the
frame has the same chance ``lfs_fraction`` of being in the sample in any year, newcomers
included; a dwelling stays for ``lfs_waves`` consecutive years (its waves 1, 2, ...) and one
rotation group of the sample is replaced each year (Ohlsson 1995, on sample rotation with
permanent random numbers). Persons of working age are interviewed: the migrant and the spouse
(unless retired; children are not of working age), migrants' grown children of working age
(each their own dwelling, born at origin or at the destination) and native workers. Besides the
place of birth the survey records the parents' place of birth, as the EU labour force survey
does since 2021 (Regulation (EU) 2019/1700), so natives with native parents can be told from the
second generation.

Error model (parameters in the scenario's ``measurement`` section):

* under-coverage: a share ``lfs_undercoverage_irregular`` of irregular migrants' dwellings are not
  in the frame at all;
* non-response of a sampled dwelling: ``lfs_nonresponse``, plus ``lfs_nonresponse_recent`` when
  its migrant arrived within the last two years, plus ``lfs_attrition`` in waves after the first;
* measurement: a respondent in the labour force is recorded with the wrong status (employed or
  unemployed) with probability ``lfs_status_misclassification``; reported wages carry a mean-one
  log-normal error of standard deviation ``lfs_wage_error_sd``.

Weights: the design weight ``1 / lfs_fraction``, adjusted for non-response within weighting
classes of destination, region and place of birth (native or foreign-born): each respondent
stands for the sampled dwellings of the class that did not respond (Kalton & Flores-Cervantes
2003, J. Off. Stat. 19). Weighting cannot make up for dwellings missing from the frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from model.observation.microdata.census_sample import RANDOM_GROUPS, _region_names
from model.observation.microdata.keyed import permanent_uniform
from model.observation.microdata.persons import GrownPeople, NativePeople
from model.observation.microdata.snapshot import Dwellings, World

if TYPE_CHECKING:
    from model.randomness import KeyedRandom
    from model.scenario.measurement import Measurement

# A migrant who arrived this many years ago or less is a recent arrival (harder to reach).
RECENT_YEARS = 2


def rotation(uniform: np.ndarray, year: int, params: Measurement) -> tuple[np.ndarray, np.ndarray]:
    """Who is in the sample in ``year`` and in which wave (1 the first year in the sample)."""
    fraction, waves = params.lfs_fraction, params.lfs_waves
    if fraction >= 1.0:
        return np.ones(uniform.size, dtype=bool), np.ones(uniform.size, dtype=np.int64)
    slice_width = fraction / waves
    start = ((year - 1) * slice_width) % 1.0
    offset = (uniform - start) % 1.0
    in_sample = offset < fraction
    wave = waves - np.minimum((offset / slice_width).astype(np.int64), waves - 1)
    return in_sample, wave


def interview(
    dwellings: Dwellings,
    native: NativePeople,
    grown: GrownPeople,
    world: World,
    params: Measurement,
    keyed: KeyedRandom,
) -> pd.DataFrame:
    """This year's respondents, one row per person of working age, with their weights."""
    year = world.year
    hidden = permanent_uniform(keyed, "lfs frame", dwellings.key)
    in_frame = ~(dwellings.irregular & (hidden < params.lfs_undercoverage_irregular))
    prn = permanent_uniform(keyed, "lfs sample", dwellings.key)
    in_sample, wave = rotation(prn, year, params)
    chosen = np.flatnonzero(in_sample & in_frame)
    recent = (year - dwellings.arrival[chosen]) <= RECENT_YEARS
    refusal = params.lfs_nonresponse + params.lfs_nonresponse_recent * recent
    refusal = refusal + params.lfs_attrition * (wave[chosen] > 1)
    answered = keyed.uniform("lfs response", dwellings.key[chosen]) >= refusal
    migrants = _migrant_rows(dwellings.subset(chosen), wave[chosen], answered, world, params, keyed)
    migrants["variance_group"] = _groups(prn[chosen], year, params)[_dwelling_index(migrants)]
    frame = pd.concat(
        [
            migrants,
            _person_rows(_grown_records(grown, world), params, keyed, year),
            _person_rows(_native_records(native, world), params, keyed, year),
        ],
        ignore_index=True,
    )
    frame = frame.drop(columns="_index")
    frame.insert(0, "year", year)
    frame["weight"] = _weights(frame, params.lfs_fraction)
    return frame[frame["responded"]].drop(columns="responded").reset_index(drop=True)


def _dwelling_index(frame: pd.DataFrame) -> np.ndarray:
    return frame["_index"].to_numpy()


def _groups(prn: np.ndarray, year: int, params: Measurement) -> np.ndarray:
    """Random groups for variance estimation: slices of each dwelling's place in the window."""
    fraction = params.lfs_fraction
    start = 0.0 if fraction >= 1.0 else ((year - 1) * fraction / params.lfs_waves) % 1.0
    offset = (prn - start) % 1.0
    return np.minimum((offset / fraction * RANDOM_GROUPS).astype(np.int64), RANDOM_GROUPS - 1)


def _migrant_rows(
    chosen: Dwellings,
    wave: np.ndarray,
    answered: np.ndarray,
    world: World,
    params: Measurement,
    keyed: KeyedRandom,
) -> pd.DataFrame:
    """The migrant and the spouse of each sampled dwelling abroad (unless retired)."""
    adults = chosen.working_age
    index = np.repeat(np.arange(chosen.size), adults)
    spouse = np.arange(index.size) != np.repeat(np.cumsum(adults) - adults, adults)
    employed = chosen.employed[index] & ~spouse
    in_labour_force = chosen.labour_force[index] & ~spouse
    reported, wage = _reported(
        employed, in_labour_force, chosen.wage[index], chosen.key[index] * 2 + spouse, params, keyed
    )
    status = _labour_status(reported, in_labour_force)
    origin = np.array(world.origins, dtype=object)[chosen.origin[index]]
    return pd.DataFrame(
        {
            "_index": index,
            "dwelling": chosen.key[index],
            "relationship": np.where(spouse, "spouse", "reference person"),
            "wave": wave[index],
            "responded": answered[index],
            "destination": np.array(world.destinations, dtype=object)[chosen.destination[index]],
            "region": _region_names(world, chosen.destination[index], chosen.region[index]),
            "born_abroad": True,
            "place_of_birth": origin,
            "parents_birthplace": origin,
            "year_of_arrival": chosen.arrival[index],
            "education": np.where(
                np.where(spouse, chosen.spouse_skill[index], chosen.skill[index]) == 1,
                "tertiary",
                "below tertiary",
            ),
            "labour_status": status,
            "wage": wage,
        }
    )


def _grown_records(grown: GrownPeople, world: World) -> dict[str, np.ndarray]:
    """Migrants' grown children of working age, as persons of the frame."""
    adults = grown.subset(~grown.retired)
    country = np.array(world.destinations, dtype=object)[adults.destination]
    origin = np.array(world.origins, dtype=object)[adults.origin]
    return {
        "key": adults.key,
        "destination": country,
        "region": _region_names(world, adults.destination, adults.region),
        "born_abroad": adults.foreign_born,
        "place_of_birth": np.where(adults.foreign_born, origin, country),
        "parents_birthplace": origin,
        "skill": adults.skill,
        "employed": adults.employed,
        "wage": adults.wage,
    }


def _native_records(native: NativePeople, world: World) -> dict[str, np.ndarray]:
    """Native workers, as persons of the frame."""
    workers = np.flatnonzero(native.working_age)
    country = np.array(world.destinations, dtype=object)[native.destination[workers]]
    return {
        "key": native.key[workers],
        "destination": country,
        "region": _region_names(world, native.destination[workers], native.region[workers]),
        "born_abroad": np.zeros(workers.size, dtype=bool),
        "place_of_birth": country,
        "parents_birthplace": country,
        "skill": native.skill[workers],
        "employed": native.employed[workers],
        "wage": native.wage[workers],
    }


def _person_rows(
    people: dict[str, np.ndarray], params: Measurement, keyed: KeyedRandom, year: int
) -> pd.DataFrame:
    """Sampled persons who are their own dwelling (natives, grown children), all in the labour
    force."""
    prn = permanent_uniform(keyed, "lfs sample", people["key"])
    in_sample, wave = rotation(prn, year, params)
    chosen = np.flatnonzero(in_sample)
    keys = people["key"][chosen]
    refusal = params.lfs_nonresponse + params.lfs_attrition * (wave[chosen] > 1)
    answered = keyed.uniform("lfs response", keys) >= refusal
    in_labour_force = np.ones(chosen.size, dtype=bool)
    reported, wage = _reported(
        people["employed"][chosen], in_labour_force, people["wage"][chosen], keys, params, keyed
    )
    return pd.DataFrame(
        {
            "_index": 0,
            "dwelling": keys,
            "relationship": "reference person",
            "wave": wave[chosen],
            "responded": answered,
            "destination": people["destination"][chosen],
            "region": people["region"][chosen],
            "born_abroad": people["born_abroad"][chosen],
            "place_of_birth": people["place_of_birth"][chosen],
            "parents_birthplace": people["parents_birthplace"][chosen],
            "year_of_arrival": -1,
            "education": np.where(people["skill"][chosen] == 1, "tertiary", "below tertiary"),
            "labour_status": _labour_status(reported, in_labour_force),
            "wage": wage,
            "variance_group": _groups(prn[chosen], year, params),
        }
    )


def _reported(
    employed: np.ndarray,
    in_labour_force: np.ndarray,
    wage: np.ndarray,
    keys: np.ndarray,
    params: Measurement,
    keyed: KeyedRandom,
) -> tuple[np.ndarray, np.ndarray]:
    """Employment as recorded (misclassified in the labour force) and the wage reported."""
    flipped = in_labour_force & (
        keyed.uniform("lfs status", keys) < params.lfs_status_misclassification
    )
    reported = employed ^ flipped
    sd = params.lfs_wage_error_sd
    error = np.exp(sd * keyed.normal("lfs wage", keys) - 0.5 * sd**2)
    # Someone recorded as employed by mistake reports no wage (item non-response).
    return reported, np.where(reported & employed, wage * error, np.nan)


def _labour_status(employed: np.ndarray, in_labour_force: np.ndarray) -> np.ndarray:
    status = np.where(employed, "employed", "unemployed").astype(object)
    status[~in_labour_force] = "inactive"
    return status


def _weights(frame: pd.DataFrame, fraction: float) -> np.ndarray:
    """Design weight times sampled over responding dwellings in the weighting class."""
    classes = [frame["destination"], frame["region"], frame["born_abroad"]]
    sampled = frame.groupby(classes, sort=False)["responded"].transform("size")
    responding = frame.groupby(classes, sort=False)["responded"].transform("sum")
    adjustment = np.where(responding > 0, sampled / np.maximum(responding, 1), np.nan)
    return np.where(frame["responded"], adjustment / fraction, np.nan)
