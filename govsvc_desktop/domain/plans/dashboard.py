"""What needs attention across all plans: below the 30% cut, quarterly reports missing,
actions and 128 requests past their dates. Works on slim rows so 20,000 plans take no time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from govsvc_desktop.domain.calendar import format_jalali
from govsvc_desktop.domain.plans.model import ActionStatus, PlanStatus, RequestStatus
from govsvc_desktop.domain.plans.quarters import finished_quarters, quarter_label_fa

REPORTING_STATUSES = frozenset({PlanStatus.APPROVED, PlanStatus.IN_PROGRESS, PlanStatus.DONE})


@dataclass(frozen=True)
class PlanRow:
    uuid: str
    title: str
    status: PlanStatus
    period_start: str | None
    period_end: str | None
    meets_target: bool
    justified: bool
    reported: frozenset[str]


@dataclass(frozen=True)
class ActionRow:
    plan_uuid: str
    plan_title: str
    title: str
    end: str
    status: ActionStatus


@dataclass(frozen=True)
class RequestRow:
    uuid: str
    reference: str
    subject: str
    deadline: str
    status: RequestStatus


@dataclass(frozen=True)
class Attention:
    """One item on the dashboard: what, which record, and a Persian line saying why."""

    kind: str  # below_target, missing_report, overdue_action, overdue_request
    record_uuid: str
    title: str
    detail: str


KIND_LABELS_FA = {
    "below_target": "کاهش زمان کمتر از ۳۰ درصد",
    "missing_report": "گزارش سه‌ماهه نرسیده",
    "overdue_action": "اقدام عقب‌افتاده",
    "overdue_request": "درخواست ۱۲۸ عقب‌افتاده",
}


@dataclass
class Dashboard:
    items: list[Attention] = field(default_factory=list)

    def of(self, kind: str) -> list[Attention]:
        return [i for i in self.items if i.kind == kind]

    def counts(self) -> dict[str, int]:
        return {kind: len(self.of(kind)) for kind in KIND_LABELS_FA}


@lru_cache(maxsize=8192)
def _jalali(iso: str) -> str:
    return format_jalali(iso)


@lru_cache(maxsize=8192)
def _period(start: str, end: str) -> tuple[dt.date, dt.date]:
    return dt.date.fromisoformat(start), dt.date.fromisoformat(end)


def build_dashboard(plans: Iterable[PlanRow], actions: Iterable[ActionRow],
                    requests: Iterable[RequestRow], today: dt.date) -> Dashboard:
    board = Dashboard()
    add = board.items.append
    for p in plans:
        if p.status is PlanStatus.CANCELLED:
            continue
        if not p.meets_target and not p.justified:
            what = "مقدار محقق‌شده" if p.status is PlanStatus.DONE else "هدف"
            add(Attention("below_target", p.uuid, p.title,
                          f"{what} زمان ارائه خدمت کمتر از ۳۰ درصد کاهش دارد و زمان استاندارد "
                          "آن به تأیید سازمان نرسیده است (تبصره ۵)"))
        if p.status in REPORTING_STATUSES and p.period_start and p.period_end:
            start, end = _period(p.period_start, p.period_end)
            for quarter in finished_quarters(start, end, today):
                if quarter not in p.reported:
                    add(Attention("missing_report", p.uuid, p.title,
                                  f"گزارش {quarter_label_fa(quarter)} نرسیده است"))
    iso_today = today.isoformat()
    for a in actions:
        if a.end < iso_today and a.status not in (ActionStatus.DONE, ActionStatus.CANCELLED):
            add(Attention("overdue_action", a.plan_uuid, a.plan_title,
                          f"«{a.title}» تا {_jalali(a.end)} باید انجام می‌شد"))
    for r in requests:
        if r.deadline < iso_today and r.status not in (RequestStatus.RESOLVED, RequestStatus.CLOSED):
            add(Attention("overdue_request", r.uuid, f"{r.reference} — {r.subject}",
                          f"مهلت رسیدگی {_jalali(r.deadline)} گذشته است"))
    return board
