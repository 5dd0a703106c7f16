"""Plans through the services on both engines: save, audit, conflicts, approval rules,
evidence by hash, and the dashboard over a crafted data set."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest

from govsvc_desktop.bootstrap import App
from govsvc_desktop.domain.choices import Role
from govsvc_desktop.domain.errors import (
    ConflictError,
    GovsvcError,
    PermissionDenied,
    ValidationError,
)
from govsvc_desktop.domain.passport.lifecycle import Actor
from govsvc_desktop.domain.plans.model import (
    ActionStatus,
    ImprovementPlan,
    IndicatorValue,
    PlanAction,
    PlanStatus,
    ProgressReport,
    Request128,
    RequestStatus,
)
from govsvc_desktop.services.plans import PlanService
from govsvc_desktop.services.session import Session
from tests.approval_support import HEAD_NAME, trust_head
from tests.fixtures import full_passport

TODAY = dt.date(2025, 10, 2)  # 1404/07/10: the first two quarters of 1404 have ended


def _plan(app: App, title: str, before: float, target: float, status: PlanStatus = PlanStatus.DRAFT,
          reported: tuple[str, ...] = (), actions: tuple[tuple[str, str, ActionStatus], ...] = ()) -> ImprovementPlan:
    passport = full_passport(str(uuid.uuid4()))
    passport.service_id, passport.service_time = "", before  # the time before comes from here
    app.passports.save(passport)
    plan = app.plans.new_plan(passport.uuid)
    plan.title = title
    plan.period_start, plan.period_end, plan.goals = "2025-03-21", "2026-03-20", "کاهش زمان"
    time = plan.time_indicator
    assert time is not None
    time.before, time.target = before, target
    plan.actions = [PlanAction(action_id=f"a{i}", title=t, start="2025-04-01", end=end, status=s)
                    for i, (t, end, s) in enumerate(actions)]
    plan.reports = [ProgressReport(quarter=q, submitted_on="2025-07-01",
                                   values=[IndicatorValue(time.label, target)]) for q in reported]
    saved = app.plans.save(plan)
    if status is not PlanStatus.DRAFT:
        saved.council_number, saved.council_date = "۱۲/۳۴", "2025-03-01"
        saved.status = PlanStatus.APPROVED
        saved = app.plans.save(saved, trust_head().identity)
    if status is PlanStatus.IN_PROGRESS:
        saved = app.plans.set_status(saved.uuid, status)
    return saved


def test_dashboard_lists_exactly_the_crafted_items(app: App) -> None:
    on_time = _plan(app, "برنامه به‌روز", 10, 6, PlanStatus.IN_PROGRESS, ("1404-Q1", "1404-Q2"),
                    (("استقرار سامانه", "2025-12-01", ActionStatus.IN_PROGRESS),
                     ("آموزش", "2025-05-01", ActionStatus.DONE)))
    late = _plan(app, "برنامه عقب‌افتاده", 10, 5, PlanStatus.IN_PROGRESS, ("1404-Q1",),
                 (("حذف استعلام", "2025-09-30", ActionStatus.IN_PROGRESS),))
    low = _plan(app, "برنامه کم‌هدف", 10, 8)
    app.plans.save_request(Request128(reference="128-1", subject="تأخیر", received_on="2025-09-01",
                                      deadline="2025-09-15", plan_uuid=late.uuid))
    app.plans.save_request(Request128(reference="128-2", subject="تأخیر", received_on="2025-09-01",
                                      deadline="2025-09-15", status=RequestStatus.RESOLVED,
                                      response="رسیدگی شد"))
    app.plans.save_request(Request128(reference="128-3", subject="تأخیر", received_on="2025-09-20",
                                      deadline="2025-10-10"))
    board = app.plans.dashboard(TODAY)
    found = sorted((i.kind, i.title) for i in board.items)
    assert found == sorted([
        ("missing_report", late.title),
        ("below_target", low.title),
        ("overdue_action", late.title),
        ("overdue_request", "128-1 — تأخیر"),
    ])
    assert on_time.uuid not in {i.record_uuid for i in board.items}


def test_save_audits_and_refuses_a_stale_copy(app: App) -> None:
    plan = _plan(app, "برنامه", 10, 6)
    first = app.plans.get(plan.uuid)
    second = app.plans.get(plan.uuid)
    first.goals = "هدف تازه"
    app.plans.save(first)
    second.goals = "هدف دیگر"
    with pytest.raises(ConflictError):
        app.plans.save(second)
    history = app.plans.history(plan.uuid)
    assert any(getattr(e, "field_path", "") == "goals" for e in history)


def test_approval_needs_the_council_the_thirty_percent_rule_and_the_head(app: App) -> None:
    plan = _plan(app, "برنامه", 10, 8)
    plan.status = PlanStatus.APPROVED
    with pytest.raises(ValidationError) as caught:
        app.plans.save(plan)
    paths = {p.field_path for p in caught.value.problems}
    assert {"indicators", "council_number", "council_date"} <= paths
    plan.council_number, plan.council_date = "۵/۱۲", "2025-03-10"
    plan.below_target_justification = "بازدید میدانی قانوناً لازم است"
    with pytest.raises(ValidationError):
        app.plans.save(plan)  # an explanation is no exemption from the 30% rule
    plan.standard_time_reference = "نامه ۴۵۶ سازمان: زمان استاندارد تأیید شد"
    preparer = PlanService(app.plans.uow_factory, Session(app.settings, Actor("تهیه‌کننده", frozenset({Role.PREPARER}))))
    with pytest.raises(PermissionDenied):
        preparer.save(plan, trust_head().identity)
    with pytest.raises(GovsvcError, match="امضای رئیس دستگاه"):
        app.plans.save(plan)
    approved = app.plans.save(plan, trust_head().identity)
    assert approved.status is PlanStatus.APPROVED and approved.approved_by == HEAD_NAME
    assert app.plans.approval(approved).ok
    # reports after approval leave it intact; a new target breaks it
    approved.reports = [ProgressReport(quarter="1404-Q1")]
    reported = app.plans.save(approved)
    assert app.plans.approval(reported).ok
    time = reported.time_indicator
    assert time is not None
    time.target = 1
    with pytest.raises(PermissionDenied):
        app.plans.save(reported)


def test_evidence_is_kept_by_hash_and_checked(app: App, tmp_path: Path) -> None:
    file = tmp_path / "شواهد.pdf"
    file.write_bytes(b"%PDF-1.4 evidence")
    evidence = app.plans.add_evidence(file, "صورتجلسه")
    assert evidence.size == 17 and evidence.media_type == "application/pdf"
    assert app.plans.evidence_bytes(evidence) == b"%PDF-1.4 evidence"
    evidence.sha256 = "0" * 64
    with pytest.raises(GovsvcError):
        app.plans.evidence_bytes(evidence)
    with pytest.raises(GovsvcError, match="خوانده نمی‌شود"):
        app.plans.add_evidence(tmp_path / "missing.pdf")
