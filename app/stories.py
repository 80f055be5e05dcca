"""A migrant's story and their household's, in plain words, from the diary's yearly records.

Each event names the mechanism behind it, so following one person shows the rules at work:
why they left (income gain, a shock at home), their permit (temporary, renewed, converted,
expired, overstayed, regularised, naturalised), their job and pay against what they would earn
at home (the place premium), the family joining them, remittances, and their return and why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from model.population import (
    BONUS,
    CHANNEL_NAMES,
    FAILURE,
    FAMILY,
    HIGH,
    HUMANITARIAN,
    IRREGULAR,
    IRREGULAR_ROUTE,
    NATURALISED,
    OTHER_REASON,
    PARTNERSHIP,
    PERMANENT,
    PERMANENT_WORK,
    PERMIT_EXPIRED,
    REMOVED,
    RETURN_REASONS,
    RETURNED,
    STATUS_NAMES,
    STUDY,
    TARGET_MET,
    TEMPORARY,
    TEMPORARY_WORK,
)

if TYPE_CHECKING:
    from app.classroom import ClassroomModel

# A shock that cut a household's income by at least this share is worth telling.
SHOCK_WORTH_TELLING = 0.15

REASON_WORDS = {
    TARGET_MET: "they had saved what they came for (savings target met)",
    PERMIT_EXPIRED: "their permit expired and was not renewed",
    REMOVED: "they were detected and removed (deported)",
    FAILURE: "they could not find work abroad",
    BONUS: "they took the return grant",
    OTHER_REASON: "for family or personal reasons",
}


@dataclass
class Event:
    """Something that happened to a person or a household in one year."""

    year: int
    text: str


@dataclass
class Story:
    """Who someone is now, and what happened to them year by year."""

    title: str
    facts: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    history: dict[str, np.ndarray] = field(default_factory=dict)


def money(value: float) -> str:
    """PPP dollars, rounded for reading."""
    return f"${value:,.0f}"


def channel_words(channel: int, permit_years: int) -> str:
    """How someone entered, in words."""
    return {
        TEMPORARY_WORK: f"with a temporary work permit ({permit_years} years)",
        PERMANENT_WORK: "with a permanent work visa",
        FAMILY: "to join family already there",
        STUDY: "on a study permit",
        HUMANITARIAN: "under humanitarian protection, after a severe shock at home",
        IRREGULAR_ROUTE: "without papers, by the irregular route (costly, risky, no permit)",
        PARTNERSHIP: "after training at home in a skill partnership, with a permit and a job",
    }[channel]


def place(model: ClassroomModel, destination: int, region: int) -> str:
    """Destination and region names."""
    economy = model.destinations[destination]
    return f"{economy.name} ({economy.region_names[region]} region)"


def person_story(model: ClassroomModel, person_id: int) -> Story | None:
    """The story of one person who migrated, or None if the diary never saw them."""
    history = model.diary.person(person_id)
    if history["year"].size == 0:
        return None
    first = {name: values[0] for name, values in history.items()}
    skill = "skilled" if first["skill"] == HIGH else "low-skilled"
    origin = model.origin_names[int(first["origin"])]
    title = f"Person {person_id}: {skill}, from {origin} (household {int(first['household'])})"
    story = Story(title=title, history=history)
    story.events.append(_departure(model, first))
    years = history["year"]
    for i in range(1, years.size):
        before = {name: values[i - 1] for name, values in history.items()}
        now = {name: values[i] for name, values in history.items()}
        abroad_before = history["status"][:i] != RETURNED
        worked_before = bool(((history["wage"][:i] > 0) & abroad_before).any())
        story.events.extend(_changes(model, before, now, worked_before))
    if years[-1] < model.diary.last_year:
        where = "at home" if history["status"][-1] == RETURNED else "abroad"
        story.events.append(
            Event(int(years[-1]) + 1, f"their working life ended ({where}); they leave the model")
        )
    story.facts = _person_facts(model, history)
    return story


def _departure(model: ClassroomModel, first: dict) -> Event:
    """The first record: when and how they left (and, if the diary saw it, why)."""
    year = int(first["departure_year"])
    destination = place(model, int(first["destination"]), int(first["region"]))
    how = channel_words(int(first["channel"]), int(first["permit_left"]))
    if int(first["year"]) == 0:
        text = f"before the simulation started, left for {destination} {how}"
        if int(first["status"]) == RETURNED:
            text = "had been abroad and come home before the simulation started"
        return Event(year, text)
    text = f"left home for {destination} {how}"
    household = model.diary.household(int(first["household"]))
    loss = household["shock_loss"][year]
    income = household["income"][year] + loss
    if income > 0 and loss / income >= SHOCK_WORTH_TELLING:
        text += (
            f"; a shock had just cut the household's income by {loss / income:.0%}, "
            "and a member abroad spreads the risk"
        )
    else:
        text += "; the household expected far higher earnings abroad than at home"
    return Event(year, text)


def _changes(model: ClassroomModel, before: dict, now: dict, worked_before: bool) -> list[Event]:
    """What changed between two consecutive yearly records of one person."""
    year = int(now["year"])
    was, status = int(before["status"]), int(now["status"])
    events: list[str] = []
    if was != RETURNED and status == RETURNED:
        events.append(_return_words(model, before, now))
    elif was == RETURNED and status != RETURNED:
        destination = place(model, int(now["destination"]), int(now["region"]))
        events.append(
            f"left again for {destination} (trip {int(now['trips'])}) with a new temporary "
            "permit: circular re-entry"
        )
    elif status != RETURNED:
        events.extend(_status_words(model, before, now))
        events.extend(_work_words(before, now, worked_before))
        persons = 1 + int(now["dependants"]) + int(now["spouse"] > 0)
        if persons > 1 + int(before["dependants"]) + int(before["spouse"] > 0):
            events.append(
                f"their family joined them abroad ({persons} people now): family reunification; "
                "remittances home usually fall after it"
            )
    return [Event(year, text) for text in events]


def _return_words(model: ClassroomModel, before: dict, now: dict) -> str:
    """Going home: after how long, why, and with what savings."""
    reason = int(now["return_reason"])
    sent = float(now["remitted_total"] - before["remitted_total"])
    saved = float(before["savings"] + now["income"] - now["consumption"] - sent)
    origin = model.origin_names[int(now["origin"])]
    why = REASON_WORDS.get(reason, RETURN_REASONS[reason] or "for other reasons")
    text = f"returned home to {origin} after {int(now['years_abroad'])} years abroad: {why}"
    if reason != REMOVED and saved > 0:
        text += f"; brought savings of {money(saved)} home to the household"
    return text


def _status_words(model: ClassroomModel, before: dict, now: dict) -> list[str]:
    """Permit changes while abroad."""
    was, status = int(before["status"]), int(now["status"])
    destination = model.destinations[int(now["destination"])].name
    words = {
        (TEMPORARY, PERMANENT): "temporary permit converted to permanent residence",
        (
            TEMPORARY,
            IRREGULAR,
        ): "permit expired; stayed on without papers (overstay): now irregular",
        (IRREGULAR, TEMPORARY): "regularised: received a temporary permit",
        (PERMANENT, NATURALISED): f"naturalised: became a citizen of {destination}",
    }
    if (was, status) in words:
        return [words[(was, status)]]
    if was == status == TEMPORARY and now["permit_left"] > before["permit_left"]:
        return [f"permit renewed for {int(now['permit_left'])} years (they had a job)"]
    return []


def _work_words(before: dict, now: dict, worked_before: bool) -> list[str]:
    """Jobs and pay abroad, compared with what the same person would earn at home."""
    events = []
    if now["wage"] > 0 and before["wage"] == 0 and now["employed"]:
        premium = now["wage"] / max(float(now["home_income"]), 1.0)
        job = "a skilled job" if now["occupation"] == HIGH else "a low-skilled job"
        start = "back in work" if worked_before else "first pay abroad"
        events.append(
            f"{start}: {job} at {money(now['wage'])} a year, {premium:.1f} times what they "
            f"would earn at home ({money(now['home_income'])}): the place premium"
        )
    elif before["employed"] and not now["employed"]:
        events.append("lost their job (the business cycle, or a contract ended)")
    if now["recognised"] and not before["recognised"]:
        events.append("foreign credentials recognised")
    if now["employed"] and before["employed"] and now["occupation"] > before["occupation"]:
        events.append("moved up to a skilled job (credentials recognised, language good enough)")
    return events


def _person_facts(model: ClassroomModel, history: dict[str, np.ndarray]) -> list[str]:
    """The person's state in the latest year they were seen."""
    last = {name: values[-1] for name, values in history.items()}
    status = int(last["status"])
    facts = [f"Status: {STATUS_NAMES[status]} (entered by {CHANNEL_NAMES[int(last['channel'])]})"]
    if status == RETURNED:
        origin = model.origin_names[int(last["origin"])]
        facts.append(f"Lives at home in {origin} again; earns {money(last['wage'])} a year")
    else:
        facts.append(f"Lives in {place(model, int(last['destination']), int(last['region']))}")
        job = "employed" if last["employed"] else "not employed"
        facts.append(f"{job}; wage {money(last['wage'])} a year; savings {money(last['savings'])}")
    sent = np.diff(history["remitted_total"], prepend=0.0)
    facts.append(
        f"Sent home {money(last['remitted_total'])} in all (fees included), "
        f"{money(sent[-1])} in the latest year"
    )
    facts.append(f"Trips abroad: {int(last['trips'])}")
    return facts
