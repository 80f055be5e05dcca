"""The accounts of the two sets of books (docs/ODD.md §7.25): who pays whom, and where people are.

Money (a social accounting matrix): each origin's households, state, and firms and capital owners;
each destination's migrants (and their grown children), natives' households, state, and firms and
capital owners; and, for the whole world, remittance providers, recruiters and smugglers, and the
rest of the world (foreign owners of capital, lenders to both states, trade partners).

People (a demographic account per origin, and one per destination for its natives): the people
of each origin and their children, wherever they live, by where they live and their legal status;
births come from ``born`` and deaths go to ``died``, so every move has a source and a target.
"""

from __future__ import annotations

from model.books import Account
from model.population import IRREGULAR, NATURALISED, PERMANENT, TEMPORARY

# Money: sectors of each origin, of each destination, and of the world.
ORIGIN_HOUSEHOLDS = "origin_households"
ORIGIN_GOVERNMENT = "origin_government"
ORIGIN_FIRMS = "origin_firms"
MIGRANTS = "migrants"
DESTINATION_HOUSEHOLDS = "destination_households"
DESTINATION_GOVERNMENT = "destination_government"
DESTINATION_FIRMS = "destination_firms"
REMITTANCE_PROVIDERS = "remittance_providers"
RECRUITERS_SMUGGLERS = "recruiters_smugglers"
REST_OF_WORLD = "rest_of_world"
MONEY_OF_ORIGINS = (ORIGIN_HOUSEHOLDS, ORIGIN_GOVERNMENT, ORIGIN_FIRMS)
MONEY_OF_DESTINATIONS = (
    MIGRANTS,
    DESTINATION_HOUSEHOLDS,
    DESTINATION_GOVERNMENT,
    DESTINATION_FIRMS,
)
MONEY_OF_THE_WORLD = (REMITTANCE_PROVIDERS, RECRUITERS_SMUGGLERS, REST_OF_WORLD)

# People of each origin (and their children), by where they live and their status abroad.
BORN = "born"
AT_ORIGIN = "at_origin"
ABROAD_TEMPORARY = "abroad_temporary"
ABROAD_PERMANENT = "abroad_permanent"
ABROAD_IRREGULAR = "abroad_irregular"
ABROAD_NATURALISED = "abroad_naturalised"
SECOND_GENERATION = "second_generation"
DIED = "died"
PEOPLE_OF_ORIGINS = (
    BORN,
    AT_ORIGIN,
    ABROAD_TEMPORARY,
    ABROAD_PERMANENT,
    ABROAD_IRREGULAR,
    ABROAD_NATURALISED,
    SECOND_GENERATION,
    DIED,
)
# Natives of each destination: their population and its natural change (births less deaths).
NATIVES = "natives"
NATURAL_CHANGE = "natives_natural_change"
PEOPLE_OF_DESTINATIONS = (NATURAL_CHANGE, NATIVES)
# The account of people abroad with each legal status.
ABROAD_BY_STATUS = {
    TEMPORARY: ABROAD_TEMPORARY,
    PERMANENT: ABROAD_PERMANENT,
    IRREGULAR: ABROAD_IRREGULAR,
    NATURALISED: ABROAD_NATURALISED,
}


def money_accounts(origins: list[str], destinations: list[str]) -> list[Account]:
    """The accounts of the social accounting matrix, origins first."""
    accounts = [Account(sector, o) for sector in MONEY_OF_ORIGINS for o in origins]
    accounts += [Account(sector, d) for sector in MONEY_OF_DESTINATIONS for d in destinations]
    return accounts + [Account(sector, "") for sector in MONEY_OF_THE_WORLD]


def people_accounts(origins: list[str], destinations: list[str]) -> list[Account]:
    """The accounts of the demographic books, origins first."""
    accounts = [Account(sector, o) for sector in PEOPLE_OF_ORIGINS for o in origins]
    return accounts + [
        Account(sector, d) for sector in PEOPLE_OF_DESTINATIONS for d in destinations
    ]
