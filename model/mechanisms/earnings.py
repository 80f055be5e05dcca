"""Step 3: migrants earn, consume, save and remit; fees are deducted on the way.

Remittances follow three motives (Lucas & Stark 1985): altruism, rising with the household's need;
insurance, making good part of a household's shock loss (Yang & Choi 2007); and investment by
those who plan to return. They rise over the first years abroad and then decay, and fall when the
family joins the migrant or return plans are dropped (Dustmann & Mestres 2010). The amount that
arrives responds to the fee with a constant elasticity to ``1 - fee`` (Aycinena, Martinez & Yang
2010; Ambler, Aycinena & Yang 2015). Migrants with return plans save towards a target (Dustmann
1997). Every dollar sent is either received or paid as a fee.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from model import channels, sectors
from model.mechanisms import fiscal
from model.population import IRREGULAR, residents

if TYPE_CHECKING:
    from model.model import TripleWinModel


def earn_consume_remit(model: TripleWinModel) -> None:
    """Net income, remittances, consumption and savings of every migrant abroad.

    Reads: migrants' wages, pensions, status, employment, retirement, family, years abroad,
    return plans and savings; households' consumption, residents, shock losses and whether they
    have dissolved; ``corridors.remittance_fee``; ``destination_finances.tax_rate``;
    ``destination_parameters``; ``markets.origin_wages``; ``params.remittances``.

    Writes: migrants' ``savings``, ``saved``, ``living_costs``, ``income``, ``consumption``, ``sent``, ``received``,
    ``remitted_total``, ``pension_earnings`` and ``home_income``; households'
    ``remittances_received``; ``flows.migrant_fiscal``, ``flows.remittances_by_corridor``; the money
    books.
    """
    people, table = model.migrants, model.households
    rows = np.flatnonzero(people.abroad())
    income = _net_income_and_needs(model, rows)
    surplus = np.maximum(income.net - income.needs, 0.0)
    received, sent = _remittances(model, rows, surplus)
    params = model.params.remittances
    saving = params.saving_rate * np.where(
        people.return_plan[rows], 1.0, params.settled_saving_factor
    )
    saved = saving * np.maximum(surplus - sent, 0.0) - np.maximum(sent - surplus, 0.0)
    before = people.savings[rows]
    people.savings[rows] = np.maximum(before + saved, 0.0)
    saved = people.savings[rows] - before
    people.saved[rows] = saved
    people.living_costs[rows] = income.needs
    people.income[rows] = income.net
    people.consumption[rows] = income.net - sent - saved
    people.sent[rows] = sent
    people.received[rows] = received
    people.remitted_total[rows] += sent
    legal = people.status[rows] != IRREGULAR
    people.pension_earnings[rows] += people.wage[rows] * legal
    model.flows.migrant_fiscal = fiscal.record_migrant_flows(model, rows, income)
    wages = model.markets.origin_wages
    unemployment = model.origin_parameters.unemployment_rate[people.origin[rows]]
    people.home_income[rows] = (
        wages[people.origin[rows], people.skill[rows]] * people.ability[rows] * (1 - unemployment)
    )
    table.remittances_received[:] = np.bincount(people.household[rows], received, table.size)
    n_corridors = len(model.corridors)
    corridor = people.corridor[rows]
    model.flows.remittances_by_corridor = np.stack(
        [np.bincount(corridor, sent, n_corridors), np.bincount(corridor, received, n_corridors)]
    )
    _book_remittances(model, rows, received, sent)
    _welfare_items(model, rows, income, received, sent, saved)


def _book_remittances(
    model: TripleWinModel, rows: np.ndarray, received: np.ndarray, sent: np.ndarray
) -> None:
    """Remittances to households at origin; fees to the remittance providers."""
    people = model.migrants
    destination = people.destination[rows]
    model.money.move_pairs(
        "remittances",
        sectors.MIGRANTS,
        destination,
        sectors.ORIGIN_HOUSEHOLDS,
        people.origin[rows],
        received,
    )
    fees = np.bincount(destination, sent - received, len(model.destinations))
    providers = model.money.index(sectors.REMITTANCE_PROVIDERS)
    for d, migrants in enumerate(model.money.sector_indices(sectors.MIGRANTS)):
        model.money.move("remittance fees", int(migrants), providers, float(fees[d]))


def _welfare_items(
    model: TripleWinModel,
    rows: np.ndarray,
    income: MigrantIncome,
    received: np.ndarray,
    sent: np.ndarray,
    saved: np.ndarray,
) -> None:
    """The budgets abroad by welfare channel: the mover's own share, and the family's.

    A row's budget is shared by equivalent adults: the migrant is one, each family member abroad
    ``remittances.dependant_weight`` (the household size rule of the living costs). Consumption is
    counted net of the extra living costs of life abroad: the living costs abroad less the
    subsistence the same family would need at home.
    """
    people = model.migrants
    params = model.params.remittances
    origin = people.origin[rows]
    size = 1.0 + params.dependant_weight * (people.persons(rows) - 1)
    own = 1.0 / size
    home_needs = (
        model.params.households.subsistence * model.origin_parameters.poverty_line[origin] * size
    )
    wage = people.wage[rows]
    items = {
        channels.WAGES: people.marginal_product[rows],
        channels.DISCRIMINATION: wage - people.marginal_product[rows],
        channels.FISCAL: income.benefit + income.pension - income.tax,
        channels.REMITTANCES: -received,
        channels.FEES: -(sent - received),
        channels.SAVING: -saved,
        channels.LIVING_COSTS: -(income.needs - home_needs),
    }
    welfare = model.flows.welfare
    for channel, values in items.items():
        channels.add(welfare.migrants, channel, (own * values).sum())
        channels.add(welfare.families_abroad, channel, ((1.0 - own) * values).sum())
    metric = own * (people.consumption[rows] - income.needs + home_needs)
    status = people.status[rows]
    welfare.migrants_by_status += np.bincount(status, metric, 4)
    welfare.migrant_years_by_status += np.bincount(status, minlength=4)
    # Worse off than at home: income abroad, after tax and the extra costs of living abroad, below
    # what the same person would earn at home after tax. Incomes on both sides: what is consumed,
    # sent or saved out of them is the migrant's choice either way.
    at_home = people.home_income[rows] * (1.0 - model.origin_finances.tax_rate[origin])
    abroad = income.net - (income.needs - home_needs)
    welfare.migrants_worse_off += float((abroad < at_home).sum())
    welfare.family_years += float((people.persons(rows) - 1).sum())


@dataclass(frozen=True)
class MigrantIncome:
    """What each migrant abroad earns this year and what the family abroad needs.

    Attributes:
        net: Wage less income tax, plus unemployment benefit and pension.
        needs: Living costs of the migrant and the family abroad.
        tax: Income tax (zero for irregular migrants).
        benefit: Unemployment benefit (legal migrants of working age without a job).
        pension: Pension (migrants retired abroad).
    """

    net: np.ndarray
    needs: np.ndarray
    tax: np.ndarray
    benefit: np.ndarray
    pension: np.ndarray


def _net_income_and_needs(model: TripleWinModel, rows: np.ndarray) -> MigrantIncome:
    """Net income and needs of the migrants abroad (``rows``)."""
    people = model.migrants
    destination = people.destination[rows]
    legal = people.status[rows] != IRREGULAR
    wage = people.wage[rows]
    tax = model.destination_finances.tax_rate[destination] * wage * legal
    low_wage = np.array(
        [
            float(np.average(d.native_wages[:, 0], weights=d.natives[:, 0]))
            for d in model.destinations
        ]
    )
    looking = ~people.employed[rows] & legal & ~people.retired[rows]
    benefit = (
        looking
        * model.destination_parameters.unemployment_benefit[destination]
        * low_wage[destination]
    )
    pension = people.pension[rows]
    params = model.params.remittances
    household_size = 1.0 + params.dependant_weight * (people.persons(rows) - 1)
    needs = params.living_cost * fiscal.gdp_per_resident(model)[destination] * household_size
    return MigrantIncome(wage - tax + benefit + pension, needs, tax, benefit, pension)


def _remittances(
    model: TripleWinModel, rows: np.ndarray, surplus: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Amounts received by households and sent by migrants (fees included).

    A migrant whose household has dissolved (nobody lives in it) sends nothing home.
    """
    people, table = model.migrants, model.households
    params = model.params.remittances
    home = people.household[rows]
    # Everyone living in the household shares its consumption, returnees included.
    persons = residents(table, people)
    per_person = table.consumption / np.maximum(persons, 1)
    inhabited = persons > 0
    typical = np.array(
        [
            max(np.median(per_person[(table.origin == o) & inhabited]), 1.0)
            if (inhabited & (table.origin == o)).any()
            else 1.0
            for o in range(len(model.origins))
        ]
    )
    bound = params.need_bound
    need = typical[people.origin[rows]] / np.maximum(
        per_person[home], typical[people.origin[rows]] / bound
    )
    need = np.where(
        table.consumption[home] > 0,
        np.clip(need, 1.0 / bound, bound) ** params.need_elasticity,
        1.0,
    )
    senders = np.bincount(home, minlength=table.size)[home]
    insurance = params.insurance * table.shock_loss[home] / senders
    years = people.years_abroad[rows]
    profile = np.minimum(1.0, (years + 1.0) / params.rise_years) * np.exp(
        -params.decay_rate * np.maximum(0.0, years - params.rise_years)
    )
    profile *= np.where(people.persons(rows) > 1, params.reunification_factor, 1.0)
    profile *= np.where(people.return_plan[rows], 1.0, params.settled_factor)
    motive = (
        (params.altruism * need + params.investment * people.return_plan[rows]) * surplus * profile
    )
    fee = model.corridors.remittance_fee[people.corridor[rows]]
    desired = (motive + insurance) * (1.0 - fee) ** params.fee_elasticity * ~table.dissolved[home]
    affordable = (surplus + params.savings_drawdown * people.savings[rows]) * (1.0 - fee)
    received = np.minimum(desired, affordable)
    return received, received / (1.0 - fee)


def savings_targets(model: TripleWinModel, households: np.ndarray, luck: np.ndarray) -> np.ndarray:
    """Savings targets of new migrants: log-normal around the median target (Dustmann 1997).

    The target is in origin low-skilled wages, so it is what a return buys at home; ``luck``
    holds one standard normal number per migrant (log-sd ``returns.target_dispersion``).
    """
    low_wage = np.array([o.wages[0] for o in model.origins])[model.households.origin[households]]
    params = model.params.returns
    return params.target_savings * low_wage * np.exp(params.target_dispersion * luck)
