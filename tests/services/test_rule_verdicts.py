"""The smaller faults mended, through the services on a real database: the reviewer's comment
kept, the renewed edition's age, the still-valid edition published until its successor is
approved, approved plans changed only by the approving roles, the time before improvement from
the passport, quarterly rows that count."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from govsvc_desktop.bootstrap import App
from govsvc_desktop.domain.choices import ElectronicMethod, Role, Status, TimeUnit
from govsvc_desktop.domain.errors import GovsvcError, PermissionDenied
from govsvc_desktop.domain.passport.lifecycle import Action, Actor
from govsvc_desktop.domain.passport.model import StageElectronic
from govsvc_desktop.domain.plans.model import (
    IndicatorValue,
    PlanStatus,
    ProgressReport,
    report_counts,
)
from govsvc_desktop.services.plans import PlanService
from govsvc_desktop.services.session import Session
from tests.approval_support import approve, trust_head
from tests.fixtures import full_passport


def test_the_reviewers_comment_is_kept_when_sent_back(app: App) -> None:
    p = app.passports.save(full_passport()).passport
    app.passports.transition(p.uuid, Action.SUBMIT_REVIEW)
    with pytest.raises(GovsvcError, match="نظر بررسی‌کننده"):
        app.passports.transition(p.uuid, Action.SEND_BACK)
    back = app.passports.transition(p.uuid, Action.SEND_BACK, "شرح خدمت کامل نیست")
    assert back.status is Status.DRAFT and back.review_comment == "شرح خدمت کامل نیست"
    edited = app.passports.get(p.uuid)
    edited.description += " (کامل شد)"
    saved = app.passports.save(edited).passport
    assert saved.review_comment == "شرح خدمت کامل نیست", "the editor cannot erase it"
    again = app.passports.transition(p.uuid, Action.SUBMIT_REVIEW)
    assert again.review_comment == ""


def test_early_renewal_keeps_the_valid_edition_published_and_counts_age_from_renewal(app: App) -> None:
    p = dataclasses.replace(full_passport(), electronic_method=ElectronicMethod.ONLINE,
                            stages_electronic=StageElectronic(True, True, True),
                            electronic_target_date=None, exemption_approved=False)
    for inquiry in p.inquiries:
        inquiry.electronic = True
    p = app.passports.save(p).passport
    approve(app, p.uuid)
    assert app.lists.lists().counts["electronic"] == 1
    renewed = app.passports.renew(p.uuid)
    assert renewed.created_at[:10] == app.passports.today().isoformat()
    lists = app.lists.lists()
    assert [s.title for s in lists.electronic] == [p.title], "the approved edition stays published"
    report = app.compliance.report(app.passports.today() + dt.timedelta(days=20))
    assert not [i for i in report.items if i.record_uuid == p.uuid and i.kind.value == "old_draft"]
    after_a_year = app.passports.today() + dt.timedelta(days=400)
    assert app.lists.lists(today=after_a_year).counts["electronic"] == 0


def _approved_plan(app: App) -> tuple[str, str]:
    passport = dataclasses.replace(full_passport(), service_time=20.0,
                                   service_time_unit=TimeUnit.WORKING_DAY)
    app.passports.save(passport)
    plan = app.plans.new_plan(passport.uuid)
    plan.period_start, plan.period_end, plan.goals = "2025-03-21", "2026-03-20", "کاهش زمان"
    time = plan.time_indicator
    assert time is not None
    time.before, time.target = 99.0, 12.0  # typed freely: the passport's 20 working days win
    saved = app.plans.save(plan)
    assert saved.time_indicator is not None and saved.time_indicator.before == 20.0
    saved.council_number, saved.council_date, saved.status = "۱۲/۳۴", "2025-03-01", PlanStatus.APPROVED
    return passport.uuid, app.plans.save(saved, trust_head().identity).uuid


def test_approved_plans_change_only_by_the_approving_roles(app: App) -> None:
    _, uuid = _approved_plan(app)
    preparer = PlanService(app.plans.uow_factory,
                           Session(app.settings, Actor("تهیه‌کننده", frozenset({Role.PREPARER}))))
    plan = preparer.get(uuid)
    plan.goals = "هدف دیگر"
    with pytest.raises(PermissionDenied, match="رئیس دستگاه"):
        preparer.save(plan)
    plan = preparer.get(uuid)
    time = plan.time_indicator
    assert time is not None
    plan.reports.append(ProgressReport("1404-Q1", submitted_on="2025-07-01",
                                       values=[IndicatorValue(time.label, 15.0)]))
    plan.actions = plan.actions  # progress is open to the preparer
    assert len(preparer.save(plan).reports) == 1
    head = preparer.get(uuid)
    head.goals = "هدف دیگر"
    with pytest.raises(PermissionDenied, match="تصویب"):  # approved content: reopened, not edited
        app.plans.save(head)


def test_a_quarterly_row_counts_only_with_a_date_and_something_reported() -> None:
    assert not report_counts(ProgressReport("1404-Q1"))
    assert not report_counts(ProgressReport("1404-Q1", narrative="متن", submitted_on="2025-07-01"))
    assert not report_counts(ProgressReport("1404-Q1", values=[IndicatorValue("زمان", 3.0)]))
    assert not report_counts(ProgressReport("1404-Q1", submitted_on="2025-07-01",
                                            values=[IndicatorValue("زمان", None)]))
    assert report_counts(ProgressReport("1404-Q1", submitted_on="2025-07-01",
                                        values=[IndicatorValue("زمان", 3.0)]))
