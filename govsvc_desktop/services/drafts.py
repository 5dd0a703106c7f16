"""Autosaved drafts: unsaved edits kept in a local file so a crash or a lost server loses at
most the last few seconds of typing."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from govsvc_desktop.config import atomic_write
from govsvc_desktop.domain.codec import from_dict, to_dict
from govsvc_desktop.domain.errors import ValidationError
from govsvc_desktop.domain.passport.model import ServicePassport


@dataclass(frozen=True)
class Draft:
    passport: ServicePassport
    path: Path


class DraftStore:
    """One JSON file per record being edited, written atomically."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)

    def _path(self, uuid: str) -> Path:
        return self.directory / f"{uuid}.json"

    def save(self, p: ServicePassport) -> None:
        atomic_write(self._path(p.uuid), json.dumps(to_dict(p), ensure_ascii=False).encode("utf-8"),
                     0o600)

    def discard(self, uuid: str) -> None:
        self._path(uuid).unlink(missing_ok=True)

    def load_all(self) -> list[Draft]:
        """Drafts left behind; unreadable files are skipped, never deleted."""
        drafts = []
        for path in sorted(self.directory.glob("*.json")):
            try:
                drafts.append(Draft(from_dict(ServicePassport, json.loads(path.read_text("utf-8"))), path))
            except (OSError, ValueError, ValidationError):
                continue
        return drafts
