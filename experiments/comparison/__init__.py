"""``run.py compare``: is each policy scenario a triple win against the baseline?

One package for the whole kind of results, read in this order:

- :mod:`~experiments.comparison.pairs`: paired changes, replication by replication, their 95%
  intervals and the verdict (:class:`~experiments.comparison.pairs.Comparison`);
- :mod:`~experiments.comparison.variations`: the parties', channels' and groups' equivalent
  variations, their outcomes with the margin, the verdict at each horizon;
- :mod:`~experiments.comparison.advice`: whether the replications decide, and how many would;
- :mod:`~experiments.comparison.files`: the files of the results folder, declared once for the
  writer and the report page (``experiments/report/kinds/compare.py``);
- :mod:`~experiments.comparison.outputs`: the writer of the folder and its manifest;
- :mod:`~experiments.comparison.forest`, :mod:`~experiments.comparison.quadrant`,
  :mod:`~experiments.comparison.channels` and :mod:`~experiments.comparison.welfare`: the figures;
- :mod:`~experiments.comparison.tables`: the terminal tables;
- :mod:`~experiments.comparison.differences`: what each scenario changes, for the report;
- :mod:`~experiments.comparison.runs`: from scenario files to a finished folder
  (:func:`~experiments.comparison.runs.run_comparison`), which
  ``experiments/commands/compare.py`` calls once it has parsed the command line.
"""
