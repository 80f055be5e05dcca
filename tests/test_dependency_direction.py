"""Dependencies point one way: scenario -> model -> experiments -> report and app.

The simulator (``model/``) imports neither the experiment machinery nor the app; the
experiments never import the app, which reads the model and the experiments' registries (the
parties, verdicts, colours, formats and levers) instead of keeping copies of them.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

FORBIDDEN = {"model": ("experiments", "app"), "experiments": ("app",)}


def imported(path: Path) -> set[str]:
    """The modules a file imports, wherever the import statement is."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_import_points_back_up(package):
    wrong = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in sorted((ROOT / package).rglob("*.py"))
        for name in imported(path)
        if name.split(".")[0] in FORBIDDEN[package]
    ]
    assert not wrong


def test_the_app_reads_the_registries_instead_of_copying_them():
    used = set().union(*(imported(path) for path in (ROOT / "app").rglob("*.py")))
    for registry in (
        "experiments.parties",
        "experiments.verdicts",
        "experiments.style",
        "experiments.formats",
        "model.scenario.policy",
    ):
        assert registry in used, registry
    # The app's old copies are gone: no verdict colours, party table or lever list of its own.
    source = "".join(path.read_text() for path in (ROOT / "app").rglob("*.py"))
    for copy in ("VERDICT_COLOURS", "unclear", "SLIDERS", "SWITCHES", '"#2e7d32"'):
        assert copy not in source, copy
