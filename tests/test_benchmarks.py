"""The benchmark scripts still run (their quick mode, as in CI); their timings are not tested.

Each script prints its headline figure last, naming whether it meets the design's target; the
quick sizes are too small for the verdict to mean anything, so only the shape is checked.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT

HEADLINES = {
    "cli.py": r"^command line: --help [\d.]+ s, run [\d.]+ s, 2-worker cluster up [\d.]+ s; runs/s "
    r"at 100 households x 5 years ([\d.]+x 75b744c|n/a)",
    "throughput.py": r"^throughput at 1,000 households: [\d,]+ agent-years/s, [\d.]+x Boltzmann",
    "latency.py": r"^latency of a warm 1,000-household 40-year run: [\d.]+ ms",
    "memory.py": r"^peak memory per agent at 2,000 households: \d+ bytes",
    "scaling.py": r"^scaling: 2 workers [\d.]+x as fast as 1 on a sweep of \d+ runs",
    "render.py": r"^render of a 300-household year: \d+ ms for the step and all five charts",
}


@pytest.mark.parametrize("script", sorted(HEADLINES))
def test_benchmark_runs_in_quick_mode(script):
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), "--quick"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.strip().splitlines()
    assert lines[0].startswith("machine: "), done.stdout
    assert re.match(HEADLINES[script], lines[-1]), lines[-1]
    if script == "scaling.py":
        assert "rows identical on 1 and 2 workers: yes" in done.stdout
