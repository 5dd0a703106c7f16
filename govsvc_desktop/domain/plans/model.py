"""Process-improvement plans (برنامه بهبود فرایند), their quarterly reports, provincial
verification, and emergency requests from the 128 system.

What a plan holds follows seed 002 (Art. 2: quarterly progress reports; Art. 4: indicators and
the 30% cut in average service time) and seed 001 (Art. 5: approaches and evidence, note 2 the
provincial slice; Art. 7: 128 requests; Art. 8: provincial verification). Dates are ISO strings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from govsvc_desktop.domain.choices import Choice, TimeUnit
from govsvc_desktop.domain.passport.model import new_uuid

MIN_TIME_CUT = 0.30  # seed 002 Art. 4-2


class PlanStatus(Choice):
    DRAFT = ("draft", "پیش‌نویس")
    APPROVED = ("approved", "تصویب‌شده")
    IN_PROGRESS = ("in_progress", "در حال اجرا")
    DONE = ("done", "پایان‌یافته")
    CANCELLED = ("cancelled", "لغوشده")


ACTIVE_PLAN_STATUSES = frozenset({PlanStatus.DRAFT, PlanStatus.APPROVED, PlanStatus.IN_PROGRESS})


class Approach(Choice):
    """The approaches seed 001 Art. 5 asks improvement actions to draw on."""

    CORRUPTION = ("corruption_bottlenecks", "رفع گلوگاه‌های فسادخیز")
    SMART_SYSTEMS = ("smart_systems", "هوشمندسازی فرایند با سامانه‌ها و فناوری‌های هوشمند")
    AI = ("ai", "هوش مصنوعی و یادگیری عمیق")
    ALGORITHMIC = ("algorithmic_decisions", "تصمیم‌گیری الگوریتمی")
    IOT = ("iot", "اینترنت اشیا")
    BLOCKCHAIN = ("blockchain", "بلاکچین")
    SPATIAL = ("spatial", "فناوری‌های فضایی و مکان‌محور")
    MONITORING = ("smart_monitoring", "سامانه‌های نظارتی هوشمند و داشبوردهای ملی")
    REGISTRY = ("registry_data", "اطلاعات ثبتی یکپارچه به جای خوداظهاری")
    PROCESS_MINING = ("process_mining", "فرایندکاوی")
    CROWDSOURCING = ("crowdsourcing", "مردم‌سپاری")
    OUTSOURCING = ("service_purchase", "خرید خدمت و برون‌سپاری")
    PRIVATE_SECTOR = ("private_sector", "مشارکت بخش خصوصی")
    STANDARDS = ("process_standards", "استانداردهای اختصاصی فرایندها")


class IndicatorKind(Choice):
    """The standard indicators of seed 002 Art. 4, and custom ones."""

    SERVICE_TIME = ("service_time", "میانگین زمان ارائه خدمت")
    COST = ("applicant_cost", "هزینه خدمت‌گیرنده (ریال)")
    INQUIRIES = ("inquiries", "تعداد استعلام‌ها")
    DOCUMENTS = ("documents", "تعداد مدارک مورد نیاز")
    FORMS = ("forms", "تعداد کاربرگ‌ها")
    DATA_ITEMS = ("data_items", "تعداد اقلام اطلاعاتی دریافتی از متقاضی")
    CUSTOM = ("custom", "شاخص دیگر")


STANDARD_UNITS = {
    IndicatorKind.SERVICE_TIME: "زمان",
    IndicatorKind.COST: "ریال",
    IndicatorKind.INQUIRIES: "عدد",
    IndicatorKind.DOCUMENTS: "عدد",
    IndicatorKind.FORMS: "عدد",
    IndicatorKind.DATA_ITEMS: "عدد",
}


class ActionStatus(Choice):
    NOT_STARTED = ("not_started", "آغازنشده")
    IN_PROGRESS = ("in_progress", "در حال انجام")
    DONE = ("done", "انجام‌شده")
    BLOCKED = ("blocked", "متوقف")
    CANCELLED = ("cancelled", "لغوشده")


CLOSED_ACTION_STATUSES = frozenset({ActionStatus.DONE, ActionStatus.CANCELLED})


class VerificationResult(Choice):
    CONFIRMED = ("confirmed", "تأیید شد")
    PARTLY = ("partly", "بخشی تأیید شد")
    REJECTED = ("rejected", "تأیید نشد")


class RequestStatus(Choice):
    RECEIVED = ("received", "دریافت‌شده")
    IN_PROGRESS = ("in_progress", "در دست رسیدگی")
    RESOLVED = ("resolved", "رسیدگی‌شده")
    CLOSED = ("closed", "بسته‌شده")


CLOSED_REQUEST_STATUSES = frozenset({RequestStatus.RESOLVED, RequestStatus.CLOSED})


@dataclass
class QuarterValue:
    """An indicator's value achieved in one Jalali quarter (``1404-Q2``)."""

    quarter: str = ""
    value: float | None = None


@dataclass
class Indicator:
    """شاخص بهبود: before, target and achieved values; service time carries its time units."""

    kind: IndicatorKind = IndicatorKind.CUSTOM
    name: str = ""
    unit: str = ""
    before: float | None = None
    target: float | None = None
    before_time_unit: TimeUnit = TimeUnit.WORKING_DAY
    target_time_unit: TimeUnit = TimeUnit.WORKING_DAY
    achieved: list[QuarterValue] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.name or self.kind.label_fa

    @property
    def time_unit_applies(self) -> bool:
        """Service time is entered with a time unit each side; the others in ``unit``."""
        return self.kind is IndicatorKind.SERVICE_TIME

    def minutes(self, value: float | None, unit: TimeUnit) -> float | None:
        return None if value is None else value * unit.minutes

    @property
    def units_agree(self) -> bool:
        """Service time before and after is measured on one clock: working time (minutes,
        hours, working days of 8 hours) or calendar time (days, weeks, months). "10 days → 7
        working days" mixes the two and cannot be compared without a calendar (PL-02)."""
        if self.kind is not IndicatorKind.SERVICE_TIME:
            return True
        return self.before_time_unit.working_time is self.target_time_unit.working_time

    def cut_to(self, value: float | None) -> float | None:
        """The fraction ``value`` (in the target's unit) cuts the value before by (0.3 = 30%)."""
        if self.before is None or value is None or not self.units_agree:
            return None
        before, after = self.before, value
        if self.kind is IndicatorKind.SERVICE_TIME:
            before, after = before * self.before_time_unit.minutes, after * self.target_time_unit.minutes
        if before <= 0:
            return None
        return (before - after) / before

    @property
    def planned_cut(self) -> float | None:
        """The fraction the target cuts the value before by; None if unknown."""
        return self.cut_to(self.target)

    @property
    def achieved_cut(self) -> float | None:
        """The fraction the latest achieved value cuts the value before by; None if none yet."""
        latest = self.latest_achieved()
        return None if latest is None else self.cut_to(latest.value)

    def latest_achieved(self) -> QuarterValue | None:
        done = [q for q in self.achieved if q.value is not None]
        return max(done, key=lambda q: q.quarter) if done else None


@dataclass
class PlanAction:
    """اقدام بهبود: who does it, when, how far it has got, what it waits for."""

    action_id: str = field(default_factory=lambda: new_uuid()[:8])
    title: str = ""
    responsible_unit: str = ""
    start: str | None = None
    end: str | None = None
    status: ActionStatus = ActionStatus.NOT_STARTED
    percent_done: int = 0
    depends_on: list[str] = field(default_factory=list)

    def is_overdue(self, today: dt.date) -> bool:
        return (self.end is not None and self.status not in CLOSED_ACTION_STATUSES
                and dt.date.fromisoformat(self.end) < today)


@dataclass
class Evidence:
    """A file attached to a report (شواهد); its bytes are kept by their SHA-256."""

    file_name: str = ""
    sha256: str = ""
    size: int = 0
    media_type: str = "application/octet-stream"
    description: str = ""


@dataclass
class IndicatorValue:
    """One indicator's value in a report or a verification, by the indicator's name."""

    indicator: str = ""
    value: float | None = None


@dataclass
class ProgressReport:
    """گزارش پیشرفت سه‌ماهه (seed 002 Art. 2)."""

    quarter: str = ""
    narrative: str = ""
    values: list[IndicatorValue] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    challenges: str = ""
    remedies: str = ""
    submitted_on: str | None = None


def report_counts(report: ProgressReport) -> bool:
    """A quarterly report counts as submitted only with its date and something reported: an
    indicator value or an evidence file (seed 002 Art. 2; seed 001 Art. 5, «با شواهد کافی»)."""
    return bool(report.submitted_on) and (
        any(v.value is not None for v in report.values) or bool(report.evidence))


@dataclass
class Verification:
    """راستی‌آزمایی استانی (seed 001 Art. 8)."""

    verifier: str = ""
    verifier_org: str = ""
    date: str | None = None
    values: list[IndicatorValue] = field(default_factory=list)
    result: VerificationResult = VerificationResult.CONFIRMED
    comment: str = ""


def standard_indicators() -> list[Indicator]:
    """The standard set every new plan starts with (seed 002 Art. 4)."""
    return [Indicator(kind=kind, unit=STANDARD_UNITS[kind]) for kind in STANDARD_UNITS]


@dataclass
class ImprovementPlan:
    """برنامه بهبود فرایند of one service."""

    uuid: str = field(default_factory=new_uuid)
    passport_uuid: str = ""
    service_id: str = ""
    service_title: str = ""
    title: str = ""
    period_start: str | None = None
    period_end: str | None = None
    goals: str = ""
    approaches: list[Approach] = field(default_factory=list)
    council_number: str = ""
    council_date: str | None = None
    pilot_province: str = ""
    status: PlanStatus = PlanStatus.DRAFT
    # the head's approval: a signature over the plan as approved (domain.approval)
    approved_by: str = ""
    approved_on: str | None = None
    approval_signature: str = ""
    below_target_justification: str = ""
    standard_time_reference: str = ""
    organisation_approved_on: str | None = None
    slice_approved_on: str | None = None
    indicators: list[Indicator] = field(default_factory=standard_indicators)
    actions: list[PlanAction] = field(default_factory=list)
    reports: list[ProgressReport] = field(default_factory=list)
    verifications: list[Verification] = field(default_factory=list)
    revision: int = 0
    created_at: str = ""
    updated_at: str = ""

    @property
    def time_indicator(self) -> Indicator | None:
        return next((i for i in self.indicators if i.kind is IndicatorKind.SERVICE_TIME), None)

    @property
    def judged_on_achieved(self) -> bool:
        """A finished plan is judged on what it achieved, an open one on what it plans."""
        return self.status is PlanStatus.DONE

    @property
    def time_cut(self) -> float | None:
        indicator = self.time_indicator
        if indicator is None:
            return None
        return indicator.achieved_cut if self.judged_on_achieved else indicator.planned_cut

    @property
    def exempt_from_time_cut(self) -> bool:
        """Seed 002 Art. 4 note 5: a process whose standard time the Organisation approved."""
        return bool(self.standard_time_reference.strip())

    @property
    def meets_time_target(self) -> bool:
        """At least a 30% cut in average service time (rounded to avoid 0.2999999 artefacts)."""
        cut = self.time_cut
        return cut is not None and round(cut, 9) >= MIN_TIME_CUT

    def achieved_from_reports(self) -> None:
        """Each indicator's value per quarter as the quarterly reports give it; one source."""
        for ind in self.indicators:
            by_quarter = {q.quarter: q.value for q in ind.achieved}
            for report in self.reports:
                for v in report.values:
                    if v.indicator == ind.label:
                        by_quarter[report.quarter] = v.value
            ind.achieved = [QuarterValue(q, by_quarter[q]) for q in sorted(by_quarter)]

    def report_for(self, quarter: str) -> ProgressReport | None:
        return next((r for r in self.reports if r.quarter == quarter), None)

    def overdue_actions(self, today: dt.date) -> list[PlanAction]:
        return [a for a in self.actions if a.is_overdue(today)]


@dataclass
class Request128:
    """An emergency improvement request referred from the 128 system (seed 001 Art. 7)."""

    uuid: str = field(default_factory=new_uuid)
    reference: str = ""
    received_on: str | None = None
    subject: str = ""
    description: str = ""
    passport_uuid: str = ""
    service_title: str = ""
    deadline: str | None = None
    status: RequestStatus = RequestStatus.RECEIVED
    plan_uuid: str = ""
    response: str = ""
    revision: int = 0
    created_at: str = ""
    updated_at: str = ""

    def is_overdue(self, today: dt.date) -> bool:
        return (self.deadline is not None and self.status not in CLOSED_REQUEST_STATUSES
                and dt.date.fromisoformat(self.deadline) < today)
