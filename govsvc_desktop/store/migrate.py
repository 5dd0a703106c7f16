"""Schema upgrades with Alembic, run when the application opens a database.

A SQLite file is copied aside before any upgrade. A database written by a newer version of the
application is refused rather than touched.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from ..domain.errors import StorageError
from . import pg_security
from .engine import known_error, reraise, sqlite_path, where

MIGRATIONS = Path(__file__).parent / "migrations"


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    except SQLAlchemyError as exc:
        reraise(exc, where(engine))


def check(engine: Engine) -> tuple[str | None, str]:
    """(database revision, application revision); raises for a newer or unknown schema."""
    current = current_revision(engine)
    script = ScriptDirectory.from_config(_config())
    try:
        known = current is None or script.get_revision(current) is not None
    except Exception:  # alembic raises its own resolution errors for unknown revisions
        known = False
    if not known:
        raise StorageError(
            f"این پایگاه داده با نسخه جدیدتری از برنامه ساخته شده است (طرح «{current}»). "
            "برنامه را به‌روز کنید؛ برای جلوگیری از آسیب به داده‌ها چیزی تغییر داده نشد."
        )
    return current, head_revision()


def backup_sqlite(engine: Engine, target: Path) -> Path:
    """A consistent copy of a SQLite database (the online backup API, safe while in use)."""
    import sqlite3

    source = sqlite_path(str(engine.url))
    if source is None:
        raise StorageError("پشتیبان‌گیری از این نوع پایگاه داده با این فرمان ممکن نیست؛ از pg_dump استفاده کنید.")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(tmp)
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    tmp.replace(target)
    return target


def upgrade(engine: Engine) -> Path | None:
    """Brings the schema to the head revision; returns the backup made, if any.

    On PostgreSQL the database owner also re-applies roles, grants and guards; anyone else
    finding an old schema is told to ask the administrator.
    """
    current, head = check(engine)
    if current == head:
        return None
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            _, _, owner = pg_security.current_roles(conn)
        if not owner:
            raise StorageError("طرح پایگاه داده کارگزار به‌روز نیست؛ از مدیر سامانه بخواهید "
                               "«govsvc-desktop db upgrade» را اجرا کند.")
    backup: Path | None = None
    path = sqlite_path(str(engine.url))
    if current is not None and path is not None and path.exists():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = backup_sqlite(engine, path.with_name(f"{path.name}.before-{head}-{stamp}.bak"))
    cfg = _config()
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            reproject_requested(conn)
            pg_security.apply(conn)
    except SQLAlchemyError as exc:  # the upgrade ran in one transaction: nothing half-done
        reraise(exc, where(engine))
    return backup


def reproject_requested(conn: Connection) -> None:
    """Fills projected columns that a revision asked for (``reproject:COLUMN`` in app_meta)
    with the rules of the running version: revisions never import the application."""
    from sqlalchemy import text

    from .passports import PassportRepository

    keys = [k for (k,) in conn.execute(text("SELECT key FROM app_meta WHERE key LIKE 'reproject:%'"))]
    if not keys:
        return
    PassportRepository(conn).reproject_all()
    conn.execute(text("DELETE FROM app_meta WHERE key LIKE 'reproject:%'"))


def integrity_problems(engine: Engine) -> list[str]:
    """SQLite's own integrity and foreign-key checks, and the search index's (empty when sound)."""
    if sqlite_path(str(engine.url)) is None:
        return []
    from sqlalchemy import text

    problems: list[str] = []
    try:
        with engine.connect() as conn:
            result = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
            if result != ["ok"]:
                problems += result
            problems += [f"کلید خارجی نامعتبر در {r[0]}" for r in conn.execute(text("PRAGMA foreign_key_check"))]
            has_fts = conn.execute(text(
                "SELECT 1 FROM sqlite_master WHERE name='passports_fts'")).scalar()
            if has_fts:
                conn.execute(text("INSERT INTO passports_fts(passports_fts) VALUES('integrity-check')"))
    except SQLAlchemyError as exc:
        known = known_error(exc, where(engine))
        if known is None:
            raise
        problems.append(known.message_fa)
    return problems


def apply_security(engine: Engine) -> None:
    """Re-applies PostgreSQL roles, grants and guards (``db upgrade`` by the owner)."""
    if engine.dialect.name != "postgresql":
        return
    try:
        with engine.begin() as conn:
            pg_security.apply(conn)
    except SQLAlchemyError as exc:
        reraise(exc, where(engine))
