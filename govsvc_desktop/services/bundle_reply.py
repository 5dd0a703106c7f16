"""The centre's side: answer a verified submission with decisions and issued service IDs.

A reply names the bundle it answers by fingerprint and each record by UUID and the revision
it had in that bundle, so the agency can tell whether the record changed since it was sent.
"""

from __future__ import annotations

import uuid as uuid_mod
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from ..domain.bundles import (
    ACCEPTED,
    RETURNED,
    SENT,
    BundleEntry,
    CentreDecision,
    decisions_to_document,
)
from ..domain.choices import Status
from ..domain.errors import GovsvcError
from ..domain.identifiers import canonical_service_id
from ..domain.passport import ServicePassport
from ..domain.persian import to_ascii_digits
from ..exchange.bundle import REPLY, REPLY_FORMAT_VERSION, REPLY_SPEC, SUBMISSION, BundleHeader
from ..exchange.bundle import write_bundle as write_bundle_file
from ..exchange.certificates import (
    SigningIdentity,
    certificate_fingerprint,
    check_usable_for_signing,
    common_name,
)
from .bundle_kinds import PASSPORTS, compact_json

if TYPE_CHECKING:
    from .bundles import BundleService


@dataclass
class ReplyResult:
    path: Path
    sha256: str
    decisions: list[CentreDecision]
    entry: BundleEntry


def _index(passports: list[ServicePassport]) -> dict[str, ServicePassport]:
    found = {p.uuid: p for p in passports}
    for p in passports:
        if p.service_id:
            found.setdefault(p.service_id, p)
    return found


def _lookup(index: dict[str, ServicePassport], ref: str) -> ServicePassport:
    key = to_ascii_digits(ref.strip())
    p = index.get(key) or index.get(key.lower())
    if p is None:
        raise GovsvcError(f"رکورد «{ref}» در این بسته نیست")
    return p


def _decisions(
    passports: list[ServicePassport], accept: Sequence[str], returns: Sequence[tuple[str, str]],
    issue_ids: Sequence[tuple[str, str]],
) -> list[CentreDecision]:
    index = _index(passports)
    chosen: dict[str, dict[str, str]] = {}
    for ref in accept:
        chosen.setdefault(_lookup(index, ref).uuid, {})["decision"] = ACCEPTED
    for ref, comment in returns:
        p = _lookup(index, ref)
        if chosen.get(p.uuid, {}).get("decision") == ACCEPTED:
            raise GovsvcError(f"«{p.title}» هم پذیرفته و هم برگشت داده شده است")
        if not comment.strip():
            raise GovsvcError(f"برای برگشت «{p.title}» نظر مرکز لازم است")
        chosen.setdefault(p.uuid, {}).update(decision=RETURNED, comment=comment.strip())
    for ref, service_id in issue_ids:
        p = _lookup(index, ref)
        canonical = canonical_service_id(service_id)
        if canonical is None:
            raise GovsvcError(f"شناسهٔ خدمت «{service_id}» درست نیست (۸ تا ۱۶ رقم)")
        chosen.setdefault(p.uuid, {})["service_id"] = canonical
    if not chosen:
        raise GovsvcError("پاسخی داده نشد؛ دست‌کم یک --accept یا --return یا --issue-id بدهید")
    by_uuid = {p.uuid: p for p in passports}
    result = []
    for uuid, values in chosen.items():
        p = by_uuid[uuid]
        if values.get("decision") and p.status is not Status.APPROVED:
            raise GovsvcError(
                f"«{p.title}» در بسته «{p.status.label_fa}» است؛ فقط شناسنامهٔ تأییدشده را "
                "می‌توان پذیرفت یا برگشت داد")
        result.append(CentreDecision(uuid, p.revision, p.title, values.get("decision"),
                                     values.get("comment", ""), values.get("service_id", "")))
    return result


def reply(
    svc: BundleService, submission: Path, identity: SigningIdentity, out: Path,
    accept: Sequence[str], returns: Sequence[tuple[str, str]],
    issue_ids: Sequence[tuple[str, str]],
) -> ReplyResult:
    from .bundle_import import BundleRefused
    from .bundles import file_sha256

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
    decisions = _decisions(passports, accept, returns, issue_ids)
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
