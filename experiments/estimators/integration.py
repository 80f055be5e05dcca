"""Integration indicators estimated from the census sample and the labour force survey.

Each indicator is the formula of :mod:`model.observation.microdata.indicators` (the one the
truth uses) applied to totals weighted up from a sample, with random-group standard errors
(Wolter 2007) and t intervals. Migrants are the foreign-born; natives the native-born of
native-born parents (both sources record the parents' place of birth), so migrants' children born
at the destination count in neither group; the retired are not of working age:

* from the census sample: the employment gap (natives' employment rate minus working-age
  migrants'), the dissimilarity index of migrants (reference persons) against native workers
  across regions (Duncan & Duncan 1955; small samples bias it upwards: Carrington & Troske 1997,
  J. Bus. Econ. Stat. 15), and the share of migrants who speak the language well enough for a
  skilled job;
* from the labour force survey: the unemployment gap (migrants' minus natives' rate) and the
  wage gap at equal skill (Chiswick 1978), from reported wages.

Exact in principle, with no error and complete samples (natives only to rounding, because the
model's natives are fractional counts spelled out as whole persons); the labour force survey's
under-coverage, selective non-response and reporting errors, and the census's undercount,
bias them.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from experiments.estimators.base import ALL, Estimate
from experiments.estimators.common import of_year
from experiments.estimators.design import Choose, random_groups
from model.observation.microdata import indicators
from model.observation.observer import Observations

REFERENCE = "reference person"


def _born_abroad(sample: pd.DataFrame) -> pd.Series:
    return sample["place_of_birth"] != sample["destination"]


def _natives(sample: pd.DataFrame) -> pd.Series:
    """Born at the destination to parents born there."""
    return sample["parents_birthplace"] == sample["destination"]


def _working_age(sample: pd.DataFrame) -> pd.Series:
    return ~sample["labour_status"].isin(["not working age", "retired"])


def employment_gap(sample: pd.DataFrame) -> float:
    """Natives' employment rate minus working-age migrants' (census sample)."""
    working = _working_age(sample)
    natives = sample[_natives(sample) & working]
    migrants = sample[_born_abroad(sample) & working]
    weight = "weight"
    return indicators.employment_gap(
        natives.loc[natives["labour_status"] == "employed", weight].sum(),
        natives[weight].sum(),
        migrants.loc[migrants["labour_status"] == "employed", weight].sum(),
        migrants[weight].sum(),
    )


def dissimilarity(sample: pd.DataFrame) -> float:
    """Dissimilarity of migrants against native workers across regions (census sample)."""
    migrants = sample[_born_abroad(sample) & (sample["relationship"] == REFERENCE)]
    natives = sample[_natives(sample) & _working_age(sample)]
    destinations = sorted(set(sample["destination"]))
    by_region = [
        (
            migrants[migrants["destination"] == d].groupby("region")["weight"].sum(),
            natives[natives["destination"] == d].groupby("region")["weight"].sum(),
        )
        for d in destinations
    ]
    aligned = [m.align(n, fill_value=0.0) for m, n in by_region]
    return indicators.dissimilarity(
        [m.to_numpy() for m, _ in aligned], [n.to_numpy() for _, n in aligned]
    )


def language_shift(sample: pd.DataFrame) -> float:
    """Share of migrants (reference persons) who speak the language well or very well."""
    migrants = sample[_born_abroad(sample) & (sample["relationship"] == REFERENCE)]
    fluent = migrants["language"].isin(["well", "very well"])
    return indicators.ratio(migrants.loc[fluent, "weight"].sum(), migrants["weight"].sum())


def unemployment_gap(survey: pd.DataFrame) -> float:
    """Migrants' unemployment rate minus natives' (labour force survey)."""
    active = survey[survey["labour_status"] != "inactive"]
    migrants = active[active["born_abroad"] & (active["relationship"] == REFERENCE)]
    natives = active[_natives(active)]
    unemployed_m = migrants.loc[migrants["labour_status"] == "unemployed", "weight"].sum()
    unemployed_n = natives.loc[natives["labour_status"] == "unemployed", "weight"].sum()
    return indicators.unemployment_gap(
        unemployed_m, migrants["weight"].sum(), unemployed_n, natives["weight"].sum()
    )


def wage_gap(survey: pd.DataFrame) -> float:
    """One minus migrants' mean wage relative to natives of the same skill (labour force survey)."""
    paid = survey[survey["wage"].notna()]
    natives = paid[_natives(paid)]
    native_wage = (natives["wage"] * natives["weight"]).groupby(natives["education"]).sum() / (
        natives["weight"].groupby(natives["education"]).sum()
    )
    migrants = paid[paid["born_abroad"] & (paid["relationship"] == REFERENCE)]
    relative = migrants["wage"] / migrants["education"].map(native_wage).astype(float)
    keep = relative.notna()
    return indicators.wage_gap(
        float((relative[keep] * migrants.loc[keep, "weight"]).sum()),
        float(migrants.loc[keep, "weight"].sum()),
    )


# Each indicator's statistic of the records of one source, and its column in the truth.
Indicators = dict[str, tuple[Callable[[pd.DataFrame], float], str]]

CENSUS_INDICATORS: Indicators = {
    "employment gap": (employment_gap, "employment_gap"),
    "dissimilarity index": (dissimilarity, "dissimilarity_index"),
    "language shift": (language_shift, "language_shift"),
}
SURVEY_INDICATORS: Indicators = {
    "unemployment gap": (unemployment_gap, "unemployment_gap"),
    "wage gap": (wage_gap, "wage_gap"),
}


def integration_indicators(observations: Observations, year: int) -> list[Estimate]:
    """Every integration indicator in a census year, from the census sample and the survey."""
    truth = of_year(observations.truth["integration"], year).iloc[0]
    params = observations.measurement
    sources = [
        (CENSUS_INDICATORS, "census_sample", params.census_sample_fraction),
        (SURVEY_INDICATORS, "labour_force_survey", params.lfs_fraction),
    ]
    results = []
    for family, table, fraction in sources:
        records = of_year(observations.microdata[table], year)
        for name, (statistic, column) in family.items():

            def indicator(
                choose: Choose,
                statistic: Callable[[pd.DataFrame], float] = statistic,
                records: pd.DataFrame = records,
            ) -> float:
                return statistic(choose(records))

            value = random_groups(indicator, fraction)
            low, high = value.interval
            results.append(
                Estimate(
                    name,
                    str(year),
                    ALL,
                    ALL,
                    value.value,
                    low,
                    high,
                    float(truth[column]),
                    value.se,
                )
            )
    return results
