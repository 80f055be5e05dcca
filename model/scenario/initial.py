"""Scenario section of the stylised initial state: the migrant stock already abroad at the start.

The start is not a snapshot (docs/ODD.md §5): each corridor's initial stock is drawn around
plausible values and a burn-in lets the model settle. These parameters say how it is drawn.
"""

from __future__ import annotations

import numpy as np
from pydantic import model_validator

from model.scenario.params import Section, param

STYLISED = "modelling assumption (stylised initial state, settled by the burn-in)"


class InitialStock(Section):
    """How the migrants abroad at the start are drawn (status, years abroad, jobs, savings)."""

    temporary_share: float = param(
        0.35,
        "Weight of temporary permit holders in the initial stock (the four status weights are normalised).",
        unit="share of the initial stock",
        source=STYLISED + "; OECD 2008 (mix of temporary and permanent permits)",
        ge=0.0,
        le=1.0,
    )
    permanent_share: float = param(
        0.3,
        "Weight of permanent residents in the initial stock.",
        unit="share of the initial stock",
        source=STYLISED + "; OECD 2008",
        ge=0.0,
        le=1.0,
    )
    irregular_share: float = param(
        0.15,
        "Weight of irregular migrants in the initial stock.",
        unit="share of the initial stock",
        source=STYLISED + "; Warren & Kerwin 2017 (irregular stocks)",
        ge=0.0,
        le=1.0,
    )
    naturalised_share: float = param(
        0.2,
        "Weight of naturalised citizens in the initial stock.",
        unit="share of the initial stock",
        source=STYLISED + "; OECD 2011 (naturalisation rates)",
        ge=0.0,
        le=1.0,
    )
    max_years_abroad: int = param(
        11,
        "Most years abroad of a member of the initial stock (drawn uniformly from 0 to this).",
        unit="years",
        source=STYLISED,
        ge=0,
        le=60,
    )
    ties_per_language: float = param(
        0.3,
        "Initial share of ties to natives per unit of language proficiency.",
        unit="share per unit of proficiency",
        source=STYLISED + "; Martinovic, van Tubergen & Maas 2009",
        ge=0.0,
        le=1.0,
    )
    employment: float = param(
        0.85,
        "Chance that a member of the initial stock is employed at the start.",
        unit="probability",
        source=STYLISED,
        ge=0.0,
        le=1.0,
    )
    sender_selection: float = param(
        0.5,
        "Elasticity of a household's chance of having sent a member of the initial stock to its ability.",
        unit="elasticity",
        source=STYLISED + "; McKenzie & Rapoport 2010 (selection of emigrants)",
        ge=0.0,
        le=5.0,
    )
    savings_share: float = param(
        0.3,
        "Largest initial savings of the stock abroad, as a share of the savings target (drawn uniformly).",
        unit="share of the savings target",
        source=STYLISED,
        ge=0.0,
        le=1.0,
    )

    @model_validator(mode="after")
    def _some_status(self) -> InitialStock:
        if self.status_weights().sum() <= 0:
            raise ValueError("initial_stock: at least one status share must be positive")
        return self

    def status_weights(self) -> np.ndarray:
        """The four status weights in the order temporary, permanent, irregular, naturalised."""
        return np.array(
            [
                self.temporary_share,
                self.permanent_share,
                self.irregular_share,
                self.naturalised_share,
            ]
        )
