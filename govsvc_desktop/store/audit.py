"""The audit trail: who changed which field of which record, written with the change."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, insert, select, text

from govsvc_desktop.domain.diff import show
from govsvc_desktop.domain.passport.queries import AuditEntry
from govsvc_desktop.store.tables import app_meta, audit_log


def audit_rows(
    *, at: str, actor: str, username: str, record_type: str, record_uuid: str, revision: int,
    action: str, changes: Sequence[tuple[str, Any, Any]] = (),
) -> list[dict[str, Any]]:
    """The audit rows of one change: one per changed field, or one for the action alone."""
    base = {"at": at, "actor": actor, "username": username, "record_type": record_type,
            "record_uuid": record_uuid, "revision": revision, "action": action,
            "field_path": "", "old_value": "", "new_value": ""}
    if not changes:
        return [base]
    return [{**base, "field_path": path, "old_value": show(old), "new_value": show(new)}
            for path, old, new in changes]


class AuditRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def record(
        self, *, at: str, actor: str, username: str, record_type: str, record_uuid: str,
        revision: int, action: str, changes: Sequence[tuple[str, Any, Any]] = (),
    ) -> None:
        self.record_many(audit_rows(at=at, actor=actor, username=username,
                                    record_type=record_type, record_uuid=record_uuid,
                                    revision=revision, action=action, changes=changes))

    def record_many(self, rows: Sequence[dict[str, Any]]) -> None:
        """On PostgreSQL through ``govsvc_audit_write``, which stamps the real login (no
        client may INSERT into the audit table there)."""
        if not rows:
            return
        if self.conn.dialect.name == "postgresql":
            for start in range(0, len(rows), 5000):
                self.conn.execute(text("SELECT govsvc_audit_write(CAST(:rows AS jsonb))"),
                                  {"rows": json.dumps(list(rows[start:start + 5000]),
                                                      ensure_ascii=False)})
            return
        self.conn.execute(insert(audit_log), list(rows))

    def creator(self, record_uuid: str) -> str | None:
        """The login that first wrote the record (created or imported it), if recorded."""
        value = self.conn.execute(
            select(audit_log.c.username).where(audit_log.c.record_uuid == record_uuid)
            .order_by(audit_log.c.id).limit(1)).scalar()
        return None if value is None else str(value)

    def history(self, record_uuid: str, since_revision: int = 0) -> list[AuditEntry]:
        rows = self.conn.execute(
            select(audit_log).where(audit_log.c.record_uuid == record_uuid,
                                    audit_log.c.revision > since_revision)
            .order_by(audit_log.c.id))
        return [AuditEntry(at=r.at, actor=r.actor, action=r.action, field_path=r.field_path,
                           old_value=r.old_value, new_value=r.new_value, revision=r.revision)
                for r in rows]


class MetaRepository:
    """Small key/value facts about the database (agency defaults, counters)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self, key: str, default: str = "") -> str:
        value = self.conn.execute(select(app_meta.c.value).where(app_meta.c.key == key)).scalar()
        return default if value is None else str(value)

    def set(self, key: str, value: str) -> None:
        exists = self.conn.execute(select(app_meta.c.key).where(app_meta.c.key == key)).scalar()
        if exists is None:
            self.conn.execute(insert(app_meta).values(key=key, value=value))
        else:
            self.conn.execute(app_meta.update().where(app_meta.c.key == key).values(value=value))
