"""The colours of results: verdicts and outcomes, and scenarios, for figures, pages and the app.

Every figure of a results folder, the HTML report, the terminal tables and the classroom app
take their colours from here, so a gain is the same green everywhere and a scenario keeps its
colour from one figure to the next. A scenario's colour is a function of its position in the
command's list (the baseline, first, always the same grey); the palette holds no colour
close to a verdict's, so a line is never read as a verdict. Plain data: no plotting library.
"""

from __future__ import annotations

from experiments.verdicts import GAIN, LOSS, NEGLIGIBLE, TRIPLE_WIN, UNCERTAIN

GAIN_COLOUR = "#1a7f37"
LOSS_COLOUR = "#b42318"
UNCERTAIN_COLOUR = "#9a6b00"
# Too small to matter: a dark umber, apart from the others and from every scenario's colour.
NEGLIGIBLE_COLOUR = "#554422"
# What is not judged (yet): the app's first years, two runs with the same policies.
NEUTRAL_COLOUR = "#bdbdbd"
OUTCOME_COLOURS = {
    GAIN: GAIN_COLOUR,
    LOSS: LOSS_COLOUR,
    NEGLIGIBLE: NEGLIGIBLE_COLOUR,
    UNCERTAIN: UNCERTAIN_COLOUR,
}
VERDICT_COLOURS = {
    TRIPLE_WIN: GAIN_COLOUR,
    LOSS: LOSS_COLOUR,
    NEGLIGIBLE: NEGLIGIBLE_COLOUR,
    UNCERTAIN: UNCERTAIN_COLOUR,
}

BASELINE_COLOUR = "#7f7f7f"
SCENARIO_COLOURS = (
    "#1f5fa8",
    "#7b3294",
    "#0f8fa8",
    "#d6569b",
    "#2b2d6e",
    "#6fa8dc",
    "#a05195",
    "#5e4fa2",
)


def colour_of(name: str) -> str:
    """The colour of a verdict or an outcome; neutral grey for anything not judged."""
    return VERDICT_COLOURS.get(name) or OUTCOME_COLOURS.get(name) or NEUTRAL_COLOUR


def scenario_colour(position: int) -> str:
    """The colour of the scenario at ``position`` in a command's list (0: the baseline)."""
    if position == 0:
        return BASELINE_COLOUR
    return SCENARIO_COLOURS[(position - 1) % len(SCENARIO_COLOURS)]


def rich_style(name: str) -> str:
    """A verdict or outcome as the terminal shows it (bold, in its colour)."""
    return f"bold {colour_of(name)}"
