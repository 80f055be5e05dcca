"""Long work says what it costs, shows progress without a terminal, and stops honestly."""

from __future__ import annotations

import argparse
import re
import signal
import subprocess
import sys
import time

from experiments import cost
from experiments.cli import build_parser, interrupted_note
from experiments.progress import PlainProgress, progress_bar
from tests.conftest import ROOT


def test_without_a_terminal_progress_is_plain_lines(capsys):
    with progress_bar(3, "three runs") as advance:
        for _ in range(3):
            advance(1)
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines[-1].startswith("three runs: 3/3 runs")


def test_plain_progress_prints_at_most_every_interval(capsys, monkeypatch):
    clock = iter(float(t) for t in range(100))
    monkeypatch.setattr(time, "monotonic", lambda: next(clock))
    progress = PlainProgress(10, "work", every=3.0)  # started at t=0
    for _ in range(9):
        progress.advance(1)  # at t=1..9: lines at t=3, 6 and 9
    progress.finish()
    lines = capsys.readouterr().err.strip().splitlines()
    assert [line.split(",")[0] for line in lines] == [
        "work: 3/10 runs",
        "work: 6/10 runs",
        "work: 9/10 runs",
        "work: 9/10 runs",
    ]
    assert "1.0 runs/s" in lines[0] and "7 s left" in lines[0]


def test_the_interruption_note_tells_resumable_commands_apart():
    parser = build_parser()
    for command in ("sweep", "sensitivity", "calibrate"):
        args = parser.parse_args([command, "experiment.yaml"])
        assert "--resume" in interrupted_note(args)
    for arguments in (["run", "s.yaml"], ["compare", "b.yaml", "s.yaml"], ["survey", "s.yaml"]):
        assert "nothing was written" in interrupted_note(parser.parse_args(arguments))
    assert "kept" not in interrupted_note(argparse.Namespace())


def test_the_cost_figures_are_the_benchmarks_measured_ones():
    readme = (ROOT / "benchmarks" / "README.md").read_text(encoding="utf-8")
    memory = re.search(
        r"\*\*(\d+) bytes\*\* per agent \(peak [\d.]+ MB traced for ([\d,]+)", readme
    )
    assert memory is not None
    assert int(memory.group(1)) == cost.BYTES_PER_AGENT
    assert int(memory.group(2).replace(",", "")) == cost.AGENTS_MEASURED
    assert f"{cost.AGENT_YEARS_PER_SECOND:,} agent-years/s at 100,000 households" in readme


def test_a_large_run_states_its_cost_first_and_small_ones_do_not():
    assert cost.note(2_000, 40, 10) is None
    line = cost.note(10_000_000, 40, 2)
    assert line is not None and "17,587,100 agents" in line and "10.1 GB" in line
    # 2 runs x 17.6 million agents x 40 years at 1.47 million agent-years a second: 16 minutes.
    assert "about 16 min for 2 runs of 40 years" in line


def test_ctrl_c_during_a_run_says_nothing_was_written(tmp_path):
    out = tmp_path / "out"
    large = ["--set", "simulation.households=400000", "--replications", "3", "--out", str(out)]
    run = subprocess.Popen(
        [sys.executable, str(ROOT / "run.py"), "run", "scenarios/baseline.yaml", *large],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        first = run.stderr.readline()  # the cost note, printed before the runs start
        assert first.startswith("note: 400,000 households"), first
        time.sleep(2)
        run.send_signal(signal.SIGINT)
        rest = run.communicate(timeout=120)[1]
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
    assert run.returncode == 130
    assert "Traceback" not in rest
    assert rest.strip().splitlines()[-1].startswith("interrupted: nothing was written")
    assert not out.exists()


def test_without_a_terminal_calibration_progress_is_plain_lines(capsys, monkeypatch):
    from experiments.calibration.display import generation_progress

    clock = iter(float(t) for t in range(100))
    monkeypatch.setattr(time, "monotonic", lambda: next(clock))
    with generation_progress(3, 0, 50) as display:  # started at t=0
        assert display is not None
        display.show(-1, 20, 30)  # t=1: a new generation, a line
        display.show(-1, 40, 60)  # t=2: too soon for another
        display.show(0, 10, 25)  # t=3: a new generation, a line
        display.finish(3)  # t=4
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines == [
        "calibrate: 0/3 generations done; prior sample: 20/50 particles accepted of 30 "
        "evaluated; 1 s taken",
        "calibrate: 0/3 generations done; generation 0: 10/50 particles accepted of 25 "
        "evaluated; 3 s taken",
        "calibrate: 3/3 generations done; finished; 4 s taken",
    ]
