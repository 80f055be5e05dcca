"""The classroom app: TripleWin in the browser, built from Mesa's Solara parts (``run.py viz``).

It sits beside the experiments and reads the model and the experiments' registries (the
parties, the verdicts, the colours, the indicator formats and the levers), never the other way
round: nothing in ``model/`` or ``experiments/`` imports it.

One module per concern: :mod:`~app.classroom` (the scenario run and its paired baseline),
:mod:`~app.levers` (the controls, from the lever registry), :mod:`~app.controls` (reset, play,
step, and what waits for Reset), :mod:`~app.state` (what the app
reads from a running model), :mod:`~app.diary` (a yearly log of people and households),
:mod:`~app.stories` and :mod:`~app.household_story` (that log in plain words),
:mod:`~app.verdict` (the triple win so far), :mod:`~app.figures` (the charts),
:mod:`~app.views` and :mod:`~app.inspector` (Solara components), :mod:`~app.explain` (the notes
beside each view) and :mod:`~app.page` (the page).
"""
