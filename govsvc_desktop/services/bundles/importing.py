"""Receiving: verify first, then show what would change, then apply it all in one transaction.

Two kinds of bundle arrive: records from other offices (imported like a passports file,
conflicts refused unless the user chose per record) and the centre's replies (decisions
and issued service IDs for records sent from here). Anything that fails verification, or
answers a bundle this database never sent, is refused with nothing changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from govsvc_desktop.domain.agency.cycle import CycleStep, centre_validation, step_answer_conflict
from govsvc_desktop.domain.agency.proposals import ServiceProposal, answer_conflict, centre_answer
from govsvc_desktop.domain.bundles import (
    ACCEPTED,
    ANSWERED_TYPES,
    RECEIVED,
    RETURNED,
    SENT,
    BundleEntry,
    CentreDecision,
    PlannedChange,
    decision_conflict,
    parse_decisions,
)
from govsvc_desktop.domain.calendar import format_jalali_datetime
from govsvc_desktop.domain.choices import Status
from govsvc_desktop.domain.errors import ConflictError, GovsvcError, ValidationError
from govsvc_desktop.domain.passport.lifecycle import Action, Actor, transition
from govsvc_desktop.domain.passport.model import APPROVED_STATUSES, ServicePassport
from govsvc_desktop.domain.persian import format_int
from govsvc_desktop.domain.rules import CENTRE_OVERRIDE, ISSUE_ID
from govsvc_desktop.exchange.asic.format import DATA_PREFIX
from govsvc_desktop.exchange.checks import Check
from govsvc_desktop.exchange.records.bundle import (
    EVIDENCE_DIR,
    REPLY,
    REPLY_SPEC,
    SUBMISSION,
    BundleHeader,
    BundleReport,
)
from govsvc_desktop.exchange.signing.certificates import certificate_fingerprint, common_name
from govsvc_desktop.services.agency import PROPOSALS as PROPOSAL_BOOK
from govsvc_desktop.services.agency import STEPS as STEP_BOOK
from govsvc_desktop.services.agency import save_record
from govsvc_desktop.services.bundles.context import BundleContext, file_sha256
from govsvc_desktop.services.gate import PASSPORTS, Gate
from govsvc_desktop.services.reference import documents_in, list_notes, store_documents
from govsvc_desktop.store.uow import UnitOfWork

Progress = Callable[[int, int], bool]


class BundleRefused(GovsvcError):
    """The bundle failed verification or cannot be applied; nothing was changed."""

    exit_code = 7


@dataclass
class ImportPlan:
    """A verified (or refused) bundle and what importing it would change, record by record."""

    path: Path
    sha256: str
    report: BundleReport
    problems: list[str] = field(default_factory=list)
    changes: list[PlannedChange] = field(default_factory=list)
    records: dict[str, list[Any]] = field(default_factory=dict)
    decisions: list[CentreDecision] = field(default_factory=list)
    replied: BundleEntry | None = None
    seen_revisions: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # what lands otherwise than the file says
    reference_lists: dict[str, Any] = field(default_factory=dict)  # newer official lists
    reference_notes: list[str] = field(default_factory=list)

    @property
    def header(self) -> BundleHeader | None:
        return self.report.header

    @property
    def ok(self) -> bool:
        return self.report.ok and not self.problems

    @property
    def checks(self) -> list[Check]:
        return list(self.report.checks)

    @property
    def conflicts(self) -> list[PlannedChange]:
        return [c for c in self.changes if c.is_conflict]

    @property
    def signer(self) -> str:
        cert = self.report.signer
        return common_name(cert) if cert is not None else ""

    def summary_fa(self) -> str:
        lines = [("✔ " if c.passed else "✘ ") + c.message_fa for c in self.report.checks]
        lines += ["✘ " + p for p in self.problems]
        lines += ["ℹ " + n for n in self.notes]
        lines += ["ℹ " + n for n in self.reference_notes]
        verdict = "بسته پذیرفته است" if self.ok else "بسته پذیرفته نشد؛ چیزی تغییر نکرد"
        return "\n".join([*lines, verdict])

    def failures_fa(self) -> str:
        """Only what went wrong, one line each: for error messages."""
        return "\n".join(["✘ " + c.message_fa for c in self.report.failed()]
                         + ["✘ " + p for p in self.problems])

    def conflicts_fa(self) -> str:
        return "\n".join(f"  - «{c.title}» ({c.uuid}): {c.reason_fa}"
                         + (f" [{'، '.join(c.fields[:6])}]" if c.fields else "")
                         for c in self.conflicts)


@dataclass
class ImportOutcome:
    sha256: str
    kind: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0
    decisions: int = 0
    acknowledged: str | None = None
    reference: list[str] = field(default_factory=list)

    def summary_fa(self) -> str:
        n = format_int
        if self.kind == REPLY:
            return "\n".join([f"پاسخ مرکز وارد شد: {n(self.decisions)} رکورد به‌روز شد، "
                               f"{n(self.kept)} رکورد دست‌نخورده ماند.", *self.reference])
        return (f"بسته وارد شد: {n(self.created)} رکورد تازه، {n(self.updated)} "
                f"به‌روزرسانی، {n(self.unchanged)} بدون تغییر، {n(self.kept)} نگه‌داشته.")


def prepare(svc: BundleContext, path: Path, progress: Progress | None) -> ImportPlan:

    sha256 = file_sha256(path)
    plan = ImportPlan(path, sha256, svc.verify(path, progress, keep=_is_evidence))
    if not plan.report.ok or plan.header is None:
        if not svc.certificates.trusted_roots():
            plan.problems.append("هیچ مرجع صدور گواهی مورد اعتمادی تعریف نشده است؛ با "
                                 "«cert trust» گواهی مرجع فرستنده را وارد کنید")
        return plan
    with svc.uow_factory() as uow:
        earlier = uow.bundles.find(sha256, RECEIVED)
        if earlier is not None:
            plan.problems.append(
                f"این بسته پیش‌تر در {format_jalali_datetime(earlier.recorded_at)} وارد شده است")
            return plan
        if plan.header.kind == SUBMISSION:
            _plan_records(svc, uow, plan)
        else:
            _plan_reply(uow, plan)
    return plan


def _is_evidence(name: str) -> bool:
    return name.startswith(f"{DATA_PREFIX}{EVIDENCE_DIR}")


def _evidence_kept(plan: ImportPlan) -> dict[str, bytes]:
    """Evidence files of the bundle by SHA-256 (their names were checked against their bytes)."""
    return {name.removeprefix(EVIDENCE_DIR): data for name, data in plan.report.kept.items()
            if name.startswith(EVIDENCE_DIR)}


def _plan_records(svc: BundleContext, uow: UnitOfWork, plan: ImportPlan) -> None:
    for kind in svc.kinds:
        document = plan.report.documents.get(kind.spec.entry)
        if document is None:
            continue
        try:
            records = kind.parse(document)
        except GovsvcError as exc:
            plan.problems.append(exc.message_fa)
            continue
        plan.records[kind.name] = records
        if kind.record_type == "passport":
            _check_approvals(svc, plan, records)
        plan.changes += kind.plan(uow, records, uow.bundles.exchanged_revisions(kind.record_type))
        kept = _evidence_kept(plan)
        missing = sorted({d for r in records for d in kind.evidence_needed(r)} - set(kept))
        for digest in missing:
            plan.problems.append(f"پروندهٔ شاهد یا پیوست {digest[:12]}… که رکوردی به آن اشاره دارد "
                                 "در بسته نیست")
        for record in records:
            plan.problems += kind.check_files(record, kept)


def _check_approvals(svc: BundleContext, plan: ImportPlan, records: list[Any]) -> None:
    """An approval signature that no longer matches its record refuses the bundle: someone
    changed an approved record after the head signed it. An approval that is intact but
    not trusted here lands its record as a draft, and the plan says so."""
    for p in records:
        if not p.approval_signature:
            if p.status in APPROVED_STATUSES:
                plan.notes.append(f"«{p.title}»: تأیید بدون امضای رئیس دستگاه است؛ پیش‌نویس وارد می‌شود")
            continue
        check = svc.approval_check(p)
        if check.signed and not check.intact:
            plan.problems.append(f"امضای تأیید «{p.title}» با رکورد نمی‌خواند: {check.reason_fa}")
        elif not check.ok:
            plan.notes.append(f"«{p.title}»: امضای تأیید پذیرفته نیست ({check.reason_fa})؛ "
                              "پیش‌نویس وارد می‌شود")


def _plan_reply(uow: UnitOfWork, plan: ImportPlan) -> None:
    header = plan.header
    assert header is not None and header.in_reply_to is not None
    document = plan.report.documents.get(REPLY_SPEC.entry, {})
    try:
        plan.decisions = parse_decisions(document)
    except ValidationError as exc:
        plan.problems.append(exc.message_fa)
        return
    lists = document.get("reference_lists") or {}
    if lists:
        if not isinstance(lists, dict):
            plan.problems.append("فهرست‌های رسمی همراه پاسخ درست نیستند")
            return
        notes, problems = list_notes(lists, documents_in(uow))
        plan.problems += problems
        plan.reference_notes = notes
        plan.reference_lists = dict(lists)
    answered = str(header.in_reply_to.get("sha256", ""))
    plan.replied = uow.bundles.find(answered, SENT) if answered else None
    if plan.replied is None:
        plan.problems.append("این پاسخ دربارهٔ بسته‌ای است که از این پایگاه داده فرستاده نشده است")
        return
    sent = {kind: uow.bundles.record_revisions(plan.replied.id, kind)
            for kind in ANSWERED_TYPES}
    for d in plan.decisions:
        found = _answered_record(uow, d, sent[d.record_type])
        if found is None:
            plan.problems.append(f"رکورد «{d.title or d.uuid}» در بستهٔ فرستاده‌شده نبوده است")
            continue
        title, revision, reason = found
        plan.seen_revisions[d.uuid] = revision
        outcome = "conflict" if reason else "decision"
        plan.changes.append(PlannedChange(d.record_type, d.uuid, title, outcome,
                                          [d.describe_fa()], reason or "", d))


def _answered_record(uow: UnitOfWork, d: CentreDecision,
                     sent: dict[str, int]) -> tuple[str, int, str | None] | None:
    """(title, revision here, why the answer conflicts or None) of the record a decision
    answers, or None when the bundle answered did not carry it."""
    if d.uuid not in sent:
        return None
    if d.record_type == "step":
        step = uow.agency.get(STEP_BOOK.kind, d.uuid, CycleStep)
        if step is None:
            return None
        return (f"گام {step.step.value}: {step.step.label_fa}", step.revision,
                step_answer_conflict(step, sent.get(d.uuid)))
    if d.record_type == "proposal":
        proposal = uow.agency.get(PROPOSAL_BOOK.kind, d.uuid, ServiceProposal)
        if proposal is None:
            return None
        return (proposal.title, proposal.revision,
                answer_conflict(proposal, sent.get(d.uuid), d.service_id))
    current = uow.passports.get(d.uuid)
    if current is None:
        return None
    return (current.title, current.revision,
            decision_conflict(current.status, current.revision, sent.get(d.uuid),
                              current.service_id, d))


def apply(
    svc: BundleContext, plan: ImportPlan, take_theirs: frozenset[str], keep_mine: frozenset[str],
) -> ImportOutcome:
    if not plan.ok or plan.header is None:
        raise BundleRefused("بسته پذیرفته نشد؛ چیزی تغییر نکرد:\n" + plan.failures_fa())
    unresolved = [c for c in plan.conflicts if c.uuid not in take_theirs | keep_mine]
    if unresolved:
        pending = replace(plan, changes=unresolved)
        raise ConflictError(
            f"{format_int(len(unresolved))} رکورد در این رایانه پس از نسخهٔ بسته "
            "تغییر کرده است؛ چیزی وارد نشد. برای هر کدام «نگه‌داشتن نسخهٔ خودم» یا «پذیرفتن نسخهٔ "
            "بسته» را برگزینید:\n" + pending.conflicts_fa())
    outcome = ImportOutcome(plan.sha256, plan.header.kind)
    now = svc.now()
    with svc.uow_factory() as uow:
        if uow.bundles.find(plan.sha256, RECEIVED) is not None:
            raise BundleRefused("این بسته پیش‌تر وارد شده است؛ چیزی تغییر نکرد")
        if plan.header.kind == SUBMISSION:
            for digest, data in _evidence_kept(plan).items():
                uow.plans.put_evidence(digest, data)
            received: dict[str, dict[str, int]] = {}
            kept = {c.uuid for c in plan.conflicts} - take_theirs
            for kind in svc.kinds:
                if kind.name in plan.records:
                    records = plan.records[kind.name]
                    counts = kind.write(uow, records, svc.passports.actor, now, take_theirs,
                                        keep_mine, uow.bundles.exchanged_revisions(kind.record_type),
                                        svc.approval_check)
                    outcome.created += counts.created
                    outcome.updated += counts.updated
                    outcome.unchanged += counts.unchanged
                    outcome.kept += counts.kept
                    # what this bundle brought is the base for the next exchange; a record
                    # kept as it was here keeps its old base, so it conflicts again
                    written = [uuid for uuid, _ in map(kind.key, records) if uuid not in kept]
                    received[kind.record_type] = kind.stored_revisions(uow, written)
            _record_received(svc, uow, plan, now, received)
        else:
            revisions = _apply_decisions(svc, uow, plan, now, take_theirs, outcome)
            outcome.reference = store_documents(uow, plan.reference_lists, now,
                                                _centre_actor(svc, plan), plan.sha256)
            _record_received(svc, uow, plan, now, revisions)
            assert plan.replied is not None
            if not plan.replied.acknowledged:
                uow.bundles.acknowledge(plan.replied.id, now, plan.sha256)
                outcome.acknowledged = plan.replied.sha256
        uow.commit()
    return outcome


def _centre_actor(svc: BundleContext, plan: ImportPlan) -> Actor:
    """The centre decides, named in the audit; the person importing its reply is the
    audit's username, and their roles are the ones the rules check."""
    return Actor(name=f"سامانهٔ مرکزی: {plan.signer or 'بی‌نام'}",
                 roles=svc.passports.actor.roles, username=svc.passports.actor.username)


def _apply_decisions(
    svc: BundleContext, uow: UnitOfWork, plan: ImportPlan, now: str,
    take_theirs: frozenset[str], outcome: ImportOutcome,
) -> dict[str, dict[str, int]]:
    actor = _centre_actor(svc, plan)
    chosen = {c.uuid: c for c in plan.changes}
    revisions: dict[str, dict[str, int]] = {}
    for d in plan.decisions:
        change = chosen[d.uuid]
        if change.is_conflict and d.uuid not in take_theirs:
            outcome.kept += 1
            continue
        if d.record_type == "proposal":
            revisions.setdefault(d.record_type, {})[d.uuid] = _answer_proposal(
                svc, uow, plan, d, actor, now)
            outcome.decisions += 1
            continue
        if d.record_type == "step":
            revisions.setdefault(d.record_type, {})[d.uuid] = _answer_step(
                svc, uow, plan, d, actor, now)
            outcome.decisions += 1
            continue
        current = uow.passports.get_for_update(d.uuid)
        if current is None:
            raise BundleRefused(f"رکورد «{d.title}» دیگر در این رایانه نیست؛ چیزی تغییر نکرد")
        if current.revision != plan.seen_revisions.get(d.uuid):
            raise ConflictError(f"«{current.title}» در همین میان تغییر کرد؛ چیزی وارد نشد")
        result, action = _decided(current, d, actor, svc)
        gate = Gate(uow, svc.passports.actor, now)
        result = gate.write(PASSPORTS, result, expected=current.revision, action=action,
                            current=current, read=False, audit_as=actor,
                            audit_action=action if action != CENTRE_OVERRIDE else (
                                Action.ACCEPT if d.decision == ACCEPTED else Action.RETURN)).record
        revisions.setdefault(d.record_type, {})[d.uuid] = result.revision
        outcome.decisions += 1
    return revisions


def _answer_proposal(svc: BundleContext, uow: UnitOfWork, plan: ImportPlan, d: CentreDecision,
                     actor: Actor, now: str) -> int:
    """The centre's ID (or refusal) written on the proposal; its revision afterwards."""
    current = uow.agency.get(PROPOSAL_BOOK.kind, d.uuid, ServiceProposal)
    if current is None:
        raise BundleRefused(f"خدمت پیشنهادی «{d.title}» دیگر در این رایانه نیست؛ چیزی تغییر نکرد")
    if current.revision != plan.seen_revisions.get(d.uuid):
        raise ConflictError(f"«{current.title}» در همین میان تغییر کرد؛ چیزی وارد نشد")
    answered = centre_answer(current, svc.passports.today().isoformat(), d.service_id,
                             refused=d.decision == RETURNED, comment=d.comment)
    return save_record(uow, PROPOSAL_BOOK, answered, actor, now).revision


def _answer_step(svc: BundleContext, uow: UnitOfWork, plan: ImportPlan, d: CentreDecision,
                 actor: Actor, now: str) -> int:
    """The centre's validation of a cycle step (or its refusal); its revision afterwards."""
    current = uow.agency.get(STEP_BOOK.kind, d.uuid, CycleStep)
    if current is None:
        raise BundleRefused(f"گام «{d.title}» دیگر در این رایانه نیست؛ چیزی تغییر نکرد")
    if current.revision != plan.seen_revisions.get(d.uuid):
        raise ConflictError(f"«{d.title}» در همین میان تغییر کرد؛ چیزی وارد نشد")
    answered = centre_validation(current, svc.passports.today().isoformat(),
                                 accepted=d.decision == ACCEPTED, comment=d.comment)
    return save_record(uow, STEP_BOOK, answered, actor, now).revision


def _decided(
    current: ServicePassport, d: CentreDecision, actor: Actor, svc: BundleContext,
) -> tuple[ServicePassport, str]:
    """The record after the centre's decision; a chosen "take theirs" applies it whatever the
    local status, through the same life-cycle rule as if the record were still sent."""
    action = ISSUE_ID
    result = current
    if d.decision:
        action = Action.ACCEPT if d.decision == ACCEPTED else Action.RETURN
        start = current if current.status is Status.SENT else replace(current, status=Status.SENT)
        result = transition(start, action, actor, svc.passports.today(), d.comment)
        if current.status is not Status.SENT:
            action = CENTRE_OVERRIDE
    else:
        result = replace(current)
    if d.service_id:
        result.service_id = d.service_id
    return result, action


def _record_received(
    svc: BundleContext, uow: UnitOfWork, plan: ImportPlan, now: str,
    revisions: dict[str, dict[str, int]],
) -> int:
    header = plan.header
    assert header is not None
    cert = plan.report.signer
    in_reply_to = str(header.in_reply_to.get("sha256", "")) if header.in_reply_to else None
    entry = BundleEntry(
        id=0, sha256=plan.sha256, direction=RECEIVED, kind=header.kind,
        bundle_id=header.bundle_id, sequence=header.sequence, created_at=header.created_at,
        recorded_at=now, delta=header.delta, follows=header.follows, in_reply_to=in_reply_to,
        agency=header.agency, province=header.province, sender=header.sender,
        signer=common_name(cert) if cert is not None else "",
        signer_fingerprint=certificate_fingerprint(cert) if cert is not None else "",
        recorded_by=svc.actor_name, file_name=plan.path.name,
        counts={**header.records, **header.files},
    )
    pk = uow.bundles.add(entry)
    for record_type, answered in revisions.items():
        uow.bundles.add_records(pk, record_type, answered.items())
    svc.audit(uow, entry, "bundle_import")
    return pk
