"""Every rule an improvement plan and a 128 request must meet, in one place.

As for passports, ``blocking`` problems stop any save; the rest stop approval only. The 30%
rule of seed 002 Art. 4-2 is one of the latter: a plan whose target does not cut average
service time by 30% is flagged and cannot be approved without a recorded justification.
"""

from __future__ import annotations

import datetime as dt

from .errors import Problem
from .persian import format_percent, to_persian_digits
from .plan import (
    MIN_TIME_CUT,
    ImprovementPlan,
    IndicatorKind,
    PlanStatus,
    Request128,
)
from .quarters import parse_quarter, quarters_between

PLAN_FIELDS: dict[str, str] = {
    "passport_uuid": "خدمت",
    "service_id": "کد شناسه خدمت",
    "service_title": "عنوان خدمت",
    "title": "عنوان برنامه",
    "period_start": "آغاز دوره بهبود",
    "period_end": "پایان دوره بهبود",
    "goals": "اهداف",
    "approaches": "رویکردها",
    "council_number": "شماره مصوبه شورای راهبری تحول اداری",
    "council_date": "تاریخ مصوبه شورای راهبری تحول اداری",
    "pilot_province": "استان برش استانی",
    "status": "وضعیت برنامه",
    "approved_by": "تصویب‌کننده (رئیس دستگاه)",
    "approved_on": "تاریخ تصویب",
    "approval_signature": "امضای تصویب",
    "below_target_justification": "توجیه کاهش کمتر از ۳۰ درصد",
    "indicators": "شاخص‌ها",
    "actions": "اقدامات",
    "reports": "گزارش‌های سه‌ماهه",
    "verifications": "راستی‌آزمایی‌ها",
    # parts
    "name": "نام",
    "unit": "واحد سنجش",
    "before": "مقدار پیش از بهبود",
    "target": "مقدار هدف",
    "achieved": "مقدار محقق‌شده",
    "value": "مقدار",
    "quarter": "سه‌ماهه",
    "start": "آغاز",
    "end": "پایان",
    "percent_done": "درصد پیشرفت",
    "depends_on": "پیش‌نیازها",
    "date": "تاریخ",
    "submitted_on": "تاریخ ارسال گزارش",
    "verifier": "راستی‌آزما",
    "reference": "شماره پیگیری ۱۲۸",
    "received_on": "تاریخ دریافت",
    "deadline": "مهلت رسیدگی",
    "subject": "موضوع",
    "plan_uuid": "برنامه بهبود مرتبط",
}


def _label(path: str) -> str:
    parts = []
    for piece in path.split("."):
        name, _, rest = piece.partition("[")
        parts.append(PLAN_FIELDS.get(name, name))
        if rest:
            parts.append(f"ردیف {to_persian_digits(str(int(rest.rstrip(']')) + 1))}")
    return "، ".join(parts)


class _Collector:
    def __init__(self, record: str) -> None:
        self.record = record
        self.problems: list[Problem] = []

    def add(self, path: str, message: str, blocking: bool = True) -> None:
        self.problems.append(Problem(path, f"«{_label(path)}» {message}", self.record, blocking))

    def date(self, path: str, value: str | None) -> dt.date | None:
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.add(path, f"تاریخ معتبری نیست: «{value}»")
            return None

    def quarter(self, path: str, value: str) -> bool:
        try:
            parse_quarter(value)
        except ValueError:
            self.add(path, f"سه‌ماهه باید مانند ۱۴۰۴-Q2 نوشته شود، نه «{value}»")
            return False
        return True

    def non_negative(self, path: str, value: float | None) -> None:
        if value is not None and value < 0:
            self.add(path, "نمی‌تواند منفی باشد")


def time_rule_message(plan: ImprovementPlan) -> str | None:
    """The Persian flag of a plan that misses the 30% cut, or None when it meets it."""
    if plan.meets_time_target:
        return None
    cut = plan.time_cut
    if cut is None:
        return ("مقدار پیش از بهبود و هدف «میانگین زمان ارائه خدمت» روشن نیست؛ کاهش دست‌کم "
                "۳۰ درصدی آن را نمی‌توان سنجید (بند ۲ ماده ۴ دستورالعمل بهبود فرایندها)")
    return (f"هدف، میانگین زمان ارائه خدمت را {format_percent(cut)} کاهش می‌دهد؛ دست‌کم "
            f"{format_percent(MIN_TIME_CUT)} لازم است "
            "(بند ۲ ماده ۴ دستورالعمل بهبود فرایندها)")


def validate_plan(plan: ImprovementPlan, record: str = "") -> list[Problem]:
    c = _Collector(record)
    if not plan.title.strip():
        c.add("title", "خالی است")
    if not plan.passport_uuid:
        c.add("passport_uuid", "برنامه باید به خدمتی وصل باشد")
    start = c.date("period_start", plan.period_start)
    end = c.date("period_end", plan.period_end)
    if start and end and end < start:
        c.add("period_end", "پیش از آغاز دوره است")
    c.date("council_date", plan.council_date)
    period = quarters_between(start, end) if start and end else None
    _indicators(c, plan, period)
    _actions(c, plan)
    _reports(c, plan, period)
    for i, v in enumerate(plan.verifications):
        c.date(f"verifications[{i}].date", v.date)
        if not v.verifier.strip():
            c.add(f"verifications[{i}].verifier", "خالی است")
    _approval(c, plan)
    return c.problems


def _indicators(c: _Collector, plan: ImprovementPlan, period: list[str] | None) -> None:
    names: set[str] = set()
    for i, ind in enumerate(plan.indicators):
        path = f"indicators[{i}]"
        if ind.kind is IndicatorKind.CUSTOM and not ind.name.strip():
            c.add(f"{path}.name", "شاخص دیگر نام لازم دارد")
        if ind.label in names:
            c.add(f"{path}.name", f"شاخص «{ind.label}» دو بار آمده است")
        names.add(ind.label)
        c.non_negative(f"{path}.before", ind.before)
        c.non_negative(f"{path}.target", ind.target)
        quarters: set[str] = set()
        for j, q in enumerate(ind.achieved):
            if c.quarter(f"{path}.achieved[{j}].quarter", q.quarter):
                if q.quarter in quarters:
                    c.add(f"{path}.achieved[{j}].quarter", "این سه‌ماهه دو بار آمده است")
                if period is not None and q.quarter not in period:
                    c.add(f"{path}.achieved[{j}].quarter", "بیرون از دوره بهبود است", blocking=False)
                quarters.add(q.quarter)
            c.non_negative(f"{path}.achieved[{j}].value", q.value)


def _actions(c: _Collector, plan: ImprovementPlan) -> None:
    ids = {a.action_id for a in plan.actions}
    for i, a in enumerate(plan.actions):
        path = f"actions[{i}]"
        if not a.title.strip():
            c.add(f"{path}.title", "خالی است")
        start = c.date(f"{path}.start", a.start)
        end = c.date(f"{path}.end", a.end)
        if start and end and end < start:
            c.add(f"{path}.end", "پیش از آغاز اقدام است")
        if not 0 <= a.percent_done <= 100:
            c.add(f"{path}.percent_done", "باید بین ۰ تا ۱۰۰ باشد")
        for dep in a.depends_on:
            if dep == a.action_id:
                c.add(f"{path}.depends_on", "اقدام نمی‌تواند پیش‌نیاز خودش باشد")
            elif dep not in ids:
                c.add(f"{path}.depends_on", f"پیش‌نیاز «{dep}» در اقدامات این برنامه نیست")
    if _has_cycle({a.action_id: a.depends_on for a in plan.actions}):
        c.add("actions", "پیش‌نیازهای اقدامات دور بسته می‌سازند")


def _has_cycle(graph: dict[str, list[str]]) -> bool:
    state: dict[str, int] = {}

    def visit(node: str) -> bool:
        if state.get(node) == 1:
            return True
        if state.get(node) == 2 or node not in graph:
            return False
        state[node] = 1
        if any(visit(dep) for dep in graph[node] if dep != node):
            return True
        state[node] = 2
        return False

    return any(visit(node) for node in graph)


def _reports(c: _Collector, plan: ImprovementPlan, period: list[str] | None) -> None:
    seen: set[str] = set()
    for i, r in enumerate(plan.reports):
        path = f"reports[{i}]"
        if c.quarter(f"{path}.quarter", r.quarter):
            if r.quarter in seen:
                c.add(f"{path}.quarter", "برای این سه‌ماهه پیش‌تر گزارش آمده است")
            if period is not None and r.quarter not in period:
                c.add(f"{path}.quarter", "بیرون از دوره بهبود است", blocking=False)
            seen.add(r.quarter)
        c.date(f"{path}.submitted_on", r.submitted_on)
        for j, ev in enumerate(r.evidence):
            if len(ev.sha256) != 64:
                c.add(f"{path}.evidence[{j}]", "چکیده SHA-256 پرونده شاهد درست نیست")


def _approval(c: _Collector, plan: ImprovementPlan) -> None:
    approving = plan.status in (PlanStatus.APPROVED, PlanStatus.IN_PROGRESS, PlanStatus.DONE)
    message = time_rule_message(plan)
    if message is not None and not plan.below_target_justification.strip():
        c.add("indicators", message + "؛ بدون ثبت توجیه، برنامه تصویب نمی‌شود", blocking=approving)
    for name in ("period_start", "period_end", "goals"):
        if not getattr(plan, name):
            c.add(name, "برای تصویب لازم است", blocking=approving)
    if approving:
        if not plan.council_number.strip():
            c.add("council_number", "برای برنامه تصویب‌شده لازم است")
        if not plan.council_date:
            c.add("council_date", "برای برنامه تصویب‌شده لازم است")


def validate_request(request: Request128, record: str = "") -> list[Problem]:
    c = _Collector(record)
    if not request.reference.strip():
        c.add("reference", "خالی است")
    if not request.subject.strip():
        c.add("subject", "خالی است")
    received = c.date("received_on", request.received_on)
    deadline = c.date("deadline", request.deadline)
    if received and deadline and deadline < received:
        c.add("deadline", "پیش از تاریخ دریافت است")
    return c.problems
