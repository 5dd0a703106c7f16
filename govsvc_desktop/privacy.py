"""What must never be written where others can read it: passwords in URLs, and the files of
the user's data directory."""

from __future__ import annotations

import os
import re

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
_URL_PASSWORD = re.compile(r"(?P<head>[A-Za-z][\w+.-]*://[^\s:/@]*:)(?P<secret>[^\s@/]+)(?=@)")


def mask(text: str) -> str:
    """Every password in a URL (``postgresql://user:PASS@host``) replaced by ``***``."""
    return _URL_PASSWORD.sub(r"\g<head>***", text) if "://" in text else text


def restrict_new_files() -> None:
    """Files and folders this process creates are its owner's only (database, its journal,
    logs, settings, keys, drafts); files meant to be shared are given their mode explicitly."""
    os.umask(0o077)
