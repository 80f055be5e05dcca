"""One module per command of ``run.py`` (see :mod:`experiments.cli`)."""
