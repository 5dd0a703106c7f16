"""Starting the command line, timed as whole processes (targets: ``--version`` and ``--help``
under 0.2 s, ``passports list`` on 100,000 passports under 0.5 s; recorded, never asserted).

Each round starts ``python -m govsvc_desktop`` afresh, as a script calling the program does.
Bytecode is cached as in an installed program. The baseline is the bare interpreter
(``python -c pass``) of the same run; ``extra_info`` holds each command's mean over it and the
processor time (user + system) of the child, which a busy machine disturbs less than the wall
clock.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from tests.bench.conftest import demo_database

ROOT = Path(__file__).parents[2]
N = 100_000


class _Runner:
    """One command as a child process; keeps the processor time of each run."""

    def __init__(self, args: list[str], home: Path) -> None:
        self.env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        self.env.update(PYTHONPATH=str(ROOT), GOVSVC_HOME=str(home))
        self.command = [sys.executable, *args]
        self.cpu: list[float] = []

    def __call__(self) -> subprocess.CompletedProcess[bytes]:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        done = subprocess.run(self.command, env=self.env, check=True, capture_output=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        return done

    def record(self, benchmark: BenchmarkFixture, home: Path) -> None:
        baseline = _bare_interpreter_seconds(home)
        benchmark.extra_info["cpu_seconds_median"] = round(statistics.median(self.cpu), 3)
        benchmark.extra_info["bare_interpreter_ms"] = round(baseline * 1000, 1)
        benchmark.extra_info["times_bare_interpreter"] = round(benchmark.stats.stats.mean / baseline, 2)


def _bare_interpreter_seconds(home: Path, rounds: int = 10) -> float:
    run = _Runner(["-c", "pass"], home)
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    return statistics.mean(samples)


@pytest.mark.parametrize("args", [["--version"], ["--help"]], ids=["version", "help"])
def test_start(benchmark: BenchmarkFixture, tmp_path: Path, args: list[str]) -> None:
    """Target: under 0.2 s."""
    run = _Runner(["-m", "govsvc_desktop", *args], tmp_path)
    result = benchmark.pedantic(run, rounds=20, iterations=1, warmup_rounds=2)
    assert result.stdout.startswith(b"govsvc-desktop" if args == ["--version"] else b"usage:")
    run.record(benchmark, tmp_path)


@pytest.mark.parametrize("extra", [[], ["--all"]], ids=["page", "all"])
def test_passports_list_100k(benchmark: BenchmarkFixture, tmp_path: Path, extra: list[str]) -> None:
    """Target: under 0.5 s for the table as it is shown (a page); the whole table of 100,000
    rows is recorded beside it."""
    db = demo_database(N)
    run = _Runner(["-m", "govsvc_desktop", "--db", str(db), "passports", "list", *extra], tmp_path)
    rounds = 10 if not extra else 3
    result = benchmark.pedantic(run, rounds=rounds, iterations=1, warmup_rounds=1)
    assert len(result.stdout.splitlines()) == 1 + (N if extra else 200)
    run.record(benchmark, tmp_path)
