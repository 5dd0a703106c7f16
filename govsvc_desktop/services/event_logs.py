"""Event logs of electronic services (seed 001 Art. 5 note 1): import from CSV, figures per
service, export as XES for process mining, and the measured average case duration as the
passport's service time."""

from __future__ import annotations

import hashlib
import statistics
import uuid as uuid_mod
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from govsvc_desktop.domain.agency.event_log import ServiceLogStats, duration_in_unit
from govsvc_desktop.domain.errors import Cancelled, GovsvcError, NotFoundError, ValidationError
from govsvc_desktop.domain.persian import format_int
from govsvc_desktop.exchange.events.csv_log import open_event_csv
from govsvc_desktop.exchange.events.xes import XesLog, write_xes
from govsvc_desktop.services.agency import normalise_service_id
from govsvc_desktop.services.passports import PassportService, iso_now

Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class LogImport:
    uuid: str
    service_id: str
    events: int
    cases: int


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class EventLogService:
    def __init__(self, passports: PassportService) -> None:
        self.passports = passports
        self.uow_factory = passports.uow_factory

    def _title(self, service_id: str) -> tuple[str, str]:
        with self.uow_factory() as uow:
            uuids = uow.passports.find_by_service_id(service_id)
            p = uow.passports.get(uuids[0]) if uuids else None
        return (p.title, p.agency_name) if p is not None else ("", "")

    def import_csv(self, service_id: str, path: Path, progress: Progress | None = None,
                   replace: bool = False) -> LogImport:
        """Reads the whole log in one transaction: a bad row, a cancel or a crash leaves the
        database as it was. The same file twice for a service is refused unless replacing."""
        service_id = normalise_service_id(service_id)
        log = open_event_csv(path)
        sha256 = _sha256(path)
        log_uuid = str(uuid_mod.uuid4())
        events = 0
        with self.uow_factory() as uow:
            earlier = uow.events.log_by_hash(service_id, sha256)
            if earlier is not None:
                if not replace:
                    raise GovsvcError(f"این پرونده در {earlier['imported_at'][:10]} برای خدمت "
                                      f"{service_id} وارد شده است؛ برای جایگزینی --replace بدهید")
                uow.events.delete_log(earlier["uuid"])
            uow.events.add_log({"uuid": log_uuid, "service_id": service_id, "file_name": path.name,
                                "sha256": sha256, "events": 0, "cases": 0,
                                "imported_at": iso_now(self.passports.clock),
                                "imported_by": self.passports.actor.name})
            for batch in log.batches():
                uow.events.add_events(log_uuid, service_id, batch)
                events += len(batch)
                if progress is not None and progress(log.bytes_read, log.size) is False:
                    raise Cancelled
            if log.problems:
                raise ValidationError(log.problems, f"رویدادنگار «{path.name}» وارد نشد؛ "
                                      "چیزی تغییر نکرد")
            if events == 0:
                raise GovsvcError(f"در «{path.name}» هیچ رویدادی نیست")
            cases = uow.events.case_count(log_uuid)
            uow.events.set_counts(log_uuid, events, cases)
            uow.commit()
        if progress is not None:
            progress(log.size, log.size)
        return LogImport(log_uuid, service_id, events, cases)

    def logs(self, service_id: str = "") -> list[dict[str, object]]:
        with self.uow_factory() as uow:
            return list(uow.events.logs(service_id))

    def delete_log(self, uuid: str) -> None:
        with self.uow_factory() as uow:
            uow.events.delete_log(uuid)
            uow.commit()

    def stats(self, service_id: str = "") -> list[ServiceLogStats]:
        """Per service: logs, events, cases, activities, span, average and median case time."""
        with self.uow_factory() as uow:
            totals = uow.events.totals()
            durations: dict[str, list[int]] = {}
            for sid, duration in uow.events.case_durations(service_id):
                durations.setdefault(sid, []).append(duration)
            logs: dict[str, int] = {}
            for row in uow.events.logs():
                logs[str(row["service_id"])] = logs.get(str(row["service_id"]), 0) + 1
        result = []
        for sid, events, cases, activities, first, last in totals:
            if service_id and sid != service_id:
                continue
            spans = durations.get(sid, [])
            result.append(ServiceLogStats(
                sid, self._title(sid)[0], logs.get(sid, 0), events, cases, activities, first, last,
                statistics.fmean(spans) if spans else None,
                float(statistics.median(spans)) if spans else None))
        return result

    def export_xes(self, service_id: str, target: Path,
                   progress: Progress | None = None) -> tuple[int, int]:
        service_id = normalise_service_id(service_id)
        title, agency = self._title(service_id)
        with self.uow_factory() as uow:
            total = uow.events.count(service_id)
            if total == 0:
                raise NotFoundError(f"برای خدمت {service_id} رویدادنگاری وارد نشده است")
            tick = None if progress is None else (lambda done: progress(done, total))
            result = write_xes(target, XesLog(service_id, title, agency),
                               uow.events.iter_events(service_id), tick)
        if progress is not None:
            progress(total, total)
        return result

    def fill_service_time(self, service_id: str) -> tuple[float, str]:
        """Sets the passport's service time to the average case duration of the logs; returns
        (value, unit label). Goes through the passport service: checked, audited, locked."""
        service_id = normalise_service_id(service_id)
        found = self.stats(service_id)
        if not found or found[0].average_case_ms is None:
            raise NotFoundError(f"برای خدمت {service_id} رویدادنگاری وارد نشده است")
        with self.uow_factory() as uow:
            uuids = uow.passports.find_by_service_id(service_id)
        if not uuids:
            raise NotFoundError(f"شناسنامه‌ای با شناسهٔ خدمت {service_id} نیست")
        if len(uuids) > 1:
            raise GovsvcError(f"{format_int(len(uuids))} شناسنامه با شناسهٔ خدمت {service_id} هست؛ "
                              "زمان در کدام نوشته شود؟")
        value, unit = duration_in_unit(found[0].average_case_ms)
        passport = self.passports.get(uuids[0])
        passport.service_time, passport.service_time_unit = value, unit
        self.passports.save(passport)
        return value, unit.label_fa

