"""The deadline calendar as a use case: the facts of every record read in one transaction,
judged by ``domain.deadlines``; the agency's events recorded with an audit row; the calendar
written as iCalendar for an office calendar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from govsvc_desktop.config import atomic_write
from govsvc_desktop.domain.agency.compliance import PassportFacts
from govsvc_desktop.domain.agency.cycle import CycleStep, ServiceChain, StepStatus, default_steps
from govsvc_desktop.domain.agency.deadlines import (
    AgencyEvent,
    Deadline,
    EventKind,
    agency_deadlines,
    calendar_order,
    passport_deadlines,
    plan_deadlines,
    request_deadlines,
    step_deadlines,
)
from govsvc_desktop.domain.calendar import date_problems
from govsvc_desktop.domain.errors import ValidationError
from govsvc_desktop.domain.persian import to_persian_digits
from govsvc_desktop.services.passports import iso_now
from govsvc_desktop.services.session import Session, SessionBound
from govsvc_desktop.store.uow import UnitOfWork

EVENTS = "deadline_event"


def gather(uow: UnitOfWork, today: dt.date, facts: list[PassportFacts] | None = None,
           own_only: bool = False) -> list[Deadline]:
    """Every deadline, from what is stored, in calendar order; ``own_only`` keeps those that
    are dashboard items of their own (the agency's, a plan's approval and provincial slice),
    which is all the compliance items need."""
    from govsvc_desktop.services.agency import CHAINS, STEPS

    found = agency_deadlines(uow.agency.find(EVENTS, AgencyEvent),
                             len(uow.agency.find(CHAINS.kind, ServiceChain)))
    if own_only:
        found += plan_deadlines(uow.plans.deadline_rows(awaiting_only=True), today, reports=False)
        return calendar_order(found)
    facts = uow.passports.compliance_facts() if facts is None else facts
    found += passport_deadlines(facts, today)
    found += plan_deadlines(uow.plans.deadline_rows(), today)
    found += request_deadlines(uow.plans.request_deadlines())
    stored = {s.step: s for s in uow.agency.find(STEPS.kind, CycleStep)}
    steps = [stored.get(d.step, d) for d in default_steps()]
    found += step_deadlines((s.uuid, f"گام {to_persian_digits(s.step.value)}: {s.step.label_fa}", s.deadline,
                             s.status is StepStatus.APPROVED) for s in steps)
    return calendar_order(found)


class DeadlineService(SessionBound):
    def __init__(self, uow_factory: Callable[[], UnitOfWork], session: Session) -> None:
        super().__init__(uow_factory, session)

    def calendar(self, today: dt.date | None = None) -> list[Deadline]:
        with self.uow_factory() as uow:
            return gather(uow, today or self.today())

    def events(self) -> list[AgencyEvent]:
        with self.uow_factory() as uow:
            return sorted(uow.agency.find(EVENTS, AgencyEvent), key=lambda e: (e.date, e.kind.value))

    def record_event(self, kind: EventKind, date: dt.date, note: str = "") -> AgencyEvent:
        """Records that an event starting or closing a deadline happened on ``date``."""
        event = AgencyEvent(kind=kind, date=date.isoformat(), note=note.strip())
        problems = date_problems("date", event.date)
        if problems:
            raise ValidationError(problems)
        now = iso_now(self.clock)
        event.revision, event.created_at, event.updated_at = 1, now, now
        with self.uow_factory() as uow:
            uow.agency.insert(EVENTS, event, kind.value)
            uow.audit.record(at=now, actor=self.actor.name, username=self.actor.username,
                             record_type=EVENTS, record_uuid=event.uuid, revision=1,
                             action="create", changes=[("kind", "", kind.value),
                                                       ("date", "", event.date)])
            uow.commit()
        return event

    def export_ics(self, path: Path, today: dt.date | None = None, include_done: bool = False) -> int:
        """Writes the open deadlines (with a due date) as all-day iCalendar events; returns
        how many were written."""
        from icalendar import Calendar, Event

        today = today or self.today()
        cal = Calendar()
        cal.add("prodid", "-//govsvc-desktop//deadlines//FA")
        cal.add("version", "2.0")
        cal.add("x-wr-calname", "مواعد تکالیف دستگاه")
        written = 0
        stamp = self.clock().astimezone(dt.UTC)
        for d in self.calendar(today):
            if d.due is None or (d.done and not include_done):
                continue
            event = Event()
            event.add("uid", f"{d.key}@govsvc-desktop")
            event.add("dtstamp", stamp)
            event.add("dtstart", d.due)
            event.add("dtend", d.due + dt.timedelta(days=1))
            event.add("summary", d.title_fa)
            event.add("description", f"{d.seed_fa}\nآغاز: {d.starts_fa}\nوضعیت: {d.state_fa(today)}"
                      + (f"\nرکورد: {d.record_type} {d.record_uuid}" if d.record_uuid else ""))
            event.add("categories", [d.record_type])
            cal.add_component(event)
            written += 1
        atomic_write(path, cal.to_ical())
        return written
