"""Opening a database: only an empty one or this program's; anything else refused untouched.
A damaged file and a read-only file or folder open for reading, with a Persian notice."""

from __future__ import annotations

import json
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from govsvc_desktop import config
from govsvc_desktop.bootstrap import build
from govsvc_desktop.domain.errors import StorageError
from govsvc_desktop.store import opening
from tests.hostile.conftest import PERSIAN, assert_refused, run, state

STORAGE = 6


def _foreign(path: Path, app_id: int = 0) -> Path:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("INSERT INTO notes(body) VALUES ('یادداشت')")
        if app_id:
            conn.execute(f"PRAGMA application_id={app_id}")
    conn.close()
    return path


@pytest.mark.parametrize("kind", ["another program's tables", "another program's id",
                                  "a document", "zero bytes", "a folder"])
def test_what_is_not_ours_is_refused_untouched(kind: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "file.db"
    if kind == "another program's tables":
        _foreign(path)
    elif kind == "another program's id":
        _foreign(path, app_id=0x12345678)
    elif kind == "a document":
        path.write_text("نامهٔ اداری\n" * 100, "utf-8")
    elif kind == "zero bytes":
        path.touch()
    else:
        path.mkdir()
    before = state(path) if path.is_file() else b""
    for args in (("passports", "list"), ("db", "upgrade"), ("db", "check")):
        assert_refused(run(capsys, "--db", str(path), *args), STORAGE, str(path))
    if path.is_file():
        assert state(path) == before
        assert sorted(p.name for p in tmp_path.iterdir() if p.name != "home") == ["file.db"]


def test_new_databases_carry_the_application_id(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    build(str(path), settings=config.Settings()).close()
    assert int.from_bytes(path.read_bytes()[68:72], "big") == opening.APPLICATION_ID
    assert opening.inspect(path).read_only is False


def test_a_database_of_ours_made_before_the_id_is_opened_and_stamped(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA application_id=0")
    conn.close()
    assert int.from_bytes(db.read_bytes()[68:72], "big") == 0
    build(str(db), settings=config.Settings()).close()
    assert int.from_bytes(db.read_bytes()[68:72], "big") == opening.APPLICATION_ID


def _damage(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as fh:  # garbage over a run of pages in the middle of the tables
        for offset in range(size // 3, size // 3 + 16 * 4096, 4096):
            fh.seek(offset + 200)
            fh.write(b"\xde\xad\xbe\xef" * 200)


def test_a_damaged_file_opens_read_only_with_how_to_restore(
        db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _damage(db)
    before = state(db)
    opened = opening.inspect(db)
    assert opened.damaged and opened.read_only
    outcome = run(capsys, "--db", str(db), "passports", "set", "00000000-0000-4000-8000-000000000000",
                  "title=x")
    assert outcome.code in (STORAGE, 3)
    assert "آسیب دیده" in outcome.err and "پشتیبان" in outcome.err
    assert "Traceback" not in outcome.err
    assert state(db) == before


@pytest.fixture
def read_only_file(db: Path) -> Iterator[Path]:
    db.chmod(stat.S_IRUSR | stat.S_IRGRP)
    yield db
    db.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_a_read_only_file_opens_for_reading_with_a_notice(
        read_only_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = state(read_only_file)
    listed = run(capsys, "--db", str(read_only_file), "passports", "list", "--format", "json")
    assert listed.code == 0 and len(json.loads(listed.out)) == 8
    assert "فقط برای خواندن" in listed.err
    uuid = json.loads(listed.out)[0]["uuid"]
    outcome = run(capsys, "--db", str(read_only_file), "passports", "set", uuid, "benefits=تازه")
    assert_refused(outcome, STORAGE, "چیزی ذخیره نشد", "فقط برای خواندن")
    assert not any(word in outcome.err for word in ("readonly", "attempt to write", "query_only"))
    assert state(read_only_file) == before


def test_a_read_only_folder_opens_for_reading(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = db.parent
    for leftover in folder.glob("office.sqlite3-*"):
        leftover.unlink()
    before = state(db)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        listed = run(capsys, "--db", str(db), "passports", "list", "--format", "json")
        assert listed.code == 0 and len(json.loads(listed.out)) == 8
        assert PERSIAN.search(listed.err) and "فقط برای خواندن" in listed.err
        created = sorted(p.name for p in folder.iterdir())
    finally:
        folder.chmod(stat.S_IRWXU)
    assert state(db) == before
    assert created == ["home", "office.sqlite3"]


def test_a_new_file_in_a_folder_that_cannot_be_written_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(StorageError, match="اجازهٔ نوشتن"):
            build(str(folder / "new.db"), settings=config.Settings())
    finally:
        folder.chmod(stat.S_IRWXU)


def test_the_daily_full_check_is_kept_and_a_failure_opens_read_only(db: Path) -> None:
    assert opening.full_check_due(db)
    assert opening.full_check(db) == []
    assert not opening.full_check_due(db)
    assert not opening.inspect(db).read_only
    _damage(db)
    assert opening.full_check(db) != []
    assert opening.inspect(db).damaged
    mode = stat.S_IMODE((config.data_dir() / "integrity-checks.json").stat().st_mode)
    assert mode == 0o600


def test_a_truncated_file_is_damaged(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])
    opened = opening.inspect(db)
    assert opened.damaged and opened.read_only and "پشتیبان" in opened.notice_fa
