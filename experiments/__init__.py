"""The experiment machinery of TripleWin: replications, statistics, results folders, commands.

It imports :mod:`model` first, which pins numpy's code path before numpy is loaded, so the
``triplewin`` console script computes what ``run.py`` computes.
"""

import model  # noqa: F401
