"""Every chart of the app drawn for one year, as the page would: for tests and benchmarks.

The page shows three views at a time and draws each at most once a year
(:mod:`app.views`); drawing all five is the most a year can cost.
"""

from __future__ import annotations

from app.classroom import ClassroomModel
from app.figures.distributions import DistributionsChart
from app.figures.story import StoryChart
from app.figures.style import to_png
from app.figures.trends import TrendsChart
from app.figures.triple_win import TripleWinChart
from app.figures.world import WorldChart
from app.household_story import household_story, poverty_line
from app.people import notable_people
from app.state import margin, paired_yearly, poverty_lines, welfare_pairs
from app.stories import person_story
from app.verdict import verdicts


class EveryView:
    """The five charts of one model, made once and redrawn year after year.

    Args:
        model: The classroom model whose views are drawn.
    """

    def __init__(self, model: ClassroomModel) -> None:
        self.model = model
        self.world = WorldChart(model)
        self.triple_win = TripleWinChart(model.horizon)
        self.trends = TrendsChart(model.horizon)
        self.distributions = DistributionsChart(poverty_lines(model))
        self.story = StoryChart(model.horizon)

    def draw(self) -> list[bytes]:
        """PNG images of the world, triple-win, trends, distributions and inspector views."""
        model = self.model
        scenario, baseline = paired_yearly(model)
        records, negligible = welfare_pairs(model), margin(model)
        person = person_story(model, next(iter(notable_people(model))))
        if person is None:
            raise ValueError("the run has no migrant whose story the inspector can tell")
        row = int(person.history["household"][0])
        judged = verdicts(records, negligible)
        return [
            to_png(self.world.update(model)),
            to_png(self.triple_win.update(records, judged, negligible)),
            to_png(self.trends.update(scenario, baseline)),
            to_png(self.distributions.update(model)),
            to_png(
                self.story.update(person, household_story(model, row), poverty_line(model, row))
            ),
        ]
