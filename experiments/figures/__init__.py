"""Figures of the experiment commands (matplotlib, written as PNG into results folders).

Every artist that stands for a scenario carries the gid ``scenario:NAME`` (:func:`scenario_gid`),
so :func:`drawn_colours` can read back, from the figure itself, the colour each scenario was
drawn in: the manifest keeps it per figure and the report page shows it, so one colour per
scenario across a page is checked on what was drawn, not on what was meant.
"""

import matplotlib

matplotlib.use("Agg")

from matplotlib.colors import to_hex
from matplotlib.figure import Figure

SCENARIO_GID = "scenario:"


def scenario_gid(name: str) -> str:
    """The gid of an artist that stands for scenario ``name``."""
    return SCENARIO_GID + name


def drawn_colours(figure: Figure) -> dict[str, str]:
    """Each scenario's colour as drawn in ``figure`` (from its artists' gids), as #rrggbb."""
    found: dict[str, str] = {}
    for artist in figure.findobj(lambda a: str(a.get_gid() or "").startswith(SCENARIO_GID)):
        name = str(artist.get_gid())[len(SCENARIO_GID) :]
        if hasattr(artist, "get_color"):  # lines
            colour = artist.get_color()
        elif hasattr(artist, "get_facecolor"):  # patches and collections
            colour = artist.get_facecolor()
        else:
            raise TypeError(f"{artist} stands for scenario {name} but has no colour")
        found.setdefault(name, to_hex(colour))
    return found
