"""The three parties' welfare over the run: discounted, channel by channel, at several horizons.

Who counts (docs/ODD.md §7.19). Two fixed populations are matched across paired runs: the
origin-born (every member of an origin household at the start and their descendants, wherever
they live; households are the same rows in every run of a seed) and the destination's natives
(an exogenous population, the same in every run). The origin-born are split into two parties by
how they live each year: **migrants** are the people who moved, for the years they live abroad
(their own share of their budget, as one equivalent adult); **origin** is everyone else of the
origin-born: the members at home (returnees and the retired included), the family living with a
migrant abroad (their share of the budget) and the migrants' grown children abroad. Naturalised
migrants remain migrants: party membership follows birth and movement, never legal status, so no
policy can move people between parties by naturalising them. **Destination** is the natives.

What counts: consumption, net of the extra living costs of life abroad, in PPP dollars; its
present value over the run at ``welfare.discount_rate``; plus the assets the party holds at the
horizon less those it held at the start, less the public debt its state has added (the natives
bear their state's, the origin's residents theirs). Each party's welfare is the sum of its
channels (:mod:`model.channels`), exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from model import channels, sectors
from model.population import residents

if TYPE_CHECKING:
    from model.model import TripleWinModel

PARTIES = ("migrants", "origin", "destination")
HORIZONS = (10, 20)
STATUSES = ("temporary", "permanent", "irregular", "naturalised")
POOREST_SHARE = 0.4


@dataclass
class PartyWelfare:
    """A party's discounted welfare so far, by channel, and the discounted person-years of the
    population it is counted per (the origin-born for migrants and origin, the natives)."""

    channels: dict[str, float] = field(default_factory=dict)
    years: float = 0.0

    def add(self, items: dict[str, float], factor: float) -> None:
        """Add this year's items, discounted by ``factor``."""
        for channel, amount in items.items():
            channels.add(self.channels, channel, factor * amount)

    def total(self) -> float:
        """The sum of the channels."""
        return float(sum(self.channels.values()))


@dataclass
class Group:
    """A group's discounted welfare and person-years so far."""

    welfare: float = 0.0
    years: float = 0.0


class WelfareObserver:
    """Accumulates the parties' and groups' welfare every year; snapshots at each horizon.

    A run observer (:class:`model.model.RunObserver`) that reads the year's welfare items
    (``model.flows.welfare``), the money books and the population.

    Attributes:
        horizons: The years at which welfare is taken (10, 20 and the last, those within the run).
        results: Per horizon: each party's welfare, person-years and channels, and the groups'.
    """

    def __init__(self, horizon: int) -> None:
        self.horizons = sorted({h for h in HORIZONS if h < horizon} | {horizon})
        self.results: dict[int, dict[str, Any]] = {}
        self.latest: dict[str, float] = {name: float("nan") for name in PARTIES}
        self.parties = {name: PartyWelfare() for name in PARTIES}
        self.groups: dict[str, Group] = {}

    def start(self, model: TripleWinModel) -> None:
        """The starting assets and debts, and the poorest households at the start."""
        self.beta = 1.0 / (1.0 + model.params.welfare.discount_rate)
        self.start_assets = _assets(model)
        self.start_debt = (
            float(model.origin_finances.debt.sum()),
            float(model.destination_finances.debt.sum()),
        )
        table, people = model.households, model.migrants
        persons = np.maximum(residents(table, people), 1)
        wages = model.markets.origin_wages[table.origin]
        income = table.ability * (
            wages[:, 0] * table.workers_low + wages[:, 1] * table.workers_high
        )
        per_person = income / persons
        order = np.argsort(per_person, kind="stable")
        cumulative = np.cumsum(persons[order]) / persons.sum()
        self.poorest = np.zeros(table.size, dtype=bool)
        self.poorest[order[cumulative <= POOREST_SHARE]] = True
        self.household_start = table.wealth + table.enterprise_capital

    def observe(self, model: TripleWinModel) -> None:
        """Add this year's welfare, discounted; take a snapshot at a horizon."""
        if model.year > max(self.horizons):
            return
        factor = self.beta**model.year
        items = model.flows.welfare
        table, people = model.households, model.migrants
        persons = residents(table, people)
        grown = float(model.second_generation.people().sum())
        yearly = {
            "origin": (
                [_origin_household_items(model), items.families_abroad, items.second_generation],
                float(persons.sum()) + items.family_years + grown,
            ),
            "migrants": ([items.migrants], float(items.migrant_years_by_status.sum())),
            "destination": (
                [items.natives],
                sum(d.native_population for d in model.destinations),
            ),
        }
        # Migrants and origin are parts of one fixed population, the origin-born: both are
        # counted per origin-born person, so that their changes add up to the origin-born's.
        origin_born = yearly["origin"][1] + yearly["migrants"][1]
        population = {"migrants": origin_born, "origin": origin_born}
        for name, (parts, people_this_year) in yearly.items():
            party = self.parties[name]
            for part in parts:
                party.add(part, factor)
            per = population.get(name, people_this_year)
            party.years += factor * per
            total = sum(sum(part.values()) for part in parts)
            self.latest[name] = total / per if per > 0 else float("nan")
        self._groups(model, persons, factor)
        if model.year in self.horizons:
            self.results[model.year] = self._snapshot(model, factor)

    def so_far(self, model: TripleWinModel) -> dict[str, float]:
        """The welfare up to this year as a flat record (:func:`flat_record`, this year as the
        end), without keeping a snapshot: for a run watched while it steps (the classroom app)."""
        if not 1 <= model.year <= max(self.horizons):
            return {}
        return flat_record({model.year: self._snapshot(model, self.beta**model.year)})

    def _groups(self, model: TripleWinModel, persons: np.ndarray, factor: float) -> None:
        table = model.households
        items = model.flows.welfare
        stayers = (table.emigrants == 0) & (persons > 0)
        self._add_group(
            "origin_poorest_40",
            table.consumption[self.poorest].sum(),
            persons[self.poorest].sum(),
            factor,
        )
        self._add_group(
            "stayers_without_migrant",
            table.consumption[stayers].sum(),
            persons[stayers].sum(),
            factor,
        )
        for skill, name in enumerate(("natives_low_skilled", "natives_skilled")):
            self._add_group(
                name, items.natives_by_skill[skill], items.native_workers_by_skill[skill], factor
            )
        for index, status in enumerate(STATUSES):
            self._add_group(
                f"migrants_{status}",
                items.migrants_by_status[index],
                items.migrant_years_by_status[index],
                factor,
            )
        worse = self.groups.setdefault("migrants_worse_off_than_at_home", Group())
        worse.welfare += items.migrants_worse_off
        worse.years += float(items.migrant_years_by_status.sum())

    def _add_group(self, name: str, welfare: float, years: float, factor: float) -> None:
        group = self.groups.setdefault(name, Group())
        group.welfare += factor * float(welfare)
        group.years += factor * float(years)

    def _snapshot(self, model: TripleWinModel, factor: float) -> dict[str, Any]:
        """Each party's welfare at this horizon: the flows so far plus assets less debt added."""
        assets = _assets(model)
        debt = (
            float(model.origin_finances.debt.sum()),
            float(model.destination_finances.debt.sum()),
        )
        terminal = {
            "migrants": {
                channels.SAVING: factor * assets["migrants"] - self.start_assets["migrants"]
            },
            "origin": {
                channels.SAVING: factor * assets["origin"] - self.start_assets["origin"],
                channels.PUBLIC_DEBT: -(factor * debt[0] - self.start_debt[0]),
            },
            "destination": {channels.PUBLIC_DEBT: -(factor * debt[1] - self.start_debt[1])},
        }
        parties = {}
        for name, party in self.parties.items():
            total = dict(party.channels)
            for channel, amount in terminal[name].items():
                channels.add(total, channel, amount)
            parties[name] = {
                "welfare": float(sum(total.values())),
                "years": party.years,
                "channels": total,
            }
        groups = {name: {"welfare": g.welfare, "years": g.years} for name, g in self.groups.items()}
        poorest = self.groups["origin_poorest_40"]
        table = model.households
        gained = (table.wealth + table.enterprise_capital)[self.poorest]
        groups["origin_poorest_40"] = {
            "welfare": poorest.welfare
            + float(factor * gained.sum() - self.household_start[self.poorest].sum()),
            "years": poorest.years,
        }
        return {"parties": parties, "groups": groups}


def _assets(model: TripleWinModel) -> dict[str, float]:
    """What the origin-born hold: households' wealth and enterprises (with the family's share of
    the savings abroad) for the origin, the movers' own share of their savings for migrants."""
    table, people = model.households, model.migrants
    rows = np.flatnonzero(people.abroad())
    size = 1.0 + model.params.remittances.dependant_weight * (people.persons(rows) - 1)
    own = people.savings[rows] / size
    households = float((table.wealth + table.enterprise_capital).sum())
    return {
        "migrants": float(own.sum()),
        "origin": households + float(people.savings[rows].sum() - own.sum()),
    }


def _origin_household_items(model: TripleWinModel) -> dict[str, float]:
    """The origin households' budget this year by channel, from the money books.

    Consumption is every booked inflow less every booked outflow less the change of the
    households' stock (which the books measure), so the channels sum to it exactly.
    """
    books = model.money
    accounts = set(books.sector_indices(sectors.ORIGIN_HOUSEHOLDS).tolist())
    totals: dict[str, float] = {}
    for (item, source, target), amount in books.items(model.year).items():
        if item == channels.CONSUMPTION_ITEM:
            continue
        sign = (target in accounts) - (source in accounts)
        if sign:
            channels.add(totals, channels.ORIGIN_HOUSEHOLD_ITEMS[item], sign * amount)
    change = books.stocks[model.year] - books.stocks[model.year - 1]
    stock_change = float(change[list(accounts)].sum())
    channels.add(totals, channels.SAVING, -stock_change)
    return totals


def horizon_key(year: int, last: int) -> str:
    """How a horizon is named in records: its year, or ``end`` for the last year of the run."""
    return "end" if year == last else str(year)


def channel_key(channel: str) -> str:
    """A channel's name as a column: ``saving and assets`` -> ``saving_and_assets``."""
    return channel.replace(" ", "_")


def flat_record(results: dict[int, dict[str, Any]]) -> dict[str, float]:
    """The welfare of a run as one flat mapping, for results tables and paired comparisons.

    ``pv_PARTY_H`` and ``years_PARTY_H`` at each horizon ``H`` (``10``, ``20``, ``end``);
    ``channel_PARTY_CHANNEL`` at the end; ``group_NAME`` and ``group_years_NAME`` at the end.
    A party's equivalent variation against a baseline is the change of ``pv`` over the
    baseline's ``years`` (:mod:`experiments.welfare`).
    """
    if not results:
        return {}
    last = max(results)
    record: dict[str, float] = {}
    for year, result in sorted(results.items()):
        key = horizon_key(year, last)
        for party, values in result["parties"].items():
            record[f"pv_{party}_{key}"] = values["welfare"]
            record[f"years_{party}_{key}"] = values["years"]
    end = results[last]
    for party, values in end["parties"].items():
        for channel in channels.CHANNELS:
            record[f"channel_{party}_{channel_key(channel)}"] = values["channels"].get(channel, 0.0)
    for name, values in end["groups"].items():
        record[f"group_{name}"] = values["welfare"]
        record[f"group_years_{name}"] = values["years"]
    return record
