"""The centre's side: answer a verified submission with decisions and issued service IDs.

A reply names the bundle it answers by fingerprint and each record by UUID and the revision
it had in that bundle, so the agency can tell whether the record changed since it was sent.
"""

from __future__ import annotations

import uuid as uuid_mod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govsvc_desktop import __version__
from govsvc_desktop.domain.agency.cycle import CycleStep, StepStatus
from govsvc_desktop.domain.agency.proposals import AWAITING_CENTRE, ServiceProposal
from govsvc_desktop.domain.bundles import (
    ACCEPTED,
    RETURNED,
    SENT,
    BundleEntry,
    CentreDecision,
    decisions_to_document,
)
from govsvc_desktop.domain.choices import Status
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.domain.identifiers import canonical_service_id
from govsvc_desktop.domain.passport.model import ServicePassport
from govsvc_desktop.domain.persian import to_ascii_digits
from govsvc_desktop.domain.reference import document_problems
from govsvc_desktop.exchange.records.bundle import (
    REPLY,
    REPLY_FORMAT_VERSION,
    REPLY_SPEC,
    SUBMISSION,
    BundleHeader,
)
from govsvc_desktop.exchange.records.bundle import write_bundle as write_bundle_file
from govsvc_desktop.exchange.signing.certificates import (
    SigningIdentity,
    certificate_fingerprint,
    check_usable_for_signing,
    common_name,
)
from govsvc_desktop.services.bundles.agency import STEPS_KIND
from govsvc_desktop.services.bundles.context import BundleContext, file_sha256
from govsvc_desktop.services.bundles.kinds import PASSPORTS, compact_json
from govsvc_desktop.services.bundles.proposals import PROPOSALS, parse_proposals


@dataclass
class ReplyResult:
    path: Path
    sha256: str
    decisions: list[CentreDecision]
    entry: BundleEntry


@dataclass(frozen=True)
class _Answerable:
    """A record of the submission the centre may answer, whatever its kind."""

    record_type: str
    uuid: str
    revision: int
    title: str
    service_id: str
    status_fa: str
    decidable: bool  # may be accepted or returned: an approved passport, a proposal under review


def _answerable(passports: list[ServicePassport], proposals: list[ServiceProposal],
                steps: Sequence[CycleStep] = ()) -> list[_Answerable]:
    found = [_Answerable("passport", p.uuid, p.revision, p.title, p.service_id,
                         p.status.label_fa, p.status is Status.APPROVED) for p in passports]
    found += [_Answerable("proposal", p.uuid, p.revision, p.title, p.issued_service_id,
                          p.status.label_fa, p.status in AWAITING_CENTRE) for p in proposals]
    found += [_Answerable("step", s.uuid, s.revision, f"گام {s.step.value}: {s.step.label_fa}", "",
                          s.status.label_fa, s.status is StepStatus.SUBMITTED) for s in steps]
    return found


def _index(records: list[_Answerable]) -> dict[str, _Answerable]:
    found = {r.uuid: r for r in records}
    for r in records:
        if r.service_id:
            found.setdefault(r.service_id, r)
    return found


def _lookup(index: dict[str, _Answerable], ref: str) -> _Answerable:
    key = to_ascii_digits(ref.strip())
    r = index.get(key) or index.get(key.lower())
    if r is None:
        raise GovsvcError(f"رکورد «{ref}» در این بسته نیست")
    return r


def _decisions(
    records: list[_Answerable], accept: Sequence[str], returns: Sequence[tuple[str, str]],
    issue_ids: Sequence[tuple[str, str]],
) -> list[CentreDecision]:
    index = _index(records)
    chosen: dict[str, dict[str, str]] = {}
    for ref in accept:
        r = _lookup(index, ref)
        if r.record_type == "proposal":
            raise GovsvcError(f"خدمت پیشنهادی «{r.title}» با صدور شناسه پذیرفته می‌شود؛ "
                              "--issue-id بدهید")
        chosen.setdefault(r.uuid, {})["decision"] = ACCEPTED
    for ref, comment in returns:
        r = _lookup(index, ref)
        if chosen.get(r.uuid, {}).get("decision") == ACCEPTED:
            raise GovsvcError(f"«{r.title}» هم پذیرفته و هم برگشت داده شده است")
        if not comment.strip():
            raise GovsvcError(f"برای برگشت «{r.title}» نظر مرکز لازم است")
        chosen.setdefault(r.uuid, {}).update(decision=RETURNED, comment=comment.strip())
    for ref, service_id in issue_ids:
        r = _lookup(index, ref)
        if r.record_type == "step":
            raise GovsvcError(f"به «{r.title}» شناسهٔ خدمت داده نمی‌شود؛ آن را بپذیرید یا برگردانید")
        canonical = canonical_service_id(service_id)
        if canonical is None:
            raise GovsvcError(f"شناسهٔ خدمت «{service_id}» درست نیست (فقط رقم)")
        chosen.setdefault(r.uuid, {})["service_id"] = canonical
    if not chosen:
        raise GovsvcError("پاسخی داده نشد؛ دست‌کم یک --accept یا --return یا --issue-id بدهید")
    by_uuid = {r.uuid: r for r in records}
    result = []
    for uuid, values in chosen.items():
        r = by_uuid[uuid]
        if r.record_type == "proposal" and not r.decidable:
            raise GovsvcError(f"خدمت پیشنهادی «{r.title}» در بسته «{r.status_fa}» است؛ فقط به "
                              "پیشنهادهای در حال بررسی می‌توان پاسخ داد")
        if values.get("decision") and values.get("service_id") and r.record_type == "proposal":
            raise GovsvcError(f"برای خدمت پیشنهادی «{r.title}» یا شناسه صادر کنید یا آن را رد کنید")
        if r.record_type == "step" and not r.decidable:
            raise GovsvcError(f"«{r.title}» در بسته «{r.status_fa}» است؛ فقط گامی که برای "
                              "اعتبارسنجی فرستاده شده پاسخ می‌گیرد")
        if values.get("decision") and not r.decidable:
            raise GovsvcError(
                f"«{r.title}» در بسته «{r.status_fa}» است؛ فقط شناسنامهٔ تأییدشده را "
                "می‌توان پذیرفت یا برگشت داد")
        result.append(CentreDecision(uuid, r.revision, r.title, values.get("decision"),
                                     values.get("comment", ""), values.get("service_id", ""),
                                     r.record_type))
    return result


def reply(
    svc: BundleContext, submission: Path, identity: SigningIdentity, out: Path,
    accept: Sequence[str], returns: Sequence[tuple[str, str]],
    issue_ids: Sequence[tuple[str, str]], reference_lists: Mapping[str, Any] | None = None,
) -> ReplyResult:
    """``reference_lists`` are official list documents (``{"divisions": {...}}``) the centre
    sends with its answer; the agency applies them when it imports the reply."""
    from govsvc_desktop.services.bundles.importing import BundleRefused

    check_usable_for_signing(identity.certificate, svc.clock())
    sha256 = file_sha256(submission)
    report = svc.verify(submission)
    if not report.ok or report.header is None:
        lines = "\n".join(("✔ " if c.passed else "✘ ") + c.message_fa for c in report.checks)
        raise BundleRefused("بستهٔ دریافتی پذیرفته نشد و پاسخی ساخته نشد:\n" + lines)
    if report.header.kind != SUBMISSION:
        raise GovsvcError("به بستهٔ پاسخ نمی‌توان پاسخ داد")
    passports = PASSPORTS.parse(report.documents.get(PASSPORTS.spec.entry) or {
        "format": PASSPORTS.spec.format, "format_version": 1, "passports": []})
    proposals_document = report.documents.get(PROPOSALS.spec.entry)
    proposals = parse_proposals(proposals_document) if proposals_document else []
    steps_document = report.documents.get(STEPS_KIND.spec.entry)
    steps = STEPS_KIND.parse(steps_document) if steps_document else []
    decisions = (_decisions(_answerable(passports, proposals, steps), accept, returns, issue_ids)
                 if accept or returns or issue_ids or not reference_lists else [])
    for name, doc in (reference_lists or {}).items():
        problems = document_problems(name, doc)
        if problems:
            raise GovsvcError(problems[0])
    answered = {"sha256": sha256, "bundle_id": report.header.bundle_id,
                "sequence": report.header.sequence}
    with svc.uow_factory() as uow:
        sequence = uow.bundles.last_sequence(SENT, REPLY) + 1
    header = BundleHeader(
        kind=REPLY, bundle_id=str(uuid_mod.uuid4()), created_at=svc.now(),
        agency=svc.settings.agency_name, province=svc.settings.province, sender=svc.actor_name,
        application=f"govsvc-desktop {__version__}",
        schema={REPLY_SPEC.format: REPLY_FORMAT_VERSION}, sequence=sequence,
        in_reply_to=answered, records={"reply": len(decisions)}, files={"pdf": 0, "evidence": 0},
    )
    document = decisions_to_document(decisions, answered, REPLY_FORMAT_VERSION)
    if reference_lists:
        document["reference_lists"] = dict(reference_lists)
    digest = write_bundle_file(out, header, identity, [(REPLY_SPEC.entry, compact_json(document))],
                               limits=svc.limits)
    entry = BundleEntry(
        id=0, sha256=digest, direction=SENT, kind=REPLY, bundle_id=header.bundle_id,
        sequence=sequence, created_at=header.created_at, recorded_at=svc.now(),
        in_reply_to=sha256, agency=header.agency, province=header.province,
        sender=header.sender, signer=common_name(identity.certificate),
        signer_fingerprint=certificate_fingerprint(identity.certificate),
        recorded_by=svc.actor_name, file_name=out.name, counts=dict(header.records),
    )
    try:
        with svc.uow_factory() as uow:
            pk = uow.bundles.add(entry)
            svc.audit(uow, entry, "bundle_reply")
            uow.commit()
    except BaseException:
        out.unlink(missing_ok=True)
        raise
    return ReplyResult(out, digest, decisions, BundleEntry(**{**entry.__dict__, "id": pk}))
