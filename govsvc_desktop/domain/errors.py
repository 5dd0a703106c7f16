"""Errors a user can meet. Each carries a Persian message shown as it is by the GUI and CLI.

Anything that is not a ``GovsvcError`` is a bug and is reported as one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class GovsvcError(Exception):
    """Base of every error the user is meant to read; ``message_fa`` is the text shown."""

    exit_code: int = 2

    def __init__(self, message_fa: str) -> None:
        super().__init__(message_fa)
        self.message_fa = message_fa


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a record: where (a dotted field path) and what, in Persian.

    ``field_path`` is like ``"fees[0].sheba"``; ``record`` names the record in batch work
    (an import row, a bundle entry) and is empty for a single record being edited.
    ``blocking`` problems prevent saving; the rest prevent approval, except ``warning`` ones,
    which only inform (docs/rules.md says which rule is which).
    """

    field_path: str
    message_fa: str
    record: str = ""
    blocking: bool = True
    warning: bool = False

    @property
    def blocks_approval(self) -> bool:
        return not self.warning

    def describe(self) -> str:
        where = f"{self.record}: " if self.record else ""
        return f"{where}{self.field_path}: {self.message_fa}"


class ValidationError(GovsvcError):
    """A record (or several) failed validation; ``problems`` lists every one of them."""

    def __init__(self, problems: Sequence[Problem], message_fa: str | None = None) -> None:
        self.problems = list(problems)
        head = message_fa or f"{len(self.problems)} مشکل در داده‌ها یافت شد"
        body = "\n".join("  - " + p.describe() for p in self.problems)
        super().__init__(f"{head}:\n{body}" if body else head)


class NotFoundError(GovsvcError):
    exit_code = 3


class ConflictError(GovsvcError):
    """Someone else changed the record since it was read; nothing was written."""

    exit_code = 4


class PermissionDenied(GovsvcError):
    exit_code = 5


class StorageError(GovsvcError):
    """The database or a file cannot be used: locked, corrupt, full, from a newer version.
    ``kind`` names the recognised condition (busy, readonly, io, corrupt, full, …)."""

    exit_code = 6
    kind: str = ""


class Cancelled(GovsvcError):
    """The person cancelled long work; nothing of it was kept."""

    exit_code = 130

    def __init__(self, message_fa: str = "لغو شد؛ چیزی نیمه‌کاره ذخیره نشد") -> None:
        super().__init__(message_fa)
