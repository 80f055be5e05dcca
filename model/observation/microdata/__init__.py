"""Microdata that statistical offices and administrations hold: person records, not tables.

Every source reads the model through :mod:`model.observation.microdata.snapshot` (who is where at
the end of a year) and :mod:`model.observation.microdata.year_events` (what happened in it), the
two modules that know the model's state; :mod:`model.observation.microdata.persons` spells out
the people the model holds as counts (natives, migrants' grown children). Each source then
applies its own documented error model:

* :mod:`~model.observation.microdata.census_sample`: the census microdata sample (place of
  birth, year of arrival, citizenship, legal status, labour status, earnings band, region,
  language, household links);
* :mod:`~model.observation.microdata.labour_force_survey`: a labour force survey with a rotating
  panel, non-response and measurement error;
* :mod:`~model.observation.microdata.registers`: immigration and emigration as the destination's
  population register and the origin's records count them;
* :mod:`~model.observation.microdata.admin_lists`: two administrative lists of irregular migrants
  (police apprehensions, emergency health care) for capture-recapture.

The truth these sources are scored against is computed from the same snapshot
(:mod:`~model.observation.microdata.indicators`).
"""
