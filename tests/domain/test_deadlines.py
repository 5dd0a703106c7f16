"""Each deadline of the seeds from its starting event, at its edges."""

from __future__ import annotations

import datetime as dt

from govsvc_desktop.domain.agency.cycle import CycleStepKey, default_steps
from govsvc_desktop.domain.agency.deadlines import (
    AgencyEvent,
    EventKind,
    PlanDates,
    agency_deadlines,
    calendar_order,
    plan_deadlines,
    request_deadlines,
)
from govsvc_desktop.domain.calendar import format_jalali


def _by_key(deadlines: list) -> dict:  # type: ignore[type-arg]
    return {d.key: d for d in deadlines}


def test_fixed_starts_and_waiting_for_events() -> None:
    found = _by_key(agency_deadlines([], chains=0))
    assert format_jalali(found["000-4-1"].due) == "۱۴۰۳/۰۴/۲۳"  # three weeks after 1403/04/02
    assert format_jalali(found["001-19"].due) == "۱۴۰۳/۱۰/۱۸"  # ten days after 1403/10/08
    assert format_jalali(found["001-6"].due) == "۱۴۰۳/۱۲/۰۸"  # two months
    for waiting in ("000-4-2", "000-4-3", "000-4-4"):
        assert found[waiting].due is None and not found[waiting].overdue(dt.date(2030, 1, 1))
    assert _by_key(agency_deadlines([], chains=1))["001-6"].done


def test_events_start_and_close_deadlines_in_order() -> None:
    corrections = AgencyEvent(kind=EventKind.CORRECTIONS_RECEIVED, date="2025-01-10")
    found = _by_key(agency_deadlines([corrections], chains=0))
    row2 = found["000-4-2"]
    assert row2.due == dt.date(2025, 2, 9) and not row2.done  # one Jalali month: 1403/10/21 → 11/21
    assert row2.overdue(dt.date(2025, 2, 10)) and not row2.overdue(dt.date(2025, 2, 9))
    assert row2.days_left(dt.date(2025, 2, 7)) == 2
    early = AgencyEvent(kind=EventKind.SERVICES_UPDATED, date="2025-01-01")  # before the start
    assert not _by_key(agency_deadlines([corrections, early], 0))["000-4-2"].done
    updated = AgencyEvent(kind=EventKind.SERVICES_UPDATED, date="2025-02-01")
    found = _by_key(agency_deadlines([corrections, updated], 0))
    assert found["000-4-2"].done and found["000-4-3"].due == dt.date(2025, 2, 15)  # two weeks


def test_referrals_and_task_changes_each_have_their_own_deadline() -> None:
    events = [AgencyEvent(kind=EventKind.PARENT_REFERRAL, date="2025-03-01"),
              AgencyEvent(kind=EventKind.PARENT_REFERRAL, date="2025-04-01"),
              AgencyEvent(kind=EventKind.PARENT_REVIEW_SENT, date="2025-03-05"),
              AgencyEvent(kind=EventKind.TASKS_CHANGED, date="2025-05-01")]
    found = _by_key(agency_deadlines(events, 0))
    first, second = found["000-4n2:2025-03-01"], found["000-4n2:2025-04-01"]
    assert first.due == dt.date(2025, 3, 8) and first.done
    assert second.due == dt.date(2025, 4, 8) and not second.done
    assert found["001-3n:2025-05-01"].due == dt.date(2025, 5, 11)


def test_plan_deadlines() -> None:
    today = dt.date(2025, 10, 2)
    draft = PlanDates("p1", "پیش‌نویس", "draft", "2025-06-01T08:00:00", None, None, frozenset())
    piloted = PlanDates("p2", "استانی", "approved", "2025-01-01T08:00:00", "2025-03-21", "2026-03-20",
                        frozenset({"1404-Q1"}), "فارس", "2025-04-10", None)
    found = _by_key(plan_deadlines([draft, piloted], today))
    approval = found["plan-approval:p1"]  # registered 1404/03/11: due three Jalali months later
    assert format_jalali(approval.due) == "۱۴۰۴/۰۶/۱۱" and approval.overdue(today)
    assert "plan-approval:p2" not in found, "an approved plan's deadline is met and leaves"
    slice_ = found["plan-slice:p2"]  # the Organisation approved on 1404/01/21
    assert format_jalali(slice_.due) == "۱۴۰۴/۰۲/۲۱" and slice_.overdue(today)
    assert "report:p2:1404-Q1" not in found, "a report sent leaves the calendar"
    assert found["report:p2:1404-Q2"].overdue(today)
    assert "report:p2:1404-Q3" in found, "the coming quarter's report is shown"
    assert "report:p2:1404-Q4" not in found


def test_requests_steps_and_order() -> None:
    requests = request_deadlines([("r1", "128-1", "تأخیر", "2025-05-10", False),
                                  ("r2", "128-2", "تأخیر", "2025-05-01", True)])
    assert [r.key for r in requests] == ["request:r1"], "a closed request leaves the calendar"
    assert requests[0].overdue(dt.date(2025, 5, 11)) and not requests[0].overdue(dt.date(2025, 5, 10))
    step6 = next(s for s in default_steps() if s.step is CycleStepKey.STRUCTURE)
    assert format_jalali(step6.deadline) == "۱۴۰۴/۱۲/۲۹"  # end of the seventh plan's second year
    ordered = calendar_order(requests + agency_deadlines([], 1))
    assert ordered[-1].done and ordered[-1].key == "001-6" and ordered[0].due is not None
