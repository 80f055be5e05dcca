"""OriginEconomy: one origin country's production, wages, TFP and public finances (docs/ODD.md §2.4)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import mesa
import numpy as np

from model import production
from model.scenario.origins import OriginConfig
from model.scenario.policy import Policy

if TYPE_CHECKING:
    from model.model import TripleWinModel


@dataclass(frozen=True)
class HumanCapital:
    """Shares that feed origin TFP, measured over the origin's residents (headcounts).

    Attributes:
        skilled: Skilled share of resident working-age adults, returnees included.
        returnees: Returnee share of resident working-age adults.
        diaspora: Share of the origin-born living abroad (migrants and the family who joined).
        residents: Members at home (working-age and youth) plus returnees.
    """

    skilled: float
    returnees: float
    diaspora: float
    residents: float


class OriginEconomy(mesa.Agent):
    """An origin country.

    Its firms combine capital with resident labour (low-skilled and skilled, in efficiency units)
    in a Cobb-Douglas of a CES labour aggregate; wages are marginal products. TFP grows at an
    exogenous rate and responds to the skilled share of residents (human-capital externality:
    Moretti 2004; brain drain lowers it), to the share of returnees (knowledge brought home:
    Wahba 2015) and to the diaspora abroad (Kerr 2008; Docquier & Rapoport 2012).

    Attributes:
        index: Position of the country among the origins.
        name: Name in the scenario file.
        wages: Wage per efficiency unit of low-skilled and skilled labour (PPP $ per year).
        output: GDP this year (PPP $).
        fiscal: This year's public accounts (revenue and spending items, PPP $).
    """

    def __init__(
        self,
        model: TripleWinModel,
        index: int,
        name: str,
        config: OriginConfig,
        policy: Policy,
        labour: np.ndarray,
        shares: HumanCapital,
    ) -> None:
        super().__init__(model)
        self.index = index
        self.name = name
        self.config = config
        self.policy = policy
        world = model.params.world
        self.cost_of_capital = world.world_interest_rate + world.depreciation
        self.capital_output = production.steady_state_capital_output(
            config.capital_share, world.world_interest_rate, world.depreciation
        )
        self.weight_low = float(
            production.weight_for_premium(
                config.skill_premium, labour[0], labour[1], config.skill_substitution
            )
        )
        residents = shares.residents
        output = config.gdp_per_capita * residents
        aggregate = production.ces(self.weight_low, labour[0], labour[1], config.skill_substitution)
        self.base_tfp = production.tfp_for_output(
            output, aggregate, config.capital_share, self.capital_output
        )
        self.tfp = self.base_tfp
        self.capital = self.capital_output * output
        # Measured as every year (headcounts of resident working-age adults), so TFP does not
        # jump in year 1 from a change of measure.
        self.initial_skilled_share = max(shares.skilled, 1e-6)
        self.initial_diaspora_share = shares.diaspora
        self.labour = np.asarray(labour, dtype=float)
        self.wages = np.zeros(2)
        self.output = output
        self.residents = residents
        self.fiscal: dict[str, float] = {}
        self.clear_labour_market(self.labour)

    def clear_labour_market(self, labour: np.ndarray) -> None:
        """Set output and wages for this year's labour supply ``[low, high]`` (efficiency units)."""
        config = self.config
        alpha = config.capital_share
        self.labour = labour
        aggregate = production.ces(self.weight_low, labour[0], labour[1], config.skill_substitution)
        self.output = float(self.tfp * self.capital**alpha * aggregate ** (1.0 - alpha))
        per_unit = (1.0 - alpha) * self.output / aggregate
        weights = np.array([self.weight_low, 1.0 - self.weight_low])
        self.wages = per_unit * production.ces_marginal(
            weights, aggregate, labour, config.skill_substitution
        )

    def update(self, shares: HumanCapital, year: int) -> float:
        """Step 9: TFP follows growth, human capital, returnees and the diaspora; capital adjusts.

        TFP responds to the skilled share of resident working-age adults relative to the start
        (Moretti 2004; Docquier & Rapoport 2012), to the share of returnees among them (knowledge
        brought home: Wahba 2015) and to the share of the origin-born living abroad, relative to
        the start (diaspora knowledge and trade links: Kerr 2008; Docquier & Rapoport 2012).
        Both relative terms are 1 at the start, so the calibrated GDP per capita holds in year 1.

        Returns:
            The change of the capital stock, financed by the world capital market (for the books).
        """
        config = self.config
        self.residents = shares.residents
        # Numerical guard: an origin left with no skilled resident would make the power zero.
        relative_skills = max(shares.skilled, 1e-6) / self.initial_skilled_share
        diaspora_change = shares.diaspora - self.initial_diaspora_share
        self.tfp = (
            self.base_tfp
            * (1.0 + config.tfp_growth) ** year
            * relative_skills**config.human_capital_externality
            * np.exp(config.returnee_knowledge * shares.returnees)
            * np.exp(config.diaspora_links * diaspora_change)
        )
        aggregate = production.ces(
            self.weight_low, self.labour[0], self.labour[1], config.skill_substitution
        )
        target = production.desired_capital(
            self.tfp, aggregate, config.capital_share, self.cost_of_capital
        )
        before = self.capital
        self.capital += self.model.params.world.capital_adjustment * (float(target) - self.capital)
        return self.capital - before
