"""Backups and restore as use cases: *Back up now* to any folder, the automatic copy when the
program closes (at most once a day, older copies thinned out), when the last copy was made,
and putting a copy back after checking it, with the current database kept aside first.

The copying and checking itself is the store's (``store/backup.py``); this module decides
when, where and what is kept, and remembers the last copy of each database in a small file
in the data directory (a copy made to a USB stick counts as much as an automatic one).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from govsvc_desktop import config
from govsvc_desktop.domain.backups import automatic_due, is_old, to_keep
from govsvc_desktop.domain.errors import GovsvcError, StorageError
from govsvc_desktop.services.session import Session, utc_now
from govsvc_desktop.store import backup as store_backup
from govsvc_desktop.store.engine import database_url, sqlite_path

Progress = Callable[[int, int], bool]
DatabaseFile = store_backup.DatabaseFile
RestoreRefused = store_backup.RestoreRefused

AUTOMATIC_PREFIX = "govsvc-auto-"
_AUTOMATIC = re.compile(rf"^{AUTOMATIC_PREFIX}(\d{{8}}-\d{{6}})\.sqlite3$")
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class LastBackup:
    at: dt.datetime
    path: str


@dataclass(frozen=True)
class RestoreResult:
    restored: DatabaseFile
    kept_aside: Path | None


def _state_path() -> Path:
    return config.data_dir() / "backups.json"


class BackupService:
    """Backups of one database for one installation's settings."""

    def __init__(self, db: str, settings: config.Settings | Session,
                 clock: Callable[[], dt.datetime] = utc_now) -> None:
        self.db = db
        self._settings = settings
        self.clock = clock

    @property
    def settings(self) -> config.Settings:
        """The settings in force: the session's, so a change in Settings applies at once."""
        source = self._settings
        return source.settings if isinstance(source, Session) else source

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None in shared mode (the administrator backs the server up)."""
        return sqlite_path(database_url(self.db))

    @property
    def shared(self) -> bool:
        return self.path is None

    def _now(self) -> dt.datetime:
        return self.clock().astimezone()

    # what was done
    def _state(self) -> dict[str, dict[str, str]]:
        try:
            data = json.loads(_state_path().read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _key(self) -> str:
        return str(self.path) if self.path else database_url(self.db)

    def last_backup(self, automatic: bool = False) -> LastBackup | None:
        entry = self._state().get(self._key(), {})
        stamp = entry.get("automatic_at" if automatic else "at")
        if not stamp:
            return None
        try:
            return LastBackup(dt.datetime.fromisoformat(stamp),
                              entry.get("automatic_path" if automatic else "path", ""))
        except ValueError:
            return None

    def backup_is_old(self) -> bool:
        last = self.last_backup()
        return is_old(last.at if last else None, self._now(), self.settings.backup_warn_days)

    def _remember(self, target: Path, automatic: bool) -> None:
        state = self._state()
        entry = state.setdefault(self._key(), {})
        entry.update(at=self._now().isoformat(timespec="seconds"), path=str(target))
        if automatic:
            entry.update(automatic_at=entry["at"], automatic_path=str(target))
        config.atomic_write(_state_path(), json.dumps(state, ensure_ascii=False, indent=2).encode())

    # making copies
    def suggested_name(self) -> str:
        return f"govsvc-{self._now().strftime(_STAMP)}.sqlite3"

    def back_up(self, target: Path, progress: Progress | None = None) -> DatabaseFile | Path:
        """A checked copy at ``target`` (a folder gets a dated file name); on a server, the
        custom-format ``pg_dump`` of it."""
        if target.is_dir():
            target = target / self.suggested_name()
        if self.path is None:
            done = store_backup.pg_backup(database_url(self.db), target)
            self._remember(done, automatic=False)
            return done
        if target.resolve() == self.path.resolve():
            raise StorageError("پشتیبان نمی‌تواند روی خود پایگاه داده نوشته شود؛ جای دیگری بدهید.")
        copy = store_backup.backup_file(self.path, target, progress)
        self._remember(copy.path, automatic=False)
        return copy

    def automatic_due(self) -> bool:
        if self.shared or not self.settings.backup_automatic:
            return False
        if self.path is None or not self.path.exists():
            return False
        last = self.last_backup(automatic=True)
        return automatic_due(last.at if last else None, self._now())

    def automatic(self, progress: Progress | None = None) -> DatabaseFile | None:
        """The automatic copy, if one is due; then older automatic copies are thinned out."""
        if not self.automatic_due():
            return None
        assert self.path is not None
        folder = config.backup_dir(self.settings)
        name = f"{AUTOMATIC_PREFIX}{self._now().strftime(_STAMP)}.sqlite3"
        copy = store_backup.backup_file(self.path, folder / name, progress)
        self._remember(copy.path, automatic=True)
        self.prune()
        return copy

    def automatic_copies(self) -> list[tuple[dt.datetime, Path]]:
        folder = config.backup_dir(self.settings)
        found = []
        for path in folder.glob(f"{AUTOMATIC_PREFIX}*.sqlite3") if folder.is_dir() else []:
            match = _AUTOMATIC.match(path.name)
            if match:
                found.append((dt.datetime.strptime(match.group(1), _STAMP), path))
        return sorted(found, reverse=True)

    def prune(self) -> list[Path]:
        """Removes automatic copies the retention setting no longer keeps; only files this
        program named in its own backup folder are ever removed."""
        copies = self.automatic_copies()
        keep = to_keep([stamp for stamp, _ in copies], self.settings.backup_keep_days,
                       self.settings.backup_keep_weeks)
        removed = []
        for stamp, path in copies:
            if stamp not in keep:
                path.unlink(missing_ok=True)
                removed.append(path)
        return removed

    # putting a copy back
    def check_backup(self, source: Path) -> DatabaseFile:
        """Whether ``source`` can be restored here: a sound database of this program with a
        schema this version can open or upgrade (RestoreRefused in Persian otherwise)."""
        if self.path is None:
            raise GovsvcError(
                "بازگردانی پایگاه دادهٔ کارگزار با pg_restore و به دست مدیر سامانه انجام می‌شود "
                "(راهنما: «پشتیبان‌گیری در حالت مشترک» در README).")
        if source.resolve() == self.path.resolve():
            raise RestoreRefused("این پرونده خود پایگاه دادهٔ در حال کار است، نه یک پشتیبان.")
        return store_backup.inspect(source)

    def restore(self, source: Path, progress: Progress | None = None) -> RestoreResult:
        """Checks ``source``, keeps the current database aside, then writes the copy over it
        in one transaction. Asking the person first is the caller's part."""
        checked = self.check_backup(source)
        assert self.path is not None
        aside: Path | None = None
        if self.path.exists():
            aside = store_backup.aside_name(self.path, "before-restore", self._now())
            try:
                store_backup.inspect(self.path)
            except RestoreRefused:  # a damaged working file: moved aside whole, then replaced
                store_backup.move_aside(self.path, aside)
                store_backup.backup_file(source, self.path, progress)
                return RestoreResult(checked, aside)
            try:
                store_backup.backup_file(self.path, aside)
            except StorageError as exc:
                raise StorageError("پایگاه دادهٔ کنونی کنار گذاشته نشد، پس بازگردانی انجام "
                                   f"نشد و چیزی تغییر نکرد: {exc.message_fa}") from None
            store_backup.restore_into(source, self.path, progress)
        else:
            store_backup.backup_file(source, self.path, progress)
        return RestoreResult(checked, aside)
