"""Reading and writing improvement plans, evidence files and 128 requests.

Like passports, a plan is kept whole as its JSON document; the columns the dashboard needs
(the 30% flag, the quarters reported, each action's end and status) are projected beside it so
that the dashboard over tens of thousands of plans never decodes a document.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, or_, select, update

from govsvc_desktop.domain.agency.compliance import PlanFacts
from govsvc_desktop.domain.agency.deadlines import PlanDates
from govsvc_desktop.domain.codec import from_dict, to_dict
from govsvc_desktop.domain.persian import index_text, search_terms
from govsvc_desktop.domain.plans.dashboard import ActionRow, PlanRow, RequestRow
from govsvc_desktop.domain.plans.model import (
    CLOSED_REQUEST_STATUSES,
    ActionStatus,
    ImprovementPlan,
    PlanStatus,
    Request128,
    RequestStatus,
    report_counts,
)
from govsvc_desktop.store.bulk_read import driver_rows
from govsvc_desktop.store.tables import plan_actions, plan_evidence, plans, requests128

_PLAN_STATUS = {s.value: s for s in PlanStatus}
_ACTION_STATUS = {s.value: s for s in ActionStatus}
_REQUEST_STATUS = {s.value: s for s in RequestStatus}


def _json(obj: Any) -> str:
    return json.dumps(to_dict(obj), ensure_ascii=False, separators=(",", ":"))


def plan_row(p: ImprovementPlan) -> dict[str, Any]:
    return {
        "uuid": p.uuid,
        "passport_uuid": p.passport_uuid,
        "service_id": p.service_id,
        "title": p.title,
        "status": p.status.value,
        "period_start": p.period_start,
        "period_end": p.period_end,
        "meets_target": p.meets_time_target,
        "justified": p.exempt_from_time_cut,
        "reported": ",".join(sorted({r.quarter for r in p.reports if report_counts(r)})),
        "revision": p.revision,
        "created_at": p.created_at,
        "updated_at": p.updated_at,
        "search_text": index_text(p.title, p.service_title, p.service_id, p.goals, p.pilot_province),
        "data": _json(p),
        "pilot_province": p.pilot_province,
        "organisation_approved_on": p.organisation_approved_on,
        "slice_approved_on": p.slice_approved_on,
    }


def action_rows(p: ImprovementPlan) -> list[dict[str, Any]]:
    return [{"plan_uuid": p.uuid, "position": i, "title": a.title, "end_date": a.end,
             "status": a.status.value} for i, a in enumerate(p.actions)]


def request_row(r: Request128) -> dict[str, Any]:
    return {
        "uuid": r.uuid, "reference": r.reference, "passport_uuid": r.passport_uuid,
        "plan_uuid": r.plan_uuid, "subject": r.subject, "received_on": r.received_on,
        "deadline": r.deadline, "status": r.status.value, "revision": r.revision,
        "created_at": r.created_at, "updated_at": r.updated_at, "data": _json(r),
    }


class PlanRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # plans
    def get(self, uuid: str) -> ImprovementPlan | None:
        data = self.conn.execute(select(plans.c.data).where(plans.c.uuid == uuid)).scalar()
        return None if data is None else from_dict(ImprovementPlan, json.loads(data))

    def find(self, search: str = "", status: PlanStatus | None = None,
             passport_uuid: str = "") -> list[ImprovementPlan]:
        stmt = select(plans.c.data).order_by(plans.c.title, plans.c.uuid)
        if status is not None:
            stmt = stmt.where(plans.c.status == status.value)
        if passport_uuid:
            stmt = stmt.where(plans.c.passport_uuid == passport_uuid)
        for term in search_terms(search):
            stmt = stmt.where(plans.c.search_text.contains(term, autoescape=True))
        return [from_dict(ImprovementPlan, json.loads(d)) for (d,) in self.conn.execute(stmt)]

    def iter_all(self, batch: int = 500) -> Iterator[ImprovementPlan]:
        stmt = select(plans.c.data).order_by(plans.c.title, plans.c.uuid)
        for (data,) in self.conn.execute(stmt.execution_options(yield_per=batch)):
            yield from_dict(ImprovementPlan, json.loads(data))

    def revisions(self) -> list[tuple[str, int, str]]:
        """(uuid, revision, passport uuid) of every plan: what choosing a bundle's plans needs."""
        rows = self.conn.execute(select(plans.c.uuid, plans.c.revision, plans.c.passport_uuid))
        return [(u, int(r), p) for u, r, p in rows]

    def count(self) -> int:
        return int(self.conn.execute(select(func.count()).select_from(plans)).scalar_one())

    def insert(self, p: ImprovementPlan) -> None:
        self.insert_many([p])

    def insert_many(self, items: Sequence[ImprovementPlan]) -> None:
        if not items:
            return
        self.conn.execute(insert(plans), [plan_row(p) for p in items])
        actions = [row for p in items for row in action_rows(p)]
        if actions:
            self.conn.execute(insert(plan_actions), actions)

    def update(self, p: ImprovementPlan, expected_revision: int) -> bool:
        values = plan_row(p)
        values.pop("uuid")
        result = self.conn.execute(update(plans).where(
            plans.c.uuid == p.uuid, plans.c.revision == expected_revision).values(**values))
        if result.rowcount != 1:
            return False
        self.conn.execute(delete(plan_actions).where(plan_actions.c.plan_uuid == p.uuid))
        if p.actions:
            self.conn.execute(insert(plan_actions), action_rows(p))
        return True

    def delete(self, uuid: str) -> None:
        self.conn.execute(delete(plan_actions).where(plan_actions.c.plan_uuid == uuid))
        self.conn.execute(delete(plans).where(plans.c.uuid == uuid))

    # evidence
    def put_evidence(self, sha256: str, data: bytes) -> None:
        exists = self.conn.execute(
            select(plan_evidence.c.sha256).where(plan_evidence.c.sha256 == sha256)).scalar()
        if exists is None:
            self.conn.execute(insert(plan_evidence).values(sha256=sha256, size=len(data), data=data))

    def evidence(self, sha256: str) -> bytes | None:
        data = self.conn.execute(
            select(plan_evidence.c.data).where(plan_evidence.c.sha256 == sha256)).scalar()
        return None if data is None else bytes(data)

    # 128 requests
    def get_request(self, uuid: str) -> Request128 | None:
        data = self.conn.execute(select(requests128.c.data).where(requests128.c.uuid == uuid)).scalar()
        return None if data is None else from_dict(Request128, json.loads(data))

    def requests(self) -> list[Request128]:
        stmt = select(requests128.c.data).order_by(requests128.c.deadline, requests128.c.uuid)
        return [from_dict(Request128, json.loads(d)) for (d,) in self.conn.execute(stmt)]

    def insert_request(self, r: Request128) -> None:
        self.insert_requests([r])

    def insert_requests(self, items: Sequence[Request128]) -> None:
        if items:
            self.conn.execute(insert(requests128), [request_row(r) for r in items])

    def update_request(self, r: Request128, expected_revision: int) -> bool:
        values = request_row(r)
        values.pop("uuid")
        result = self.conn.execute(update(requests128).where(
            requests128.c.uuid == r.uuid, requests128.c.revision == expected_revision).values(**values))
        return result.rowcount == 1

    # deadline calendar
    def deadline_rows(self, awaiting_only: bool = False) -> list[PlanDates]:
        """The dates of every plan the deadline calendar reads, without decoding documents;
        ``awaiting_only``: only plans still awaiting approval or their provincial slice."""
        c = plans.c
        stmt = select(c.uuid, c.title, c.status, c.created_at, c.period_start, c.period_end,
                      c.reported, c.pilot_province, c.organisation_approved_on, c.slice_approved_on)
        if awaiting_only:
            rows: Iterable[Any] = self.conn.execute(stmt.where(or_(
                c.status == PlanStatus.DRAFT.value,
                and_(c.pilot_province != "", c.organisation_approved_on.is_not(None),
                     c.slice_approved_on.is_(None)))))
        else:
            rows = driver_rows(self.conn, stmt)
        return [PlanDates(u, t, s, created or "", ps, pe, frozenset(rep.split(",")) if rep else frozenset(),
                          pilot or "", org, slice_on)
                for u, t, s, created, ps, pe, rep, pilot, org, slice_on in rows]

    def request_deadlines(self) -> list[tuple[str, str, str, str | None, bool]]:
        """(uuid, reference, subject, deadline, closed) of every 128 request still open."""
        c = requests128.c
        open_ = [s.value for s in RequestStatus if s not in CLOSED_REQUEST_STATUSES]
        return [(u, ref, subj, d, False) for u, ref, subj, d in self.conn.execute(
            select(c.uuid, c.reference, c.subject, c.deadline).where(c.status.in_(open_)))]

    # dashboard
    def compliance_facts(self) -> list[PlanFacts]:
        c = plans.c
        return list(map(PlanFacts._make, driver_rows(self.conn, select(
            c.uuid, c.title, c.service_id, c.status, c.meets_target, c.justified))))

    def dashboard_rows(self, today: str) -> tuple[list[PlanRow], list[ActionRow], list[RequestRow]]:
        """The slim rows the dashboard needs, read in three queries; actions and requests only
        when already past their date."""
        plan_rows = [
            PlanRow(u, t, _PLAN_STATUS[s], ps, pe, bool(m), bool(j),
                    frozenset(rep.split(",")) if rep else frozenset())
            for u, t, s, ps, pe, m, j, rep in self.conn.execute(select(
                plans.c.uuid, plans.c.title, plans.c.status, plans.c.period_start,
                plans.c.period_end, plans.c.meets_target, plans.c.justified, plans.c.reported))
        ]
        open_actions = [s.value for s in ActionStatus if s not in (ActionStatus.DONE, ActionStatus.CANCELLED)]
        actions = [
            ActionRow(pu, pt, t, e, _ACTION_STATUS[s])
            for pu, pt, t, e, s in self.conn.execute(
                select(plan_actions.c.plan_uuid, plans.c.title, plan_actions.c.title,
                       plan_actions.c.end_date, plan_actions.c.status)
                .join(plans, plans.c.uuid == plan_actions.c.plan_uuid)
                .where(plan_actions.c.end_date < today,
                       plan_actions.c.status.in_(open_actions)))
        ]
        open_requests = [RequestStatus.RECEIVED.value, RequestStatus.IN_PROGRESS.value]
        requests = [
            RequestRow(u, ref, subj, d, _REQUEST_STATUS[s])
            for u, ref, subj, d, s in self.conn.execute(
                select(requests128.c.uuid, requests128.c.reference, requests128.c.subject,
                       requests128.c.deadline, requests128.c.status)
                .where(requests128.c.deadline < today, requests128.c.status.in_(open_requests)))
        ]
        return plan_rows, actions, requests
