"""The colours of results: verdicts and outcomes, and scenarios, for figures, pages and the app.

Every figure of a results folder, the HTML report, the terminal tables and the classroom app
take their colours from here, so a gain is the same green everywhere and a scenario keeps its
colour from one figure to the next (:func:`scenario_colours`: one mapping per page). Where a
figure colours scenarios, outcomes take shapes (:func:`outcome_marker`); text on coloured cells
takes the colour that reads on them (:func:`text_colour_on`). A scenario's colour is a function
of its position in the command's list (the baseline, first, always the same grey); the palette
holds no colour close to a verdict's, so a line is never read as a verdict. Plain data: no
plotting library.
"""

from __future__ import annotations

from collections.abc import Sequence

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


# Where a scenario's colour is taken (it keeps one colour on every figure of a page), a party's
# outcome is told by the marker's shape instead: up for a gain, down for a loss, hollow when
# uncertain, so that colour never means two things in one figure.
OUTCOME_MARKERS = {GAIN: "^", LOSS: "v", NEGLIGIBLE: "D", UNCERTAIN: "o"}
HOLLOW_OUTCOMES = (UNCERTAIN,)
# Text on a coloured cell: dark on light cells, white on dark ones (relative luminance, WCAG 2).
DARK_TEXT, LIGHT_TEXT = "#1d2329", "#ffffff"
LUMINANCE_THRESHOLD = 0.213  # where both texts reach the same contrast, about 4:1


def colour_of(name: str) -> str:
    """The colour of a verdict or an outcome; neutral grey for anything not judged."""
    return VERDICT_COLOURS.get(name) or OUTCOME_COLOURS.get(name) or NEUTRAL_COLOUR


def scenario_colour(position: int) -> str:
    """The colour of the scenario at ``position`` in a command's list (0: the baseline)."""
    if position == 0:
        return BASELINE_COLOUR
    return SCENARIO_COLOURS[(position - 1) % len(SCENARIO_COLOURS)]


def scenario_colours(names: Sequence[str]) -> dict[str, str]:
    """Each scenario's colour by its position in a command's list (the first: the baseline).

    A scenario listed twice (the baseline compared with itself) keeps its first position.
    """
    colours: dict[str, str] = {}
    for position, name in enumerate(names):
        colours.setdefault(name, scenario_colour(position))
    return colours


def outcome_marker(name: str) -> tuple[str, bool]:
    """The marker of an outcome where colour tells scenarios apart: (shape, filled)."""
    return OUTCOME_MARKERS.get(name, "o"), name not in HOLLOW_OUTCOMES


def text_colour_on(red: float, green: float, blue: float) -> str:
    """Readable text on a cell of this colour (channels from 0 to 1): dark or white."""

    def linear(channel: float) -> float:
        if channel <= 0.04045:
            return channel / 12.92
        return ((channel + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    return DARK_TEXT if luminance > LUMINANCE_THRESHOLD else LIGHT_TEXT


def rich_style(name: str) -> str:
    """A verdict or outcome as the terminal shows it (bold, in its colour)."""
    return f"bold {colour_of(name)}"
