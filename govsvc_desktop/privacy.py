"""What must never be written where others can read it: passwords in URLs and on command
lines, and the files of the user's data directory."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
_URL_PASSWORD = re.compile(r"(?P<head>[A-Za-z][\w+.-]*://[^\s:/@]*:)(?P<secret>[^\s@/]+)(?=@)")
_SECRET_OPTION = re.compile(r"(?i)^--?[\w-]*(password|passphrase|secret|token)[\w-]*$")


def mask(text: str) -> str:
    """Every password in a URL (``postgresql://user:PASS@host``) replaced by ``***``."""
    return _URL_PASSWORD.sub(r"\g<head>***", text) if "://" in text else text


def mask_argv(argv: Sequence[str]) -> str:
    """A command line fit for a log: URL passwords masked, values of secret options dropped."""
    shown: list[str] = []
    hide_next = False
    for arg in argv:
        if hide_next:
            shown.append("***")
            hide_next = False
            continue
        name, eq, _value = arg.partition("=")
        if _SECRET_OPTION.match(name) and not name.endswith("-env"):
            shown.append(f"{name}=***" if eq else name)
            hide_next = not eq
            continue
        shown.append(mask(arg))
    return " ".join(shown)


def restrict_new_files() -> None:
    """Files and folders this process creates are its owner's only (database, its journal,
    logs, settings, keys, drafts); files meant to be shared are given their mode explicitly."""
    os.umask(0o077)
