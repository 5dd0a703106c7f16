"""How far the agency meets its obligations: one list of what is wrong, each item pointing at
the record that fixes it.

The figures come from the columns stored beside each record (never from decoding documents),
so the dashboard over a hundred thousand passports stays under a second. Rules:
- a passport is missing for a service ID the agency is known to give (a licence is mapped to
  it, the centre issued it for a proposal, a plan or a service chain names it);
- a draft older than a month (seed 000 Art. 4 sets deadlines of weeks, not months);
- expired or expiring passports (one-year validity, seed 000 Art. 4 note 3);
- passports awaiting approval that still miss what approval needs, counted by field;
- licences without a service (seed 000, footnote to Art. 4);
- non-electronic services past the date they were to become electronic (seed 003 Art. 4);
- improvement plans below the 30% cut without a justification (seed 002 Art. 4-2);
- steps of the nine-step cycle past their deadline (seed 001).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from govsvc_desktop.domain.agency.deadlines import Deadline
from govsvc_desktop.domain.agency.licences import LicenceFinding, LicenceIssue
from govsvc_desktop.domain.calendar import format_jalali
from govsvc_desktop.domain.choices import Choice
from govsvc_desktop.domain.passport.labels import label_for_path
from govsvc_desktop.domain.passport.model import EXPIRY_WARNING_DAYS
from govsvc_desktop.domain.persian import to_persian_digits

DRAFT_MAX_AGE_DAYS = 30
AWAITING_APPROVAL = frozenset({"draft", "reviewed", "returned"})
VALID_STATUSES = frozenset({"approved", "sent", "accepted"})


_jalali = lru_cache(maxsize=16_384)(format_jalali)  # dates repeat across thousands of items


class ComplianceKind(Choice):
    PASSPORT_MISSING = ("passport_missing", "شناسنامهٔ خدمت ثبت نشده")
    OLD_DRAFT = ("old_draft", "پیش‌نویس قدیمی‌تر از یک ماه")
    EXPIRED = ("expired", "شناسنامهٔ منقضی")
    EXPIRING = ("expiring", "شناسنامهٔ در آستانهٔ انقضا")
    APPROVAL_BLOCKED = ("approval_blocked", "کمبودهای مانع تأیید")
    LICENCE_UNMAPPED = ("licence_unmapped", "مجوز بدون نگاشت درست")
    ELECTRONIC_LATE = ("electronic_late", "خدمت غیرالکترونیکی از موعد گذشته")
    PLAN_BELOW_TARGET = ("plan_below_target", "برنامهٔ بهبود کمتر از ۳۰٪")
    STEP_OVERDUE = ("step_overdue", "گام چرخهٔ هوشمندسازی از موعد گذشته")
    DUPLICATE_ID = ("duplicate_service_id", "شناسهٔ خدمت تکراری")
    DEADLINE_OVERDUE = ("deadline_overdue", "موعد مقرر گذشته")


class PassportFacts(NamedTuple):
    """The stored columns of one passport that the rules read (a tuple: a hundred thousand
    of them are made per report)."""

    uuid: str
    kind: str
    service_id: str
    title: str
    status: str
    created_at: str
    valid_until: str | None
    is_electronic: bool
    electronic_target_date: str | None
    exemption_approved: bool
    approval_gaps: str  # ";"-separated field paths that approval still needs


@dataclass(frozen=True)
class ExpectedService:
    """A service ID some other record says the agency gives."""

    service_id: str
    source_fa: str
    record_type: str
    record_uuid: str


class PlanFacts(NamedTuple):
    uuid: str
    title: str
    service_id: str
    status: str
    meets_target: bool
    justified: bool


@dataclass(frozen=True)
class StepFacts:
    uuid: str
    title: str
    deadline: str | None
    approved: bool


@dataclass(frozen=True)
class ComplianceItem:
    kind: ComplianceKind
    record_type: str  # passport, plan, licence, proposal, chain, step
    record_uuid: str
    title: str
    detail_fa: str


@dataclass
class ComplianceReport:
    today: dt.date
    passports: int = 0
    items: list[ComplianceItem] = field(default_factory=list)
    blocking_fields: dict[str, int] = field(default_factory=dict)  # field label → passports
    deadlines: list[Deadline] = field(default_factory=list)

    def counts(self) -> dict[ComplianceKind, int]:
        found = Counter(item.kind for item in self.items)
        return {kind: found.get(kind, 0) for kind in ComplianceKind}

    def of(self, kind: ComplianceKind) -> list[ComplianceItem]:
        return [item for item in self.items if item.kind is kind]

    def to_document(self) -> dict[str, object]:
        return {
            "date": self.today.isoformat(),
            "passports": self.passports,
            "counts": {kind.value: n for kind, n in self.counts().items()},
            "blocking_fields": self.blocking_fields,
            "items": [{"kind": i.kind.value, "label": i.kind.label_fa, "record_type": i.record_type,
                       "uuid": i.record_uuid, "title": i.title, "detail": i.detail_fa}
                      for i in self.items],
            "deadlines": [d.to_document(self.today) for d in self.deadlines],
        }


def _passport_items(report: ComplianceReport, facts: list[PassportFacts]) -> None:
    today = report.today
    old = (today - dt.timedelta(days=DRAFT_MAX_AGE_DAYS)).isoformat()
    soon = (today + dt.timedelta(days=EXPIRY_WARNING_DAYS)).isoformat()
    now = today.isoformat()
    fields: Counter[str] = Counter()
    items = report.items
    for f in facts:
        if f.status == "draft" and f.created_at[:10] < old:
            items.append(ComplianceItem(ComplianceKind.OLD_DRAFT, "passport", f.uuid, f.title,
                                        f"پیش‌نویس از {_jalali(f.created_at[:10])}"))
        if f.valid_until and f.status in VALID_STATUSES:
            if f.valid_until < now:
                items.append(ComplianceItem(ComplianceKind.EXPIRED, "passport", f.uuid, f.title,
                                            f"اعتبار تا {_jalali(f.valid_until)}"))
            elif f.valid_until <= soon:
                items.append(ComplianceItem(ComplianceKind.EXPIRING, "passport", f.uuid, f.title,
                                            f"اعتبار تا {_jalali(f.valid_until)}"))
        if f.approval_gaps and f.status in AWAITING_APPROVAL:
            labels = list(dict.fromkeys(label_for_path(p.split("[")[0].split(".")[0])
                                         for p in f.approval_gaps.split(";")))
            fields.update(labels)
            items.append(ComplianceItem(ComplianceKind.APPROVAL_BLOCKED, "passport", f.uuid,
                                        f.title, "، ".join(labels)))
        if (f.kind == "service" and not f.is_electronic and not f.exemption_approved
                and f.electronic_target_date and f.electronic_target_date < now):
            items.append(ComplianceItem(ComplianceKind.ELECTRONIC_LATE, "passport", f.uuid,
                                        f.title, f"قرار بود تا {_jalali(f.electronic_target_date)} "
                                        "الکترونیکی شود"))
    report.blocking_fields = dict(fields.most_common())


def build_compliance(
    today: dt.date, passports: list[PassportFacts], expected: list[ExpectedService],
    licence_issues: list[LicenceIssue], plans: list[PlanFacts], steps: list[StepFacts],
    deadlines: Sequence[Deadline] = (),
) -> ComplianceReport:
    report = ComplianceReport(today, passports=len(passports), deadlines=list(deadlines))
    _passport_items(report, passports)
    holders: dict[str, list[PassportFacts]] = {}
    for f in passports:
        if f.service_id:
            holders.setdefault(f.service_id, []).append(f)
    duplicated = sorted(sid for sid, same in holders.items() if len(same) > 1)
    for service_id in duplicated:  # seed 000 def. 9 and Art. 10: one ID, one service
        same = holders[service_id]
        for f in same:
            report.items.append(ComplianceItem(
                ComplianceKind.DUPLICATE_ID, "passport", f.uuid, f.title,
                f"شناسهٔ {service_id} در {to_persian_digits(str(len(same)))} رکورد آمده است"))
    known = set(holders)
    missing: dict[str, ExpectedService] = {}
    for e in expected:
        if e.service_id and e.service_id not in known:
            missing.setdefault(e.service_id, e)
    for service_id, e in sorted(missing.items()):
        report.items.append(ComplianceItem(
            ComplianceKind.PASSPORT_MISSING, e.record_type, e.record_uuid, service_id,
            f"برای شناسهٔ خدمت {service_id} ({e.source_fa}) شناسنامه‌ای نیست"))
    for issue in licence_issues:
        if issue.finding in (LicenceFinding.UNMAPPED, LicenceFinding.MAPPED_TWICE):
            report.items.append(ComplianceItem(
                ComplianceKind.LICENCE_UNMAPPED, issue.record_type, issue.record_uuid,
                f"{issue.code} {issue.title}".strip(), issue.detail_fa))
    for p in plans:
        if p.status in ("draft", "approved", "in_progress", "done") and not p.meets_target and not p.justified:
            what = "کاهش محقق‌شده" if p.status == "done" else "کاهش هدف"
            report.items.append(ComplianceItem(
                ComplianceKind.PLAN_BELOW_TARGET, "plan", p.uuid, p.title,
                f"{what} میانگین زمان ارائه خدمت کمتر از ۳۰٪ و زمان استاندارد تأییدنشده (تبصره ۵)"))
    now = today.isoformat()
    for s in steps:
        if not s.approved and s.deadline and s.deadline < now:
            report.items.append(ComplianceItem(ComplianceKind.STEP_OVERDUE, "step", s.uuid,
                                               s.title, f"موعد {_jalali(s.deadline)}"))
    for d in report.deadlines:
        if d.own_item and d.overdue(today) and d.due is not None:
            report.items.append(ComplianceItem(
                ComplianceKind.DEADLINE_OVERDUE, d.record_type, d.record_uuid or d.key, d.title_fa,
                f"{d.seed_fa}؛ موعد {_jalali(d.due.isoformat())}، {d.state_fa(today)}"))
    return report
