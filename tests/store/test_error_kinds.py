"""The store names the conditions of the environment it recognises in Persian, and lets
everything else surface as the bug it is (logged with its traceback, exit code 70)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from govsvc_desktop import config
from govsvc_desktop.bootstrap import App, build
from govsvc_desktop.cli import BUG_EXIT_CODE, main
from govsvc_desktop.domain.errors import StorageError
from tests.fixtures import full_passport


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    application = build(str(tmp_path / "kinds.sqlite3"), settings=config.Settings(user_name="آزمون"))
    yield application
    application.close()


def _drop_passports(db: Path) -> None:
    """A schema this version does not expect: a programming error for every query on it."""
    with sqlite3.connect(db) as conn:
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'").fetchall():
            conn.execute(f'DROP TRIGGER "{name}"')
        conn.execute("ALTER TABLE passports RENAME TO passports_gone")


def test_a_locked_database_is_reported_in_persian_and_nothing_is_saved(app: App) -> None:
    holder = sqlite3.connect(app.db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StorageError) as caught:
            app.passports.save(full_passport())
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert caught.value.kind == "busy" and "در دست برنامه" in caught.value.message_fa
    assert app.db in caught.value.message_fa and app.passports.count() == 0


def test_an_unexpected_store_failure_is_a_bug_not_a_persian_storage_message(app: App) -> None:
    _drop_passports(Path(app.db))
    with pytest.raises(Exception) as caught:
        app.passports.count()
    assert not isinstance(caught.value, StorageError)
    assert "no such table" in str(caught.value)


def test_the_command_line_exits_with_the_bug_code_and_logs_the_traceback(tmp_path: Path) -> None:
    db = tmp_path / "broken.sqlite3"
    assert main(["--db", str(db), "demo", "--services", "2"]) == 0
    _drop_passports(db)
    home = tmp_path / "home"
    done = subprocess.run([sys.executable, "-m", "govsvc_desktop", "--db", str(db), "passports", "list"],
                          capture_output=True, text=True, env={**os.environ, "GOVSVC_HOME": str(home)},
                          check=False)
    assert done.returncode == BUG_EXIT_CODE
    assert "اشکال برنامه" in done.stderr and "Traceback" not in done.stderr
    logged = next(home.rglob("govsvc-desktop.log")).read_text("utf-8")
    assert "Traceback" in logged and "no such table" in logged
