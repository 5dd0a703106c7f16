"""Passport attachments: one row per file named on a passport (tombstones included)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Select, insert, select, update

from govsvc_desktop.domain.passport.attachments import Attachment
from govsvc_desktop.store.tables import passport_attachments as t

_COLUMNS = ("uuid", "passport_uuid", "name", "sha256", "size", "media_type", "removed",
            "added_by", "revision", "created_at", "updated_at")


def _row(a: Attachment) -> dict[str, Any]:
    return {c: getattr(a, c) for c in _COLUMNS}


class AttachmentRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def _select(self) -> Select[Any]:
        return select(*[t.c[c] for c in _COLUMNS]).order_by(t.c.created_at, t.c.name, t.c.uuid)

    def of_passport(self, passport_uuid: str, removed: bool = False) -> list[Attachment]:
        query = self._select().where(t.c.passport_uuid == passport_uuid)
        if not removed:
            query = query.where(t.c.removed.is_(False))
        return [Attachment(**r._mapping) for r in self.conn.execute(query)]

    def of_passports(self, passport_uuids: Sequence[str] | None = None) -> list[Attachment]:
        """Every attachment (tombstones too) of the given passports, or of all."""
        query = self._select()
        if passport_uuids is not None:
            if not passport_uuids:
                return []
            query = query.where(t.c.passport_uuid.in_(list(passport_uuids)))
        return [Attachment(**r._mapping) for r in self.conn.execute(query)]

    def revisions(self) -> list[tuple[str, int, str]]:
        """(uuid, revision, passport uuid) of every attachment."""
        return [(r[0], r[1], r[2]) for r in self.conn.execute(
            select(t.c.uuid, t.c.revision, t.c.passport_uuid))]

    def names(self, passport_uuids: Sequence[str] | None = None) -> dict[str, list[str]]:
        """Names of the files on each passport (not removed), for the printed forms."""
        found: dict[str, list[str]] = {}
        query = select(t.c.passport_uuid, t.c.name).where(t.c.removed.is_(False))
        if passport_uuids is not None:
            query = query.where(t.c.passport_uuid.in_(list(passport_uuids)))
        for passport, name in self.conn.execute(query.order_by(t.c.created_at, t.c.name)):
            found.setdefault(passport, []).append(name)
        return found

    def get(self, uuid: str) -> Attachment | None:
        row = self.conn.execute(self._select().where(t.c.uuid == uuid)).first()
        return Attachment(**row._mapping) if row is not None else None

    def insert(self, a: Attachment) -> None:
        self.conn.execute(insert(t).values(**_row(a)))

    def update(self, a: Attachment, expected_revision: int) -> bool:
        values = _row(a)
        del values["uuid"]
        result = self.conn.execute(update(t).where(t.c.uuid == a.uuid,
                                                   t.c.revision == expected_revision).values(**values))
        return result.rowcount == 1
