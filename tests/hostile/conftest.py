"""Hostile input: every case is made here from generated files (nothing large is kept in the
repository) and run against a copy of one small demo database."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from govsvc_desktop import config
from govsvc_desktop.bootstrap import build
from govsvc_desktop.cli import main
from govsvc_desktop.demo import generator as demo

PERSIAN = re.compile(r"[\u0600-\u06FF]")


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "demo.sqlite3"
    app = build(str(path), settings=config.Settings())
    demo.populate_all(app, 8, 3)
    app.close()
    return path


@pytest.fixture
def db(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "office.sqlite3"
    shutil.copy(demo_template, target)
    return target


def state(path: Path) -> bytes:
    """The database as a byte string, its write-ahead log included."""
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


@dataclass
class Outcome:
    code: int
    out: str
    err: str


def run(capsys: pytest.CaptureFixture[str], *args: str) -> Outcome:
    code = main(list(args))
    out, err = capsys.readouterr()
    return Outcome(code, out, err)


def assert_refused(outcome: Outcome, code: int, *words: str) -> None:
    """Refused with ``code``, in Persian, naming ``words``; never a traceback or «unexpected»."""
    assert outcome.code == code, (outcome.code, outcome.err)
    assert PERSIAN.search(outcome.err), outcome.err
    assert "Traceback" not in outcome.err + outcome.out
    assert "پیش‌بینی‌نشده" not in outcome.err
    for word in words:
        assert word in outcome.err, (word, outcome.err)
