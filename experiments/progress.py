"""A progress bar on stderr for long work: runs done, rate and time left.

On a terminal it is rich's live bar. Without one (output sent to a file or a job scheduler's
log), a live bar would show nothing until the end, so a plain line is printed instead every
:data:`PLAIN_EVERY_SECONDS` and when the work is done.
"""

from __future__ import annotations

import sys
import time
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
PLAIN_EVERY_SECONDS = 5.0


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
    if not STDERR.is_terminal:
        plain = PlainProgress(total, description, done)
        yield plain.advance
        plain.finish()
        return
    with Progress(*columns, console=STDERR, transient=False) as bar:
        task = bar.add_task(description, total=total, completed=done)

        def advance(n: int = 1) -> None:
            bar.advance(task, n)

        yield advance


class PlainProgress:
    """Progress as plain lines on stderr, at most one every ``every`` seconds, and at the end.

    Args:
        total: Runs in all.
        description: What is running.
        done: Runs already done (resumed work), not counted in the rate.
        every: Seconds between two lines.
    """

    def __init__(
        self, total: int, description: str, done: int = 0, every: float = PLAIN_EVERY_SECONDS
    ) -> None:
        self.total, self.description, self.every = total, description, every
        self.done = self.started_with = done
        self.start = self.last = time.monotonic()

    def advance(self, n: int = 1) -> None:
        """Count ``n`` more runs done; print a line if the last one is old enough."""
        self.done += n
        now = time.monotonic()
        if now - self.last >= self.every and self.done < self.total:
            self.last = now
            self.print(now)

    def finish(self) -> None:
        """The closing line."""
        self.print(time.monotonic())

    def line(self, now: float) -> str:
        """Runs done of all, rate, time taken and time left."""
        elapsed = now - self.start
        fresh = self.done - self.started_with
        rate = fresh / elapsed if elapsed > 0 else 0.0
        left = (self.total - self.done) / rate if rate > 0 else float("nan")
        speed = f"{rate:.1f} runs/s" if rate >= 1 else f"{rate * 60:.1f} runs/min"
        remaining = f"{left:.0f} s left" if left == left else "time left unknown"
        return (
            f"{self.description}: {self.done}/{self.total} runs, {speed}, {elapsed:.0f} s taken, "
            f"{remaining}"
        )

    def print(self, now: float) -> None:
        print(self.line(now), file=sys.stderr, flush=True)
