"""Bundle history: every bundle sent from or received into this database, by fingerprint,
and the revision of each record it carried (what the centre is known to hold).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    and_,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.sql import ColumnElement

from govsvc_desktop.domain.bundles import RECEIVED, SENT, BundleEntry
from govsvc_desktop.store.tables import metadata

bundles = Table(
    "bundles",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("sha256", String(64), nullable=False),
    Column("direction", String(8), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("bundle_id", String(36), nullable=False),
    Column("sequence", Integer, nullable=False),
    Column("delta", Boolean, nullable=False, default=False),
    Column("follows", String(64)),
    Column("in_reply_to", String(64)),
    Column("agency", Text, nullable=False, default=""),
    Column("province", String(64), nullable=False, default=""),
    Column("sender", Text, nullable=False, default=""),
    Column("signer", Text, nullable=False, default=""),
    Column("signer_fingerprint", String(64), nullable=False, default=""),
    Column("created_at", String(32), nullable=False),
    Column("recorded_at", String(32), nullable=False),
    Column("recorded_by", Text, nullable=False, default=""),
    Column("file_name", Text, nullable=False, default=""),
    Column("counts", Text, nullable=False, default="{}"),
    Column("acknowledged_at", String(32)),
    Column("acknowledged_by", String(64)),
    UniqueConstraint("sha256", "direction", name="uq_bundles_sha256_direction"),
    Index("ix_bundles_direction_sequence", "direction", "sequence"),
)

bundle_records = Table(
    "bundle_records",
    metadata,
    Column("bundle_pk", Integer, ForeignKey("bundles.id", ondelete="CASCADE"), primary_key=True),
    Column("record_type", String(16), primary_key=True),
    Column("record_uuid", String(36), primary_key=True),
    Column("revision", Integer, nullable=False),
    Index("ix_bundle_records_record_uuid", "record_uuid"),
)

_FIELDS = (
    "sha256", "direction", "kind", "bundle_id", "sequence", "delta", "follows", "in_reply_to",
    "agency", "province", "sender", "signer", "signer_fingerprint", "created_at", "recorded_at",
    "recorded_by", "file_name", "acknowledged_at", "acknowledged_by",
)


def _entry(row: Any) -> BundleEntry:
    values = {name: getattr(row, name) for name in _FIELDS}
    return BundleEntry(id=row.id, counts=json.loads(row.counts or "{}"), **values)


class BundleRepository:
    """Bundle history in one connection (one transaction, owned by the unit of work)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, entry: BundleEntry) -> int:
        values = {name: getattr(entry, name) for name in _FIELDS}
        values["counts"] = json.dumps(entry.counts, ensure_ascii=False, sort_keys=True)
        result = self.conn.execute(insert(bundles).values(**values))
        key = result.inserted_primary_key
        assert key is not None
        return int(key[0])

    def add_records(self, bundle_pk: int, record_type: str, items: Iterable[tuple[str, int]]) -> None:
        rows = [{"bundle_pk": bundle_pk, "record_type": record_type, "record_uuid": uuid,
                 "revision": revision} for uuid, revision in items]
        for start in range(0, len(rows), 1000):
            self.conn.execute(insert(bundle_records), rows[start:start + 1000])

    def history(self, direction: str | None = None, limit: int | None = None) -> list[BundleEntry]:
        stmt = select(bundles).order_by(bundles.c.id.desc()).limit(limit)
        if direction:
            stmt = stmt.where(bundles.c.direction == direction)
        return [_entry(r) for r in self.conn.execute(stmt)]

    def find(self, sha256: str, direction: str | None = None) -> BundleEntry | None:
        stmt = select(bundles).where(bundles.c.sha256 == sha256.lower()).order_by(bundles.c.id)
        if direction:
            stmt = stmt.where(bundles.c.direction == direction)
        row = self.conn.execute(stmt).first()
        return _entry(row) if row else None

    def find_prefix(self, prefix: str, direction: str | None = None) -> list[BundleEntry]:
        stmt = select(bundles).where(bundles.c.sha256.startswith(prefix.lower(), autoescape=True))
        if direction:
            stmt = stmt.where(bundles.c.direction == direction)
        return [_entry(r) for r in self.conn.execute(stmt.order_by(bundles.c.id))]

    def last_sequence(self, direction: str, kind: str) -> int:
        stmt = select(func.max(bundles.c.sequence)).where(
            bundles.c.direction == direction, bundles.c.kind == kind)
        return int(self.conn.execute(stmt).scalar() or 0)

    def last_acknowledged(self, kind: str) -> BundleEntry | None:
        stmt = (select(bundles)
                .where(bundles.c.direction == SENT, bundles.c.kind == kind,
                       bundles.c.acknowledged_at.is_not(None))
                .order_by(bundles.c.sequence.desc(), bundles.c.id.desc()).limit(1))
        row = self.conn.execute(stmt).first()
        return _entry(row) if row else None

    def acknowledge(self, bundle_pk: int, at: str, by: str) -> None:
        self.conn.execute(update(bundles).where(bundles.c.id == bundle_pk)
                          .values(acknowledged_at=at, acknowledged_by=by))

    def record_revisions(self, bundle_pk: int, record_type: str) -> dict[str, int]:
        stmt = select(bundle_records.c.record_uuid, bundle_records.c.revision).where(
            bundle_records.c.bundle_pk == bundle_pk, bundle_records.c.record_type == record_type)
        return {uuid: int(revision) for uuid, revision in self.conn.execute(stmt)}

    def exchanged_revisions(self, record_type: str) -> dict[str, int]:
        """Each record's revision here right after the last bundle that carried it, either
        way: a record whose revision moved since was changed here."""
        return self._latest_revisions(record_type)

    def known_revisions(self, record_type: str, submission: str, reply: str) -> dict[str, int]:
        """Revision of each record the centre is known to hold: from acknowledged submissions
        sent from here and from the centre's replies received, the latest bundle winning."""
        return self._latest_revisions(record_type, or_(
            and_(bundles.c.direction == SENT, bundles.c.acknowledged_at.is_not(None),
                 bundles.c.kind == submission),
            and_(bundles.c.direction == RECEIVED, bundles.c.kind == reply),
        ))

    def _latest_revisions(self, record_type: str, *which: ColumnElement[bool]) -> dict[str, int]:
        """Revision of each record in the bundles ``which`` selects (all when none is given),
        read in bundle order so that the latest bundle carrying a record wins."""
        stmt = (select(bundle_records.c.record_uuid, bundle_records.c.revision)
                .join(bundles, bundles.c.id == bundle_records.c.bundle_pk)
                .where(bundle_records.c.record_type == record_type, *which)
                .order_by(bundles.c.id))
        return {uuid: int(revision) for uuid, revision in self.conn.execute(stmt)}
