"""The nine-step smartification cycle of an agency (seed 001), the representative's periodic
reports (Art. 19), lessons learned (Art. 17) and inter-agency service chains (Art. 6).

Each step needs the validation approval of the organisation's unit in charge (Art. 2); a step
whose deadline has passed without that approval is overdue. Where the directive fixes a
step's period (one month each for steps 1 and 2, Art. 3-4) the default deadline counts from
the directive's date; the others are entered as the organisation sets them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from govsvc_desktop.domain.calendar import add_jalali_months, date_problems
from govsvc_desktop.domain.choices import Choice
from govsvc_desktop.domain.errors import Problem
from govsvc_desktop.domain.passport.model import new_uuid

DIRECTIVE_DATE = dt.date(2024, 12, 28)  # 1403/10/08, Cabinet directive of seed 001


class CycleStepKey(Choice):
    LINK_TASKS = ("1", "اتصال خدمات به وظایف")
    REDESIGN = ("2", "بازطراحی خدمات")
    IMPROVE = ("3", "اصلاح فرایندها")
    ELECTRONIC = ("4", "الکترونیکی/هوشمندسازی")
    DATA_CATALOGUE = ("5", "تأییدیهٔ دادگان و کاتالوگ داده")
    STRUCTURE = ("6", "متناسب‌سازی ساختار سازمانی")
    WORKFORCE = ("7", "متناسب‌سازی نیروی انسانی")
    TARIFFS = ("8", "تعرفه‌گذاری خدمات")
    BUDGETING = ("9", "بودجه‌ریزی بر مبنای خدمات")

    @property
    def number(self) -> int:
        return int(self.value)

    @property
    def article(self) -> str:
        return _ARTICLES[self]


_ARTICLES = {
    CycleStepKey.LINK_TASKS: "ماده ۳", CycleStepKey.REDESIGN: "ماده ۴",
    CycleStepKey.IMPROVE: "مواد ۵ تا ۸", CycleStepKey.ELECTRONIC: "ماده ۹",
    CycleStepKey.DATA_CATALOGUE: "ماده ۱۰", CycleStepKey.STRUCTURE: "ماده ۱۱",
    CycleStepKey.WORKFORCE: "ماده ۱۲", CycleStepKey.TARIFFS: "ماده ۱۳",
    CycleStepKey.BUDGETING: "ماده ۱۴",
}

# Months after the directive that the text itself sets (steps 1-2 one month each, in turn).
DEFAULT_DEADLINE_MONTHS = {CycleStepKey.LINK_TASKS: 1, CycleStepKey.REDESIGN: 2}
# Art. 11: step 6 at the latest by the end of the second year of the seventh five-year plan
# (1403-1407), that is the last day of 1404.
FIXED_DEADLINES = {CycleStepKey.STRUCTURE: dt.date(2026, 3, 20)}


class StepStatus(Choice):
    NOT_STARTED = ("not_started", "آغازنشده")
    IN_PROGRESS = ("in_progress", "در حال انجام")
    SUBMITTED = ("submitted", "ارسال برای اعتبارسنجی")
    APPROVED = ("approved", "تأییدشده")


@dataclass
class StepEvidence:
    """A document showing the step's work: an evidence file stored by SHA-256, or a reference."""

    title: str = ""
    reference: str = ""
    file_name: str = ""
    sha256: str = ""


@dataclass
class CycleStep:
    step: CycleStepKey = CycleStepKey.LINK_TASKS
    status: StepStatus = StepStatus.NOT_STARTED
    deadline: str | None = None
    approval_date: str | None = None
    approval_reference: str = ""
    responsible: str = ""
    evidence: list[StepEvidence] = field(default_factory=list)
    note: str = ""
    uuid: str = field(default_factory=new_uuid)
    revision: int = 0
    created_at: str = ""
    updated_at: str = ""

    def is_overdue(self, today: dt.date) -> bool:
        return (self.status is not StepStatus.APPROVED and bool(self.deadline)
                and dt.date.fromisoformat(str(self.deadline)) < today)


def default_steps() -> list[CycleStep]:
    """The nine steps as a new agency starts them, with the deadlines the directive sets."""
    steps = []
    for key in CycleStepKey:
        months = DEFAULT_DEADLINE_MONTHS.get(key)
        fixed = FIXED_DEADLINES.get(key)
        deadline = (add_jalali_months(DIRECTIVE_DATE, months).isoformat() if months
                    else fixed.isoformat() if fixed else None)
        steps.append(CycleStep(step=key, deadline=deadline))
    return steps


@dataclass
class RepresentativeReport:
    """The agency representative's periodic report (Art. 19)."""

    uuid: str = field(default_factory=new_uuid)
    period: str = ""
    reported_on: str | None = None
    representative: str = ""
    progress: str = ""
    challenges: str = ""
    risks: str = ""
    remedies: str = ""
    revision: int = 0
    created_at: str = ""
    updated_at: str = ""


@dataclass
class LessonLearned:
    """A lesson from running the cycle, documented as knowledge (Art. 17)."""

    uuid: str = field(default_factory=new_uuid)
    title: str = ""
    step: CycleStepKey | None = None
    recorded_on: str | None = None
    context: str = ""
    lesson: str = ""
    revision: int = 0
    created_at: str = ""
    updated_at: str = ""


@dataclass
class ChainLink:
    """One service in a chain, in order: the agency giving it and its service ID."""

    agency: str = ""
    service_id: str = ""
    service_title: str = ""
    exchange: str = ""


@dataclass
class ServiceChain:
    """An inter-agency service chain (Art. 6): services of several agencies, in order, that
    together give the final service without separate visits."""

    uuid: str = field(default_factory=new_uuid)
    title: str = ""
    final_service: str = ""
    links: list[ChainLink] = field(default_factory=list)
    note: str = ""
    revision: int = 0
    created_at: str = ""
    updated_at: str = ""


def centre_validation(s: CycleStep, on: str, accepted: bool, comment: str = "") -> CycleStep:
    """The step once the centre answered the agency's request for validation (Art. 2): approved
    on ``on`` with its reference, or back in progress with the centre's comment in the note."""
    result = replace(s, evidence=list(s.evidence))
    if accepted:
        result.status, result.approval_date = StepStatus.APPROVED, on
        result.approval_reference = comment.strip() or result.approval_reference or "سامانهٔ مرکزی"
    else:
        result.status, result.approval_date = StepStatus.IN_PROGRESS, None
        note = f"نظر مرکز: {comment.strip()}"
        result.note = f"{result.note}\n{note}".strip() if result.note else note
    return result


def step_answer_conflict(s: CycleStep, sent_revision: int | None) -> str | None:
    """Why the centre's answer cannot be applied to the step as it is here, or None."""
    if sent_revision is not None and s.revision != sent_revision:
        return "این گام پس از ارسال، در این رایانه تغییر کرده است"
    if s.status is not StepStatus.SUBMITTED:
        return f"وضعیت گام در این رایانه «{s.status.label_fa}» است، نه «ارسال برای اعتبارسنجی»"
    return None


def validate_step(s: CycleStep) -> list[Problem]:
    problems = date_problems("deadline", s.deadline) + date_problems("approval_date", s.approval_date)
    if s.status is StepStatus.APPROVED and not s.approval_date:
        problems.append(Problem("approval_date", "گام تأییدشده تاریخ تأییدیهٔ اعتبارسنجی لازم دارد"))
    if s.approval_date and s.status is not StepStatus.APPROVED:
        problems.append(Problem("status", "تاریخ تأییدیه آمده ولی وضعیت گام «تأییدشده» نیست"))
    for i, e in enumerate(s.evidence):
        if not (e.title.strip() or e.file_name):
            problems.append(Problem(f"evidence[{i}].title", "عنوان شاهد خالی است"))
    return problems


def validate_report(r: RepresentativeReport) -> list[Problem]:
    problems = date_problems("reported_on", r.reported_on)
    if not r.period.strip():
        problems.append(Problem("period", "دورهٔ گزارش مشخص نیست"))
    if not r.representative.strip():
        problems.append(Problem("representative", "نام نمایندهٔ دستگاه خالی است"))
    if not r.progress.strip():
        problems.append(Problem("progress", "میزان تحقق چرخه خالی است"))
    return problems


def validate_lesson(lesson: LessonLearned) -> list[Problem]:
    problems = date_problems("recorded_on", lesson.recorded_on)
    if not lesson.title.strip():
        problems.append(Problem("title", "عنوان درس آموخته خالی است"))
    if not lesson.lesson.strip():
        problems.append(Problem("lesson", "متن درس آموخته خالی است"))
    return problems


def validate_chain(c: ServiceChain) -> list[Problem]:
    problems = []
    if not c.title.strip():
        problems.append(Problem("title", "عنوان زنجیره خالی است"))
    if len(c.links) < 2:
        problems.append(Problem("links", "زنجیره دست‌کم دو خدمت از دو دستگاه لازم دارد"))
    elif len({link.agency.strip() for link in c.links}) < 2:
        problems.append(Problem("links", "زنجیرهٔ بین‌دستگاهی باید خدماتی از دست‌کم دو دستگاه داشته باشد"))
    seen: set[tuple[str, str]] = set()
    for i, link in enumerate(c.links):
        if not link.agency.strip():
            problems.append(Problem(f"links[{i}].agency", "دستگاه این حلقه مشخص نیست"))
        if not (link.service_id or link.service_title.strip()):
            problems.append(Problem(f"links[{i}].service_id", "شناسه یا عنوان خدمت این حلقه خالی است"))
        if link.service_id and not link.service_id.isdigit():
            problems.append(Problem(f"links[{i}].service_id", "شناسهٔ خدمت باید فقط رقم باشد"))
        key = (link.agency.strip(), link.service_id or link.service_title.strip())
        if key in seen:
            problems.append(Problem(f"links[{i}]", "این خدمت پیش‌تر در همین زنجیره آمده است"))
        seen.add(key)
    return problems
