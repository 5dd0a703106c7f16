"""Agency-wide records (licences, proposals, cycle steps, reports, lessons, chains), each kept
whole as its JSON document under its kind, with a revision for optimistic locking."""

from __future__ import annotations

import dataclasses
import json
from typing import Any, TypeVar

from sqlalchemy import Connection, delete, insert, select, update

from govsvc_desktop.domain.codec import from_dict, to_dict
from govsvc_desktop.store.tables import agency_records

T = TypeVar("T")


_FLAT: dict[type, bool] = {}


def _flat(cls: type) -> bool:
    """Records of only text and numbers (licences, thousands of them) are built directly."""
    found = _FLAT.get(cls)
    if found is None:
        found = _FLAT[cls] = all(f.type in ("str", "int") for f in dataclasses.fields(cls))
    return found


def _decode(cls: type[T], data: str) -> T:
    values = json.loads(data)
    return cls(**values) if _flat(cls) else from_dict(cls, values)


class AgencyRecordRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def find(self, kind: str, cls: type[T]) -> list[T]:
        rows = self.conn.execute(select(agency_records.c.data)
                                 .where(agency_records.c.kind == kind)
                                 .order_by(agency_records.c.key, agency_records.c.uuid))
        return [_decode(cls, data) for (data,) in rows]

    def get(self, kind: str, uuid: str, cls: type[T]) -> T | None:
        data = self.conn.execute(select(agency_records.c.data).where(
            agency_records.c.kind == kind, agency_records.c.uuid == uuid)).scalar()
        return None if data is None else _decode(cls, data)

    def kind_of(self, uuid: str) -> str | None:
        return self.conn.execute(select(agency_records.c.kind)
                                 .where(agency_records.c.uuid == uuid)).scalar()

    @staticmethod
    def _row(kind: str, record: Any, key: str, status: str) -> dict[str, Any]:
        return {"uuid": record.uuid, "kind": kind, "key": key, "status": status,
                "revision": record.revision, "created_at": record.created_at,
                "updated_at": record.updated_at,
                "data": json.dumps(to_dict(record), ensure_ascii=False, separators=(",", ":"))}

    def insert(self, kind: str, record: Any, key: str, status: str = "") -> None:
        self.conn.execute(insert(agency_records).values(**self._row(kind, record, key, status)))

    def update(self, kind: str, record: Any, key: str, status: str, expected_revision: int) -> bool:
        values = self._row(kind, record, key, status)
        del values["uuid"]
        result = self.conn.execute(update(agency_records).where(
            agency_records.c.uuid == record.uuid,
            agency_records.c.revision == expected_revision).values(**values))
        return result.rowcount == 1

    def delete(self, uuid: str) -> None:
        self.conn.execute(delete(agency_records).where(agency_records.c.uuid == uuid))
