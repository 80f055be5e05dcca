"""Mesa's optional parts, loaded when first used rather than whenever Mesa is imported.

``import mesa`` runs Mesa's package ``__init__``, which imports every part of Mesa: among them
``mesa.discrete_space`` (grids, networks and Voronoi cells), which imports networkx and
scipy.spatial, about a third of a second on the development machine. TripleWin's agents live in
columns and its space is a table of regions, so a run never touches those parts; the app and
Mesa's own examples do. :func:`defer` registers such a module before Mesa is imported: the
``import`` statement in Mesa's ``__init__`` then finds it registered and binds it, and its code
runs at the first use of one of its names (``mesa.discrete_space.OrthogonalMooreGrid``, ``from
mesa.discrete_space import Network``, importing one of its submodules), as if it had been
imported then.

This is the lazy import of the standard library (:class:`importlib.util.LazyLoader`, the
recipe "Implementing lazy imports" of the ``importlib`` documentation) with one difference: the
module's ``__spec__`` (and its file's name) is read without loading it, because every
``import`` statement reads it (CPython issue gh-127036) and so does Mesa's logging set-up, through
:func:`inspect.getmodule`, and a standard lazy module is therefore loaded by the next statement
that imports it. Nothing else changes: the module is the one the import system would make,
executed by its own loader, in ``sys.modules`` under its own name; a thread that uses it while
another is running its code waits for that to finish, as it would for an import.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import sys
import threading
import types

# Reading these does not load a deferred module: the import system and ``inspect`` read them of
# every module. ``__path__`` does load it: importing a submodule reads it, and needs the package.
_PASSED_THROUGH = frozenset(
    {"__spec__", "__name__", "__file__", "__cached__", "__loader__", "__package__", "__class__"}
)
# One module loads at a time; a thread that uses a module another is loading waits for it.
_LOADING = threading.RLock()
_IN_PROGRESS: set[int] = set()


class _DeferredModule(types.ModuleType):
    """A registered module whose code runs at the first use of one of its names."""

    def __getattribute__(self, name: str) -> object:
        if name not in _PASSED_THROUGH:
            _ensure_loaded(self)
        return types.ModuleType.__getattribute__(self, name)

    def __setattr__(self, name: str, value: object) -> None:
        _ensure_loaded(self)
        types.ModuleType.__setattr__(self, name, value)


def _ensure_loaded(module: types.ModuleType) -> None:
    """Run the module's code in it, once, as the import system would have."""
    with _LOADING:
        # Loaded already, or being loaded by this thread (the module's own code uses it).
        if type(module) is not _DeferredModule or id(module) in _IN_PROGRESS:
            return
        spec = types.ModuleType.__getattribute__(module, "__spec__")
        _IN_PROGRESS.add(id(module))
        try:
            spec.loader.exec_module(module)
        except BaseException:
            sys.modules.pop(spec.name, None)
            raise
        finally:
            _IN_PROGRESS.discard(id(module))
        object.__setattr__(module, "__class__", types.ModuleType)


def _find(name: str) -> importlib.machinery.ModuleSpec | None:
    """The spec of ``name``, found along its packages' paths without importing any of them."""
    top, *rest = name.split(".")
    spec = importlib.util.find_spec(top)
    for depth in range(1, len(rest) + 1):
        if spec is None or not spec.submodule_search_locations:
            return None
        dotted = ".".join([top, *rest[:depth]])
        spec = importlib.machinery.PathFinder.find_spec(dotted, spec.submodule_search_locations)
    return spec


def defer(name: str) -> bool:
    """Register module ``name`` (``package.module``) to load at its first use.

    Nothing happens if the module or its top-level package is loaded already, or if it cannot
    be found: the package's ``__init__`` is what will import ``name``.

    Returns:
        Whether the module was registered.
    """
    if name in sys.modules or name.partition(".")[0] in sys.modules:
        return False
    spec = _find(name)
    if spec is None or spec.loader is None:
        return False
    module = importlib.util.module_from_spec(spec)
    object.__setattr__(module, "__class__", _DeferredModule)
    sys.modules[name] = module
    return True
