"""Logging to a rotating file in the user's data directory; tracebacks go there, not to users.

The log is readable by its owner only and every record passes ``privacy.mask`` first, so a
password given in a ``--db`` URL never reaches it. When the log cannot be written (a folder
left to another user, a full or read-only disk) the program still runs: records go to stderr
and the person is told once, in Persian, why.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path

from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.privacy import PRIVATE_FILE, mask, restrict_new_files

_configured = False
_in_use: Path | None = None
LOG_NAME = "govsvc-desktop.log"


class _MaskingFormatter(logging.Formatter):
    """Formats as usual, then masks: message, arguments and traceback alike."""

    def format(self, record: logging.LogRecord) -> str:
        return mask(super().format(record))


class _PrivateRotatingFile(logging.handlers.RotatingFileHandler):
    """A rotating log whose every file, rotated ones too, is its owner's only."""

    def _open(self):  # type: ignore[no-untyped-def]
        stream = super()._open()
        os.chmod(self.baseFilename, PRIVATE_FILE)
        return stream


def log_file() -> Path | str:
    """Where tracebacks of bugs are written, for the person to send to support (the error
    output, when the log file could not be opened)."""
    if _in_use is not None:
        return _in_use
    if not _configured:  # logging not started (tests, tools): where it would be written
        from govsvc_desktop.config import log_dir

        return log_dir() / LOG_NAME
    return "خروجی خطا (stderr)"


def setup_logging(level: int = logging.INFO) -> None:
    global _configured, _in_use
    if _configured:
        return
    _configured = True
    restrict_new_files()
    handler: logging.Handler
    try:
        from govsvc_desktop.config import log_dir, os_reason_fa

        path = log_dir() / LOG_NAME
        handler = _PrivateRotatingFile(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
        _in_use = path
    except (OSError, GovsvcError) as exc:
        why = exc.message_fa if isinstance(exc, GovsvcError) else \
            f"پروندهٔ «{exc.filename}» نوشته نمی‌شود ({os_reason_fa(exc)})."
        print(f"هشدار: گزارش کار برنامه در پرونده نوشته نمی‌شود: {why} گزارش‌ها به خروجی خطا "
              "فرستاده می‌شوند.", file=sys.stderr)
        handler = logging.StreamHandler(sys.stderr)
        level = max(level, logging.WARNING)
    handler.setFormatter(_MaskingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
