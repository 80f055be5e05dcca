"""The channels through which a party's welfare changes (docs/ODD.md §7.19).

A party's welfare is its consumption over the run (net of the extra living costs of living
abroad), discounted, plus the assets it holds at the horizon, less the public debt its state passes
on. Its budget splits that into channels that sum to it exactly: what it earns, pays and receives,
item by item, and what it saves. Pay below a worker's marginal product is a channel of its own,
``discrimination``: a transfer from migrants to the natives who own the firms, never a gain.
"""

from __future__ import annotations

WAGES = "wages"
DISCRIMINATION = "discrimination"
CAPITAL_INCOME = "capital income"
ENTERPRISE = "enterprise and interest"
FISCAL = "fiscal"
REMITTANCES = "remittances"
FEES = "fees"
MIGRATION_COSTS = "migration costs"
LIVING_COSTS = "living costs abroad"
EDUCATION = "education and skills"
PROGRAMMES = "public programmes"
SAVING = "saving and assets"
PUBLIC_DEBT = "public debt passed on"

CHANNELS = (
    WAGES,
    DISCRIMINATION,
    CAPITAL_INCOME,
    ENTERPRISE,
    FISCAL,
    REMITTANCES,
    FEES,
    MIGRATION_COSTS,
    LIVING_COSTS,
    EDUCATION,
    PROGRAMMES,
    SAVING,
    PUBLIC_DEBT,
)

# The money books' items of the origin households' account, by channel (consumption itself is
# the welfare being explained, and the change of the account's stock is saving).
ORIGIN_HOUSEHOLD_ITEMS = {
    "wages": WAGES,
    "enterprise income": ENTERPRISE,
    "interest": ENTERPRISE,
    "transfers": FISCAL,
    "social assistance": FISCAL,
    "income tax": FISCAL,
    "pensions": FISCAL,
    "remittances": REMITTANCES,
    "savings brought home": SAVING,
    "bequests": SAVING,
    "inheritance": SAVING,
    "debts written off": SAVING,
    "estates without heirs": SAVING,
    "migration costs": MIGRATION_COSTS,
    "failed irregular attempts": MIGRATION_COSTS,
    "emigration bonds": MIGRATION_COSTS,
    "education": EDUCATION,
    "diaspora matching": PROGRAMMES,
    "return bonuses": PROGRAMMES,
}
CONSUMPTION_ITEM = "consumption"


def add(totals: dict[str, float], channel: str, amount: float) -> None:
    """Add ``amount`` to a channel of ``totals``."""
    totals[channel] = totals.get(channel, 0.0) + float(amount)
