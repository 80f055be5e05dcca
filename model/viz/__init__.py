"""The classroom app: TripleWin in the browser, through Mesa's SolaraViz (``run.py viz``).

One module per concern: :mod:`~model.viz.classroom` (the scenario run and its paired baseline),
:mod:`~model.viz.levers` (the controls), :mod:`~model.viz.diary` (a yearly log of people and
households), :mod:`~model.viz.stories` and :mod:`~model.viz.household_story` (that log in plain
words), :mod:`~model.viz.verdict` (the triple win so far), :mod:`~model.viz.figures` (the
charts), :mod:`~model.viz.views` and :mod:`~model.viz.inspector` (Solara components),
:mod:`~model.viz.explain` (the notes beside each view) and :mod:`~model.viz.app` (the page).
"""
