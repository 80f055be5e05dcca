"""Step 9: the human capital that feeds origin TFP, measured from the population.

TFP at origin responds to the skilled share of resident working-age adults (Moretti 2004;
Docquier & Rapoport 2012), to the share of returnees among them (Wahba 2015) and to the share of
the origin's people living abroad (Kerr 2008); :meth:`OriginEconomy.update` applies them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from model.origin_economy import HumanCapital
from model.population import HIGH, RETURNED

if TYPE_CHECKING:
    from model.model import TripleWinModel


def human_capital(model: TripleWinModel, origin: int) -> HumanCapital:
    """Skilled, returnee and diaspora shares of one origin, from the population columns.

    Working-age adults are the members at home of working age and the returnees still working;
    residents add the youth, the retired at home and retired returnees.
    """
    table, people = model.households, model.migrants
    mine = table.origin == origin
    returned = (people.status == RETURNED) & (people.origin == origin)
    working = returned & ~people.retired
    returnees = float(working.sum())
    skilled = float(table.workers_high[mine].sum()) + float((people.skill[working] == HIGH).sum())
    adults = float(table.workers_low[mine].sum() + table.workers_high[mine].sum()) + returnees
    residents = (
        adults
        + float(table.youth[mine].sum())
        + float(table.elderly[mine].sum())
        + float((returned & people.retired).sum())
    )
    abroad = np.flatnonzero(people.abroad() & (people.origin == origin))
    emigrants = float(people.persons(abroad).sum())
    return HumanCapital(
        skilled=skilled / max(adults, 1.0),
        returnees=returnees / max(adults, 1.0),
        diaspora=emigrants / max(residents + emigrants, 1.0),
        residents=residents,
    )
