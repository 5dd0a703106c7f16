"""Improvement plans and 128 requests as use cases: save with the rules and an audit trail,
approve under the 30% rule, attach evidence, and the dashboard of what needs attention."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import mimetypes
from collections.abc import Callable
from pathlib import Path

from ..domain.choices import Role
from ..domain.codec import to_dict
from ..domain.diff import changes
from ..domain.errors import (
    ConflictError,
    GovsvcError,
    NotFoundError,
    PermissionDenied,
    Problem,
    ValidationError,
)
from ..domain.lifecycle import Actor
from ..domain.persian import format_int
from ..domain.plan import Evidence, ImprovementPlan, PlanStatus, Request128
from ..domain.plan_dashboard import Dashboard, build_dashboard
from ..domain.plan_validation import (
    approved_plan_edit,
    before_from_passport,
    before_matches_passport,
    validate_plan,
    validate_request,
)
from ..domain.validation import blocking
from ..store.uow import UnitOfWork
from .passports import iso_now, utc_now

MAX_EVIDENCE_BYTES = 50 * 1024 * 1024
APPROVERS = (Role.HEAD, Role.ADMIN)


class PlanService:
    def __init__(self, uow_factory: Callable[[], UnitOfWork], actor: Actor,
                 clock: Callable[[], dt.datetime] = utc_now) -> None:
        self.uow_factory = uow_factory
        self.actor = actor
        self.clock = clock

    def today(self) -> dt.date:
        return self.clock().astimezone().date()

    # reading
    def get(self, uuid: str) -> ImprovementPlan:
        with self.uow_factory() as uow:
            plan = uow.plans.get(uuid)
        if plan is None:
            raise NotFoundError(f"برنامه بهبودی با شناسه «{uuid}» یافت نشد")
        return plan

    def find(self, search: str = "", status: PlanStatus | None = None,
             passport_uuid: str = "") -> list[ImprovementPlan]:
        with self.uow_factory() as uow:
            return uow.plans.find(search, status, passport_uuid)

    def count(self) -> int:
        with self.uow_factory() as uow:
            return uow.plans.count()

    def problems(self, plan: ImprovementPlan) -> list[Problem]:
        """The plan's rules, with the time before improvement checked against its passport."""
        found = validate_plan(plan)
        if plan.passport_uuid:
            with self.uow_factory() as uow:
                p = uow.passports.get(plan.passport_uuid)
            if p is not None:
                found += before_matches_passport(plan, p.service_time, p.service_time_unit)
        return found

    def dashboard(self, today: dt.date | None = None) -> Dashboard:
        today = today or self.today()
        with self.uow_factory() as uow:
            plans, actions, requests = uow.plans.dashboard_rows(today.isoformat())
        return build_dashboard(plans, actions, requests, today)

    def history(self, uuid: str) -> list[object]:
        with self.uow_factory() as uow:
            return list(uow.audit.history(uuid))

    # writing
    def new_plan(self, passport_uuid: str = "") -> ImprovementPlan:
        """A draft with the standard indicators, filled from the service's passport if given."""
        plan = ImprovementPlan(passport_uuid=passport_uuid)
        if passport_uuid:
            with self.uow_factory() as uow:
                p = uow.passports.get(passport_uuid)
            if p is None:
                raise NotFoundError(f"شناسنامه‌ای با شناسه «{passport_uuid}» یافت نشد")
            plan.service_id, plan.service_title = p.service_id, p.title
            plan.title = f"بهبود فرایند «{p.title}»"
            time = plan.time_indicator
            if time is not None and p.service_time is not None:
                time.before, time.before_time_unit = p.service_time, p.service_time_unit
                time.target_time_unit = p.service_time_unit
        return plan

    def save(self, plan: ImprovementPlan) -> ImprovementPlan:
        """Saves as edited; ``plan.revision`` is the revision the user started from.

        The time before improvement is taken from the service's passport (PL-03), and what the
        council approved is changed only by the roles that approve (PL-05)."""
        now = iso_now(self.clock)
        record = copy.deepcopy(plan)
        with self.uow_factory() as uow:
            passport = uow.passports.get(record.passport_uuid) if record.passport_uuid else None
            if passport is not None:
                before_from_passport(record, passport.service_time, passport.service_time_unit)
            self._check(validate_plan(record))
            current = uow.plans.get(plan.uuid)
            if current is not None:
                edit = approved_plan_edit(current, record, self.actor.roles)
                if edit:
                    raise PermissionDenied(edit[0].message_fa)
            before = current.status if current is not None else PlanStatus.DRAFT
            if record.status is not before and record.status is not PlanStatus.CANCELLED:
                self._may_approve()
            if current is None:
                record.revision, record.created_at, record.updated_at = 1, record.created_at or now, now
                uow.plans.insert(record)
                self._audit(uow, record, "create", [], now)
            else:
                if current.revision != plan.revision:
                    raise ConflictError(f"برنامه «{current.title}» پس از باز شدن آن در اینجا "
                                        "تغییر کرده است؛ چیزی ذخیره نشد")
                diff = changes(to_dict(current), to_dict(record))
                if not diff:
                    return current
                record.revision, record.updated_at = current.revision + 1, now
                if not uow.plans.update(record, current.revision):
                    raise ConflictError("برنامه هم‌زمان تغییر کرد؛ چیزی ذخیره نشد")
                self._audit(uow, record, "update", diff, now)
            uow.commit()
        return record

    def set_status(self, uuid: str, status: PlanStatus) -> ImprovementPlan:
        """Approving (or starting, finishing) needs the council's approval and the 30% rule."""
        plan = self.get(uuid)
        plan.status = status
        return self.save(plan)

    def delete(self, uuid: str) -> None:
        plan = self.get(uuid)
        if plan.status is not PlanStatus.DRAFT:
            raise GovsvcError("فقط برنامه پیش‌نویس حذف می‌شود؛ برنامه تصویب‌شده را لغو کنید")
        with self.uow_factory() as uow:
            uow.plans.delete(uuid)
            self._audit(uow, plan, "delete", [], iso_now(self.clock))
            uow.commit()

    def add_evidence(self, path: Path, description: str = "") -> Evidence:
        """Stores a file's bytes by their SHA-256 and returns the reference a report keeps."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise GovsvcError(f"پرونده «{path}» خوانده نمی‌شود: {exc.strerror or exc}") from exc
        if len(data) > MAX_EVIDENCE_BYTES:
            raise GovsvcError(f"پرونده شاهد بیش از {format_int(MAX_EVIDENCE_BYTES // 1024 // 1024)} "
                              "مگابایت است")
        return self.store_evidence(path.name, data, description)

    def store_evidence(self, name: str, data: bytes, description: str = "") -> Evidence:
        digest = hashlib.sha256(data).hexdigest()
        with self.uow_factory() as uow:
            uow.plans.put_evidence(digest, data)
            uow.commit()
        media = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return Evidence(name, digest, len(data), media, description)

    def evidence_bytes(self, evidence: Evidence) -> bytes:
        """The stored bytes, checked against the SHA-256 the report keeps."""
        with self.uow_factory() as uow:
            data = uow.plans.evidence(evidence.sha256)
        if data is None:
            raise NotFoundError(f"پرونده شاهد «{evidence.file_name}» در پایگاه داده نیست")
        if hashlib.sha256(data).hexdigest() != evidence.sha256:
            raise GovsvcError(f"پرونده شاهد «{evidence.file_name}» با چکیده ثبت‌شده نمی‌خواند")
        return data

    # printing
    def plan_pdf(self, plan: ImprovementPlan) -> bytes:
        from ..reports.passport_pdf import PdfOptions
        from ..reports.plan_pdf import render_plan

        return render_plan(plan, PdfOptions(print_date=self.today())).data

    def quarter_report_pdf(self, plans: list[ImprovementPlan], quarter: str) -> bytes:
        from ..reports.passport_pdf import PdfOptions
        from ..reports.plan_pdf import render_quarter_report

        return render_quarter_report(plans, quarter, PdfOptions(print_date=self.today())).data

    # 128 requests
    def requests(self, overdue_only: bool = False) -> list[Request128]:
        with self.uow_factory() as uow:
            items = uow.plans.requests()
        if overdue_only:
            today = self.today()
            items = [r for r in items if r.is_overdue(today)]
        return items

    def get_request(self, uuid: str) -> Request128:
        with self.uow_factory() as uow:
            found = uow.plans.get_request(uuid)
            if found is None:
                found = next((r for r in uow.plans.requests() if r.reference == uuid), None)
        if found is None:
            raise NotFoundError(f"درخواست ۱۲۸ «{uuid}» یافت نشد")
        return found

    def save_request(self, request: Request128) -> Request128:
        self._check(validate_request(request))
        now = iso_now(self.clock)
        record = copy.deepcopy(request)
        with self.uow_factory() as uow:
            current = uow.plans.get_request(request.uuid)
            if current is None:
                record.revision, record.created_at, record.updated_at = 1, record.created_at or now, now
                uow.plans.insert_request(record)
                diff: list[tuple[str, object, object]] = []
            else:
                diff = changes(to_dict(current), to_dict(record))
                if not diff:
                    return current
                record.revision, record.updated_at = current.revision + 1, now
                if current.revision != request.revision or not uow.plans.update_request(record, current.revision):
                    raise ConflictError(f"درخواست «{current.reference}» پس از باز شدن آن تغییر کرده است")
            uow.audit.record(at=now, actor=self.actor.name, username=self.actor.username,
                             record_type="request128", record_uuid=record.uuid,
                             revision=record.revision, action="update" if diff else "create",
                             changes=diff)
            uow.commit()
        return record

    # helpers
    def _check(self, problems: list[Problem]) -> None:
        hard = blocking(problems)
        if hard:
            raise ValidationError(hard, "ذخیره نشد؛ این موارد باید اصلاح شوند")

    def _may_approve(self) -> None:
        if not any(self.actor.can(role) for role in APPROVERS):
            raise PermissionDenied("تصویب و پیشبرد برنامه بهبود با رئیس دستگاه است")

    def _audit(self, uow: UnitOfWork, plan: ImprovementPlan, action: str,
               diff: list[tuple[str, object, object]], now: str) -> None:
        uow.audit.record(at=now, actor=self.actor.name, username=self.actor.username,
                         record_type="plan", record_uuid=plan.uuid, revision=plan.revision,
                         action=action, changes=diff)
