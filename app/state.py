"""What the app reads from a running model, gathered here.

Beyond the people and households tables (whose columns docs/ODD.md, sections 2.2 and 2.3,
describes), the views, charts and stories read the model's yearly indicators, the parties'
welfare so far, who lives in each household, this year's returns and remittances, and the
poverty lines, through these functions only: a change in how the model holds its state is met in
this one module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from model.population import RETURNED
from model.population import residents as household_residents

if TYPE_CHECKING:
    from app.classroom import ClassroomModel
    from model.model import TripleWinModel


def yearly(model: TripleWinModel) -> pd.DataFrame:
    """The model's yearly indicators so far."""
    return model.recorder.frame(model.year)


def paired_yearly(model: ClassroomModel) -> tuple[pd.DataFrame, pd.DataFrame]:
    """This run's and the baseline's yearly indicators so far."""
    return yearly(model), model.baseline.recorder.frame(model.year)


def welfare_so_far(model: TripleWinModel) -> dict[str, float]:
    """The three parties' welfare up to this year, flat (present values, person-years,
    channels, groups: :meth:`model.welfare.WelfareObserver.so_far`); empty before year 1."""
    return model.welfare.so_far(model)


def welfare_pairs(model: ClassroomModel) -> list[tuple[dict[str, float], dict[str, float]]]:
    """Each year's welfare so far of the baseline and of this run, in year order."""
    return model.welfare_records


def margin(model: TripleWinModel) -> float:
    """The margin of a change too small to matter (PPP $ per person per year)."""
    return float(model.params.welfare.margin)


def returnees(model: TripleWinModel) -> np.ndarray:
    """Returnees living in each household."""
    people = model.migrants
    returned = people.status == RETURNED
    return np.bincount(people.household[returned], minlength=model.households.size)


def residents(model: TripleWinModel) -> np.ndarray:
    """People living in each household: members at home and returnees."""
    return household_residents(model.households, model.migrants)


def returns_this_year(model: TripleWinModel) -> np.ndarray:
    """Rows of the migrants table who returned home this year."""
    if not model.year:
        return np.zeros(0, dtype=np.int64)
    return np.asarray(model.events.returned.rows)


def remittances_by_corridor(model: TripleWinModel) -> np.ndarray:
    """This year's remittances per corridor: sent (row 0) and received after fees (row 1)."""
    if not model.year:
        return np.zeros((2, len(model.corridors)))
    return np.asarray(model.flows.remittances_by_corridor, dtype=float)


def poverty_lines(model: TripleWinModel) -> np.ndarray:
    """Each origin's poverty line (PPP $ per person a year), in the order of the origins."""
    return np.array([model.params.origins[name].poverty_line for name in model.origin_names])
