"""Event logs: one row per imported file and one per event, so a service's cases, durations
and its XES export are answered by the database, never by loading a log into memory."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select

from govsvc_desktop.domain.agency.event_log import Event
from govsvc_desktop.store.tables import event_logs, service_events


class EventLogRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add_log(self, row: dict[str, Any]) -> None:
        self.conn.execute(insert(event_logs).values(**row))

    def set_counts(self, uuid: str, events: int, cases: int) -> None:
        self.conn.execute(event_logs.update().where(event_logs.c.uuid == uuid)
                          .values(events=events, cases=cases))

    def add_events(self, log_uuid: str, service_id: str, events: Sequence[Event]) -> None:
        self.conn.execute(insert(service_events), [
            {"log_uuid": log_uuid, "service_id": service_id, "case_id": e.case,
             "activity": e.activity, "at_ms": e.at_ms, "offset_minutes": e.offset_minutes,
             "resource": e.resource} for e in events])

    def log_by_hash(self, service_id: str, sha256: str) -> dict[str, Any] | None:
        row = self.conn.execute(select(event_logs).where(
            event_logs.c.service_id == service_id, event_logs.c.sha256 == sha256)).mappings().first()
        return dict(row) if row else None

    def logs(self, service_id: str = "") -> list[dict[str, Any]]:
        stmt = select(event_logs).order_by(event_logs.c.service_id, event_logs.c.imported_at)
        if service_id:
            stmt = stmt.where(event_logs.c.service_id == service_id)
        return [dict(r) for r in self.conn.execute(stmt).mappings()]

    def delete_log(self, uuid: str) -> None:
        self.conn.execute(delete(service_events).where(service_events.c.log_uuid == uuid))
        self.conn.execute(delete(event_logs).where(event_logs.c.uuid == uuid))

    def case_count(self, log_uuid: str) -> int:
        return int(self.conn.execute(
            select(func.count(func.distinct(service_events.c.case_id)))
            .where(service_events.c.log_uuid == log_uuid)).scalar_one())

    def totals(self) -> list[tuple[str, int, int, int, int, int]]:
        """(service ID, events, cases, activities, first ms, last ms) per service."""
        e = service_events.c
        rows = self.conn.execute(
            select(e.service_id, func.count(), func.count(func.distinct(e.case_id)),
                   func.count(func.distinct(e.activity)), func.min(e.at_ms), func.max(e.at_ms))
            .group_by(e.service_id).order_by(e.service_id))
        return [tuple(r) for r in rows]

    def case_durations(self, service_id: str = "") -> Iterator[tuple[str, int]]:
        """(service ID, ms from a case's first to its last event) for every case."""
        e = service_events.c
        stmt = select(e.service_id, func.max(e.at_ms) - func.min(e.at_ms)).group_by(
            e.service_id, e.case_id)
        if service_id:
            stmt = stmt.where(e.service_id == service_id)
        for sid, duration in self.conn.execute(stmt):
            yield sid, int(duration)

    def count(self, service_id: str) -> int:
        return int(self.conn.execute(select(func.count()).where(
            service_events.c.service_id == service_id)).scalar_one())

    def iter_events(self, service_id: str, batch: int = 20_000) -> Iterator[tuple[str, str, int, int, str]]:
        """Events of a service ordered by case, then time, then the order they were read."""
        e = service_events.c
        result = self.conn.execution_options(stream_results=True, yield_per=batch).execute(
            select(e.case_id, e.activity, e.at_ms, e.offset_minutes, e.resource)
            .where(e.service_id == service_id).order_by(e.case_id, e.at_ms, e.id))
        for row in result:
            yield row[0], row[1], row[2], row[3], row[4]
