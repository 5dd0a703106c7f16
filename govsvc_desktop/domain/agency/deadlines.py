"""One deadline calendar: every deadline the seeds write, computed from its starting event.

A deadline whose starting event is a fixed date (the circular of 1403/04/02, the directive of
1403/10/08) is always due; one whose event is the agency's (the centre sending back corrected
services, a change in the agency's tasks, a referral to the parent body) is due once that
event is recorded. Deadlines of records (a passport's year, a plan's quarters, a 128 request)
come from the records themselves. The catalogue is docs/rules.md, section "Deadlines".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple, Protocol

from govsvc_desktop.domain.agency.cycle import DIRECTIVE_DATE
from govsvc_desktop.domain.calendar import add_jalali_months, format_jalali
from govsvc_desktop.domain.choices import Choice
from govsvc_desktop.domain.passport.model import new_uuid
from govsvc_desktop.domain.persian import to_persian_digits
from govsvc_desktop.domain.plans.quarters import quarter_bounds, quarter_label_fa, quarters_between

CIRCULAR_DATE = dt.date(2024, 6, 22)  # 1403/04/02, circular 29168 (seed 000)

_plus_months = lru_cache(maxsize=8192)(add_jalali_months)  # plans made the same day share it
_iso_day = lru_cache(maxsize=16_384)(dt.date.fromisoformat)  # approvals share their days


class EventKind(Choice):
    """Events of the agency that start or close a deadline of the seeds."""

    LAWS_LISTED = ("laws_listed", "فهرست قوانین و مقررات ناظر بر مأموریت‌ها احصا شد")
    CORRECTIONS_RECEIVED = ("corrections_received", "فهرست اصلاح‌شده خدمات از سازمان رسید (بند ۱ ماده ۵)")
    SERVICES_UPDATED = ("services_updated", "تغییرات خدمات شناسه‌دار در سامانه اعمال شد")
    LAWS_REGISTERED = ("laws_registered", "قوانین هر خدمت و خدمات جدید در سامانه درج شد")
    SERVICES_APPROVED = ("services_approved", "خدمات به تأیید نهایی سازمان رسید (بند ۲ ماده ۵)")
    PASSPORTS_COMPLETED = ("passports_completed", "شناسنامه خدمات، نگاشت مجوزها و واحدها در سامانه تکمیل شد")
    PARENT_REFERRAL = ("parent_referral", "بررسی خدمات دستگاه تابعه به دستگاه مادر ارجاع شد")
    PARENT_REVIEW_SENT = ("parent_review_sent", "نظر دستگاه مادر اعلام شد")
    REPRESENTATIVE_APPOINTED = ("representative_appointed", "نماینده دستگاه به سازمان معرفی شد")
    TASKS_CHANGED = ("tasks_changed", "وظایف و مأموریت‌های دستگاه تغییر کرد")
    TASKS_UPDATED = ("tasks_updated", "وظایف در سامانه به‌روز شد")
    CHAINS_REGISTERED = ("chains_registered", "زنجیره‌های خدمات بین‌دستگاهی در سامانه ثبت شد")


@dataclass
class AgencyEvent:
    """An event the agency records (the date it happened), so the deadlines it starts or
    closes are computed."""

    uuid: str = field(default_factory=new_uuid)
    kind: EventKind = EventKind.LAWS_LISTED
    date: str = ""
    note: str = ""
    revision: int = 0
    created_at: str = ""
    updated_at: str = ""


class Deadline(NamedTuple):
    """One dated obligation: what, by which article, from which event, when, done or not (a
    tuple: one is made for every approved passport's renewal)."""

    key: str
    title_fa: str
    seed_fa: str
    starts_fa: str
    due: dt.date | None
    done: bool
    record_type: str = "agency"
    record_uuid: str = ""
    own_item: bool = True  # shown as its own dashboard item when overdue (else another kind is)

    def days_left(self, today: dt.date) -> int | None:
        return None if self.due is None else (self.due - today).days

    def overdue(self, today: dt.date) -> bool:
        return not self.done and self.due is not None and self.due < today

    def state_fa(self, today: dt.date) -> str:
        if self.done:
            return "انجام شد"
        days = self.days_left(today)
        if days is None:
            return "در انتظار رویداد آغاز"
        if days < 0:
            return f"{to_persian_digits(str(-days))} روز گذشته"
        if days == 0:
            return "امروز"
        return f"{to_persian_digits(str(days))} روز مانده"

    def to_document(self, today: dt.date) -> dict[str, object]:
        return {"key": self.key, "title": self.title_fa, "seed": self.seed_fa,
                "starts": self.starts_fa, "due": self.due.isoformat() if self.due else None,
                "due_jalali": format_jalali(self.due) if self.due else "", "done": self.done,
                "days_left": self.days_left(today), "overdue": self.overdue(today),
                "record_type": self.record_type, "uuid": self.record_uuid}


def _first(events: Mapping[EventKind, list[dt.date]], kind: EventKind,
           after: dt.date | None = None) -> dt.date | None:
    dates = sorted(d for d in events.get(kind, []) if after is None or d >= after)
    return dates[0] if dates else None


def _after(start: dt.date | None, days: int = 0, months: int = 0) -> dt.date | None:
    if start is None:
        return None
    return add_jalali_months(start, months) + dt.timedelta(days=days) if months else start + dt.timedelta(days=days)


def agency_deadlines(events: Iterable[AgencyEvent], chains: int) -> list[Deadline]:
    """The agency's own deadlines of seed 000 Art. 4 and seed 001 Arts. 3, 6 and 19."""
    by_kind: dict[EventKind, list[dt.date]] = {}
    for e in events:
        if e.date:
            by_kind.setdefault(e.kind, []).append(dt.date.fromisoformat(e.date))
    K = EventKind
    corrections = _first(by_kind, K.CORRECTIONS_RECEIVED)
    updated = _first(by_kind, K.SERVICES_UPDATED, corrections)
    approved = _first(by_kind, K.SERVICES_APPROVED)
    found = [
        Deadline("000-4-1", "احصای فهرست قوانین و مقررات ناظر بر مأموریت‌ها",
                 "بخشنامه ۲۹۱۶۸، ماده ۴ ردیف ۱: سه هفته", "ابلاغ بخشنامه (۱۴۰۳/۰۴/۰۲)",
                 _after(CIRCULAR_DATE, days=21), _first(by_kind, K.LAWS_LISTED) is not None),
        Deadline("000-4-2", "اعمال تغییرات در خدمات شناسه‌دار در سامانه",
                 "بخشنامه ۲۹۱۶۸، ماده ۴ ردیف ۲: یک ماه", K.CORRECTIONS_RECEIVED.label_fa,
                 _after(corrections, months=1), updated is not None),
        Deadline("000-4-3", "درج قوانین هر خدمت و ثبت خدمات جدید در سامانه",
                 "بخشنامه ۲۹۱۶۸، ماده ۴ ردیف ۳: دو هفته", K.SERVICES_UPDATED.label_fa,
                 _after(updated, days=14), _first(by_kind, K.LAWS_REGISTERED, updated) is not None),
        Deadline("000-4-4", "تکمیل شناسنامه خدمات، نگاشت مجوزها و ارتباط با واحدهای سازمانی",
                 "بخشنامه ۲۹۱۶۸، ماده ۴ ردیف‌های ۴ تا ۶: یک ماه", K.SERVICES_APPROVED.label_fa,
                 _after(approved, months=1),
                 _first(by_kind, K.PASSPORTS_COMPLETED, approved) is not None),
        Deadline("001-19", "معرفی نماینده دستگاه به سازمان",
                 "الزامات چرخه هوشمندسازی، ماده ۱۹: ده روز", "ابلاغ الزامات (۱۴۰۳/۱۰/۰۸)",
                 _after(DIRECTIVE_DATE, days=10), _first(by_kind, K.REPRESENTATIVE_APPOINTED) is not None),
        Deadline("001-6", "شناسایی و ثبت زنجیره‌های خدمات بین‌دستگاهی",
                 "الزامات چرخه هوشمندسازی، ماده ۶ بند ۱: دو ماه", "ابلاغ الزامات (۱۴۰۳/۱۰/۰۸)",
                 _after(DIRECTIVE_DATE, months=2),
                 chains > 0 or _first(by_kind, K.CHAINS_REGISTERED) is not None),
    ]
    for referral in sorted(by_kind.get(K.PARENT_REFERRAL, [])):
        found.append(Deadline(
            f"000-4n2:{referral.isoformat()}", "بررسی خدمات دستگاه تابعه و اعلام نظر دستگاه مادر",
            "بخشنامه ۲۹۱۶۸، تبصره ۲ ماده ۴: یک هفته", K.PARENT_REFERRAL.label_fa,
            referral + dt.timedelta(days=7), _first(by_kind, K.PARENT_REVIEW_SENT, referral) is not None))
    for change in sorted(by_kind.get(K.TASKS_CHANGED, [])):
        found.append(Deadline(
            f"001-3n:{change.isoformat()}", "به‌روزرسانی وظایف در سامانه پس از تغییر مأموریت",
            "الزامات چرخه هوشمندسازی، تبصره ماده ۳: ده روز", K.TASKS_CHANGED.label_fa,
            change + dt.timedelta(days=10), _first(by_kind, K.TASKS_UPDATED, change) is not None))
    return found


class PassportDates(Protocol):
    """What the calendar reads of a passport (the compliance facts have it all)."""

    @property
    def uuid(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def valid_until(self) -> str | None: ...
    @property
    def is_electronic(self) -> bool: ...
    @property
    def electronic_target_date(self) -> str | None: ...
    @property
    def exemption_approved(self) -> bool: ...


RENEWAL_HORIZON_DAYS = 90


def passport_deadlines(items: Iterable[PassportDates], today: dt.date) -> list[Deadline]:
    """Renewal at the end of the passport's year (seed 000 Art. 4 row 7, note 3) and the date
    a non-electronic service becomes electronic (seed 003 Art. 4 note 1), each entering the
    calendar ``RENEWAL_HORIZON_DAYS`` before it is due."""
    found: list[Deadline] = []
    add = found.append
    renew_seed, renew_start = "بخشنامه ۲۹۱۶۸، ماده ۴ ردیف ۷ و تبصره ۳: یک سال", "تأیید شناسنامه"
    approved = frozenset(("approved", "sent", "accepted"))
    day = _iso_day
    horizon = (today + dt.timedelta(days=RENEWAL_HORIZON_DAYS)).isoformat()
    for p in items:
        if p.valid_until and p.status in approved and p.valid_until <= horizon:
            add(Deadline(f"renew:{p.uuid}", f"تمدید یا به‌روزرسانی شناسنامه «{p.title}»",
                         renew_seed, renew_start, day(p.valid_until), False, "passport", p.uuid, False))
        if (p.kind == "service" and not p.exemption_approved and p.electronic_target_date
                and p.electronic_target_date <= horizon and p.status != "draft"
                and not p.is_electronic):
            found.append(Deadline(
                f"electronic:{p.uuid}", f"الکترونیکی شدن «{p.title}»",
                "آیین‌نامه توسعه خدمات الکترونیکی، تبصره ۱ ماده ۴", "زمان‌بندی اعلام‌شده دستگاه",
                dt.date.fromisoformat(p.electronic_target_date), False, "passport",
                p.uuid, own_item=False))
    return found


class PlanDates(NamedTuple):
    """What the calendar reads of a plan (a tuple: tens of thousands are made per report)."""

    uuid: str
    title: str
    status: str
    created_at: str
    period_start: str | None
    period_end: str | None
    reported: frozenset[str]
    pilot_province: str = ""
    organisation_approved_on: str | None = None
    slice_approved_on: str | None = None


def plan_deadlines(plans: Iterable[PlanDates], today: dt.date, reports: bool = True) -> list[Deadline]:
    """Approval within three months (seed 002 Art. 2), quarterly reports (Art. 2; left out
    when ``reports`` is false), the provincial slice within a month of the Organisation's
    approval (seed 001 Art. 5 note 2)."""
    found = []
    for p in plans:
        if p.status == "cancelled":
            continue
        approved = bool(p.organisation_approved_on) or p.status in ("approved", "in_progress", "done")
        if not approved:  # a met deadline of a record leaves the calendar
            created = dt.date.fromisoformat(p.created_at[:10]) if p.created_at else today
            found.append(Deadline(
                f"plan-approval:{p.uuid}", f"تأیید برنامه «{p.title}» از سوی سازمان",
                "مصوبه بهبود فرایندها، ماده ۲: سه ماه", "ثبت برنامه بهبود",
                _plus_months(created, 3), False, "plan", p.uuid))
        if p.pilot_province and p.organisation_approved_on and not p.slice_approved_on:
            found.append(Deadline(
                f"plan-slice:{p.uuid}", f"برش استانی برنامه «{p.title}» ({p.pilot_province})",
                "الزامات چرخه هوشمندسازی، تبصره ۲ ماده ۵: یک ماه", "تأیید سازمان",
                _plus_months(dt.date.fromisoformat(p.organisation_approved_on), 1),
                False, "plan", p.uuid))
        if reports and p.status in ("approved", "in_progress", "done") and p.period_start and p.period_end:
            start, end = dt.date.fromisoformat(p.period_start), dt.date.fromisoformat(p.period_end)
            for quarter in quarters_between(start, end):
                last = quarter_bounds(quarter)[1]
                if quarter in p.reported or last > today + dt.timedelta(days=92):
                    continue  # a report sent is past; only reports due or due within a quarter
                found.append(Deadline(
                    f"report:{p.uuid}:{quarter}", f"گزارش {quarter_label_fa(quarter)} برنامه «{p.title}»",
                    "مصوبه بهبود فرایندها، ماده ۲: هر سه ماه", "پایان سه‌ماهه", last,
                    False, "plan", p.uuid, own_item=False))
    return found


def request_deadlines(requests: Iterable[tuple[str, str, str, str | None, bool]]) -> list[Deadline]:
    """128 requests (seed 001 Art. 7) still open: (uuid, reference, subject, deadline, closed)."""
    return [Deadline(f"request:{uuid}", f"رسیدگی به درخواست ۱۲۸ «{ref} — {subject}»",
                     "الزامات چرخه هوشمندسازی، ماده ۷", "ارجاع از سامانه ۱۲۸",
                     dt.date.fromisoformat(deadline) if deadline else None, closed,
                     "request", uuid, own_item=False)
            for uuid, ref, subject, deadline, closed in requests if not closed]


def step_deadlines(steps: Iterable[tuple[str, str, str | None, bool]]) -> list[Deadline]:
    """Steps of the nine-step cycle: (uuid, title, deadline, approved)."""
    return [Deadline(f"step:{uuid}", title, "الزامات چرخه هوشمندسازی، گام‌های ۱ تا ۹",
                     "ابلاغ الزامات (۱۴۰۳/۱۰/۰۸)", dt.date.fromisoformat(deadline) if deadline else None,
                     approved, "step", uuid, own_item=False)
            for uuid, title, deadline, approved in steps]


def calendar_order(deadlines: Iterable[Deadline]) -> list[Deadline]:
    """Open deadlines by due date (those waiting for their event last), then the done ones.
    Met deadlines of records (a report sent, a request closed) leave the calendar; the agency's
    own stay, marked done."""
    return sorted(deadlines, key=_order)


def _order(d: Deadline) -> tuple[bool, dt.date, str]:
    return (d.done, d.due or dt.date.max, d.key)
