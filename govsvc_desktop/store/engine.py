"""Engines for both databases: SQLite files (WAL, foreign keys) and PostgreSQL URLs."""

from __future__ import annotations

import os
import sqlite3
import weakref
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.exc import DatabaseError, OperationalError

from ..domain.errors import StorageError
from .opening import Opening, inspect, read_only_url, stamp, write_refusal


def database_url(db: str | Path) -> str:
    """A file path becomes a SQLite URL; a URL is used as given."""
    text = str(db)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def login_parts(db: str) -> tuple[str, str, bool]:
    """(server as shown to a person, user name in the URL, whether a password is still needed)
    for a server URL; a SQLite file never needs one. libpq's PGPASSWORD counts as given."""
    url = make_url(database_url(db))
    if url.get_backend_name() == "sqlite":
        return "", "", False
    server = f"{url.host or 'localhost'}{':' + str(url.port) if url.port else ''}/{url.database or ''}"
    return server, url.username or "", not url.password and not os.environ.get("PGPASSWORD")


def with_login(db: str, username: str, password: str) -> str:
    """The same server URL with a person's own login."""
    url = make_url(database_url(db)).set(username=username, password=password)
    return url.render_as_string(hide_password=False)


def sqlite_path(url: str) -> Path | None:
    if url.startswith("sqlite:///"):
        return Path(url[len("sqlite:///"):])
    return None


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    stamp(dbapi_conn)
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA cache_size=-32000")
    cur.close()


def _read_only_pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    dbapi_conn.execute("PRAGMA busy_timeout=5000")
    dbapi_conn.execute("PRAGMA query_only=ON")


OPENINGS: weakref.WeakKeyDictionary[Engine, Opening] = weakref.WeakKeyDictionary()


def opening_of(engine: Engine) -> Opening | None:
    """How the SQLite file behind ``engine`` was opened (read-only, damaged, with a notice)."""
    return OPENINGS.get(engine)


def make_engine(db: str | Path) -> Engine:
    """An engine for a path or URL; SQLite gets its pragmas on every connection."""
    url = database_url(db)
    path = sqlite_path(url)
    if path is not None:
        opening = inspect(path)  # refuses another program's file before anything touches it
        if opening.read_only:
            engine = create_engine(read_only_url(path), future=True)
            event.listen(engine, "connect", _read_only_pragmas)
            event.listen(engine, "before_cursor_execute", write_refusal(opening))
        else:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            engine = create_engine(url, future=True)
            event.listen(engine, "connect", _sqlite_pragmas)
        OPENINGS[engine] = opening
        return engine
    return create_engine(url, future=True, pool_pre_ping=True)


def describe_error(exc: Exception, where: str) -> StorageError:
    """A database failure as a Persian message: locked, corrupt, full or unreachable."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "database is locked" in text:
        return StorageError(f"پایگاه داده «{where}» در دست برنامه دیگری است؛ کمی بعد دوباره تلاش کنید.")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StorageError(
            f"پرونده «{where}» پایگاه داده سالمی نیست (خراب یا از نوع دیگر است). "
            "از نسخه پشتیبان استفاده کنید یا مسیر دیگری بدهید."
        )
    if "disk" in text and "full" in text:
        return StorageError("فضای دیسک پر است؛ چیزی ذخیره نشد.")
    if "unable to open" in text:
        return StorageError(f"پرونده پایگاه داده «{where}» باز نمی‌شود؛ مسیر و دسترسی را بررسی کنید.")
    if "password authentication failed" in text or "no password supplied" in text:
        return StorageError(f"نام کاربری یا گذرواژه برای «{where}» درست نیست.")
    if isinstance(exc, OperationalError) and ("connect" in text or "connection" in text):
        return StorageError(f"به کارگزار پایگاه داده «{where}» دسترسی نیست: ارتباط شبکه را بررسی کنید.")
    if isinstance(exc, DatabaseError):
        return StorageError(f"خطای پایگاه داده «{where}»: {getattr(exc, 'orig', exc)}")
    return StorageError(f"خطای پایگاه داده «{where}»: {exc}")
