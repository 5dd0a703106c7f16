"""Schema upgrades with Alembic, run when the application opens a database.

A SQLite file is copied aside before any upgrade. A database written by a newer version of the
application is refused rather than touched.

Alembic is imported only when a database is not at the head revision: every start compares the
stored revision with the head read from the migration files, which costs a query instead of
loading Alembic (a fifth of a second, more than a whole ``passports list``).
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from govsvc_desktop.domain.errors import StorageError
from govsvc_desktop.store import pg_security
from govsvc_desktop.store.engine import known_error, reraise, sqlite_path, where

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
_ASSIGNMENT = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


@cache
def head_revision() -> str:
    """The revision no migration file builds on, read from the files' ``revision`` and
    ``down_revision`` lines (the head Alembic would find, without loading Alembic)."""
    parents: dict[str, tuple[str, ...]] = {}
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        found = dict((m[1], ast.literal_eval(m[2])) for m in _ASSIGNMENT.finditer(path.read_text("utf-8")))
        down = found.get("down_revision")
        parents[found["revision"]] = () if down is None else (down,) if isinstance(down, str) else tuple(down)
    built_on = {parent for downs in parents.values() for parent in downs}
    heads = [rev for rev in parents if rev not in built_on]
    if len(heads) != 1:
        raise RuntimeError(f"the migrations must have one head, not {heads}")
    return heads[0]


def current_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as conn:
            return _stored_revision(conn)
    except SQLAlchemyError as exc:
        reraise(exc, where(engine))


def _stored_revision(conn: Connection) -> str | None:
    """What Alembic's ``get_current_revision`` answers: none before the first upgrade."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(rows) > 1:
        raise StorageError("جدول نسخه طرح پایگاه داده بیش از یک سطر دارد؛ پایگاه داده سالم نیست.")
    return rows[0] if rows else None


def check(engine: Engine) -> tuple[str | None, str]:
    """(database revision, application revision); raises for a newer or unknown schema."""
    current = current_revision(engine)
    if current == head_revision():
        return current, current
    if current is not None and not is_known_revision(current):
        raise StorageError(
            f"این پایگاه داده با نسخه جدیدتری از برنامه ساخته شده است (طرح «{current}»). "
            "برنامه را به‌روز کنید؛ برای جلوگیری از آسیب به داده‌ها چیزی تغییر داده نشد."
        )
    return current, head_revision()


def is_known_revision(revision: str) -> bool:
    """Whether this version's migrations include ``revision`` (a newer program's is unknown)."""
    from alembic.script import ScriptDirectory
    from alembic.script.revision import RevisionError
    from alembic.util import CommandError

    if not revision:
        return False
    try:
        return ScriptDirectory.from_config(_config()).get_revision(revision) is not None
    except (CommandError, RevisionError):  # alembic's words for a revision it does not have
        return False


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
    from alembic import command

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

    from govsvc_desktop.store.passports import PassportRepository

    keys = [k for (k,) in conn.execute(text("SELECT key FROM app_meta WHERE key LIKE 'reproject:%'"))]
    if not keys:
        return
    PassportRepository(conn).reproject_all()
    conn.execute(text("DELETE FROM app_meta WHERE key LIKE 'reproject:%'"))


def integrity_problems(engine: Engine) -> list[str]:
    """SQLite's own integrity and foreign-key checks, and the search index's (empty when sound)."""
    if sqlite_path(str(engine.url)) is None:
        return []
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
