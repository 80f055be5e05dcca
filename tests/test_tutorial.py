"""The estimation tutorial runs from top to bottom in a fresh kernel (as a student would run it)."""

from __future__ import annotations

import nbformat
from nbclient import NotebookClient

from tests.conftest import ROOT

NOTEBOOK = ROOT / "docs" / "estimation_tutorial.ipynb"


def test_estimation_tutorial_executes_without_error():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    # The kernel named python3 is this interpreter's (the project's environment); the notebook
    # runs in docs/, as Jupyter would run it, so its relative paths are tested too.
    client = NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=120,
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code and all(cell.get("execution_count") for cell in code)
    errors = [o for cell in code for o in cell.outputs if o.get("output_type") == "error"]
    assert not errors
    figures = [o for cell in code for o in cell.outputs if "image/png" in o.get("data", {})]
    assert figures, "the undercount figure is drawn"
