"""Where things live and the user's settings, in one typed place.

Paths come from platformdirs; ``GOVSVC_HOME`` moves everything (tests, portable installs) and
``GOVSVC_DB`` or ``--db`` chooses the database (a file path or a PostgreSQL URL).
"""

from __future__ import annotations

import errno
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import BinaryIO

import platformdirs

from govsvc_desktop.domain.choices import Role
from govsvc_desktop.domain.errors import GovsvcError, StorageError
from govsvc_desktop.domain.passport.lifecycle import Actor
from govsvc_desktop.privacy import PRIVATE_DIR, PRIVATE_FILE

APP_NAME = "govsvc-desktop"


def data_dir() -> Path:
    home = os.environ.get("GOVSVC_HOME")
    path = Path(home) if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    _private_dir(path)
    return path


_OS_REASONS_FA = {
    errno.EACCES: "اجازهٔ دسترسی نیست", errno.EPERM: "اجازهٔ دسترسی نیست",
    errno.EROFS: "دیسک فقط خواندنی است", errno.ENOSPC: "فضای دیسک پر است",
    errno.ENOTDIR: "بخشی از مسیر پرونده است، نه پوشه", errno.EEXIST: "پرونده‌ای به همین نام هست",
    errno.ENOENT: "پیدا نشد", errno.EISDIR: "پوشه است، نه پرونده",
}


def os_reason_fa(exc: OSError) -> str:
    """Why a file operation failed, in Persian where the reason is a common one."""
    return _OS_REASONS_FA.get(exc.errno or 0) or str(exc.strerror or exc)


def _private_dir(path: Path) -> None:
    """Creates a folder of the user's data (owner only); a Persian StorageError when it cannot."""
    try:
        path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    except OSError as exc:
        raise StorageError(
            f"پوشهٔ داده‌های برنامه «{path}» ساخته نمی‌شود ({os_reason_fa(exc)}). دسترسی آن را "
            "درست کنید یا با متغیر GOVSVC_HOME پوشهٔ دیگری بدهید.") from None


FONT_DIR_ENV = "GOVSVC_FONT_DIR"


def resource_dir() -> Path:
    """``resources/`` beside the package, as in the source tree and the packaged build."""
    return Path(__file__).resolve().parents[1] / "resources"


def font_dir() -> Path:
    """The fonts folder: ``$GOVSVC_FONT_DIR`` when set, else ``resources/fonts`` (a packaged
    build keeps that layout or sets the variable)."""
    override = os.environ.get(FONT_DIR_ENV)
    return Path(override) if override else resource_dir() / "fonts"


def default_db() -> str:
    return os.environ.get("GOVSVC_DB") or str(data_dir() / "govsvc.sqlite3")


def settings_path() -> Path:
    return data_dir() / "settings.json"


def autosave_dir() -> Path:
    path = data_dir() / "autosave"
    _private_dir(path)
    return path


def backup_dir(settings: Settings | None = None) -> Path:
    """Where automatic copies go: the folder set in Settings, else ``backups`` here."""
    folder = settings.backup_folder if settings is not None else ""
    return Path(folder).expanduser() if folder else data_dir() / "backups"


def log_dir() -> Path:
    path = data_dir() / "logs"
    _private_dir(path)
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
    # backups (SQLite): a copy when the program closes, at most once a day, kept for the
    # last ``backup_keep_days`` days and ``backup_keep_weeks`` weeks before them
    backup_automatic: bool = True
    backup_folder: str = ""
    backup_keep_days: int = 7
    backup_keep_weeks: int = 4
    backup_warn_days: int = 7

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
    atomic_write(settings_path(), json.dumps(asdict(settings), ensure_ascii=False, indent=2).encode(),
                 PRIVATE_FILE)
