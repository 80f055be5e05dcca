"""The house rules of the code: one direction of dependencies and no import cycles.

The graph is read from the source with :mod:`ast`: every ``import`` a module executes, at the top
or inside a function (a deferred import still runs), except those under ``if TYPE_CHECKING:``,
which only the type checker follows. Dependencies point one way: scenario -> model -> indicators
-> experiments -> report and app (docs/architecture.md).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("model", "experiments", "app")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def source_files() -> Iterator[Path]:
    for package in PACKAGES:
        if (ROOT / package).is_dir():
            yield from sorted((ROOT / package).rglob("*.py"))


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def runtime_imports(path: Path) -> set[str]:
    """Modules of this project that ``path`` imports when it runs (TYPE_CHECKING blocks aside)."""
    tree = ast.parse(path.read_text(), filename=str(path))
    package = (
        module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    )
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return {name for name in found if name.split(".")[0] in PACKAGES}


def import_graph() -> dict[str, set[str]]:
    """Each project module and the project modules it imports at run time."""
    modules = {module_name(path): path for path in source_files()}
    graph = {}
    for name, path in modules.items():
        # ``from model import simulation`` names a module; ``from model.x import f`` a symbol.
        graph[name] = {
            target for target in runtime_imports(path) if target in modules and target != name
        }
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, as the list of modules around it, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def walk(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state and (cycle := walk(target)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := walk(node)):
            return cycle
    return None


GRAPH = import_graph()


def test_the_graph_sees_the_project():
    assert "model.model" in GRAPH and "experiments.cli" in GRAPH
    assert "model.mechanisms.labour" in GRAPH["model.model"]


def test_there_are_no_import_cycles():
    assert find_cycle(GRAPH) is None, " -> ".join(find_cycle(GRAPH) or [])


def test_a_cycle_is_found_when_there_is_one():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


@pytest.mark.parametrize(
    ("importer", "forbidden"),
    [
        ("model", ("experiments", "app")),
        ("model.mechanisms", ("model.observation", "model.indicators", "model.measures")),
        ("model.scenario", ("model.world", "model.model", "model.mechanisms")),
        *[
            (core, ("model.mechanisms", "model.model", "model.indicators", "model.observation"))
            for core in (
                "model.columns",
                "model.population",
                "model.events",
                "model.state",
                "model.parameters",
                "model.world",
                "model.origin_economy",
                "model.destination_economy",
                "model.production",
                "model.randomness",
            )
        ],
        ("experiments", ("app",)),
    ],
)
def test_dependencies_point_one_way(importer, forbidden):
    wrong = sorted(
        (module, target)
        for module, targets in GRAPH.items()
        if module == importer or module.startswith(importer + ".")
        for target in targets
        if any(target == f or target.startswith(f + ".") for f in forbidden)
    )
    assert not wrong, f"{importer} must not import {forbidden}: {wrong}"
