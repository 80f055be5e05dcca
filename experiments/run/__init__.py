"""``run.py run SCENARIO``: replications of one scenario, every indicator with its interval.

:mod:`~experiments.run.files` declares the files of the results folder (for the writer and the
report page, ``experiments/report/kinds/run.py``); :mod:`~experiments.run.outputs` runs the
replications and writes the folder and the terminal tables.
"""
