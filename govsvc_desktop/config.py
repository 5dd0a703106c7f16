"""Where things live and the user's settings, in one typed place.

Paths come from platformdirs; ``GOVSVC_HOME`` moves everything (tests, portable installs) and
``GOVSVC_DB`` or ``--db`` chooses the database (a file path or a PostgreSQL URL).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import BinaryIO

import platformdirs

from .domain.choices import Role
from .domain.errors import GovsvcError
from .domain.lifecycle import Actor

APP_NAME = "govsvc-desktop"


def data_dir() -> Path:
    home = os.environ.get("GOVSVC_HOME")
    path = Path(home) if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db() -> str:
    return os.environ.get("GOVSVC_DB") or str(data_dir() / "govsvc.sqlite3")


def settings_path() -> Path:
    return data_dir() / "settings.json"


def autosave_dir() -> Path:
    path = data_dir() / "autosave"
    path.mkdir(parents=True, exist_ok=True)
    return path


def backup_dir(settings: Settings | None = None) -> Path:
    """Where automatic copies go: the folder set in Settings, else ``backups`` here."""
    folder = settings.backup_folder if settings is not None else ""
    return Path(folder).expanduser() if folder else data_dir() / "backups"


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


@dataclass
class Settings:
    """What the user sets once: who they are, how numbers and language show."""

    user_name: str = "کاربر محلی"
    roles: list[str] = field(default_factory=lambda: [r.value for r in Role])
    language: str = "fa"
    persian_digits: bool = True
    autosave_seconds: int = 5
    agency_name: str = ""
    province: str = ""
    # backups (SQLite): a copy when the program closes, at most once a day, kept for the
    # last ``backup_keep_days`` days and ``backup_keep_weeks`` weeks before them
    backup_automatic: bool = True
    backup_folder: str = ""
    backup_keep_days: int = 7
    backup_keep_weeks: int = 4
    backup_warn_days: int = 7

    def actor(self) -> Actor:
        return Actor(name=self.user_name, roles=frozenset(Role(r) for r in self.roles))


@contextmanager
def atomic_output(path: Path, mode: int = 0o644) -> Iterator[BinaryIO]:
    """A file to write that replaces ``path`` only when the block ends without error.

    Written beside the target, flushed to disk, then renamed: a crash, a cancel or a full disk
    leaves the old file (or none) and no half-written one.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_directory(path.parent)


def atomic_write(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Writes a file so a crash leaves either the old or the new content, never half."""
    with atomic_output(path, mode) as fh:
        fh.write(data)


def fsync_directory(directory: Path) -> None:
    """Make a finished rename durable; a no-op where directories cannot be opened (Windows)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def load_settings() -> Settings:
    path = settings_path()
    if not path.exists():
        return Settings()
    try:
        raw = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise GovsvcError(f"پرونده تنظیمات «{path}» خوانده نمی‌شود: {exc}") from exc
    known = {f.name for f in fields(Settings)}
    return Settings(**{k: v for k, v in raw.items() if k in known})


def save_settings(settings: Settings) -> None:
    atomic_write(settings_path(), json.dumps(asdict(settings), ensure_ascii=False, indent=2).encode())
