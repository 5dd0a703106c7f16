"""The compliance rules on facts with known violations produce exactly those items."""

from __future__ import annotations

import datetime as dt

from govsvc_desktop.domain.agency.compliance import (
    ComplianceKind,
    ExpectedService,
    PassportFacts,
    PlanFacts,
    StepFacts,
    build_compliance,
)
from govsvc_desktop.domain.agency.licences import LicenceEntry, ServiceRef, check_licences

TODAY = dt.date(2026, 11, 25)


def facts(uuid: str, **kw: object) -> PassportFacts:
    values: dict[str, object] = dict(
        uuid=uuid, kind="service", service_id="", title=uuid, status="approved",
        created_at="2026-11-01T00:00:00", valid_until="2027-06-01", is_electronic=True,
        electronic_target_date=None, exemption_approved=False, approval_gaps="")
    values.update(kw)
    return PassportFacts(**values)  # type: ignore[arg-type]


def test_each_rule_at_its_edge() -> None:
    passports = [
        facts("fine", service_id="10000001"),
        facts("draft-31", status="draft", valid_until=None, created_at="2026-10-25T10:00:00"),
        facts("draft-30", status="draft", valid_until=None, created_at="2026-10-26T10:00:00"),
        facts("expired", valid_until="2026-11-24"),
        facts("expires-today", valid_until="2026-11-25"),
        facts("expires-in-31", valid_until="2026-12-26"),
        facts("gaps", status="reviewed", valid_until=None, approval_gaps="description;channels;channels[0].kind"),
        facts("gaps-approved", approval_gaps="description"),
        facts("late", is_electronic=False, electronic_target_date="2026-11-24"),
        facts("due-today", is_electronic=False, electronic_target_date="2026-11-25"),
        facts("exempt", is_electronic=False, electronic_target_date="2020-01-01", exemption_approved=True),
        facts("task-late", kind="task", is_electronic=False, electronic_target_date="2020-01-01"),
    ]
    expected = [ExpectedService("10000001", "مجوز", "licence", "l1"),
                ExpectedService("10000002", "مجوز", "licence", "l2"),
                ExpectedService("10000002", "برنامه", "plan", "p9")]
    licences = check_licences([LicenceEntry(uuid="l3", code="LP-3", title="بی‌خدمت")],
                              [ServiceRef("fine", "10000001", "fine")])
    plans = [PlanFacts("p1", "زیر هدف", "", "approved", False, False),
             PlanFacts("p2", "توجیه‌شده", "", "approved", False, True),
             PlanFacts("p3", "لغوشده", "", "cancelled", False, False),
             PlanFacts("p4", "به هدف رسیده", "", "in_progress", True, False)]
    steps = [StepFacts("s1", "گام ۱", "2026-11-24", False), StepFacts("s2", "گام ۲", "2026-11-24", True),
             StepFacts("s3", "گام ۳", None, False), StepFacts("s4", "گام ۴", "2026-11-25", False)]
    report = build_compliance(TODAY, passports, expected, licences, plans, steps)
    found = {(i.kind, i.record_uuid) for i in report.items}
    assert found == {
        (ComplianceKind.OLD_DRAFT, "draft-31"),
        (ComplianceKind.EXPIRED, "expired"),
        (ComplianceKind.EXPIRING, "expires-today"),
        (ComplianceKind.APPROVAL_BLOCKED, "gaps"),
        (ComplianceKind.ELECTRONIC_LATE, "late"),
        (ComplianceKind.PASSPORT_MISSING, "l2"),
        (ComplianceKind.LICENCE_UNMAPPED, "l3"),
        (ComplianceKind.PLAN_BELOW_TARGET, "p1"),
        (ComplianceKind.STEP_OVERDUE, "s1"),
    }
    assert len(report.items) == len(found)
    assert report.blocking_fields == {"شرح خدمت / وظیفه": 1, "کانال‌های کنونی ارائه خدمت": 1}
    assert report.counts()[ComplianceKind.EXPIRED] == 1
    document = report.to_document()
    assert document["counts"]["old_draft"] == 1 and len(document["items"]) == 9  # type: ignore[index]
