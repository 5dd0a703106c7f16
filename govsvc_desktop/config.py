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


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


@dataclass
class Settings:
    """What the user sets once: who they are, how numbers and language show.

    In local mode the roles here are the ones that count; a new installation holds the
    preparer's role only, until the person sets the others they hold.
    """

    user_name: str = ""
    roles: list[str] = field(default_factory=lambda: [Role.PREPARER.value])
    language: str = "fa"
    persian_digits: bool = True
    autosave_seconds: int = 5
    agency_name: str = ""
    province: str = ""

    def actor(self) -> Actor:
        """The person as the audit names them: the name set here, else the computer login."""
        return Actor(name=self.user_name.strip() or login_name(),
                     roles=frozenset(Role(r) for r in self.roles))


def login_name() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "کاربر بی‌نام"


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
