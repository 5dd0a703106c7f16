"""Improvement plans: the 30% rule at its edges, Jalali quarters, overdue items, validation."""

from __future__ import annotations

import datetime as dt

import pytest

from govsvc_desktop.domain.choices import TimeUnit
from govsvc_desktop.domain.plans.dashboard import ActionRow, PlanRow, RequestRow, build_dashboard
from govsvc_desktop.domain.plans.model import (
    ActionStatus,
    ImprovementPlan,
    Indicator,
    IndicatorKind,
    PlanAction,
    PlanStatus,
    ProgressReport,
    QuarterValue,
    Request128,
    RequestStatus,
)
from govsvc_desktop.domain.plans.quarters import (
    finished_quarters,
    parse_quarter,
    quarter_bounds,
    quarter_label_fa,
    quarter_of,
    quarters_between,
)
from govsvc_desktop.domain.plans.validation import (
    time_rule_message,
    validate_plan,
    validate_request,
)


def plan_with_time(before: float, target: float, before_unit: TimeUnit = TimeUnit.WORKING_DAY,
                   target_unit: TimeUnit = TimeUnit.WORKING_DAY) -> ImprovementPlan:
    plan = ImprovementPlan(title="کاهش زمان صدور پروانه", passport_uuid="p-1")
    time = plan.time_indicator
    assert time is not None
    time.before, time.target = before, target
    time.before_time_unit, time.target_time_unit = before_unit, target_unit
    return plan


@pytest.mark.parametrize(("before", "target", "meets"), [
    (1000, 701, False),   # 29.9%
    (1000, 700, True),    # exactly 30%
    (10, 7, True),        # 30% with a float artefact (0.30000000000000004 or 0.2999…)
    (100, 70.01, False),
    (100, 0, True),
    (0, 0, False),        # nothing to cut: cannot be judged
])
def test_thirty_percent_rule_at_its_edges(before: float, target: float, meets: bool) -> None:
    plan = plan_with_time(before, target)
    assert plan.meets_time_target is meets
    assert (time_rule_message(plan) is None) is meets


def test_thirty_percent_rule_converts_time_units() -> None:
    # 2 working days = 960 minutes; 11 hours = 660 minutes: a 31.25% cut
    assert plan_with_time(2, 11, TimeUnit.WORKING_DAY, TimeUnit.HOUR).meets_time_target
    # 2 working days → 12 hours (720 minutes) is a 25% cut
    plan = plan_with_time(2, 12, TimeUnit.WORKING_DAY, TimeUnit.HOUR)
    assert not plan.meets_time_target
    assert "۲۵٪" in (time_rule_message(plan) or "")  # the same percent format as every PDF
    # a week of calendar days → 5 days is a 28.6% cut, not enough
    assert not plan_with_time(1, 5, TimeUnit.WEEK, TimeUnit.DAY).meets_time_target


def test_thirty_percent_rule_refuses_mixed_clocks() -> None:
    # 10 days → 7 working days would score a 76.7% cut by minutes; the clocks differ
    plan = plan_with_time(10, 7, TimeUnit.DAY, TimeUnit.WORKING_DAY)
    assert plan.time_cut is None and not plan.meets_time_target
    assert "یک واحد" in (time_rule_message(plan) or "")
    assert plan_with_time(10, 7, TimeUnit.DAY, TimeUnit.DAY).meets_time_target


def test_a_finished_plan_is_judged_on_what_it_achieved() -> None:
    plan = plan_with_time(10, 5)
    plan.status = PlanStatus.DONE
    time = plan.time_indicator
    assert time is not None
    assert not plan.meets_time_target, "no achieved value yet"
    time.achieved = [QuarterValue("1404-Q1", 9), QuarterValue("1404-Q2", 10)]
    assert plan.time_cut == 0 and not plan.meets_time_target
    time.achieved.append(QuarterValue("1404-Q3", 7))
    assert plan.meets_time_target
    plan.status = PlanStatus.IN_PROGRESS
    time.target = 8
    assert not plan.meets_time_target, "an open plan is judged on its target"


def test_a_plan_below_thirty_percent_is_approved_only_under_note_5() -> None:
    plan = plan_with_time(10, 8)
    plan.period_start, plan.period_end, plan.goals = "2025-03-21", "2026-03-20", "کاهش زمان"
    draft_problems = validate_plan(plan)
    flagged = [p for p in draft_problems if p.field_path == "indicators"]
    assert flagged and not flagged[0].blocking, "a draft may be saved while below 30%"
    plan.status = PlanStatus.APPROVED
    plan.council_number, plan.council_date = "۱۲/۴۵۶", "2025-04-01"
    assert [p.field_path for p in validate_plan(plan) if p.blocking] == ["indicators"]
    plan.below_target_justification = "قانون، بازدید میدانی را الزامی کرده است"
    assert [p.field_path for p in validate_plan(plan) if p.blocking] == ["indicators"], \
        "a justification is no exemption"
    plan.standard_time_reference = "نامه ۱۲۳۴ سازمان اداری و استخدامی"
    assert [p for p in validate_plan(plan) if p.blocking] == []


def test_jalali_quarters() -> None:
    assert quarter_of(dt.date(2025, 3, 21)) == "1404-Q1"  # 1 Farvardin 1404
    assert quarter_of(dt.date(2025, 6, 21)) == "1404-Q1"  # 31 Khordad
    assert quarter_of(dt.date(2025, 6, 22)) == "1404-Q2"  # 1 Tir
    assert quarter_of(dt.date(2026, 3, 20)) == "1404-Q4"  # 29 Esfand 1404
    assert quarter_bounds("1404-Q2") == (dt.date(2025, 6, 22), dt.date(2025, 9, 22))
    assert quarter_bounds("1403-Q4") == (dt.date(2024, 12, 21), dt.date(2025, 3, 20))  # leap Esfand
    assert parse_quarter("۱۴۰۴-Q۳") == (1404, 3)
    with pytest.raises(ValueError):
        parse_quarter("1404-Q5")
    assert quarters_between(dt.date(2025, 1, 1), dt.date(2025, 12, 31)) == [
        "1403-Q4", "1404-Q1", "1404-Q2", "1404-Q3", "1404-Q4"]
    assert finished_quarters(dt.date(2025, 3, 21), dt.date(2026, 3, 20), dt.date(2025, 9, 23)) == [
        "1404-Q1", "1404-Q2"]
    assert finished_quarters(dt.date(2025, 3, 21), dt.date(2026, 3, 20), dt.date(2025, 9, 22)) == [
        "1404-Q1"], "a quarter is finished only after its last day"
    assert quarter_label_fa("1404-Q2") == "سه‌ماهه دوم ۱۴۰۴"


def test_actions_dependencies_and_dates_are_checked() -> None:
    plan = ImprovementPlan(title="برنامه", passport_uuid="p")
    a = PlanAction(action_id="a", title="الف", start="2025-05-01", end="2025-04-01", percent_done=120)
    b = PlanAction(action_id="b", title="ب", depends_on=["c", "zzz"])
    c = PlanAction(action_id="c", title="ج", depends_on=["b"])
    plan.actions = [a, b, c]
    paths = {p.field_path for p in validate_plan(plan) if p.blocking}
    assert {"actions[0].end", "actions[0].percent_done", "actions[1].depends_on", "actions"} <= paths
    today = dt.date(2025, 6, 1)
    assert [x.action_id for x in plan.overdue_actions(today)] == ["a"]
    a.status = ActionStatus.DONE
    assert plan.overdue_actions(today) == []


def test_reports_quarters_are_unique_and_well_formed() -> None:
    plan = ImprovementPlan(title="برنامه", passport_uuid="p", period_start="2025-03-21",
                           period_end="2025-09-22")
    plan.reports = [ProgressReport("1404-Q1"), ProgressReport("1404-Q1"), ProgressReport("Q9"),
                    ProgressReport("1405-Q1")]
    problems = {(p.field_path, p.blocking) for p in validate_plan(plan)}
    assert ("reports[1].quarter", True) in problems
    assert ("reports[2].quarter", True) in problems
    assert ("reports[3].quarter", False) in problems


def test_request_128_overdue_and_validation() -> None:
    r = Request128(reference="128-4521", subject="تأخیر در صدور پروانه", received_on="2025-05-01",
                   deadline="2025-05-10")
    assert r.is_overdue(dt.date(2025, 5, 11)) and not r.is_overdue(dt.date(2025, 5, 10))
    r.status = RequestStatus.RESOLVED
    assert not r.is_overdue(dt.date(2026, 1, 1))
    r.deadline = "2025-04-01"
    assert [p.field_path for p in validate_request(r)] == ["deadline", "response"]
    r.response = "فرایند اصلاح شد"
    assert [p.field_path for p in validate_request(r)] == ["deadline"]


@pytest.mark.parametrize(("status", "response", "deadline", "paths"), [
    (RequestStatus.RECEIVED, "", None, ["deadline"]),
    (RequestStatus.RECEIVED, "", "2025-05-10", []),
    (RequestStatus.IN_PROGRESS, "", "2025-05-10", []),
    (RequestStatus.RESOLVED, " ", "2025-05-10", ["response"]),
    (RequestStatus.CLOSED, "", "2025-05-10", ["response"]),
    (RequestStatus.CLOSED, "پاسخ داده شد", "2025-05-10", []),
])
def test_request_128_needs_a_deadline_and_an_answer_to_close(
        status: RequestStatus, response: str, deadline: str | None, paths: list[str]) -> None:
    r = Request128(reference="128-1", subject="تأخیر", received_on="2025-05-01",
                   deadline=deadline, status=status, response=response)
    assert [p.field_path for p in validate_request(r) if p.blocking] == paths


def test_dashboard_lists_exactly_what_needs_attention() -> None:
    today = dt.date(2025, 10, 1)  # 1404-Q1 and Q2 have ended
    year = ("2025-03-21", "2026-03-20")
    plans = [
        PlanRow("p1", "کامل", PlanStatus.IN_PROGRESS, *year, True, False, frozenset({"1404-Q1", "1404-Q2"})),
        PlanRow("p2", "بی‌گزارش", PlanStatus.IN_PROGRESS, *year, True, False, frozenset({"1404-Q1"})),
        PlanRow("p3", "کم‌هدف", PlanStatus.DRAFT, *year, False, False, frozenset()),
        PlanRow("p4", "کم‌هدف با توجیه", PlanStatus.DRAFT, *year, False, True, frozenset()),
        PlanRow("p5", "لغوشده", PlanStatus.CANCELLED, *year, False, False, frozenset()),
    ]
    actions = [
        ActionRow("p1", "کامل", "استقرار سامانه", "2025-09-30", ActionStatus.IN_PROGRESS),
        ActionRow("p1", "کامل", "آموزش", "2025-09-30", ActionStatus.DONE),
        ActionRow("p2", "بی‌گزارش", "حذف استعلام", "2025-10-01", ActionStatus.NOT_STARTED),
    ]
    requests = [
        RequestRow("r1", "128-1", "شکایت", "2025-09-01", RequestStatus.IN_PROGRESS),
        RequestRow("r2", "128-2", "شکایت", "2025-09-01", RequestStatus.RESOLVED),
        RequestRow("r3", "128-3", "شکایت", "2025-10-05", RequestStatus.RECEIVED),
    ]
    board = build_dashboard(plans, actions, requests, today)
    assert [(i.kind, i.record_uuid) for i in board.items] == [
        ("missing_report", "p2"),
        ("below_target", "p3"),
        ("overdue_action", "p1"),
        ("overdue_request", "r1"),
    ]
    assert "سه‌ماهه دوم ۱۴۰۴" in board.of("missing_report")[0].detail
    assert board.counts() == {"below_target": 1, "missing_report": 1, "overdue_action": 1,
                              "overdue_request": 1}


def test_new_plans_start_with_the_standard_indicators() -> None:
    kinds = [i.kind for i in ImprovementPlan().indicators]
    assert kinds == [IndicatorKind.SERVICE_TIME, IndicatorKind.COST, IndicatorKind.INQUIRIES,
                     IndicatorKind.DOCUMENTS, IndicatorKind.FORMS, IndicatorKind.DATA_ITEMS]
    custom = Indicator(kind=IndicatorKind.CUSTOM, name="", unit="درصد")
    plan = ImprovementPlan(title="x", passport_uuid="p", indicators=[custom])
    assert "indicators[0].name" in {p.field_path for p in validate_plan(plan)}
