"""Improvement plans and 128 requests as use cases: save with the rules and an audit trail,
approve under the 30% rule, attach evidence, and the dashboard of what needs attention."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import mimetypes
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from govsvc_desktop.domain import rules
from govsvc_desktop.domain.approval import ApprovalCheck
from govsvc_desktop.domain.errors import (
    ConflictError,
    GovsvcError,
    NotFoundError,
    PermissionDenied,
    Problem,
    ValidationError,
)
from govsvc_desktop.domain.passport.validation import blocking
from govsvc_desktop.domain.persian import format_int
from govsvc_desktop.domain.plans.dashboard import Dashboard, build_dashboard
from govsvc_desktop.domain.plans.model import Evidence, ImprovementPlan, PlanStatus, Request128
from govsvc_desktop.domain.plans.validation import (
    approved_plan_edit,
    before_from_passport,
    before_matches_passport,
    validate_plan,
    validate_request,
)
from govsvc_desktop.services.gate import PLANS, REQUESTS, Gate
from govsvc_desktop.services.passports import iso_now
from govsvc_desktop.services.session import Session, SessionBound
from govsvc_desktop.store.uow import UnitOfWork

if TYPE_CHECKING:
    from govsvc_desktop.exchange.signing.certificates import SigningIdentity
    from govsvc_desktop.reports.passport_pdf import RenderedPdf
    from govsvc_desktop.services.approvals import Approvals

MAX_EVIDENCE_BYTES = 50 * 1024 * 1024


class PlanService(SessionBound):
    def __init__(self, uow_factory: Callable[[], UnitOfWork], session: Session,
                 approvals: Approvals | None = None) -> None:
        super().__init__(uow_factory, session)
        self._approvals = approvals

    @property
    def approvals(self) -> Approvals:
        """Approval signatures, loaded when first needed (listing records needs no crypto)."""
        if self._approvals is None:
            from govsvc_desktop.services.approvals import Approvals

            self._approvals = Approvals()
        return self._approvals

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

    def save(self, plan: ImprovementPlan, identity: SigningIdentity | None = None) -> ImprovementPlan:
        """Saves as edited; ``plan.revision`` is the revision the user started from. The
        rules table decides who may move a plan to its new status and what content may
        change in which status (an approved plan records its reports, not new targets).
        Approving is the head's signature: it needs their signing ``identity``; the approval
        stamps are never taken from the edited copy. The time before improvement is taken
        from the service's passport (PL-03), and what the council approved is changed only by
        the roles that approve (PL-05)."""
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
            source = current or ImprovementPlan()
            for name in ("approved_by", "approved_on", "approval_signature"):
                setattr(record, name, getattr(source, name))
            if record.status is PlanStatus.APPROVED and source.status is not PlanStatus.APPROVED:
                gate = Gate(uow, self.actor, iso_now(self.clock))
                gate.authorise(PLANS, source.status.value if current else rules.NEW,
                               record.status.value, [], None)
                if identity is None:
                    raise GovsvcError("تصویب برنامه امضای رئیس دستگاه است؛ کلید امضای او لازم "
                                      "است (در خط فرمان: --cert و --password-env)")
                record = self.approvals.sign(rules.PLAN, record, identity, self.today())
            written = Gate(uow, self.actor, iso_now(self.clock)).write(
                PLANS, record, expected=plan.revision, current=current, read=False,
                conflict=_plan_conflict)
            if written.changed:
                uow.commit()
        return written.record

    def set_status(self, uuid: str, status: PlanStatus,
                   identity: SigningIdentity | None = None) -> ImprovementPlan:
        """Approving (or starting, finishing) needs the council's approval and the 30% rule;
        approving also the head's signing identity."""
        plan = self.get(uuid)
        plan.status = status
        return self.save(plan, identity)

    def check_approvable(self, plan: ImprovementPlan) -> None:
        """The plan's own rules for approval (council, 30%), before a key is unlocked."""
        candidate = copy.deepcopy(plan)
        candidate.status = PlanStatus.APPROVED
        self._check(validate_plan(candidate))

    def approval(self, plan: ImprovementPlan) -> ApprovalCheck:
        """How the plan's approval stands now: signed, intact, by a trusted certificate."""
        return self.approvals.check(rules.PLAN, plan)

    def delete(self, uuid: str) -> None:
        plan = self.get(uuid)
        if plan.status is not PlanStatus.DRAFT:
            raise GovsvcError("فقط برنامه پیش‌نویس حذف می‌شود؛ برنامه تصویب‌شده را لغو کنید")
        with self.uow_factory() as uow:
            Gate(uow, self.actor, iso_now(self.clock)).delete(PLANS, plan)
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
    def plan_form(self, plan: ImprovementPlan) -> RenderedPdf:
        from govsvc_desktop.reports.passport_pdf import PdfOptions
        from govsvc_desktop.reports.plan_pdf import render_plan

        return render_plan(plan, PdfOptions(print_date=self.today()))

    def quarter_report_form(self, plans: list[ImprovementPlan], quarter: str) -> RenderedPdf:
        from govsvc_desktop.reports.passport_pdf import PdfOptions
        from govsvc_desktop.reports.plan_pdf import render_quarter_report

        return render_quarter_report(plans, quarter, PdfOptions(print_date=self.today()))

    def plan_pdf(self, plan: ImprovementPlan) -> bytes:
        return self.plan_form(plan).data

    def quarter_report_pdf(self, plans: list[ImprovementPlan], quarter: str) -> bytes:
        return self.quarter_report_form(plans, quarter).data

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
        with self.uow_factory() as uow:
            written = Gate(uow, self.actor, iso_now(self.clock)).write(
                REQUESTS, copy.deepcopy(request), expected=request.revision,
                conflict=lambda current, _: ConflictError(
                    f"درخواست «{current.reference}» پس از باز شدن آن تغییر کرده است"))
            if written.changed:
                uow.commit()
        return written.record

    # helpers
    def _check(self, problems: list[Problem]) -> None:
        hard = blocking(problems)
        if hard:
            raise ValidationError(hard, "ذخیره نشد؛ این موارد باید اصلاح شوند")



def _plan_conflict(current: ImprovementPlan, expected: int) -> ConflictError:
    return ConflictError(f"برنامه «{current.title}» پس از باز شدن آن در اینجا تغییر کرده است؛ "
                         "چیزی ذخیره نشد")
