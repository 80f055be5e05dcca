"""The files of a results folder, declared: a name and what the file holds.

Each kind of results (``run``, ``compare``, ``sweep``, ``sensitivity``, ...) declares its files
in one module (``experiments/run/files.py``, ``experiments/comparison/files.py``, ...), which
both the command that writes the folder and the report page that reads it import: a file's name
is written once. The manifest and the report page, which every folder has, are declared here.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ResultFile:
    """A file of a results folder.

    Attributes:
        name: Its name in the folder; a family of files has ``{fields}`` in it
            (``indices-{output}.png``), filled by :meth:`named`.
        about: What it holds, in one line.
    """

    name: str
    about: str

    def named(self, **fields: str) -> str:
        """The name, its fields filled."""
        return self.name.format(**fields)

    def path(self, folder: Path, **fields: str) -> Path:
        """Where it is in ``folder``."""
        return folder / self.named(**fields)

    @property
    def shown(self) -> str:
        """The name for a reader: a family's fields in capitals (``indices-OUTPUT.png``)."""
        return "".join(
            text + (field.upper() if field else "")
            for text, field, _, _ in string.Formatter().parse(self.name)
        )

    def holds(self, name: str) -> bool:
        """Whether ``name`` (relative to the folder) is this file or one of its family."""
        pattern = "".join(
            re.escape(text) + ("[^/]+" if field else "")
            for text, field, _, _ in string.Formatter().parse(self.name)
        )
        return re.fullmatch(pattern, name) is not None


MANIFEST = ResultFile(
    "manifest.json",
    "how the folder was made: command, scenario files, parameters, seeds, package versions, git "
    "commit, timings and the files written; written last, so a folder with one is complete",
)
REPORT = ResultFile("report.html", "the self-contained report page (run.py report)")


def described(files: tuple[ResultFile, ...], present: list[str]) -> list[tuple[str, str]]:
    """``(name, about)`` of the declared files among those present, in declaration order; a
    family is listed once, by :attr:`ResultFile.shown`, when one of its files is present."""
    return [(item.shown, item.about) for item in files if any(item.holds(name) for name in present)]
