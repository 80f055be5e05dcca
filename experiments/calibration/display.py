"""The progress display of ``calibrate`` on stderr: generations, and particles accepted.

On a terminal, two live bars; without one (a log file, a job scheduler), a plain line every
:data:`experiments.progress.PLAIN_EVERY_SECONDS` and at each new generation, as for runs.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from experiments.progress import PLAIN_EVERY_SECONDS, STDERR


class GenerationProgress:
    """Two bars: generations done, and particles accepted in the running generation."""

    def __init__(self, bar: Progress, generations: int, done: int, population: int) -> None:
        self.bar = bar
        self.population = population
        self.generations = bar.add_task("calibrate: generations", total=generations, completed=done)
        self.particles = bar.add_task("  prior sample", total=population)
        self.current: int | None = None

    def show(self, generation: int, accepted: int, evaluated: int) -> None:
        """Called as batches come back (generation -1 is pyabc's sample of the prior)."""
        if generation != self.current:
            if self.current is not None and self.current >= 0:
                self.bar.advance(self.generations, 1)
            self.current = generation
        label = "prior sample" if generation < 0 else f"generation {generation}"
        self.bar.update(
            self.particles,
            completed=min(accepted, self.population),
            description=f"  {label}: accepted of {evaluated} evaluated",
        )

    def finish(self, generations: int) -> None:
        """Show the generations stored at the end."""
        self.bar.update(self.generations, completed=generations)


class PlainGenerationProgress:
    """The same progress as plain lines on stderr: at each new generation, at most one line
    every ``every`` seconds within one, and at the end.

    Args:
        generations: Generations asked for.
        done: Generations already stored (a resumed calibration).
        population: Particles a generation accepts.
        every: Seconds between two lines within a generation.
    """

    def __init__(
        self, generations: int, done: int, population: int, every: float = PLAIN_EVERY_SECONDS
    ) -> None:
        self.generations, self.done = generations, done
        self.population, self.every = population, every
        self.start = self.last = time.monotonic()
        self.current: int | None = None

    def show(self, generation: int, accepted: int, evaluated: int) -> None:
        """Called as batches come back (generation -1 is pyabc's sample of the prior)."""
        now = time.monotonic()
        if generation == self.current and now - self.last < self.every:
            return
        self.done = max(generation, 0)  # generation g runs once 0 to g-1 are stored
        self.current, self.last = generation, now
        label = "prior sample" if generation < 0 else f"generation {generation}"
        self.print(
            f"{label}: {min(accepted, self.population)}/{self.population} particles accepted "
            f"of {evaluated} evaluated",
            now,
        )

    def finish(self, generations: int) -> None:
        """The closing line: the generations stored."""
        self.done = generations
        self.print("finished", time.monotonic())

    def print(self, what: str, now: float) -> None:
        print(
            f"calibrate: {self.done}/{self.generations} generations done; {what}; "
            f"{now - self.start:.0f} s taken",
            file=sys.stderr,
            flush=True,
        )


@contextmanager
def generation_progress(
    generations: int, done: int, population: int, *, enabled: bool = True
) -> Iterator[GenerationProgress | PlainGenerationProgress | None]:
    """The display (None when disabled)."""
    if not enabled:
        yield None
        return
    if not STDERR.is_terminal:
        yield PlainGenerationProgress(generations, done, population)
        return
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=STDERR, transient=False) as bar:
        yield GenerationProgress(bar, generations, done, population)
