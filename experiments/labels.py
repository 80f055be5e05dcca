"""Plain-words labels of the indicators, grouped by party, for tables, figures and reports."""

from __future__ import annotations

from model.indicators import (
    DESTINATION_INDICATORS,
    DIAGNOSTICS,
    INTEGRATION_INDICATORS,
    MIGRANT_INDICATORS,
    ORIGIN_INDICATORS,
    WELFARE_INDICATORS,
)

LABELS: dict[str, str] = {
    "migrant_income_gain": "income gain over staying home (mean log ratio)",
    "migrant_employment_rate": "employment rate of migrants",
    "migrant_brain_waste": "skilled migrants in low-skilled jobs (share)",
    "migrant_irregular_share": "irregular share of migrants",
    "migrant_integration_index": "integration index (0-1)",
    "origin_gdp_per_capita": "GDP per resident (PPP $)",
    "origin_consumption_per_capita": "consumption per resident (PPP $)",
    "origin_poverty_rate": "poverty rate",
    "origin_skilled_share": "skilled share of resident adults",
    "origin_gini": "Gini of consumption per person",
    "remittances_to_gdp": "remittances received / GDP",
    "emigration_rate": "emigrants / origin-born population",
    "destination_income_per_native": "income per native (PPP $)",
    "native_wage_low": "native low-skilled wage (PPP $)",
    "native_wage_high": "native skilled wage (PPP $)",
    "native_unemployment_rate": "native unemployment rate",
    "migrant_share_labour_force": "migrant share of the labour force",
    "migrant_fiscal_balance_gdp": "migrants' net fiscal contribution / GDP",
    "dissimilarity_index": "dissimilarity index across regions",
    "unemployment_gap": "unemployment gap (migrants - natives)",
    "wage_gap": "wage gap at equal skill (share below natives)",
    "welfare_migrants": "migrants: realised income gain per origin-born person (PPP $)",
    "welfare_origin": "origin: mean log consumption of residents",
    "welfare_destination": "destination: log income per native",
    "migrants_abroad": "migrants abroad (rows)",
    "persons_abroad": "persons abroad (with family)",
    "origin_residents": "origin residents",
    "origin_born": "origin-born population",
    "arrivals": "arrivals this year",
    "returns": "returns this year",
    "remittances_sent": "remittances sent (PPP $)",
    "remittances_received": "remittances received (PPP $)",
    "remittance_cost_share": "fees / amount sent",
    "remittances_saved_share": "share of remittances saved or invested",
    "place_premium": "place premium (destination / origin wage)",
    "returnee_share": "returnees among resident adults",
    "left_within_1y": "arrivals who left within 1 year",
    "left_within_5y": "arrivals who left within 5 years",
    "employment_gap": "employment gap (natives - migrants, working age)",
    "unemployment_gap_adjusted": "unemployment gap at equal entry channel and duration of stay",
    "isolation_index": "isolation index (chance a migrant's neighbour is a migrant)",
    "settlement_concentration": "settlement concentration (Herfindahl index of regions)",
    "native_ties_share": "share of social ties to natives",
    "language_proficiency": "command of the destination language (0-1)",
    "language_shift": "share proficient in the destination language",
    "naturalised_share": "share naturalised",
    "naturalisation_rate": "naturalisations per foreign resident",
    "family_reunification_rate": "family reunifications per settled migrant without family",
    "integration_composite": "integration composite (0-1, four domains)",
    "migrants": "migrants (rows)",
    "migrant_share": "migrant share of the region's labour force",
    "location_quotient": "location quotient (migrants' over natives' regional share)",
}

PARTIES: dict[str, tuple[str, ...]] = {
    "Migrants": MIGRANT_INDICATORS,
    "Origin": ORIGIN_INDICATORS,
    "Destination": DESTINATION_INDICATORS,
    "Integration in destinations": INTEGRATION_INDICATORS,
    "Triple win: the three parties' welfare": WELFARE_INDICATORS,
    "Diagnostics": (*DIAGNOSTICS, "left_within_1y", "left_within_5y"),
}

WELFARE_PARTIES: dict[str, str] = {
    "migrants": "welfare_migrants",
    "origin": "welfare_origin",
    "destination": "welfare_destination",
}


def label(name: str) -> str:
    """The plain-words label of an indicator (its name when it has none)."""
    return LABELS.get(name, name.replace("_", " "))


def number(value: float | None) -> str:
    """A number with about four significant digits; '-' when undefined."""
    if value is None or value != value:
        return "-"
    magnitude = abs(value)
    if magnitude >= 1e5:
        return f"{value:,.0f}"
    if magnitude >= 100:
        return f"{value:,.1f}"
    return f"{value:.4g}"
