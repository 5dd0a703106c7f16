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
    with pytest.raises(StorageError, match="پایگاه دادهٔ SQLite نیست"):
        build(str(db))
    assert db.read_bytes() == b"this is not a database at all" * 200


def test_upgrade_from_the_first_revision_keeps_data_and_copies_the_file_aside(tmp_path: Path) -> None:
    from alembic import command

    db = tmp_path / "old.db"
    engine = make_engine(db)
    cfg = migrate._config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.execute(text("INSERT INTO app_meta(key, value) VALUES ('probe', 'kept')"))
    backup = migrate.upgrade(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT value FROM app_meta WHERE key='probe'")).scalar() == "kept"
    engine.dispose()
    assert backup is not None and backup.exists()
    assert migrate.current_revision(make_engine(db)) == migrate.head_revision()


def test_tables_of_the_code_match_the_migrations(tmp_path: Path) -> None:
    """A table or column added to the code without a migration would fail only on real files."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from govsvc_desktop.store import search_sql
    from govsvc_desktop.store.tables import metadata

    app = build(str(tmp_path / "m.db"))
    with app.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": False})
        diff = [d for d in compare_metadata(ctx, metadata)
                if not (d[0] == "remove_table" and search_sql.is_internal_table(d[1].name))]
    app.close()
    tables_only = [d for d in diff if d[0] in ("add_table", "remove_table", "add_column", "remove_column")]
    assert tables_only == []


def test_backup_and_integrity_check(tmp_path: Path) -> None:
    from govsvc_desktop.demo import generator as demo

    app = build(str(tmp_path / "src.db"))
    demo.populate(app.uow, 20)
    target = migrate.backup_sqlite(app.engine, tmp_path / "copy.db")
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT count(*) FROM passports").fetchone()[0] == 20
    assert migrate.integrity_problems(app.engine) == []


def test_revisions_import_nothing_of_the_application() -> None:
    """A revision runs years later against a newer program: it must carry what it needs."""
    import ast

    folder = Path(migrate.MIGRATIONS)
    for path in [folder / "env.py", *sorted((folder / "versions").glob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            assert not [n for n in names if n.startswith("govsvc_desktop")] and not (
                isinstance(node, ast.ImportFrom) and node.level), f"{path.name} imports the application"


def test_an_upgrade_over_passports_fills_their_approval_gaps_with_the_running_rules(tmp_path: Path) -> None:
    """Revision 0004 projects the compliance columns; the gaps come from today's validation."""
    import dataclasses
    import json

    from alembic import command

    from govsvc_desktop.domain.codec import to_dict
    from govsvc_desktop.store.passports import compliance_columns
    from tests.fixtures import full_passport

    passport = dataclasses.replace(full_passport(), legal_bases=[])
    expected = compliance_columns(passport)["approval_gaps"]
    assert expected  # the crafted passport lacks something approval needs
    db = tmp_path / "gaps.db"
    engine = make_engine(db)
    cfg = migrate._config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
        conn.execute(text(
            "INSERT INTO passports(uuid, kind, service_id, title, agency_name, province, status, "
            "edition, revision, created_at, updated_at, title_key, search_text, data) VALUES "
            "(:u, 'service', '', 't', '', '', 'draft', 1, 1, '2026-01-01', '2026-01-01', 't', 't', :d)"),
            {"u": passport.uuid, "d": json.dumps(to_dict(passport), ensure_ascii=False)})
    migrate.upgrade(engine)
    with engine.connect() as conn:
        gaps = conn.execute(text("SELECT approval_gaps FROM passports")).scalar()
        pending = conn.execute(text("SELECT count(*) FROM app_meta WHERE key LIKE 'reproject:%'")).scalar()
    engine.dispose()
    assert gaps == expected and pending == 0
