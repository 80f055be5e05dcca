"""docs/architecture.md lists the mechanisms and the results kinds that the code has."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "architecture.md").read_text()


def section(title: str) -> str:
    """The text of the section of docs/architecture.md with this heading, up to the next one."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", DOC, flags=re.M | re.S)
    assert match, f"docs/architecture.md has no section '## {title}'"
    return match.group(1)


def table_rows(text: str) -> list[list[str]]:
    """The cells of every row of the Markdown tables in ``text``, header and rule aside."""
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in text.splitlines()
        if line.startswith("|")
    ]
    return [row for row in rows[2:] if not set(row[0]) <= set("-")]


def test_the_mechanisms_listed_are_the_modules_of_model_mechanisms():
    listed = {row[0].strip("`") for row in table_rows(section("Where each mechanism lives"))}
    modules = {
        f"model/mechanisms/{path.name}"
        for path in (ROOT / "model" / "mechanisms").glob("*.py")
        if path.name != "__init__.py"
    }
    assert listed == modules


def test_every_mechanism_listed_is_called_by_the_year_or_by_another_mechanism():
    step = (ROOT / "model" / "model.py").read_text()
    rules = "".join(
        path.read_text() for path in (ROOT / "model").rglob("*.py") if path.name != "__init__.py"
    )
    for row in table_rows(section("Where each mechanism lives")):
        name = Path(row[0].strip("`")).stem
        imported = re.search(rf"\b{name}\b", step) or f"import {name}" in rules
        assert imported or f"mechanisms.{name}" in rules, f"{name} is not used by the model"


def test_the_results_kinds_listed_are_the_report_pages_and_their_modules_exist():
    rows = table_rows(section("Kinds of results"))
    kinds = {row[0].strip("`") for row in rows}
    pages = {
        path.stem
        for path in (ROOT / "experiments" / "report" / "kinds").glob("*.py")
        if path.name != "__init__.py"
    }
    assert kinds == pages
    for kind, files, writer, page in (tuple(cell.strip("`") for cell in row) for row in rows):
        assert page == f"experiments/report/kinds/{kind}.py"
        assert (ROOT / writer).is_file(), f"{kind}: {writer} does not exist"
        assert (ROOT / files).is_file(), f"{kind}: {files} does not exist"
        assert "ResultFile(" in (ROOT / files).read_text(), f"{files} declares no ResultFile"
        page_text = (ROOT / page).read_text()
        module = files.removesuffix(".py").replace("/", ".")
        package, _, name = module.rpartition(".")
        assert f"from {package} import {name}" in page_text or f"import {module}" in page_text, (
            f"the {kind} report page does not read its files from {files}"
        )
