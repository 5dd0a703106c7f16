"""The database itself as use cases: bring its schema up to date, check it, copy it whole.

These work on a database that may not be openable as the program opens it (an old schema, a
damaged file), so they take its location, not a built application.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from govsvc_desktop.store import migrate
from govsvc_desktop.store.copy import copy_database
from govsvc_desktop.store.engine import make_engine
from govsvc_desktop.store.opening import RESTORE_FA

HOW_TO_RESTORE_FA = RESTORE_FA


@dataclass
class CheckReport:
    """Schema versions (stored and this program's) and what SQLite's checks found."""

    current: str | None
    head: str
    problems: list[str] = field(default_factory=list)

    @property
    def needs_upgrade(self) -> bool:
        return self.current != self.head


class DatabaseService:
    def __init__(self, db: str) -> None:
        self.db = db

    def upgrade(self) -> str | None:
        """The schema at this version's head (a copy is kept first); the copy's path."""
        engine = make_engine(self.db)
        try:
            backup = migrate.upgrade(engine)
            migrate.apply_security(engine)
        finally:
            engine.dispose()
        return str(backup) if backup else None

    def check(self) -> CheckReport:
        engine = make_engine(self.db)
        try:
            current, head = migrate.check(engine)
            return CheckReport(current, head, migrate.integrity_problems(engine))
        finally:
            engine.dispose()

    def copy_to(self, target_db: str, progress: Callable[[int, int], bool] | None = None) -> dict[str, int]:
        """Everything into an empty database (SQLite file or PostgreSQL URL); rows per table."""
        source, target = make_engine(self.db), make_engine(target_db)
        try:
            return copy_database(source, target, progress)
        finally:
            source.dispose()
            target.dispose()
