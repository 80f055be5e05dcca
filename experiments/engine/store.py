"""Results streamed to Parquet as chunks finish, and the finished tables made from them.

Each finished chunk becomes its own part file, ``parts/runs-SESSION-CHUNK.parquet`` (and
``parts/yearly-SESSION-CHUNK.parquet`` when yearly series are kept), written to a temporary name
and moved into place, so a part is either whole or absent. The yearly part is written first: a
runs part is the mark that its runs are done, and a yearly part without one is an orphan that
:meth:`RunStore.clean` removes. At the end the parts are merged into ``runs.parquet`` (one row per
run, sorted by ``run_id``, each run once) and ``yearly.parquet``, both written atomically.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from experiments.results import write_atomically

PARTS = "parts"
RUNS = "runs.parquet"
YEARLY = "yearly.parquet"


class RunStore:
    """The Parquet files of one results folder.

    Args:
        folder: The results folder (created if missing).
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.parts = folder / PARTS

    def part_path(self, kind: str, session: int, chunk: int) -> Path:
        """Where the part of one chunk of one session goes (``kind`` is runs or yearly)."""
        return self.parts / f"{kind}-{session:03d}-{chunk:05d}.parquet"

    def run_parts(self) -> list[Path]:
        """The runs parts present, in name order."""
        return sorted(self.parts.glob("runs-*.parquet"))

    def clean(self) -> list[Path]:
        """Remove what an interrupted writer may leave: temporary files and orphan yearly parts.

        Returns:
            The files removed.
        """
        removed = [
            path
            for folder in (self.folder, self.parts)
            if folder.is_dir()
            for path in folder.glob(".*.part")
        ]
        done = {path.name.removeprefix("runs-") for path in self.run_parts()}
        removed += [
            path
            for path in sorted(self.parts.glob("yearly-*.parquet"))
            if path.name.removeprefix("yearly-") not in done
        ]
        for path in removed:
            path.unlink(missing_ok=True)
        return removed

    def done_ids(self) -> set[int]:
        """Run ids whose rows are on disk, in parts or in a consolidated ``runs.parquet``."""
        sources = [*self.run_parts()]
        if (self.folder / RUNS).is_file():
            sources.append(self.folder / RUNS)
        done: set[int] = set()
        for path in sources:
            ids = pq.read_table(path, columns=["run_id"]).column("run_id").to_numpy()
            done.update(int(i) for i in ids)
        return done

    def next_session(self) -> int:
        """The number of the next session: one more than any found in the part names."""
        sessions = [int(path.name.split("-")[1]) for path in self.parts.glob("*-*-*.parquet")]
        return max(sessions, default=-1) + 1

    def write_chunk(
        self,
        session: int,
        chunk: int,
        rows: Sequence[dict[str, Any]],
        yearly: pd.DataFrame | None,
    ) -> Path:
        """Write one finished chunk: its yearly part first, then its runs part (the done mark)."""
        self.parts.mkdir(parents=True, exist_ok=True)
        if yearly is not None:
            table = pa.Table.from_pandas(yearly, preserve_index=False)
            write_table(self.part_path("yearly", session, chunk), table)
        return write_table(self.part_path("runs", session, chunk), pa.Table.from_pylist(list(rows)))

    def consolidate(self, yearly: bool) -> pa.Table:
        """Merge the parts (and any earlier ``runs.parquet``) into the finished tables.

        Returns:
            The runs table: one row per run, sorted by ``run_id``.
        """
        runs = merge(self._tables("runs", RUNS), ("run_id",))
        write_table(self.folder / RUNS, runs)
        if yearly:
            series = merge(self._tables("yearly", YEARLY), ("run_id", "year"))
            write_table(self.folder / YEARLY, series)
        return runs

    def discard_parts(self) -> None:
        """Remove the parts once the finished tables hold every row."""
        shutil.rmtree(self.parts, ignore_errors=True)

    def _tables(self, kind: str, finished: str) -> list[pa.Table]:
        paths = sorted(self.parts.glob(f"{kind}-*.parquet"))
        if (self.folder / finished).is_file():
            paths.insert(0, self.folder / finished)
        return [pq.read_table(path) for path in paths]


def identical(first: pa.Table, second: pa.Table, ignore_prefix: str = "timing_") -> bool:
    """Whether two tables hold the same columns and bit-identical values (NaN equals NaN).

    Columns whose names start with ``ignore_prefix`` (the machine's timings) are left out.
    """
    names = [n for n in first.column_names if not n.startswith(ignore_prefix)]
    if names != [n for n in second.column_names if not n.startswith(ignore_prefix)]:
        return False
    for name in names:
        a, b = first.column(name), second.column(name)
        if pa.types.is_floating(a.type) and pa.types.is_floating(b.type):
            bits_a = a.to_numpy().astype(np.float64).view(np.int64)
            if not np.array_equal(bits_a, b.to_numpy().astype(np.float64).view(np.int64)):
                return False
        elif a.to_pylist() != b.to_pylist():
            return False
    return True


def write_table(path: Path, table: pa.Table) -> Path:
    """A Parquet file, whole or not at all."""
    return write_atomically(path, lambda tmp: pq.write_table(table, tmp))


def merge(tables: list[pa.Table], keys: tuple[str, ...]) -> pa.Table:
    """Tables stacked, sorted by ``keys`` and with each key present once (the first kept).

    The same run finished twice (a chunk retried after its part was written) gives identical
    rows, so keeping the first loses nothing.
    """
    if not tables:
        raise ValueError("no parts to merge")
    stacked = pa.concat_tables(tables, promote_options="default")
    stacked = stacked.sort_by([(key, "ascending") for key in keys])
    columns = np.column_stack([stacked.column(key).to_numpy() for key in keys])
    repeated = np.zeros(stacked.num_rows, dtype=bool)
    repeated[1:] = (columns[1:] == columns[:-1]).all(axis=1)
    return stacked.filter(pa.array(~repeated))
