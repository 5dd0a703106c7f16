"""Improvement plans in bundles: the plans of the passports a bundle carries, in
``plans.json`` (the plans JSON format), with their evidence files beside it under
``data/evidence/<sha256>``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from govsvc_desktop.domain.bundles import PlannedChange
from govsvc_desktop.domain.codec import FORMAT_VERSION, to_dict
from govsvc_desktop.domain.diff import changes
from govsvc_desktop.domain.passport.lifecycle import Actor
from govsvc_desktop.domain.plans.model import ImprovementPlan
from govsvc_desktop.domain.plans.validation import PLAN_FIELDS
from govsvc_desktop.exchange.records.bundle import RecordFileSpec
from govsvc_desktop.services import plan_json
from govsvc_desktop.services.bundles.kinds import (
    ApprovalJudge,
    Bases,
    RecordKindAdapter,
    Selection,
    WriteCounts,
    compact_json,
    only_revisions,
)
from govsvc_desktop.store.uow import UnitOfWork


@dataclass
class PlanRecord:
    """A plan as a bundle carries it; on export, with the bytes of the evidence it cites."""

    plan: ImprovementPlan
    evidence: dict[str, bytes] = field(default_factory=dict)

    @property
    def cited(self) -> set[str]:
        return {ev.sha256 for r in self.plan.reports for ev in r.evidence}


def _revisions(uow: UnitOfWork, sel: Selection) -> dict[str, int]:
    return {uuid: revision for uuid, revision, passport in uow.plans.revisions()
            if passport in sel.passports}


def _collect(uow: UnitOfWork, sel: Selection) -> list[PlanRecord]:
    chosen = _revisions(uow, sel)
    result = []
    for uuid in sorted(chosen):
        if sel.only is not None and uuid not in sel.only:
            continue
        plan = uow.plans.get(uuid)
        if plan is None:
            continue
        record = PlanRecord(plan)
        for digest in record.cited:
            data = uow.plans.evidence(digest)
            if data is not None:
                record.evidence[digest] = data
        result.append(record)
    return result


def _dump(records: Sequence[PlanRecord]) -> bytes:
    return compact_json({"format": plan_json.PLANS_FORMAT, "format_version": FORMAT_VERSION,
                         "plans": [to_dict(r.plan) for r in records]})


def _parse(document: dict[str, Any]) -> list[PlanRecord]:
    return [PlanRecord(p) for p in plan_json.parse_records(document, evidence_inside=False).plans]


_OUTCOMES = {"create": "create", "update": "update", "unchanged": "unchanged", "conflict": "conflict"}


def _plan(uow: UnitOfWork, records: Sequence[PlanRecord], bases: Bases) -> list[PlannedChange]:
    result = []
    for r in records:
        current = uow.plans.get(r.plan.uuid)
        outcome = plan_json.outcome(current, r.plan, bases.get(r.plan.uuid))
        diff = changes(to_dict(current), to_dict(r.plan)) if current is not None else []
        fields = list(dict.fromkeys(PLAN_FIELDS.get(path.split(".")[0].split("[")[0], path)
                                    for path, _, _ in diff))
        reason = "این برنامه در این رایانه پس از نسخهٔ بسته تغییر کرده است" if outcome == "conflict" else ""
        result.append(PlannedChange("plan", r.plan.uuid, r.plan.title, _OUTCOMES[outcome], fields, reason))
    return result


def _write(uow: UnitOfWork, records: Sequence[PlanRecord], actor: Actor, now: str,
           take_theirs: frozenset[str], keep_mine: frozenset[str], bases: Bases,
           check: ApprovalJudge) -> WriteCounts:
    incoming = plan_json.PlanImport([r.plan for r in records], [], {})
    report = plan_json.write_plans(uow, incoming, actor, now, take_theirs=take_theirs,
                                   keep_mine=keep_mine, bases=bases)
    return WriteCounts(report.created, report.updated, report.unchanged, 0)


def _evidence(record: PlanRecord) -> Iterable[tuple[str, Any]]:
    return record.evidence.items()


PLANS = RecordKindAdapter(
    name="plans",
    record_type="plan",
    label_fa="برنامهٔ بهبود",
    spec=RecordFileSpec("plans.json", plan_json.PLANS_FORMAT, FORMAT_VERSION, "plans"),
    revisions=_revisions,
    collect=_collect,
    dump=_dump,
    key=lambda r: (r.plan.uuid, r.plan.revision),
    parse=_parse,
    plan=_plan,
    write=_write,
    stored_revisions=lambda uow, uuids: only_revisions(
        {u: r for u, r, _ in uow.plans.revisions()}, uuids),
    evidence=_evidence,
    evidence_needed=lambda r: r.cited,
)
