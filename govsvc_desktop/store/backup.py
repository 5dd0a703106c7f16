"""Copies of a database file and putting one back: SQLite's online backup API, each copy
checked (integrity, that it is a database of this program and which schema it has) before it
gets its final name, and the server's ``pg_dump`` for shared mode.

A copy is written beside its target under a temporary name and renamed only once checked,
so a crash, a kill or a full disk never leaves a half copy under the final name. Putting a
copy back writes into the working database through the same backup API, which does it in
one write transaction: a process killed half-way leaves the working database as it was.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from govsvc_desktop.config import fsync_directory
from govsvc_desktop.domain.errors import Cancelled, StorageError
from govsvc_desktop.store import migrate

SQLITE_MAGIC = b"SQLite format 3\x00"
STEP_PAGES = 4096  # 16 MB a step with 4 KB pages: progress about every tenth of a second
MAX_RESTARTS = 3  # a source written to all the time is then copied in one step
# integrity_check reads every index against its table: memory-mapped reads and a large page
# cache make that several times faster on a database of 100,000 passports (~900 MB)
CHECK_CACHE_KB = 65536
CHECK_THREADS = 2
MMAP_BYTES = 1 << 31

Progress = Callable[[int, int], bool]


class RestoreRefused(StorageError):
    """The file offered for restoring is not a sound database this version can open."""


@dataclass(frozen=True)
class DatabaseFile:
    """What the checks found in a database file."""

    path: Path
    revision: str
    size: int
    passports: int


class _Restart(Exception):
    pass


def _connect_ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _checked(path: Path, pragma: str) -> list[str]:
    conn = _connect_ro(path)
    try:
        conn.execute(f"PRAGMA cache_size=-{CHECK_CACHE_KB}")
        conn.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
        return [str(r[0]) for r in conn.execute(pragma)]
    finally:
        conn.close()


def integrity_problems(path: Path, tables: list[str]) -> list[str]:
    """Everything ``PRAGMA integrity_check`` checks, on two cores: ``quick_check`` covers the
    structure and page accounting of the whole file, ``integrity_check(table)`` each table's
    indexes against its rows; each runs on its own connection (SQLite lets go of the
    interpreter meanwhile). Empty when sound."""
    from concurrent.futures import ThreadPoolExecutor

    pragmas = ["PRAGMA quick_check"]
    pragmas += [f'PRAGMA integrity_check("{name.replace(chr(34), chr(34) * 2)}")'
                for name in tables]
    with ThreadPoolExecutor(CHECK_THREADS) as pool:
        results = list(pool.map(lambda pragma: _checked(path, pragma), pragmas))
    return [line for result in results for line in result if line != "ok"]


def inspect(path: Path, *, integrity: bool = True) -> DatabaseFile:
    """Checks a file is a sound SQLite database of this program with a schema this version
    can open or upgrade; raises RestoreRefused with the reason in Persian otherwise."""
    name = path.name
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
        size = path.stat().st_size
    except OSError as exc:
        raise RestoreRefused(f"پروندهٔ «{name}» خوانده نشد: {exc.strerror or exc}") from None
    if head != SQLITE_MAGIC:
        raise RestoreRefused(f"«{name}» پایگاه دادهٔ SQLite نیست؛ پشتیبان این برنامه نیست.")
    try:
        conn = _connect_ro(path)
    except sqlite3.Error as exc:
        raise RestoreRefused(f"«{name}» باز نشد: {exc}") from None
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if integrity:
            problems = integrity_problems(path, sorted(tables))
            if problems:
                raise RestoreRefused(f"«{name}» آسیب دیده است (بررسی یکپارچگی: "
                                     f"{'؛ '.join(problems[:3])}).")
        if "alembic_version" not in tables or "passports" not in tables:
            raise RestoreRefused(f"«{name}» پایگاه دادهٔ این برنامه نیست (جدول نسخهٔ طرح یا "
                                 "شناسنامه‌ها را ندارد).")
        rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        passports = conn.execute("SELECT count(*) FROM passports").fetchone()[0]
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:  # damaged text decodes badly too
        raise RestoreRefused(f"«{name}» آسیب دیده است یا پایگاه دادهٔ سالمی نیست: {exc}") from None
    finally:
        conn.close()
    if len(rows) != 1:
        raise RestoreRefused(f"«{name}» نسخهٔ طرح روشنی ندارد؛ پایگاه دادهٔ این برنامه نیست.")
    revision = str(rows[0][0])
    if not migrate.is_known_revision(revision):
        raise RestoreRefused(
            f"«{name}» با نسخهٔ جدیدتری از برنامه ساخته شده است (طرح «{revision}»)؛ این نسخه "
            "نمی‌تواند آن را باز کند. نخست برنامه را به‌روز کنید؛ چیزی تغییر نکرد.")
    return DatabaseFile(path, revision, size, int(passports))


def _copy_pages(source: sqlite3.Connection, target: sqlite3.Connection,
                progress: Progress | None) -> None:
    """The backup API in steps, reporting pages; a source that keeps being written to makes
    SQLite start over, so after a few restarts the rest is copied in one step."""
    last = [0, 0]

    def step(_status: int, remaining: int, total: int) -> None:
        if remaining > last[0] and last[0]:
            last[1] += 1
            if last[1] >= MAX_RESTARTS:
                raise _Restart
        last[0] = remaining
        if progress is not None and not progress(total - remaining, total):
            raise Cancelled("پشتیبان‌گیری لغو شد؛ پرونده‌ای نوشته نشد")

    try:
        source.backup(target, pages=STEP_PAGES, progress=step)
    except _Restart:
        source.backup(target, pages=-1)
    except sqlite3.OperationalError as exc:
        cause = exc.__cause__ or exc.__context__
        if isinstance(cause, Cancelled):
            raise cause from None
        if isinstance(cause, _Restart):
            source.backup(target, pages=-1)
        else:
            raise


def backup_file(source: Path, target: Path, progress: Progress | None = None) -> DatabaseFile:
    """A checked copy of the SQLite database ``source`` at ``target`` (replaced if there);
    safe while other programs read and write the source."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        src = sqlite3.connect(source, timeout=30)
        try:
            src.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
            dst = sqlite3.connect(tmp)
            try:  # a scratch file until checked and synced: no journal, no syncs meanwhile
                dst.execute("PRAGMA journal_mode=OFF")
                dst.execute("PRAGMA synchronous=OFF")
                _copy_pages(src, dst, progress)
            finally:
                dst.close()
        finally:
            src.close()
        standalone = sqlite3.connect(tmp)
        try:  # the copy is a file of its own, not in WAL mode like the working database
            standalone.execute("PRAGMA journal_mode=DELETE")
        finally:
            standalone.close()
        checked = inspect(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except sqlite3.Error as exc:
        raise StorageError(f"پشتیبان نوشته نشد: {exc}") from None
    except OSError as exc:
        raise StorageError(f"پشتیبان در «{target.parent}» نوشته نشد: {exc.strerror or exc}") from None
    finally:
        tmp.unlink(missing_ok=True)
    fsync_directory(target.parent)
    return DatabaseFile(target, checked.revision, checked.size, checked.passports)


def restore_into(backup: Path, live: Path, progress: Progress | None = None) -> DatabaseFile:
    """Writes the checked copy ``backup`` over the working database ``live`` in one write
    transaction (other connections see the old data or the restored, never a mixture)."""
    checked = inspect(backup)
    try:
        src = _connect_ro(backup)
        try:
            dst = sqlite3.connect(live, timeout=30)
            try:
                dst.execute("PRAGMA busy_timeout=30000")
                _copy_pages(src, dst, progress)
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise StorageError(f"بازگردانی انجام نشد و پایگاه داده دست‌نخورده ماند: {exc}") from None
    return checked


def aside_name(live: Path, why: str, now: dt.datetime | None = None) -> Path:
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    return live.with_name(f"{live.name}.{why}-{stamp}.bak")


def move_aside(live: Path, aside: Path) -> None:
    """A damaged working database moved aside whole, with its journal files, so nothing of it
    is replayed onto the copy put in its place."""
    try:
        os.replace(live, aside)
        for suffix in ("-wal", "-shm", "-journal"):
            extra = Path(f"{live}{suffix}")
            if extra.exists():
                os.replace(extra, Path(f"{aside}{suffix}"))
    except OSError as exc:
        raise StorageError(f"پایگاه دادهٔ آسیب‌دیده کنار گذاشته نشد: {exc.strerror or exc}") from None
    fsync_directory(live.parent)


# --- shared mode ------------------------------------------------------------------------


def pg_dump_command(url: str, target: Path) -> list[str]:
    """The documented command: a custom-format dump, which ``pg_restore`` reads back."""
    from sqlalchemy import make_url

    libpq = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    return ["pg_dump", "--format=custom", "--no-owner", "--file", str(target), libpq]


def pg_backup(url: str, target: Path) -> Path:
    """Runs ``pg_dump``, checks the dump lists the application's tables with ``pg_restore
    --list``, and only then gives it its final name."""
    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        raise StorageError("برنامهٔ pg_dump یا pg_restore روی این رایانه نیست؛ ابزارهای "
                           "کارخواه PostgreSQL را نصب کنید.")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.part")
    try:
        done = subprocess.run(pg_dump_command(url, tmp), capture_output=True, text=True,
                              check=False)
        if done.returncode != 0:
            raise StorageError(f"pg_dump کامل نشد: {done.stderr.strip()[:400]}")
        listed = subprocess.run(["pg_restore", "--list", str(tmp)], capture_output=True,
                                text=True, check=False)
        if listed.returncode != 0 or " alembic_version " not in listed.stdout \
                or " passports " not in listed.stdout:
            raise StorageError("خروجی pg_dump خوانا نیست یا جدول‌های برنامه را ندارد؛ پشتیبان "
                               "نگه داشته نشد.")
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    fsync_directory(target.parent)
    return target
