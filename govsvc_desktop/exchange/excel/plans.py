"""Improvement plans in the passport workbook: four sheets for reading (plans, indicators,
actions, quarterly reports), keyed by the plan's UUID and its passport's record key. They are
written by the template and the export; the import reads passports only and passes over them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from govsvc_desktop.domain.choices import TimeUnit
from govsvc_desktop.domain.persian import format_number
from govsvc_desktop.domain.plans.model import ActionStatus, ImprovementPlan, PlanStatus
from govsvc_desktop.domain.plans.quarters import quarter_label_fa
from govsvc_desktop.domain.plans.validation import PLAN_FIELDS
from govsvc_desktop.exchange.excel.layout import KEY_HEADER, Column, Kind, SheetSpec

PLAN_KEY = "شناسه برنامه"


def _c(field: str, header: str, kind: Kind = Kind.TEXT, choice: Any = None) -> Column:
    return Column(field, header, kind, choice=choice, note=f"{header}\nبرای خواندن؛ هنگام ورود از Excel خوانده نمی‌شود.")


def _cut(value: float | None) -> float | None:
    return None if value is None else round(value * 100, 1)


PLAN_SHEETS: tuple[tuple[SheetSpec, Callable[[ImprovementPlan], list[list[Any]]]], ...] = (
    (SheetSpec("برنامه‌های بهبود", "plans", None, (
        _c("uuid", PLAN_KEY, Kind.KEY), _c("passport_uuid", KEY_HEADER, Kind.KEY),
        _c("service_id", PLAN_FIELDS["service_id"]), _c("title", PLAN_FIELDS["title"]),
        _c("period_start", PLAN_FIELDS["period_start"], Kind.DATE),
        _c("period_end", PLAN_FIELDS["period_end"], Kind.DATE), _c("goals", PLAN_FIELDS["goals"]),
        _c("approaches", PLAN_FIELDS["approaches"]),
        _c("council_number", PLAN_FIELDS["council_number"]),
        _c("council_date", PLAN_FIELDS["council_date"], Kind.DATE),
        _c("pilot_province", PLAN_FIELDS["pilot_province"]),
        _c("status", PLAN_FIELDS["status"], Kind.CHOICE, PlanStatus),
        _c("time_cut", "کاهش میانگین زمان (درصد)", Kind.NUMBER),
        _c("below_target_justification", PLAN_FIELDS["below_target_justification"]),
    )), lambda p: [[
        p.uuid, p.passport_uuid, p.service_id, p.title, p.period_start, p.period_end, p.goals,
        "، ".join(a.label_fa for a in p.approaches), p.council_number, p.council_date,
        p.pilot_province, p.status, _cut(p.time_cut), p.below_target_justification]]),
    (SheetSpec("شاخص‌های بهبود", "indicators", None, (
        _c("plan", PLAN_KEY, Kind.KEY), _c("name", "شاخص"), _c("unit", PLAN_FIELDS["unit"]),
        _c("before", PLAN_FIELDS["before"], Kind.NUMBER), _c("target", PLAN_FIELDS["target"], Kind.NUMBER),
        _c("before_time_unit", "واحد زمان پیش از بهبود", Kind.CHOICE, TimeUnit),
        _c("target_time_unit", "واحد زمان هدف", Kind.CHOICE, TimeUnit),
        _c("cut", "کاهش (درصد)", Kind.NUMBER), _c("achieved", PLAN_FIELDS["achieved"]),
    )), lambda p: [[
        p.uuid, i.label, i.unit, i.before, i.target,
        i.before_time_unit if i.time_unit_applies else None,
        i.target_time_unit if i.time_unit_applies else None, _cut(i.planned_cut),
        "؛ ".join(f"{quarter_label_fa(q.quarter)}: {format_number(q.value)}" for q in i.achieved
                  if q.value is not None)] for i in p.indicators]),
    (SheetSpec("اقدامات بهبود", "actions", None, (
        _c("plan", PLAN_KEY, Kind.KEY), _c("action_id", "شناسه اقدام"), _c("title", "اقدام"),
        _c("responsible_unit", "واحد مسئول"), _c("start", PLAN_FIELDS["start"], Kind.DATE),
        _c("end", PLAN_FIELDS["end"], Kind.DATE), _c("status", "وضعیت", Kind.CHOICE, ActionStatus),
        _c("percent_done", PLAN_FIELDS["percent_done"], Kind.INT),
        _c("depends_on", PLAN_FIELDS["depends_on"]),
    )), lambda p: [[
        p.uuid, a.action_id, a.title, a.responsible_unit, a.start, a.end, a.status, a.percent_done,
        "، ".join(a.depends_on)] for a in p.actions]),
    (SheetSpec("گزارش‌های سه‌ماهه", "reports", None, (
        _c("plan", PLAN_KEY, Kind.KEY), _c("quarter", PLAN_FIELDS["quarter"]),
        _c("narrative", "شرح پیشرفت"), _c("values", "مقادیر شاخص‌ها"), _c("challenges", "چالش‌ها"),
        _c("remedies", "راهکارها"), _c("submitted_on", PLAN_FIELDS["submitted_on"], Kind.DATE),
        _c("evidence", "شواهد (نام و چکیده SHA-256)"),
    )), lambda p: [[
        p.uuid, quarter_label_fa(r.quarter), r.narrative,
        "؛ ".join(f"{v.indicator}: {format_number(v.value)}" for v in r.values),
        r.challenges, r.remedies, r.submitted_on,
        "؛ ".join(f"{e.file_name} ({e.sha256})" for e in r.evidence)] for r in p.reports]),
)

PLAN_SHEET_NAMES = frozenset(spec.name for spec, _ in PLAN_SHEETS)
