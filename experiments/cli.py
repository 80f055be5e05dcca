"""The one entry point: ``uv run run.py COMMAND ...`` (README.md, "Commands").

Each command is a module of :mod:`experiments.commands` with ``add_parser(subparsers)`` and
``execute(args) -> int``. Command modules import their heavy dependencies (dask, solara) inside
``execute``, so that ``run.py run`` and ``--help`` start fast. Bad input of any kind is an
:class:`~model.errors.InputError`: one line on stderr naming the file, the key and what is
allowed, and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from experiments import commands as commands_package
from model.errors import InputError

# The order of the README's list of commands; any other module of experiments.commands with
# add_parser follows.
ORDER = (
    "run",
    "compare",
    "sweep",
    "sensitivity",
    "report",
    "viz",
    "validate",
    "survey",
    "calibrate",
)
INTERRUPTED = 130


def command_modules() -> list[str]:
    """Names of the command modules, in the order of :data:`ORDER`."""
    found = [
        info.name
        for info in pkgutil.iter_modules(commands_package.__path__)
        if not info.name.startswith("_") and info.name != "options"
    ]
    return sorted(
        found, key=lambda name: (ORDER.index(name) if name in ORDER else len(ORDER), name)
    )


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command."""
    parser = argparse.ArgumentParser(
        prog="uv run run.py",
        description="TripleWin: when does migration become a triple win - for migrants, their "
        "countries of origin and the societies that receive them?",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in command_modules():
        module = importlib.import_module(f"experiments.commands.{name}")
        if hasattr(module, "add_parser"):
            module.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line, run the command, and turn bad input into exit status 2."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.execute(args) or 0)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        if error.filename is None:
            raise
        print(f"error: {error.filename}: {error.strerror}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(interrupted_note(args), file=sys.stderr)
        return INTERRUPTED


def interrupted_note(args: argparse.Namespace) -> str:
    """What an interrupted command leaves: resumable commands keep their finished runs."""
    if hasattr(args, "resume"):
        return (
            "interrupted: the runs finished so far are kept in the results folder; run the same "
            "command with --resume to finish the others"
        )
    return "interrupted: nothing was written (this command writes its results when it finishes)"
