"""TripleWin: an agent-based simulator of international migration and co-development.

Importing the package pins numpy's code path before numpy is loaded (:mod:`model.numerics`), so
results by seed are the same whatever script or notebook starts the simulator. The model's classes
are imported lazily, so that light users of the package (the command line's ``--help``, the
scenario schema) do not pay for importing Mesa; and Mesa's parts the model does not use (its
grids and networks, its continuous space) load at their first use (:mod:`model.deferred`).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from model.deferred import defer
from model.numerics import pin_simd

pin_simd()
# Mesa's __init__ imports these, and with them networkx and scipy.spatial; the app uses them.
for _part in ("mesa.discrete_space", "mesa.space", "mesa.experimental.continuous_space"):
    defer(_part)

__all__ = ["RunResult", "TripleWinModel", "simulate"]
_HOMES = {
    "TripleWinModel": "model.model",
    "RunResult": "model.simulation",
    "simulate": "model.simulation",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'model' has no attribute {name!r}")
