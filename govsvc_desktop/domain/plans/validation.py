"""Every rule an improvement plan and a 128 request must meet, in one place.

As for passports, ``blocking`` problems stop any save; the rest stop approval only. The 30%
rule of seed 002 Art. 4-2 is one of the latter: a plan whose target (or, once finished, whose
achieved value) does not cut average service time by 30% cannot be approved or closed unless
the Organisation approved the process's standard time (note 5, the only exemption the seed
gives). The rules are catalogued in docs/rules.md under their PL- and RQ- identifiers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from govsvc_desktop.domain.choices import Role, TimeUnit
from govsvc_desktop.domain.codec import to_dict
from govsvc_desktop.domain.diff import changes
from govsvc_desktop.domain.errors import Problem
from govsvc_desktop.domain.persian import format_percent, to_persian_digits
from govsvc_desktop.domain.plans.model import (
    CLOSED_REQUEST_STATUSES,
    MIN_TIME_CUT,
    ImprovementPlan,
    IndicatorKind,
    PlanStatus,
    Request128,
)
from govsvc_desktop.domain.plans.quarters import parse_quarter, quarters_between

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
    "below_target_justification": "توضیح کاهش کمتر از ۳۰ درصد",
    "standard_time_reference": "شماره تأیید زمان استاندارد از سوی سازمان (تبصره ۵)",
    "organisation_approved_on": "تاریخ تأیید برنامه از سوی سازمان",
    "slice_approved_on": "تاریخ تصویب برش استانی",
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
    "response": "پاسخ رسیدگی",
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
    """PL-01 (seed 002 Art. 4-2, note 5): the Persian flag of a plan that misses the 30% cut
    (on its target, or on its achieved value once finished), or None when it meets it or the
    Organisation approved the process's standard time."""
    if plan.meets_time_target or plan.exempt_from_time_cut:
        return None
    indicator = plan.time_indicator
    if indicator is not None and not indicator.units_agree:
        return ("مقدار پیش و پس از بهبود «میانگین زمان ارائه خدمت» به یک واحد نیست "
                f"({indicator.before_time_unit.label_fa} و {indicator.target_time_unit.label_fa})؛ "
                "کاهش را فقط با یک واحد می‌توان سنجید (بند ۲ ماده ۴ مصوبه بهبود فرایندها)")
    cut = plan.time_cut
    if cut is None:
        what = "مقدار محقق‌شده" if plan.judged_on_achieved else "هدف"
        return (f"مقدار پیش از بهبود و {what} «میانگین زمان ارائه خدمت» روشن نیست؛ کاهش دست‌کم "
                "۳۰ درصدی آن را نمی‌توان سنجید (بند ۲ ماده ۴ مصوبه بهبود فرایندها)")
    what = "مقدار محقق‌شده" if plan.judged_on_achieved else "هدف"
    return (f"{what}، میانگین زمان ارائه خدمت را {format_percent(cut)} کاهش می‌دهد؛ دست‌کم "
            f"{format_percent(MIN_TIME_CUT)} لازم است، مگر زمان "
            "استاندارد فرایند به تأیید سازمان رسیده باشد (بند ۲ ماده ۴ و تبصره ۵ مصوبه بهبود فرایندها)")


def before_from_passport(plan: ImprovementPlan, service_time: float | None, unit: TimeUnit) -> None:
    """PL-03 (seed 002 Art. 4-2, «اعلام شده در سامانه»): the time before improvement is the
    average service time the passport declares, in its unit; the target follows that unit.
    Once the plan is approved, its value before stays what the council approved."""
    indicator = plan.time_indicator
    if indicator is None or service_time is None or plan.status is not PlanStatus.DRAFT:
        return
    indicator.before, indicator.before_time_unit = service_time, unit
    indicator.target_time_unit = unit


def before_matches_passport(plan: ImprovementPlan, service_time: float | None,
                            unit: TimeUnit) -> list[Problem]:
    """PL-03: a plan whose service's passport declares no time cannot be judged by the rule."""
    if plan.time_indicator is None or not plan.passport_uuid or plan.status is not PlanStatus.DRAFT:
        return []
    if service_time is None:
        return [Problem("indicators", f"«{_label('indicators')}» شناسنامه خدمت، میانگین زمان "
                        "ارائه خدمت را اعلام نکرده است؛ مقدار پیش از بهبود از همان‌جا می‌آید "
                        "(بند ۲ ماده ۴ مصوبه بهبود فرایندها)", blocking=False)]
    indicator = plan.time_indicator
    if indicator.before != service_time or indicator.before_time_unit is not unit:
        return [Problem("indicators", f"«{_label('indicators')}» مقدار پیش از بهبود باید همان "
                        "زمان اعلام‌شده در شناسنامه خدمت باشد", blocking=False)]
    return []


# What the council approved: changing it after approval is for the roles that approve.
_APPROVED_CONTENT = ("title", "period_start", "period_end", "goals", "approaches", "council_number",
                     "council_date", "pilot_province", "standard_time_reference", "passport_uuid")
_APPROVED_INDICATOR_PARTS = ("kind", "name", "unit", "before", "target", "before_time_unit",
                             "target_time_unit")
_APPROVED_ACTION_PARTS = ("title", "responsible_unit", "start", "end", "depends_on")
PLAN_EDITORS = frozenset({Role.HEAD, Role.ADMIN})
APPROVED_PLAN_STATUSES = frozenset({PlanStatus.APPROVED, PlanStatus.IN_PROGRESS, PlanStatus.DONE})


def approved_content_changes(old: ImprovementPlan, new: ImprovementPlan) -> list[str]:
    """Paths of what the council approved that ``new`` changes; progress (reports, achieved
    values, action status, verifications) is not approved content."""
    found = []
    for path, _, _ in changes(to_dict(old), to_dict(new)):
        head = path.split("[")[0].split(".")[0]
        tail = path.rsplit(".", 1)[-1]
        if head in _APPROVED_CONTENT:
            found.append(path)
        elif head == "indicators" and (tail in _APPROVED_INDICATOR_PARTS or path == head
                                       or "." not in path):
            found.append(path)
        elif head == "actions" and (tail in _APPROVED_ACTION_PARTS or "." not in path):
            found.append(path)
    return found


def approved_plan_edit(old: ImprovementPlan, new: ImprovementPlan,
                       roles: Iterable[Role]) -> list[Problem]:
    """PL-05 (seed 001 Art. 5; seed 000 Art. 11): what the steering council approved is
    changed only by the head of the agency (or the administrator acting for the system)."""
    if old.status not in APPROVED_PLAN_STATUSES or PLAN_EDITORS & set(roles):
        return []
    changed = approved_content_changes(old, new)
    if not changed:
        return []
    fields = "، ".join(dict.fromkeys(_label(p.split("[")[0]) for p in changed))
    return [Problem(changed[0], f"برنامه «{old.status.label_fa}» است؛ تغییر محتوای مصوب ({fields}) "
                    "فقط از عهده رئیس دستگاه برمی‌آید (ماده ۵ الزامات چرخه هوشمندسازی)")]


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
    if message is not None:
        # a finished plan is judged on what it achieved: flagged on the dashboard, since what
        # is done cannot be undone by refusing to save its evidence
        c.add("indicators", message, blocking=approving and not plan.judged_on_achieved)
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
    c.problems += request_rules(request)
    return c.problems


def request_rules(request: Request128) -> list[Problem]:
    """RQ-01, RQ-02 (seed 001 Art. 7): a referred request is handled within the deadline the
    Organisation set, so it has one; it is closed only with the answer given."""
    found = []
    if not request.deadline:
        found.append(Problem("deadline", f"«{_label('deadline')}» خالی است؛ هر درخواست ارجاعی "
                             "۱۲۸ در مهلتی که سازمان اعلام کرده رسیدگی می‌شود (ماده ۷ الزامات "
                             "چرخه هوشمندسازی)"))
    if request.status in CLOSED_REQUEST_STATUSES and not request.response.strip():
        found.append(Problem("response", f"«{_label('response')}» خالی است؛ درخواست بدون پاسخ "
                             f"«{request.status.label_fa}» نمی‌شود"))
    return found
