"""What a SQLite file must be before this program opens it, and how it is opened.

A file is opened only when it is new, empty, or this program's: its header carries
``APPLICATION_ID`` (set in every database this program creates) or, in files made before the
id existed, the schema table ``alembic_version`` beside the ``passports`` table. Anything
else — another program's database, a document renamed, a 0-byte file — is refused before a
single byte of it changes (no migration, no switch to WAL).

Opening also checks the file: its size against its header, SQLite's ``quick_check`` for at most
``QUICK_CHECK_SECONDS`` (which covers an office's file of a few thousand passports whole), and
the full ``integrity_check`` once a day in the background. A damaged file, and a file or folder this user
may not write, is opened read-only with a Persian notice saying why and what to do.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sqlite3
import stat
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from govsvc_desktop.domain.errors import StorageError

APPLICATION_ID = 0x47535644  # "GSVD" in the SQLite header, offset 68
# opening stays quick on any size (every command opens the file): a file of a few MB is
# checked whole, a larger one in part, and the daily full check in the background reads it all
QUICK_CHECK_SECONDS = 0.1
# SQLite checks a whole table in one step that cannot be interrupted: past this size the
# opening check reads the header and page count only, and the daily full check does the rest
QUICK_CHECK_MAX_BYTES = 16 * 1024 * 1024
FULL_CHECK_EVERY = dt.timedelta(days=1)
_MAGIC = b"SQLite format 3\x00"
_OURS = frozenset({"alembic_version", "passports"})
log = logging.getLogger(__name__)

RESTORE_FA = ("برای بازگرداندن: برنامه را ببندید، نسخهٔ پشتیبان (پرونده‌های ‎.bak‎ کنار پایگاه "
              "داده یا پشتیبانی که با «db backup» گرفته‌اید) را جای این پرونده بگذارید و برنامه را "
              "دوباره باز کنید؛ تا آن زمان داده‌ها فقط خواندنی‌اند.")


@dataclass(frozen=True)
class Opening:
    """How a SQLite file is to be opened."""

    path: Path
    new: bool = False
    read_only: bool = False
    damaged: bool = False
    notice_fa: str = ""


def _refuse(path: Path, why: str) -> StorageError:
    return StorageError(f"پرونده «{path}» {why} برنامه آن را باز نکرد و چیزی در آن تغییر نداد.")


def inspect(path: Path) -> Opening:
    """Decides whether and how ``path`` may be opened; raises StorageError when it may not."""
    if not path.exists():
        parent = path.parent
        if parent.exists() and not _writable(parent):
            raise StorageError(f"در پوشهٔ «{parent}» اجازهٔ نوشتن نیست و پایگاه دادهٔ تازه ساخته "
                               "نمی‌شود؛ مسیر دیگری بدهید.")
        return Opening(path, new=True)
    if path.is_dir():
        raise StorageError(f"«{path}» پوشه است، نه پروندهٔ پایگاه داده.")
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            header = fh.read(100)
    except PermissionError:
        raise StorageError(f"اجازهٔ خواندن پروندهٔ پایگاه دادهٔ «{path}» نیست.") from None
    except OSError as exc:
        raise StorageError(f"پروندهٔ «{path}» خوانده نمی‌شود ({exc.strerror}).") from None
    if size == 0:
        raise _refuse(path, "خالی (۰ بایت) است؛ شاید رونوشتی نیمه‌کاره یا پرونده‌ای دیگر باشد. "
                      "اگر پایگاه دادهٔ تازه می‌خواهید، نام پرونده‌ای بدهید که هنوز نیست؛ اگر "
                      "پایگاه دادهٔ شما بود، از نسخهٔ پشتیبان بازگردانید.")
    if not header.startswith(_MAGIC):
        raise _refuse(path, "پایگاه دادهٔ SQLite نیست (پرونده‌ای از نوع دیگر است)؛")
    app_id = int.from_bytes(header[68:72], "big")
    if app_id not in (0, APPLICATION_ID):
        raise _refuse(path, "پایگاه دادهٔ برنامهٔ دیگری است؛")
    writable = _writable(path) and _writable(path.parent)
    try:
        tables, problems = _look_inside(path, size, writable)
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc) or "encrypted" in str(exc):
            raise _refuse(path, "پایگاه دادهٔ SQLite سالمی نیست؛") from None
        return _damaged(path)
    if app_id == 0 and tables and not _OURS <= tables:
        raise _refuse(path, "پایگاه دادهٔ برنامهٔ دیگری است (جدول‌های این برنامه را ندارد)؛")
    if problems or _last_full_check_failed(path):
        return _damaged(path)
    if not writable:
        return Opening(path, read_only=True, notice_fa=(
            f"اجازهٔ نوشتن در «{path}» یا پوشهٔ آن نیست؛ پایگاه داده فقط برای خواندن باز شد و "
            "هیچ تغییری ذخیره نمی‌شود. برای کار عادی، دسترسی نوشتن بدهید یا پرونده را به پوشهٔ "
            "خودتان رونوشت کنید."))
    return Opening(path, new=not tables)


def _writable(path: Path) -> bool:
    """This user may write it, and it is not marked read-only (which even an administrator,
    whom permissions do not stop, is taken to mean)."""
    return os.access(path, os.W_OK) and bool(path.stat().st_mode & stat.S_IWUSR)


def _damaged(path: Path) -> Opening:
    return Opening(path, read_only=True, damaged=True, notice_fa=(
        f"پایگاه دادهٔ «{path}» آسیب دیده است (بررسی یکپارچگی خطا یافت)؛ برای آنکه آسیب بیشتر نشود "
        "فقط برای خواندن باز شد. " + RESTORE_FA))


def _look_inside(path: Path, size: int, writable: bool) -> tuple[set[str], list[str]]:
    """(table names, what a quick check finds wrong), read without changing the file."""
    mode = "ro" if writable else "ro&immutable=1"  # no -shm can be made in a read-only folder
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        if pages * page_size > size and not Path(f"{path}-wal").exists():
            return tables, ["اندازهٔ پرونده از آنچه سرآیندش می‌گوید کمتر است (بریده شده است)"]
        if size > QUICK_CHECK_MAX_BYTES:
            return tables, []
        deadline = time.monotonic() + QUICK_CHECK_SECONDS
        conn.set_progress_handler(lambda: time.monotonic() > deadline, 1000)
        try:
            result = [r[0] for r in conn.execute("PRAGMA quick_check")]
        except sqlite3.OperationalError as exc:
            if "interrupt" not in str(exc):
                raise
            result = ["ok"]  # a large file: not finished in time; the daily full check covers it
        problems = [] if result == ["ok"] else result
    finally:
        conn.close()
    return tables, problems


def read_only_url(path: Path) -> str:
    """A SQLAlchemy URL opening ``path`` read-only."""
    immutable = "" if _writable(path.parent) else "&immutable=1"
    return f"sqlite:///{path.resolve().as_uri()}?mode=ro{immutable}&uri=true"


_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER")


def write_refusal(opening: Opening) -> Callable[..., None]:
    """A ``before_cursor_execute`` hook: any write to a file opened read-only is refused with
    the reason in Persian, before SQLite answers in English."""
    def refuse(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.lstrip()[:7].upper().startswith(_WRITES):
            raise StorageError("چیزی ذخیره نشد: " + opening.notice_fa)
    return refuse


def stamp(conn: sqlite3.Connection) -> None:
    """Marks a database as this program's (in a new or migrated file, never a foreign one)."""
    if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")


# -- the daily full check ---------------------------------------------------------------------

def _state_file() -> Path:
    from govsvc_desktop.config import data_dir

    return data_dir() / "integrity-checks.json"


def _state() -> dict[str, dict[str, str]]:
    try:
        data = json.loads(_state_file().read_text("utf-8"))
    except (OSError, ValueError, StorageError):
        return {}
    return data if isinstance(data, dict) else {}


def _last_full_check_failed(path: Path) -> bool:
    entry = _state().get(str(path.resolve()))
    return isinstance(entry, dict) and entry.get("ok") == "no"


def full_check_due(path: Path, now: dt.datetime | None = None) -> bool:
    entry = _state().get(str(path.resolve()))
    if not isinstance(entry, dict):
        return True
    try:
        last = dt.datetime.fromisoformat(entry.get("checked", ""))
    except ValueError:
        return True
    return (now or dt.datetime.now(dt.UTC)) - last >= FULL_CHECK_EVERY


def full_check(path: Path) -> list[str]:
    """SQLite's full integrity check on its own read-only connection; the result is kept so
    that a damaged file opens read-only from then on."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        log.warning("the integrity check could not open %s", path)
        return []
    try:
        result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:
        result = [str(exc)]
    finally:
        conn.close()
    problems = [] if result == ["ok"] else result
    if not path.exists():  # gone while it was checked (closed and moved, or a test's folder)
        return problems
    state = _state()
    state[str(path.resolve())] = {"checked": dt.datetime.now(dt.UTC).isoformat(),
                                  "ok": "no" if problems else "yes"}
    from govsvc_desktop.config import atomic_write

    try:
        atomic_write(_state_file(), json.dumps(state, indent=1).encode(), mode=0o600)
    except (OSError, StorageError):
        log.warning("the result of the integrity check could not be kept")
    if problems:
        log.error("integrity check of %s failed: %s", path, "; ".join(problems[:20]))
    return problems


def start_full_check(path: Path) -> threading.Thread | None:
    """Runs ``full_check`` in a background thread when a day has passed since the last one."""
    if not path.exists() or not full_check_due(path):
        return None
    thread = threading.Thread(target=full_check, args=(path,), name="integrity-check", daemon=True)
    thread.start()
    return thread
