"""Production: Cobb-Douglas in capital and a nested CES labour aggregate (Ottaviano & Peri 2012).

Output is ``Y = A K^alpha L^(1-alpha)``; ``L`` is a CES aggregate of low-skilled and skilled
labour (elasticity ``sigma``, about 2) and, at the destination, each skill's labour is itself a
CES aggregate of natives and migrants (elasticity about 20). Wages are marginal products. Capital
adjusts towards the stock at which its return equals the world interest rate plus depreciation,
so wage effects of immigration fade as capital catches up (Card 1990; Peri 2014).
"""

from __future__ import annotations

import numpy as np

TINY = 1e-9


def ces(
    weight_low: np.ndarray | float, low: np.ndarray, high: np.ndarray, sigma: float
) -> np.ndarray:
    """CES aggregate of two inputs with weights ``weight_low`` and ``1 - weight_low``."""
    rho = 1.0 - 1.0 / sigma
    low = np.maximum(low, TINY)
    high = np.maximum(high, TINY)
    return (weight_low * low**rho + (1.0 - weight_low) * high**rho) ** (1.0 / rho)


def ces_marginal(
    weight: np.ndarray | float, total: np.ndarray, part: np.ndarray, sigma: float
) -> np.ndarray:
    """Derivative of a CES aggregate with respect to one input: ``weight (total / part)^(1/sigma)``."""
    return weight * (total / np.maximum(part, TINY)) ** (1.0 / sigma)


def weight_for_premium(
    premium: float, low: np.ndarray, high: np.ndarray, sigma: float
) -> np.ndarray:
    """CES weight on low-skilled labour that makes the skilled wage ``premium`` times the low one.

    From ``w_high / w_low = (a_high / a_low) (L_low / L_high)^(1/sigma)``.
    """
    ratio = premium * (np.maximum(high, TINY) / np.maximum(low, TINY)) ** (1.0 / sigma)
    return 1.0 / (1.0 + ratio)


def steady_state_capital_output(
    capital_share: float, interest: float, depreciation: float
) -> float:
    """Capital-output ratio at which the return to capital equals ``interest + depreciation``."""
    return capital_share / (interest + depreciation)


def tfp_for_output(
    output: float, labour: np.ndarray, capital_share: float, capital_output: float
) -> float:
    """TFP that yields ``output`` with capital at its steady state, given labour ``labour``."""
    alpha = capital_share
    return float((output / labour) ** (1.0 - alpha) / capital_output**alpha)


def desired_capital(
    tfp: np.ndarray | float, labour: np.ndarray, capital_share: float, cost_of_capital: float
) -> np.ndarray:
    """Capital stock at which its marginal product equals the cost of capital."""
    alpha = capital_share
    return labour * (alpha * tfp / cost_of_capital) ** (1.0 / (1.0 - alpha))
