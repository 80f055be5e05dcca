"""The census microdata sample: one record per person of a sample of enumerated dwellings.

Statistical offices release a sample of census records, typically 5-10% of households
(IPUMS-International), with the questions the UN recommends for the study of international
migration (UN Principles and Recommendations for Population and Housing Censuses, Rev. 3, 2017,
§§ 4.80-4.95): place of birth, year of arrival, citizenship, and here also the parents' place of
birth (a topic of the UNECE Conference of European Statisticians' Recommendations for the 2020
Censuses, to identify the second generation), legal status, labour status, an earnings band,
region of residence, command of the language and household links (dwelling and relationship to
its reference person).

Who is in it (docs/ODD.md §7.8a): a migrant's dwelling holds the migrant, the spouse, the
children who joined (born at origin) and the children born at the destination (place of birth:
the destination; parents' place of birth: the origin; the family's citizenship and status, for
the destination has no birthright citizenship in the model). Migrants' grown children live in
dwellings of their own, citizens, born at origin (they came as children) or at the destination;
the model keeps no year of arrival for those who came as children (``-1``, as for the
destination-born) and no language for them: they went to school at the destination and are
recorded as speaking its language very well. The retired (migrants with their spouses, grown
children) have the labour status ``retired``.

Error model (parameters in the scenario's ``measurement`` section):

* coverage: only the dwellings the census enumerated can be sampled
  (``census_undercount_irregular``, ``census_undercount_regular``; natives are enumerated in full);
* sampling: each enumerated dwelling is drawn with probability ``census_sample_fraction``
  (Poisson sampling by a permanent random number; Ohlsson 1995, Coordination of samples using
  permanent random numbers), so its weight is the inverse of that fraction;
* the legal-status question: enumerated irregular migrants declare a legal status with
  probability ``census_status_concealment``.

Natives and grown children are sampled as persons, each their own dwelling (the model has no
households at the destination).
Family members' language is not recorded (the model holds the migrant's only). Every record
carries the random group of its dwelling (``variance_group``, 0-9) for variance estimation by
random groups (Wolter 2007, Introduction to Variance Estimation, ch. 2).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from model.observation.microdata.persons import GrownPeople, NativePeople
from model.observation.microdata.snapshot import Dwellings, World
from model.population import STATUS_NAMES, TEMPORARY

if TYPE_CHECKING:
    from model.randomness import KeyedRandom
    from model.scenario.measurement import Measurement

RANDOM_GROUPS = 10
# Upper bounds of the earnings bands (PPP $ a year); the last band is open.
EARNINGS_BANDS = (10_000.0, 20_000.0, 40_000.0, 80_000.0)
EARNINGS_LABELS = ("under 10k", "10k-20k", "20k-40k", "40k-80k", "80k and over")
RELATIONSHIPS = ("reference person", "spouse", "child")
LANGUAGE_LEVELS = ("not well", "well", "very well")


def sampled(uniform: np.ndarray, fraction: float) -> tuple[np.ndarray, np.ndarray]:
    """Poisson sampling by permanent random numbers: who is drawn, and their random group."""
    drawn = uniform < fraction
    group = np.minimum((uniform / fraction * RANDOM_GROUPS).astype(np.int64), RANDOM_GROUPS - 1)
    return drawn, group


def earnings_band(wage: np.ndarray) -> np.ndarray:
    """The band of each wage (a label; 'no earnings' without a job)."""
    labels = np.array(EARNINGS_LABELS, dtype=object)[np.searchsorted(EARNINGS_BANDS, wage)]
    return np.where(wage > 0, labels, "no earnings")


def language_level(language: np.ndarray, threshold: float) -> np.ndarray:
    """Self-reported command of the language: below the level of a skilled job, at it, fluent."""
    fluent = (1.0 + threshold) / 2.0
    level = (language >= threshold).astype(np.int64) + (language >= fluent)
    return np.array(LANGUAGE_LEVELS, dtype=object)[level]


def draw(
    dwellings: Dwellings,
    counted: np.ndarray,
    native: NativePeople,
    grown: GrownPeople,
    grown_counted: np.ndarray,
    world: World,
    params: Measurement,
    keyed: KeyedRandom,
    family_arrival: np.ndarray,
) -> pd.DataFrame:
    """The census sample of this year, one row per person.

    Args:
        dwellings: Everyone living with a migrant.
        counted: Which of their dwellings the census enumerated.
        native: The natives as persons.
        grown: Migrants' grown children as persons.
        grown_counted: Which of them the census enumerated.
        world: Names of countries and regions.
        params: The measurement errors and design.
        keyed: The observers' keyed random numbers (its ``year`` is the census year).
        family_arrival: Year each dwelling's family joined (-1 where none did).
    """
    fraction = params.census_sample_fraction
    drawn, group = sampled(keyed.uniform("census sample", dwellings.key), fraction)
    chosen = np.flatnonzero(drawn & counted)
    migrants = _migrant_records(dwellings.subset(chosen), world, params, keyed, family_arrival)
    migrants["variance_group"] = np.repeat(group[chosen], dwellings.persons[chosen])
    drawn, group = sampled(keyed.uniform("census sample", grown.key), fraction)
    chosen = np.flatnonzero(drawn & grown_counted)
    children = _grown_records(grown.subset(chosen), world, group[chosen])
    drawn, group = sampled(keyed.uniform("census sample", native.key), fraction)
    natives = _native_records(native, np.flatnonzero(drawn), world, group)
    frame = pd.concat([migrants, children, natives], ignore_index=True)
    frame.insert(0, "year", world.year)
    frame["weight"] = 1.0 / fraction
    return frame


def _migrant_records(
    chosen: Dwellings,
    world: World,
    params: Measurement,
    keyed: KeyedRandom,
    family_arrival: np.ndarray,
) -> pd.DataFrame:
    """Records of the sampled dwellings abroad: the migrant, the spouse, the children who
    joined, then the children born at the destination."""
    persons = chosen.persons
    dwelling = np.repeat(np.arange(chosen.size), persons)
    line = np.arange(dwelling.size) - np.repeat(np.cumsum(persons) - persons, persons)
    has_spouse = chosen.spouse[dwelling]
    role = np.where(line == 0, 0, np.where(has_spouse & (line == 1), 1, 2))
    born_here = line >= chosen.foreign_born[dwelling]
    joined = family_arrival[dwelling]
    arrival = np.where((role > 0) & (joined >= 0), joined, chosen.arrival[dwelling])
    declared = _declared_status(chosen, params, keyed)[dwelling]
    reference = role == 0
    retired = chosen.retired[dwelling]
    employed = chosen.employed[dwelling] & reference
    unemployed = reference & chosen.labour_force[dwelling] & ~chosen.employed[dwelling]
    labour = np.where(employed, "employed", np.where(unemployed, "unemployed", "inactive")).astype(
        object
    )
    labour[retired & (role < 2)] = "retired"
    labour[role == 2] = "not working age"
    education = np.where(reference, chosen.skill[dwelling], chosen.spouse_skill[dwelling])
    education = np.where(role == 2, -1, education)
    language = language_level(chosen.language[dwelling], world.language_threshold)
    language[~reference] = None  # only the reference person answers
    origin = np.array(world.origins, dtype=object)[chosen.origin[dwelling]]
    country = np.array(world.destinations, dtype=object)[chosen.destination[dwelling]]
    return pd.DataFrame(
        {
            "dwelling": chosen.key[dwelling],
            "line": line + 1,
            "relationship": np.array(RELATIONSHIPS, dtype=object)[role],
            "destination": country,
            "region": _region_names(world, chosen.destination[dwelling], chosen.region[dwelling]),
            "place_of_birth": np.where(born_here, country, origin),
            "parents_birthplace": origin,
            "year_of_arrival": np.where(born_here, -1, arrival),
            "citizenship": np.where(chosen.citizen[dwelling], country, origin),
            "legal_status": declared,
            "labour_status": labour,
            "earnings_band": earnings_band(np.where(employed, chosen.wage[dwelling], 0.0)),
            "education": _education(education),
            "language": language,
        }
    )


def _declared_status(chosen: Dwellings, params: Measurement, keyed: KeyedRandom) -> np.ndarray:
    """Legal status as declared: 'citizen', 'permanent', 'temporary' or 'irregular'."""
    names = np.array([STATUS_NAMES[s] for s in range(4)], dtype=object)
    declared = names[chosen.status].copy()
    declared[chosen.citizen] = "citizen"
    conceals = keyed.uniform("census status", chosen.key) < params.census_status_concealment
    declared[chosen.irregular & conceals] = STATUS_NAMES[TEMPORARY]
    return declared


def _grown_records(grown: GrownPeople, world: World, group: np.ndarray) -> pd.DataFrame:
    """Records of the sampled grown children: citizens, born at origin or at the destination."""
    country = np.array(world.destinations, dtype=object)[grown.destination]
    origin = np.array(world.origins, dtype=object)[grown.origin]
    labour = np.where(grown.employed, "employed", "unemployed").astype(object)
    labour[grown.retired] = "retired"
    return pd.DataFrame(
        {
            "dwelling": grown.key,
            "line": 1,
            "relationship": RELATIONSHIPS[0],
            "destination": country,
            "region": _region_names(world, grown.destination, grown.region),
            "place_of_birth": np.where(grown.foreign_born, origin, country),
            "parents_birthplace": origin,
            "year_of_arrival": -1,
            "citizenship": country,
            "legal_status": "citizen",
            "labour_status": labour,
            "earnings_band": earnings_band(grown.wage),
            "education": _education(grown.skill),
            "language": np.where(grown.foreign_born, LANGUAGE_LEVELS[-1], "native"),
            "variance_group": group,
        }
    )


def _native_records(
    native: NativePeople, chosen: np.ndarray, world: World, group: np.ndarray
) -> pd.DataFrame:
    """Records of the sampled natives: born, living and citizens in their destination, as their
    parents were."""
    destination = native.destination[chosen]
    country = np.array(world.destinations, dtype=object)[destination]
    working = native.working_age[chosen]
    employed = native.employed[chosen]
    labour = np.where(employed, "employed", "unemployed").astype(object)
    labour[~working] = "not working age"
    return pd.DataFrame(
        {
            "dwelling": native.key[chosen],
            "line": 1,
            "relationship": RELATIONSHIPS[0],
            "destination": country,
            "region": _region_names(world, destination, native.region[chosen]),
            "place_of_birth": country,
            "parents_birthplace": country,
            "year_of_arrival": -1,
            "citizenship": country,
            "legal_status": "citizen",
            "labour_status": labour,
            "earnings_band": earnings_band(native.wage[chosen]),
            "education": _education(native.skill[chosen]),
            "language": "native",
            "variance_group": group[chosen],
        }
    )


def _region_names(world: World, destination: np.ndarray, region: np.ndarray) -> np.ndarray:
    """The name of each person's region."""
    width = max(len(names) for names in world.regions)
    table = np.array([[*names, *[""] * (width - len(names))] for names in world.regions])
    return table.astype(object)[destination, region]


def _education(skill: np.ndarray) -> np.ndarray:
    """'tertiary' for the skilled, 'below tertiary' for the others, None where not asked."""
    labels = np.array(["below tertiary", "tertiary", None], dtype=object)
    return labels[np.where(skill < 0, 2, skill)]
