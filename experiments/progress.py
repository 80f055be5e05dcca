"""A progress bar on stderr for long work: runs done, rate and time left."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

STDERR = Console(stderr=True)


class RateColumn(ProgressColumn):
    """Runs per second (or per minute when slow)."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        if not speed:
            return Text("-- runs/s", style="progress.data.speed")
        if speed < 1:
            return Text(f"{speed * 60:.1f} runs/min", style="progress.data.speed")
        return Text(f"{speed:.1f} runs/s", style="progress.data.speed")


def _ignore(n: int = 1) -> None:
    """Advance a bar that draws nothing."""


@contextmanager
def progress_bar(
    total: int, description: str, *, done: int = 0, enabled: bool = True
) -> Iterator[Callable[[int], None]]:
    """A bar for ``total`` runs; yields ``advance(n)``. Disabled, it draws nothing."""
    if not enabled:
        yield _ignore
        return
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=STDERR, transient=False) as bar:
        task = bar.add_task(description, total=total, completed=done)

        def advance(n: int = 1) -> None:
            bar.advance(task, n)

        yield advance
