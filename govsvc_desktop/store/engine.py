"""Engines for both databases: SQLite files (WAL, foreign keys) and PostgreSQL URLs."""

from __future__ import annotations

import os
import sqlite3
import weakref
from pathlib import Path
from typing import Any, NoReturn

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.exc import OperationalError

from govsvc_desktop.domain.errors import GovsvcError, PermissionDenied, StorageError
from govsvc_desktop.store.opening import Opening, inspect, read_only_url, stamp, write_refusal


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


def where(engine: Engine) -> str:
    """The database as shown to a person: a file's path, or a server URL without its password."""
    path = sqlite_path(str(engine.url))
    return str(path) if path else engine.url.render_as_string(hide_password=True)


# SQLite's primary result codes for the conditions of the environment the store recognises
_SQLITE_KINDS = {3: "permission", 5: "busy", 6: "busy", 8: "readonly", 10: "io", 11: "corrupt",
                 13: "full", 14: "cantopen", 23: "permission", 26: "notadb"}


def _kind(exc: BaseException) -> str | None:
    """Which recognised condition a driver error reports, or None (then it is a bug)."""
    orig = getattr(exc, "orig", exc)
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int):
        return _SQLITE_KINDS.get(code & 0xFF)
    sqlstate = getattr(orig, "sqlstate", None)
    text = str(orig).lower()
    if isinstance(sqlstate, str):
        if sqlstate.startswith("08") or sqlstate in {"57P01", "57P02", "57P03"}:
            return "connection"
        if sqlstate.startswith("28"):
            return "login"
        if sqlstate == "42501":
            return "denied"
        if sqlstate in {"40001", "40P01", "55P03"}:
            return "busy"
        if sqlstate == "53100":
            return "full"
        if sqlstate == "25006":
            return "readonly"
        if sqlstate.startswith("XX"):
            return "corrupt"
        return None
    if isinstance(exc, OperationalError) or type(orig).__name__ == "OperationalError":
        # libpq failures before any server answer carry no SQLSTATE
        if "password authentication failed" in text or "no password supplied" in text:
            return "login"
        if "connect" in text or "connection" in text or "server closed" in text:
            return "connection"
        if "database is locked" in text:
            return "busy"
    return None


def known_error(exc: BaseException, place: str) -> GovsvcError | None:
    """The Persian error for a condition of the environment the store recognises — locked,
    read-only, disk full, I/O, corrupt or foreign file, refused login, lost connection, a
    server's refusal — or None: anything else is a bug and must surface as one."""
    kind = _kind(exc)
    if kind is None:
        return None
    if kind == "denied":
        detail = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        return PermissionDenied(f"کارگزار پایگاه داده این کار را نپذیرفت: {detail}")
    messages = {
        "busy": f"پایگاه داده «{place}» در دست برنامه یا کاربر دیگری است؛ کمی بعد دوباره تلاش کنید. چیزی ذخیره نشد.",
        "readonly": f"پایگاه داده «{place}» فقط‌خواندنی است؛ دسترسی نوشتن پرونده و پوشه آن را بررسی کنید. چیزی ذخیره نشد.",
        "permission": f"دسترسی به پایگاه داده «{place}» داده نشد؛ دسترسی پرونده و پوشه آن را بررسی کنید.",
        "io": f"خواندن یا نوشتن پرونده «{place}» روی دیسک شکست خورد (خطای ورودی/خروجی)؛ دیسک یا حافظهٔ جداشدنی را بررسی کنید.",
        "corrupt": f"پایگاه داده «{place}» آسیب دیده است؛ از نسخهٔ پشتیبان بازگردانی کنید (db restore).",
        "notadb": f"پرونده «{place}» پایگاه داده نیست یا رمزگذاری شده است؛ مسیر دیگری بدهید.",
        "full": "فضای دیسک پر است؛ چیزی ذخیره نشد. جایی آزاد کنید و دوباره تلاش کنید.",
        "cantopen": f"پرونده پایگاه داده «{place}» باز نمی‌شود؛ مسیر و دسترسی را بررسی کنید.",
        "login": f"نام کاربری یا گذرواژه برای «{place}» پذیرفته نشد.",
        "connection": f"ارتباط با کارگزار پایگاه داده «{place}» برقرار نیست یا قطع شد؛ شبکه را بررسی کنید. چیزی نیمه‌کاره ذخیره نشد.",
    }
    error = StorageError(messages[kind])
    error.kind = kind
    return error


def reraise(exc: BaseException, place: str) -> NoReturn:
    """Raises the recognised condition's Persian error, or ``exc`` itself as the bug it is."""
    known = known_error(exc, place)
    if known is None:
        raise exc
    raise known from exc
