"""The progress display of ``calibrate`` on stderr: generations, and particles accepted."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from experiments.progress import STDERR


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


@contextmanager
def generation_progress(
    generations: int, done: int, population: int, *, enabled: bool = True
) -> Iterator[GenerationProgress | None]:
    """The display (None when disabled)."""
    if not enabled:
        yield None
        return
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=STDERR, transient=False) as bar:
        yield GenerationProgress(bar, generations, done, population)
