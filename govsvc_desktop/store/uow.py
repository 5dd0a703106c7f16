"""Unit of work: one transaction, and the repositories that share it.

``with uow:`` opens a transaction; ``commit()`` makes it durable; leaving the block without
committing (an error, a cancel) rolls everything back, so nothing is ever half-written.
"""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from govsvc_desktop.store.agency import AgencyRecordRepository
from govsvc_desktop.store.attachments import AttachmentRepository
from govsvc_desktop.store.audit import AuditRepository, MetaRepository
from govsvc_desktop.store.bundles import BundleRepository
from govsvc_desktop.store.engine import reraise, where
from govsvc_desktop.store.event_logs import EventLogRepository
from govsvc_desktop.store.passports import PassportRepository
from govsvc_desktop.store.plans import PlanRepository


class UnitOfWork:
    passports: PassportRepository
    audit: AuditRepository
    meta: MetaRepository
    bundles: BundleRepository
    plans: PlanRepository
    agency: AgencyRecordRepository
    events: EventLogRepository
    attachments: AttachmentRepository
    conn: Connection

    def __init__(self, engine: Engine, on_commit: Callable[[], None] | None = None) -> None:
        self.engine = engine
        self.on_commit = on_commit
        self._committed = False

    def __enter__(self) -> UnitOfWork:
        try:
            self.conn = self.engine.connect()
            self._tx = self.conn.begin()
        except SQLAlchemyError as exc:
            reraise(exc, where(self.engine))
        self.passports = PassportRepository(self.conn)
        self.audit = AuditRepository(self.conn)
        self.meta = MetaRepository(self.conn)
        self.bundles = BundleRepository(self.conn)
        self.plans = PlanRepository(self.conn)
        self.agency = AgencyRecordRepository(self.conn)
        self.events = EventLogRepository(self.conn)
        self.attachments = AttachmentRepository(self.conn)
        self._committed = False
        return self

    def refresh_statistics(self) -> None:
        from govsvc_desktop.store.search_sql import refresh_statistics

        refresh_statistics(self.conn)

    def commit(self) -> None:
        try:
            self._tx.commit()
        except SQLAlchemyError as exc:
            reraise(exc, where(self.engine))
        self._committed = True
        if self.on_commit is not None:
            self.on_commit()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if not self._committed and self._tx.is_active:
                self._tx.rollback()
        finally:
            self.conn.close()
        if isinstance(exc, SQLAlchemyError):
            reraise(exc, where(self.engine))
