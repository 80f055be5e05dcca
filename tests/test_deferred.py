"""Mesa's optional parts load at their first use, and work then (model/deferred.py)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.conftest import ROOT


def python(code: str) -> str:
    """Run ``code`` in a fresh interpreter (a clean ``sys.modules``); its stdout."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_a_run_loads_neither_networkx_nor_scipy_spatial():
    out = python(
        """
        import sys
        from model.simulation import simulate
        from model.scenario.schema import Scenario
        import mesa

        simulation = {"households": 50, "years": 3, "evaluation_years": 1}
        simulate(Scenario.model_validate({"simulation": simulation}), 1)
        loaded = [m for m in ("networkx", "scipy.spatial", "matplotlib") if m in sys.modules]
        print(loaded, type(mesa.discrete_space).__name__)
        """
    )
    assert out.split() == ["[]", "_DeferredModule"]


def test_deferred_parts_work_at_first_use_and_the_agents_are_mesa_agents():
    out = python(
        """
        import random, sys
        import mesa
        from model.model import TripleWinModel
        from model.scenario.schema import Scenario

        model = TripleWinModel(Scenario.model_validate({"simulation": {"households": 30}}), seed=2)
        assert isinstance(model, mesa.Model)
        assert all(isinstance(a, mesa.Agent) for a in model.agents)
        from mesa.discrete_space import OrthogonalMooreGrid
        grid = OrthogonalMooreGrid((3, 3), random=random.Random(1))
        import mesa.discrete_space.network
        from mesa.space import MultiGrid
        MultiGrid(2, 2, torus=False)
        print(len(list(grid.all_cells)), "networkx" in sys.modules,
              type(mesa.discrete_space).__name__, mesa.discrete_space.OrthogonalMooreGrid is OrthogonalMooreGrid)
        """
    )
    assert out.split() == ["9", "True", "module", "True"]


def test_a_package_imported_first_is_left_alone():
    out = python(
        """
        import mesa
        import model
        print(type(mesa.discrete_space).__name__)
        """
    )
    assert out.split() == ["module"]


def test_a_thread_that_uses_a_module_another_is_loading_waits_for_it(tmp_path):
    package = tmp_path / "slowpackage"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "slow.py").write_text(
        "import builtins\nbuiltins.STARTED.set()\nbuiltins.FINISH.wait(30)\nVALUE = 42\n"
    )
    out = python(
        f"""
        import builtins, sys, threading, time
        sys.path.insert(0, {str(tmp_path)!r})
        builtins.STARTED, builtins.FINISH = threading.Event(), threading.Event()
        from model.deferred import defer

        assert defer("slowpackage.slow")
        import slowpackage.slow as slow

        seen = {{}}
        first = threading.Thread(target=lambda: seen.update(first=slow.VALUE))
        first.start()
        builtins.STARTED.wait(30)  # the first thread is running the module's code
        second = threading.Thread(target=lambda: seen.update(second=getattr(slow, "VALUE", None)))
        second.start()
        time.sleep(0.3)
        builtins.FINISH.set()
        first.join()
        second.join()
        print(seen["first"], seen["second"], type(slow).__name__)
        """
    )
    assert out.split() == ["42", "42", "module"]
