"""The three parties of the triple win: who they are, and how a change in their welfare reads.

Migrants, their countries of origin and the societies that receive them: each party's welfare
is one indicator of :mod:`model.catalogue` (docs/ODD.md, section 7.19); a change in it is an
equivalent variation in PPP dollars a year, per origin-born person for the migrants and the
origin (two parts of one fixed population), per native for the destination. The terminal
tables, the reports, the figures and the classroom app all read the parties from here.
"""

from __future__ import annotations

from dataclasses import dataclass

from experiments import formats
from model.catalogue import Unit, unit_of


@dataclass(frozen=True)
class Party:
    """One party of the triple win.

    Attributes:
        key: Its key in tables and JSON documents (``migrants``, ``origin``, ``destination``).
        label: Its name as a heading.
        indicator: Its welfare indicator.
        change_unit: What a written change in its welfare is, in words.
        axis_unit: The same, short enough for an axis.
        colour: Its colour where parties are told apart (not a verdict's or a scenario's).
    """

    key: str
    label: str
    indicator: str
    change_unit: str
    axis_unit: str
    colour: str

    @property
    def unit(self) -> Unit:
        """The unit of its welfare indicator."""
        unit = unit_of(self.indicator)
        assert unit is not None, self.indicator
        return unit

    @property
    def factor(self) -> float:
        """What a change in its welfare indicator is multiplied by to read in ``change_unit``."""
        return self.unit.change_scale

    def change(self, value: float | None) -> str:
        """A change in its welfare, written in its unit."""
        return formats.change(value, self.indicator)

    def interval(self, low: float | None, high: float | None) -> str:
        """The interval of a change in its welfare, written in its unit."""
        return formats.interval(low, high, self.indicator, of_change=True)


PARTIES = (
    Party(
        "migrants",
        "Migrants",
        "welfare_migrants",
        "PPP $ a year per origin-born person (equivalent variation)",
        "$ a year",
        "#6a3d9a",
    ),
    Party(
        "origin",
        "Origin",
        "welfare_origin",
        "PPP $ a year per origin-born person (equivalent variation)",
        "$ a year",
        "#a07a38",
    ),
    Party(
        "destination",
        "Destination",
        "welfare_destination",
        "PPP $ a year per native (equivalent variation)",
        "$ a year",
        "#5a7fb0",
    ),
)
BY_KEY = {party.key: party for party in PARTIES}
# Each party's welfare indicator, by party key.
WELFARE_PARTIES = {party.key: party.indicator for party in PARTIES}


def party(key: str) -> Party:
    """The party with this key."""
    return BY_KEY[key]
