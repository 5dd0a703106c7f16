"""Backups and restore against real SQLite files, other processes writing and processes
killed half-way."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from govsvc_desktop import config
from govsvc_desktop.bootstrap import build
from govsvc_desktop.demo import generator as demo
from govsvc_desktop.domain.backups import automatic_due, is_old, to_keep
from govsvc_desktop.domain.errors import StorageError
from govsvc_desktop.services.backups import BackupService, RestoreRefused
from govsvc_desktop.store import backup as store_backup
from govsvc_desktop.store import migrate
from tests.fixtures import full_passport

ROOT = Path(__file__).parents[2]


def _database(path: Path, count: int = 30) -> Path:
    app = build(str(path))
    demo.populate(app.uow, count, 3)
    app.close()
    return path


def _passports(path: Path) -> list[tuple[str, int]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT uuid, revision FROM passports ORDER BY uuid").fetchall()
    finally:
        conn.close()


def _service(db: Path, **settings: object) -> BackupService:
    return BackupService(str(db), config.Settings(**settings))  # type: ignore[arg-type]


def _run(code: str, *args: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", code, *args], env=env)


def test_backup_is_checked_and_restores(tmp_path: Path) -> None:
    db = _database(tmp_path / "office.sqlite3")
    before = _passports(db)
    copy = _service(db).back_up(tmp_path / "copy.sqlite3")
    assert not isinstance(copy, Path)
    assert copy.passports == 30 and copy.revision == migrate.head_revision()
    conn = sqlite3.connect(copy.path)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    conn.close()
    assert not list(tmp_path.glob("*.part"))

    app = build(str(db))
    app.passports.save(full_passport())
    app.close()
    assert len(_passports(db)) == 31
    result = _service(db).restore(copy.path)
    assert _passports(db) == before
    assert result.kept_aside is not None and len(_passports(result.kept_aside)) == 31


def test_backup_into_a_folder_gets_a_dated_name_and_is_remembered(tmp_path: Path) -> None:
    db = _database(tmp_path / "office.sqlite3", 5)
    stick = tmp_path / "usb"
    stick.mkdir()
    service = _service(db)
    assert service.last_backup() is None and service.backup_is_old()
    made = service.back_up(stick)
    assert not isinstance(made, Path) and made.path.parent == stick
    last = service.last_backup()
    assert last is not None and last.path == str(made.path)
    assert not service.backup_is_old()


def test_backup_while_another_process_writes_is_consistent_and_restores(tmp_path: Path) -> None:
    db = _database(tmp_path / "office.sqlite3", 200)
    writer = _run(
        "import sys, time\n"
        "from govsvc_desktop.bootstrap import build\n"
        "app = build(sys.argv[1])\n"
        "while True:\n"
        "    for p in app.passports.iter_passports():\n"
        "        if p.status.value == 'draft':\n"
        "            p.description += '.'\n"
        "            app.passports.save(p)\n",
        str(db))
    try:
        time.sleep(1.5)
        copies = [_service(db).back_up(tmp_path / f"copy{i}.sqlite3") for i in range(3)]
    finally:
        writer.kill()
        writer.wait()
    for copy in copies:
        assert not isinstance(copy, Path)
        conn = sqlite3.connect(copy.path)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        # every saved revision has its audit row: the copy is one moment, not a mixture
        missing = conn.execute(
            "SELECT count(*) FROM passports p WHERE NOT EXISTS (SELECT 1 FROM audit_log a "
            "WHERE a.record_uuid = p.uuid AND a.revision = p.revision)").fetchone()[0]
        conn.close()
        assert missing == 0
    restored = tmp_path / "restored.sqlite3"
    _database(restored, 1)
    _service(restored).restore(copies[-1].path)  # type: ignore[union-attr]
    assert _passports(restored) == _passports(copies[-1].path)  # type: ignore[union-attr]
    app = build(str(restored))
    assert app.passports.count() == 200
    app.close()


_KILL_IN_PROGRESS = (
    "import os, signal, sys\n"
    "from pathlib import Path\n"
    "from govsvc_desktop import config\n"
    "from govsvc_desktop.services.backups import BackupService\n"
    "from govsvc_desktop.store import backup\n"
    "backup.STEP_PAGES = 4\n"
    "steps = []\n"
    "def progress(done, total):\n"
    "    steps.append(done)\n"
    "    if len(steps) == 3:\n"
    "        os.kill(os.getpid(), signal.SIGKILL)\n"
    "    return True\n"
    "service = BackupService(sys.argv[1], config.Settings())\n"
    "if sys.argv[2] == 'backup':\n"
    "    service.back_up(Path(sys.argv[3]), progress)\n"
    "else:\n"
    "    service.restore(Path(sys.argv[3]), progress)\n"
)


def test_a_process_killed_during_backup_leaves_the_database_and_no_copy(tmp_path: Path) -> None:
    db = _database(tmp_path / "office.sqlite3", 60)
    before = _passports(db)
    proc = _run(_KILL_IN_PROGRESS, str(db), "backup", str(tmp_path / "copy.sqlite3"))
    assert proc.wait(60) == -signal.SIGKILL
    assert not (tmp_path / "copy.sqlite3").exists()
    assert _passports(db) == before
    assert migrate.integrity_problems(build(str(db)).engine) == []


def test_a_process_killed_during_restore_leaves_the_working_database_untouched(tmp_path: Path) -> None:
    db = _database(tmp_path / "office.sqlite3", 10)
    other = _database(tmp_path / "other.sqlite3", 120)
    before = _passports(db)
    proc = _run(_KILL_IN_PROGRESS, str(db), "restore", str(other))
    assert proc.wait(60) == -signal.SIGKILL
    assert _passports(db) == before
    app = build(str(db))
    assert app.passports.count() == 10
    assert migrate.integrity_problems(app.engine) == []
    app.close()


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(8192, len(data) - 4096, 4096):
        data[offset + 100: offset + 400] = os.urandom(300)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("case", ["damaged", "newer", "foreign", "not_sqlite"])
def test_a_bad_file_is_refused_and_nothing_changes(tmp_path: Path, case: str) -> None:
    db = _database(tmp_path / "office.sqlite3", 10)
    before = db.read_bytes()
    bad = tmp_path / "bad.sqlite3"
    if case == "damaged":
        _database(bad, 40)
        _damage(bad)
        expected = "آسیب"
    elif case == "newer":
        _database(bad, 5)
        conn = sqlite3.connect(bad)
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
        conn.commit()
        conn.close()
        expected = "نسخهٔ جدیدتری"
    elif case == "foreign":
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE notes(x)")
        conn.commit()
        conn.close()
        expected = "پایگاه دادهٔ این برنامه نیست"
    else:
        bad.write_bytes(b"PK\x03\x04 a zip file, not a database")
        expected = "SQLite نیست"
    with pytest.raises(RestoreRefused) as caught:
        _service(db).restore(bad)
    assert expected in caught.value.message_fa
    assert db.read_bytes() == before
    assert not list(tmp_path.glob("*.bak"))


def test_an_index_out_of_step_with_its_table_is_refused(tmp_path: Path) -> None:
    """What only the full integrity check finds (quick_check does not compare indexes)."""
    bad = _database(tmp_path / "bad.sqlite3", 20)
    conn = sqlite3.connect(bad)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("PRAGMA writable_schema=ON")
    conn.execute("UPDATE sqlite_master SET sql = replace(sql, '(service_id, uuid)', "
                 "'(title, uuid)') WHERE name = 'ix_passports_service_id'")
    conn.commit()
    conn.close()
    check = sqlite3.connect(bad)
    assert check.execute("PRAGMA quick_check").fetchone() == ("ok",)
    check.close()
    with pytest.raises(RestoreRefused, match="آسیب"):
        store_backup.inspect(bad)


def test_an_older_schema_is_restored_and_upgraded_on_opening(tmp_path: Path) -> None:
    db = _database(tmp_path / "office.sqlite3", 3)
    old = tmp_path / "old.sqlite3"
    engine = build(str(old), upgrade=False).engine
    from alembic import command

    cfg = migrate._config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0004")
    engine.dispose()
    assert store_backup.inspect(old).revision == "0004"
    _service(db).restore(old)
    app = build(str(db))
    assert migrate.current_revision(app.engine) == migrate.head_revision()
    assert app.passports.count() == 0
    app.close()


def test_automatic_copies_once_a_day_and_thinned_out(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    db = _database(tmp_path / "office.sqlite3", 3)
    now = [dt.datetime(2026, 11, 1, 17, 0).astimezone()]
    service = BackupService(str(db), config.Settings(backup_keep_days=3, backup_keep_weeks=2),
                            clock=lambda: now[0])
    made = []
    for day in range(30):
        now[0] = dt.datetime(2026, 11, 1, 17, 0).astimezone() + dt.timedelta(days=day)
        made.append(service.automatic())
        assert service.automatic() is None  # at most once a day
    assert all(m is not None for m in made)
    kept = [stamp.date() for stamp, _ in service.automatic_copies()]
    assert kept[:3] == [dt.date(2026, 11, 30), dt.date(2026, 11, 29), dt.date(2026, 11, 28)]
    assert len(kept) == 5
    assert len({d.isocalendar()[1] for d in kept[3:]}) == 2
    off = BackupService(str(db), config.Settings(backup_automatic=False))
    assert off.automatic() is None


def test_retention_rule() -> None:
    base = dt.datetime(2026, 1, 31, 12)
    stamps = [base - dt.timedelta(days=d, hours=h) for d in range(60) for h in (0, 5)]
    kept = sorted(to_keep(stamps, 7, 4), reverse=True)
    assert kept[:7] == [base - dt.timedelta(days=d) for d in range(7)]
    assert len(kept) == 11
    assert to_keep(stamps, 0, 0) == set()
    assert automatic_due(None, base) and not automatic_due(base, base + dt.timedelta(hours=23))
    assert is_old(base - dt.timedelta(days=8), base, 7) and not is_old(base, base, 7)


def test_a_backup_cannot_overwrite_the_database(tmp_path: Path) -> None:
    db = _database(tmp_path / "office.sqlite3", 2)
    with pytest.raises(StorageError):
        _service(db).back_up(db)
    with pytest.raises(RestoreRefused):
        _service(db).restore(db)


@pytest.mark.postgres
def test_shared_mode_backup_is_a_checked_pg_dump(tmp_path: Path) -> None:
    from tests.pg import fresh_database

    with fresh_database() as url:
        app = build(url)
        demo.populate(app.uow, 5, 2)
        app.close()
        service = BackupService(url, config.Settings())
        assert service.shared and not service.automatic_due()
        made = service.back_up(tmp_path / "server.dump")
        assert isinstance(made, Path) and made.exists()
        listed = subprocess.run(["pg_restore", "--list", str(made)], capture_output=True,
                                text=True, check=True).stdout
        assert " passports " in listed and " passport_attachments " in listed
        assert not list(tmp_path.glob(".*.part"))
        assert service.last_backup() is not None
        with pytest.raises(Exception, match="pg_restore"):
            service.restore(made)
