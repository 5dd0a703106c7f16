import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from govsvc_desktop.bootstrap import build
from govsvc_desktop.domain.errors import StorageError
from govsvc_desktop.store import migrate
from govsvc_desktop.store.engine import make_engine


def test_new_database_is_migrated_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    app = build(str(tmp_path / "a.db"))
    with app.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
    assert {"passports", "passports_fts", "audit_log", "passport_editions"} <= tables
    assert migrate.current_revision(app.engine) == migrate.head_revision()
    app.close()


def test_database_from_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    db = tmp_path / "newer.db"
    build(str(db)).close()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num='9999'")
    before = db.read_bytes()
    with pytest.raises(StorageError, match="نسخه جدیدتری"):
        build(str(db))
    assert db.read_bytes() == before


def test_corrupt_file_gives_a_clear_message(tmp_path: Path) -> None:
    db = tmp_path / "corrupt.db"
    db.write_bytes(b"this is not a database at all" * 200)
    with pytest.raises(StorageError, match="سالمی نیست"):
        build(str(db))


def test_upgrade_copies_the_database_aside_first(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    app = build(str(db))
    app.close()
    with sqlite3.connect(db) as conn:  # pretend the file is one revision behind
        conn.execute("UPDATE alembic_version SET version_num='0001'")
    head = migrate.head_revision()
    if head == "0001":
        pytest.skip("only one revision exists")  # pragma: no cover
    engine = make_engine(db)
    backup = migrate.upgrade(engine)
    engine.dispose()
    assert backup is not None and backup.exists()


def test_backup_and_integrity_check(tmp_path: Path) -> None:
    from govsvc_desktop.services import demo

    app = build(str(tmp_path / "src.db"))
    demo.populate(app.uow, 20)
    target = migrate.backup_sqlite(app.engine, tmp_path / "copy.db")
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT count(*) FROM passports").fetchone()[0] == 20
    assert migrate.integrity_problems(app.engine) == []
