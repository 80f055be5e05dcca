"""A household's story: who lives at home, who is abroad, and what remittances did for it.

The household is where the origin side of the triple win happens: remittances raise its
consumption above the poverty line and insure it against shocks; savings brought home start
enterprises; sending a member abroad costs money, so the poorest cannot go.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from app import state
from app.stories import SHOCK_WORTH_TELLING, Event, Story, money
from model.population import RETURNED

if TYPE_CHECKING:
    from app.classroom import ClassroomModel

# Consumption and remittances are first computed in year 1 (year 0 is the initial state), so
# changes in them are told from year 2 on.
FIRST_COMPARABLE_YEAR = 2


def poverty_line(model: ClassroomModel, row: int) -> float:
    """Poverty line of the household's origin (PPP $ per person per year)."""
    return float(state.poverty_lines(model)[int(model.households.origin[row])])


def consumption_per_person(history: dict[str, np.ndarray]) -> np.ndarray:
    """Consumption per resident, year by year (NaN in years when nobody lived at home)."""
    residents = history["residents"]
    return np.where(residents > 0, history["consumption"] / np.maximum(residents, 1.0), np.nan)


def household_story(model: ClassroomModel, row: int) -> Story:
    """The story of origin household ``row``: its members, money and the years that mattered."""
    history = model.diary.household(row)
    line = poverty_line(model, row)
    origin = model.origin_names[int(model.households.origin[row])]
    story = Story(title=f"Household {row}, {origin}", history=history)
    story.facts = _household_facts(history, line)
    story.events = _household_events(model, row, history, line)
    return story


def _household_facts(history: dict[str, np.ndarray], line: float) -> list[str]:
    now = {name: values[-1] for name, values in history.items()}
    per_person = float(consumption_per_person(history)[-1])
    side = "above" if per_person >= line else "below"
    living = (
        f"Consumption: {money(per_person)} per person a year, {side} the poverty line "
        f"({money(line)})"
        if now["residents"] > 0
        else "Nobody lives at home now: everyone is abroad"
    )
    return [
        f"At home: {int(now['workers_low'])} low-skilled and {int(now['workers_high'])} skilled "
        f"workers, {int(now['youth'])} young people, {int(now['returnees'])} returnee(s)",
        f"Abroad: {int(now['members_abroad'])} member(s) (migrants and family who joined them)",
        f"Remittances received in the latest year: {money(now['remittances_received'])}",
        living,
        f"Wealth: {money(now['wealth'])}; business capital: {money(now['enterprise_capital'])}",
    ]


def _household_events(
    model: ClassroomModel, row: int, history: dict[str, np.ndarray], line: float
) -> list[Event]:
    """Shocks, departures and returns, crossings of the poverty line, a business started."""
    events = []
    per_person = consumption_per_person(history)
    poor = per_person < line
    known = np.isfinite(per_person)
    for year in range(1, history["year"].size):
        loss, income = history["shock_loss"][year], history["income"][year]
        if income + loss > 0 and loss / (income + loss) >= SHOCK_WORTH_TELLING:
            share = loss / (income + loss)
            events.append(Event(year, f"a shock cut the household's income by {share:.0%}"))
        if year < FIRST_COMPARABLE_YEAR:
            continue
        if history["remittances_received"][year] > 0 >= history["remittances_received"][year - 1]:
            events.append(Event(year, "remittances started to arrive"))
        if known[year] and known[year - 1] and poor[year] != poor[year - 1]:
            words = "fell below" if poor[year] else "rose above"
            events.append(Event(year, f"consumption per person {words} the poverty line"))
        if history["enterprise_capital"][year] > history["enterprise_capital"][year - 1]:
            events.append(Event(year, "invested in a family business (savings or remittances)"))
    for person in model.diary.people_of(row):
        first = model.diary.person(person)
        departure = int(first["departure_year"][0])
        if first["year"][0] > 0:
            events.append(Event(departure, f"person {person} left for abroad"))
        returns = np.flatnonzero(np.diff((first["status"] == RETURNED).astype(int)) == 1) + 1
        for at in returns:
            events.append(Event(int(first["year"][at]), f"person {person} came home"))
    return sorted(events, key=lambda event: event.year)
