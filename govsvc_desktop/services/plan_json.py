"""The plans JSON file: plans, 128 requests and the evidence files their reports cite.

Same conventions as the passports file: a format name and version, records as the codec writes
them, all-or-nothing import that names every bad record. Evidence travels as base64 keyed by
its SHA-256, and is checked against it on the way in::

    {"format": "govsvc.plans", "format_version": 1, "plans": [...], "requests128": [...],
     "evidence": {"<sha256>": "<base64>"}}
"""

from __future__ import annotations

import base64
import binascii
import copy
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from govsvc_desktop.domain import jsontext
from govsvc_desktop.domain.codec import FORMAT_VERSION, decode_records, record_items, to_dict
from govsvc_desktop.domain.diff import import_outcome
from govsvc_desktop.domain.errors import PermissionDenied, Problem, ValidationError
from govsvc_desktop.domain.passport.lifecycle import Actor
from govsvc_desktop.domain.passport.validation import blocking
from govsvc_desktop.domain.persian import to_persian_digits
from govsvc_desktop.domain.plans.model import ImprovementPlan, PlanStatus, Request128
from govsvc_desktop.domain.plans.validation import validate_plan, validate_request
from govsvc_desktop.services.gate import PLANS, REQUESTS, Gate
from govsvc_desktop.services.passports import iso_now
from govsvc_desktop.services.plans import PlanService
from govsvc_desktop.store.uow import UnitOfWork

PLANS_FORMAT = "govsvc.plans"


def export_document(service: PlanService, plans: list[ImprovementPlan] | None = None) -> dict[str, Any]:
    chosen = service.find() if plans is None else plans
    wanted = {p.uuid for p in chosen}
    requests = [r for r in service.requests() if plans is None or r.plan_uuid in wanted]
    evidence: dict[str, str] = {}
    for plan in chosen:
        for report in plan.reports:
            for ev in report.evidence:
                if ev.sha256 not in evidence:
                    evidence[ev.sha256] = base64.b64encode(service.evidence_bytes(ev)).decode()
    return {"format": PLANS_FORMAT, "format_version": FORMAT_VERSION,
            "plans": [to_dict(p) for p in chosen], "requests128": [to_dict(r) for r in requests],
            "evidence": evidence}


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


@dataclass
class PlanImport:
    plans: list[ImprovementPlan]
    requests: list[Request128]
    evidence: dict[str, bytes]


def parse_document(text: str | bytes) -> PlanImport:
    return parse_records(jsontext.loads(text, "پرونده JSON"))


def parse_records(document: Any, evidence_inside: bool = True) -> PlanImport:
    """Decodes and checks every record; ``evidence_inside`` False when the evidence travels
    beside the document (in a bundle) rather than in it."""
    items = record_items(document, PLANS_FORMAT, "plans", "پرونده برنامه‌های بهبود", required=False)
    plans, problems = decode_records(
        ImprovementPlan, items, lambda i, _: f"برنامه {to_persian_digits(str(i + 1))}",
        lambda plan, name: blocking(validate_plan(plan, record=name)))
    requests, more = decode_records(
        Request128, record_items(document, PLANS_FORMAT, "requests128", "پرونده برنامه‌های بهبود",
                                 required=False),
        lambda i, _: f"درخواست ۱۲۸ ردیف {to_persian_digits(str(i + 1))}",
        lambda request, name: blocking(validate_request(request, record=name)))
    problems += more
    evidence: dict[str, bytes] = {}
    for digest, encoded in (document.get("evidence") or {}).items():
        try:
            data = base64.b64decode(encoded, validate=True)
        except (binascii.Error, TypeError):
            problems.append(Problem("evidence", f"پرونده شاهد «{digest}» base64 درستی نیست", "شواهد"))
            continue
        if hashlib.sha256(data).hexdigest() != digest:
            problems.append(Problem("evidence", f"پرونده شاهد «{digest}» با چکیده‌اش نمی‌خواند", "شواهد"))
            continue
        evidence[digest] = data
    for plan in plans if evidence_inside else []:
        for report in plan.reports:
            for ev in report.evidence:
                if ev.sha256 not in evidence:
                    problems.append(Problem("evidence", f"پرونده شاهد «{ev.file_name}» در پرونده نیست",
                                            f"«{plan.title}»"))
    if problems:
        raise ValidationError(problems, "هیچ برنامه‌ای وارد نشد؛ این موارد باید اصلاح شوند")
    return PlanImport(plans, requests, evidence)


@dataclass
class PlanImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    notes: list[Problem] = field(default_factory=list)  # what was not taken from the file


def import_plans(service: PlanService, incoming: PlanImport, dry_run: bool = False) -> PlanImportReport:
    """Writes everything in one transaction; a record changed here since is refused."""
    with service.uow_factory() as uow:
        report = write_plans(uow, incoming, service.actor, iso_now(service.clock))
        if not dry_run:
            uow.commit()
    return report


def outcome(current: ImprovementPlan | None, incoming: ImprovementPlan,
            base: int | None = None) -> str:
    """create, unchanged, conflict (changed here after the incoming version) or update."""
    return import_outcome(current, incoming, base)[0]


def write_plans(uow: UnitOfWork, incoming: PlanImport, actor: Actor, now: str, *,
                take_theirs: frozenset[str] = frozenset(),
                keep_mine: frozenset[str] = frozenset(),
                bases: Mapping[str, int] | None = None) -> PlanImportReport:
    """``import_plans`` inside a transaction the caller owns (a bundle import); ``bases``
    are the plans' revisions after the last bundle exchange. Every record passes the write
    gate; a plan's status is never taken from the file (a new plan lands as a draft, an
    existing one keeps its status here)."""
    report = PlanImportReport()
    for digest, data in incoming.evidence.items():
        uow.plans.put_evidence(digest, data)
    gate = Gate(uow, actor, now)
    conflicts: list[Problem] = []
    for plan in incoming.plans:
        current = uow.plans.get(plan.uuid)
        record = copy.deepcopy(plan)
        landed = current.status if current is not None else PlanStatus.DRAFT
        if record.status is not landed:
            report.notes.append(Problem(
                "status", f"وضعیت «{record.status.label_fa}» از پرونده گرفته نشد؛ وضعیت "
                f"«{landed.label_fa}» ماند", f"«{plan.title}»", blocking=False))
            record.status = landed
        stamps = current or ImprovementPlan()
        for name in ("approved_by", "approved_on", "approval_signature"):
            setattr(record, name, getattr(stamps, name))
        result = outcome(current, record, bases.get(plan.uuid) if bases else None)
        if result == "conflict" and plan.uuid in keep_mine:
            report.unchanged += 1
            continue
        if result == "conflict" and plan.uuid not in take_theirs:
            conflicts.append(Problem("revision", "این برنامه در این رایانه پس از نسخه پرونده "
                                     "تغییر کرده است؛ وارد نشد", f"«{plan.title}»"))
            continue
        if result == "unchanged":
            report.unchanged += 1
            continue
        try:
            gate.write(PLANS, record, expected=None, current=current, read=False,
                       audit_action="import", batch=True)
        except PermissionDenied as exc:
            conflicts.append(Problem("status", exc.message_fa, f"«{plan.title}»"))
            continue
        if current is None:
            report.created += 1
        else:
            report.updated += 1
    for request in incoming.requests:
        current_request = uow.plans.get_request(request.uuid)
        if current_request is not None and to_dict(current_request) != to_dict(request) \
                and current_request.revision > request.revision:
            conflicts.append(Problem("revision", "این درخواست در این رایانه پس از نسخه "
                                     "پرونده تغییر کرده است", request.reference))
            continue
        try:
            gate.write(REQUESTS, copy.deepcopy(request), expected=None, current=current_request,
                       read=False, audit_action="import", batch=True)
        except PermissionDenied as exc:
            conflicts.append(Problem("status", exc.message_fa, request.reference))
    if conflicts:
        raise ValidationError(conflicts, "هیچ برنامه‌ای وارد نشد")
    return report
