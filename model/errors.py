"""The error every command reports as one line and exit status 2: bad input, never a bug."""

from __future__ import annotations


class InputError(Exception):
    """Input that cannot be used, naming the file, the key and what is allowed.

    Args:
        file: The file (or command-line option) the problem is in.
        key: The dotted key inside it, if any.
        message: What is wrong and what is allowed.
    """

    def __init__(self, file: str, key: str | None, message: str) -> None:
        self.file, self.key, self.message = file, key, message
        where = f"{file}: {key}" if key else file
        super().__init__(f"{where}: {message}")
