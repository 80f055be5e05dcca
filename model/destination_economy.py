"""DestinationEconomy: one destination's regions, labour markets, wages and finances (docs/ODD.md §2.5)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import mesa
import numpy as np

from model import production
from model.scenario.destinations import DestinationConfig
from model.scenario.policy import Policy

if TYPE_CHECKING:
    from model.model import TripleWinModel


class DestinationEconomy(mesa.Agent):
    """A destination country with regions.

    Each region produces with its own capital and a nested CES of labour: skills substitute with
    elasticity about 2, natives and migrants of one skill with elasticity about 20 (Ottaviano &
    Peri 2012). Native wages are sticky (Dickens et al. 2007): they move part of the way to the
    market-clearing wage each year, and unemployment rises with the gap (a wage curve, Blanchard &
    Katz 1997) and with the business cycle. The native labour force shrinks with ageing.

    Attributes:
        natives: Native workers by region and skill, shape ``(regions, 2)``.
        native_wages: Wage of natives by region and skill (PPP $ per year).
        migrant_wages: Wage per efficiency unit of migrant labour by region and occupation.
        unemployment: Native unemployment rate by region and skill.
        cycle: Business-cycle deviation of unemployment from its natural rate.
    """

    def __init__(
        self,
        model: TripleWinModel,
        index: int,
        name: str,
        config: DestinationConfig,
        policy: Policy,
        workers: float,
    ) -> None:
        super().__init__(model)
        self.index = index
        self.name = name
        self.config = config
        self.policy = policy
        self.region_names = list(config.regions)
        regions = list(config.regions.values())
        shares = np.array([r.native_share for r in regions])
        skilled = np.array([r.skilled_share for r in regions])
        regional = workers * shares / shares.sum()
        self.natives = np.column_stack([regional * (1.0 - skilled), regional * skilled])
        self.productivity = np.array([r.productivity for r in regions])
        world = model.params.world
        self.cost_of_capital = world.world_interest_rate + world.depreciation
        capital_output = production.steady_state_capital_output(
            config.capital_share, world.world_interest_rate, world.depreciation
        )
        sigma = config.skill_substitution
        self.weight_low = production.weight_for_premium(
            config.skill_premium, self.natives[:, 0], self.natives[:, 1], sigma
        )
        self._calibrate_tfp(capital_output, workers)
        self.capital = capital_output * self._steady_output(
            self._labour(self.natives, np.zeros_like(self.natives)), capital_output
        )
        self.cycle = 0.0
        self.unemployment = np.full_like(self.natives, config.natural_unemployment)
        # Employed natives by region and skill; set by every step 2 (labour markets).
        self.employed_natives = self.natives * (1.0 - self.unemployment)
        # Migrants' grown children at work, by region and skill (step 2).
        self.second_generation_labour = np.zeros_like(self.natives)
        # Natives' capital income this year (step 2): what the firms' owners earn, less the
        # rent on the capital installed because of migrants.
        self.natives_capital_income = 0.0
        self.native_wages = self.clearing_wages(self.natives, np.zeros_like(self.natives))[0]
        self.migrant_wages = self.native_wages.copy()
        self.output = np.zeros(len(regions))
        # GDP per resident, natives and persons abroad; recorded at every step 9 and, for the
        # first year, by the initialisation (model/initialise.py).
        self.gdp_per_resident = config.gdp_per_capita
        # Set by every step 2; until then no capital is attributed to migrants.
        self.capital_in_use = np.array(self.capital, dtype=float)
        self.native_capital = self.capital_in_use.copy()
        self.fiscal: dict[str, float] = {}

    @property
    def native_workers(self) -> float:
        """Native labour force in all regions."""
        return float(self.natives.sum())

    @property
    def native_population(self) -> float:
        """Native residents (workers over the activity ratio)."""
        return self.native_workers / self.config.workers_per_resident

    def _calibrate_tfp(self, capital_output: float, workers: float) -> None:
        alpha = self.config.capital_share
        output = self.config.gdp_per_capita * workers / self.config.workers_per_resident
        labour = self._labour(self.natives, np.zeros_like(self.natives))
        per_tfp = (self.productivity ** (1 / (1 - alpha)) * labour).sum() * capital_output ** (
            alpha / (1 - alpha)
        )
        self.base_tfp = (output / per_tfp) ** (1 - alpha)
        self.tfp = self.base_tfp * self.productivity

    def _steady_output(self, labour: np.ndarray, capital_output: float) -> np.ndarray:
        alpha = self.config.capital_share
        return self.tfp ** (1 / (1 - alpha)) * capital_output ** (alpha / (1 - alpha)) * labour

    def _skill_labour(self, natives: np.ndarray, migrants: np.ndarray) -> np.ndarray:
        """Labour of each skill: natives and migrants in a CES that equals natives when no migrants."""
        sigma = self.config.native_migrant_substitution
        scale = 2 ** (1 / (1 - 1 / sigma))
        return scale * production.ces(0.5, natives, migrants, sigma)

    def _labour(self, natives: np.ndarray, migrants: np.ndarray) -> np.ndarray:
        by_skill = self._skill_labour(natives, migrants)
        return production.ces(
            self.weight_low, by_skill[:, 0], by_skill[:, 1], self.config.skill_substitution
        )

    def clearing_wages(
        self, natives: np.ndarray, migrants: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Marginal products of natives and of migrant efficiency units, and regional output.

        The migrant marginal product is evaluated at no fewer migrants than 1% of natives, so that
        the first arrivals in an empty region are not paid an extreme scarcity wage.
        """
        config = self.config
        alpha = config.capital_share
        sigma_nm = config.native_migrant_substitution
        by_skill = self._skill_labour(natives, migrants)
        labour = production.ces(
            self.weight_low, by_skill[:, 0], by_skill[:, 1], config.skill_substitution
        )
        output = self.tfp * self.capital**alpha * labour ** (1 - alpha)
        per_unit = (1 - alpha) * output / labour
        weights = np.column_stack([self.weight_low, 1 - self.weight_low])
        skill_price = per_unit[:, None] * production.ces_marginal(
            weights, labour[:, None], by_skill, config.skill_substitution
        )
        nest_weight = 0.5 * (2 ** (1 / (1 - 1 / sigma_nm))) ** (1 - 1 / sigma_nm)
        native = skill_price * production.ces_marginal(nest_weight, by_skill, natives, sigma_nm)
        # Numerical guard, not behaviour: the marginal product of the first migrants in an empty
        # cell tends to infinity; 1% of natives keeps newcomers' wages finite and plausible.
        present = np.maximum(migrants, 0.01 * natives)
        migrant = skill_price * production.ces_marginal(nest_weight, by_skill, present, sigma_nm)
        return native, migrant, output

    def clear_labour_market(
        self, migrants: np.ndarray, cycle_shock: float, second_generation: np.ndarray
    ) -> None:
        """Step 2: sticky native wages, unemployment from the wage gap and the cycle, migrant wages.

        Migrants' grown children work alongside natives of their skill (the natives' nest of
        the production function) at natives' wages.

        Args:
            migrants: Employed migrant labour by region and occupation (efficiency units).
            cycle_shock: This year's standardised business-cycle innovation.
            second_generation: Employed second-generation workers by region and skill.
        """
        config = self.config
        self.cycle = (
            config.business_cycle_persistence * self.cycle + config.business_cycle_sd * cycle_shock
        )
        self.second_generation_labour = second_generation
        full = self.natives * (1 - config.natural_unemployment) + second_generation
        clearing, _, _ = self.clearing_wages(full, migrants)
        # Sticky wages follow trend productivity growth and close part of the gap to clearing.
        trend = (1 + config.tfp_growth) ** (1 / (1 - config.capital_share))
        indexed = self.native_wages * trend
        self.native_wages = indexed**config.wage_stickiness * clearing ** (
            1 - config.wage_stickiness
        )
        gap = np.log(self.native_wages / clearing)
        # Numerical guards, not behaviour: the linear wage curve could leave [0, 1] after large
        # shocks; rates of 1% and 50% are never reached at calibrated values.
        self.unemployment = np.clip(
            config.natural_unemployment + self.cycle + config.unemployment_wage_gap * gap, 0.01, 0.5
        )
        employed = self.natives * (1 - self.unemployment)
        _, self.migrant_wages, self.output = self.clearing_wages(
            employed + second_generation, migrants
        )
        self.employed_natives = employed
        self._record_capital(employed)

    def _record_capital(self, employed: np.ndarray) -> None:
        """The capital that produced this year's output, and the part the natives' labour holds.

        ``native_capital`` is the stock at which natives' employed labour alone would earn the
        world return ``r + delta`` at this year's TFP (``production.desired_capital``): the
        capital natives would own without migrants. Capital beyond it is installed because of
        migrants and is rented at its user cost (:meth:`migrant_capital_rent`).
        """
        self.capital_in_use = np.array(self.capital, dtype=float)
        native_labour = self._labour(employed, np.zeros_like(employed))
        self.native_capital = production.desired_capital(
            self.tfp, native_labour, self.config.capital_share, self.cost_of_capital
        )

    def migrant_capital_rent(self) -> float:
        """User cost ``(r + delta)(K - K_natives)`` of the capital installed because of migrants.

        Natives are taken to own the capital their own labour would hold at the world interest
        rate; capital beyond it earns its user cost for its (foreign or new) owners, so capital
        deepening that follows immigration is not counted as natives' income (Borjas 1995;
        Ottaviano & Peri 2012). Where capital falls short of it, natives' capital earns the
        world return elsewhere, and the term is negative.
        """
        return float(self.cost_of_capital * (self.capital_in_use - self.native_capital).sum())

    def natives_market_income(self, migrant_wage_bill: float) -> float:
        """Output less migrants' wages and the rent on capital installed because of migrants."""
        return float(self.output.sum()) - migrant_wage_bill - self.migrant_capital_rent()

    def update(self, year: int) -> tuple[float, float]:
        """Step 9: TFP grows, capital adjusts towards its desired stock, natives age.

        Returns:
            The change of the capital stock (financed by the world capital market) and of the
            native population (its natural change), for the books.
        """
        config = self.config
        self.tfp = self.base_tfp * self.productivity * (1 + config.tfp_growth) ** year
        labour = self._labour(
            self.employed_natives + self.second_generation_labour,
            self.model.markets.migrant_labour[self.index],
        )
        target = production.desired_capital(
            self.tfp, labour, config.capital_share, self.cost_of_capital
        )
        capital, population = float(np.sum(self.capital)), self.native_population
        self.capital = self.capital + self.model.params.world.capital_adjustment * (
            target - self.capital
        )
        self.natives = self.natives * (1 + config.labour_force_trend)
        return float(np.sum(self.capital)) - capital, self.native_population - population
