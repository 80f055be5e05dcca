"""``run.py report RESULTS_DIR``: one self-contained HTML page of a results folder."""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path

from experiments.result_files import MANIFEST, REPORT
from model.errors import InputError


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "report",
        help="one self-contained HTML page of a results folder",
        description=f"Write RESULTS_DIR/{REPORT.name}: the question, what was run, the figures "
        "(embedded) and the caveats, readable by someone who never ran the model.",
    )
    parser.add_argument("results", type=Path, metavar="RESULTS_DIR", help="a results folder")
    parser.add_argument(
        "--out", type=Path, help=f"where to write the page (default: RESULTS_DIR/{REPORT.name})"
    )
    parser.set_defaults(execute=execute)


def check_replaceable(out: Path) -> None:
    """The page may be written new, or replace an earlier page of this command; nothing else."""
    from experiments.report.page import GENERATOR

    if out.is_dir():
        raise InputError(str(out), None, "is a folder; --out names the page's file (report.html)")
    if not out.exists():
        return
    with out.open("rb") as page:
        head = page.read(4096)
    if GENERATOR.encode() not in head:
        raise InputError(
            str(out),
            None,
            "exists and is not a page of run.py report; nothing was written: choose another --out",
        )


def execute(args: argparse.Namespace) -> int:
    from experiments import results
    from experiments.report.page import render

    folder: Path = args.results
    manifest_path = MANIFEST.path(folder)
    if not folder.is_dir():
        raise InputError(str(folder), None, "no such results folder")
    if not manifest_path.is_file():
        raise InputError(
            str(folder), MANIFEST.name, "missing: not a finished results folder of run.py"
        )
    manifest = results.read_json(manifest_path)
    command = str(manifest.get("command", ""))
    try:
        kind = importlib.import_module(f"experiments.report.kinds.{command}")
    except ModuleNotFoundError:
        raise InputError(
            str(manifest_path), "command", f"no report for results of '{command}'"
        ) from None
    sections = kind.sections(folder, manifest)
    subtitle = getattr(kind, "SUBTITLE", "Results of " + " ".join(manifest.get("command_line", [])))
    page = render(kind.TITLE, subtitle, sections, manifest)
    if args.out is not None:
        check_replaceable(args.out)
    out = args.out or REPORT.path(folder)
    results.write_atomically(out, lambda tmp: tmp.write_text(page, encoding="utf-8"))
    print(out)
    return 0
