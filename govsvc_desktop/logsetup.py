"""Logging to a rotating file in the user's data directory; tracebacks go there, not to users."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from .config import log_dir

_configured = False


def log_file() -> Path:
    """Where tracebacks of bugs are written, for the person to send to support."""
    return log_dir() / "govsvc-desktop.log"


def setup_logging(level: int = logging.INFO) -> None:
    global _configured
    if _configured:
        return
    _configured = True
    handler = logging.handlers.RotatingFileHandler(
        log_file(), maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
