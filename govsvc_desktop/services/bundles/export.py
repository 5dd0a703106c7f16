"""Sending: a full or delta bundle of a selection, signed, then its records marked sent.

The order matters for offline work: the file is written beside its target and renamed only
when complete, and only then are approved passports marked sent, all in one transaction.
If anything fails before the commit, the finished file is removed again, so a bundle on
the stick always matches what the database says was sent.
"""

from __future__ import annotations

import uuid as uuid_mod
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govsvc_desktop import __version__
from govsvc_desktop.domain.bundles import SENT, BundleEntry, changed_since
from govsvc_desktop.domain.choices import Role, Status
from govsvc_desktop.domain.errors import GovsvcError, PermissionDenied
from govsvc_desktop.domain.passport.model import APPROVED_STATUSES
from govsvc_desktop.domain.passport.queries import PassportFilter
from govsvc_desktop.domain.persian import format_int
from govsvc_desktop.exchange.asic.writer import AsicWriter, precompressed
from govsvc_desktop.exchange.records.bundle import (
    HEADER_ENTRY,
    REPLY,
    SUBMISSION,
    BundleHeader,
    evidence_entry,
    pdf_entry,
)
from govsvc_desktop.exchange.signing.certificates import (
    SigningIdentity,
    certificate_fingerprint,
    check_usable_for_signing,
    common_name,
)
from govsvc_desktop.services.bundles.context import BundleContext
from govsvc_desktop.services.bundles.kinds import PASSPORTS, Selection, StoredPassport
from govsvc_desktop.services.passports import SentMarks
from govsvc_desktop.store import migrate

Progress = Callable[[int, int], bool]


class ExportCancelled(GovsvcError):
    """The user stopped the export; no file was left and no record was marked sent."""


@dataclass
class ExportPlan:
    """What goes in: records per kind, PDFs, passports to be marked sent, the bundle followed."""

    counts: dict[str, int]
    pdfs: int
    to_mark_sent: int
    delta: bool
    sequence: int
    follows: BundleEntry | None = None
    only: dict[str, frozenset[str]] = field(default_factory=dict)
    passports: dict[str, int] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not any(self.counts.values())

    def summary_fa(self) -> str:
        parts = [f"{format_int(n)} {self.labels.get(name, name)}"
                 for name, n in self.counts.items() if n or name == PASSPORTS.name]
        text = "، ".join(parts) + f"؛ {format_int(self.pdfs)} PDF امضاشده"
        text += f"؛ {format_int(self.to_mark_sent)} شناسنامه «ارسال‌شده» می‌شود"
        if self.delta and self.follows:
            text += f"؛ تغییرات پس از بستهٔ {format_int(self.follows.sequence)}"
        return text


@dataclass
class ExportResult:
    path: Path
    sha256: str
    header: BundleHeader
    marked_sent: int
    entry: BundleEntry


def plan_export(svc: BundleContext, f: PassportFilter, delta: bool) -> ExportPlan:
    with svc.uow_factory() as uow:
        sequence = uow.bundles.last_sequence(SENT, SUBMISSION) + 1
        follows = uow.bundles.last_acknowledged(SUBMISSION) if delta else None
        if delta and follows is None:
            raise GovsvcError("هنوز هیچ بسته‌ای را مرکز تأیید نکرده است؛ نخست یک بستهٔ کامل بفرستید")
        rows = uow.passports.revision_status(f)
        selection = Selection(f, passports={uuid: revision for uuid, revision, _ in rows})
        counts: dict[str, int] = {}
        only: dict[str, frozenset[str]] = {}
        for kind in svc.kinds:
            current = kind.revisions(uow, selection)
            if delta:
                known = uow.bundles.known_revisions(kind.record_type, SUBMISSION, REPLY)
                chosen = frozenset(changed_since(current, known))
            else:
                chosen = frozenset(current)
            counts[kind.name] = len(chosen)
            only[kind.name] = chosen
    chosen = only.get(PASSPORTS.name, frozenset())
    statuses = [Status(status) for uuid, _, status in rows if uuid in chosen]
    pdfs = sum(s in APPROVED_STATUSES for s in statuses) if svc.render_pdf else 0
    to_mark = statuses.count(Status.APPROVED)
    return ExportPlan(counts, pdfs, to_mark, delta, sequence, follows, only,
                      selection.passports, {k.name: k.label_fa for k in svc.kinds})


def _header(
    svc: BundleContext, plan: ExportPlan, records: dict[str, list[Any]], files: dict[str, int],
) -> BundleHeader:
    passports: list[StoredPassport] = records[PASSPORTS.name]
    needs_default = passports and not (svc.settings.agency_name and svc.settings.province)
    first = passports[0].decode() if needs_default else None
    schema: dict[str, Any] = {"database": migrate.head_revision()}
    schema.update({k.spec.format: k.spec.version for k in svc.kinds})
    return BundleHeader(
        kind=SUBMISSION,
        bundle_id=str(uuid_mod.uuid4()),
        created_at=svc.now(),
        agency=svc.settings.agency_name or (first.agency_name if first else ""),
        province=svc.settings.province or (first.province if first else ""),
        sender=svc.actor_name,
        application=f"govsvc-desktop {__version__}",
        schema=schema,
        sequence=plan.sequence,
        delta=plan.delta,
        follows=plan.follows.sha256 if plan.follows else None,
        records={name: len(items) for name, items in records.items() if items},
        files=files,
    )


def export(
    svc: BundleContext, out: Path, identity: SigningIdentity, f: PassportFilter, delta: bool,
    progress: Progress | None,
) -> ExportResult:
    check_usable_for_signing(identity.certificate, svc.clock())
    plan = plan_export(svc, f, delta)
    if plan.empty:
        why = "؛ پس از آخرین بستهٔ تأییدشده چیزی تغییر نکرده است" if delta else ""
        raise GovsvcError(f"رکوردی برای فرستادن نیست{why}")
    if plan.to_mark_sent and not svc.passports.actor.can(Role.PREPARER):
        raise PermissionDenied("ثبت ارسال شناسنامه‌ها فقط از عهدهٔ نقش «تهیه‌کننده» برمی‌آید")
    with svc.uow_factory() as uow:
        records = {kind.name: kind.collect(uow, Selection(f, plan.only[kind.name],
                                                          plan.passports))
                   for kind in svc.kinds}
    passports: list[StoredPassport] = records[PASSPORTS.name]
    approved = [r for r in passports if r.status in APPROVED_STATUSES] if svc.render_pdf else []
    documents = [(kind.spec.entry, kind.dump(records[kind.name]))
                 for kind in svc.kinds if records[kind.name]]
    evidence: dict[str, Any] = {}
    for kind in svc.kinds:
        for record in records[kind.name]:
            evidence.update(dict(kind.evidence(record)))
    ticker = _Ticker(progress, len(approved) + len(evidence) + 2)
    sent = [(s.uuid, s.revision, s.document) for s in passports if s.status is Status.APPROVED]
    with AsicWriter(identity, out, svc.limits) as writer, ThreadPoolExecutor(1) as background:
        # the record files deflate in the background (zlib lets go of the interpreter) while
        # the forms are signed and the passports' sent state prepared here
        deflating = background.submit(_add_all, writer, documents)
        try:
            pdfs = _signed_pdfs(svc, identity, approved, ticker)
            marks = svc.passports.prepare_sent_marks(sent)
        finally:
            wait([deflating])
        deflating.result()
        for uuid, pdf in pdfs:
            writer.add(pdf_entry(uuid), pdf)
        for done, (digest, source) in enumerate(sorted(evidence.items()), start=1):
            data = source if source is not None else _stored_file(svc, digest)
            writer.add(evidence_entry(digest), data, stored=precompressed(data))
            ticker(len(approved) + done)
        header = _header(svc, plan, records, {"pdf": len(pdfs), "evidence": len(evidence)})
        writer.add(HEADER_ENTRY, header.to_json())
        sha256 = writer.finish()
    try:
        entry = _record_sent(svc, out, sha256, header, identity, records, marks)
    except BaseException:
        out.unlink(missing_ok=True)
        raise
    ticker.finish()
    return ExportResult(out, sha256, header, len(sent), entry)


def _stored_file(svc: BundleContext, digest: str) -> bytes:
    """A file a record cites, read from the database only when it is written to the bundle."""
    with svc.uow_factory() as uow:
        data = uow.plans.evidence(digest)
    if data is None:
        raise GovsvcError(f"پروندهٔ پیوست یا شاهد {digest[:12]}… در پایگاه داده نیست؛ بسته ساخته نشد")
    return data


def _add_all(writer: AsicWriter, entries: list[tuple[str, bytes]]) -> None:
    for name, data in entries:
        writer.add(name, data)


class _Ticker:
    """Progress over the whole export; answering False cancels until the file is complete."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress = progress
        self.total = total

    def __call__(self, done: int) -> None:
        if self.progress is not None and not self.progress(min(done, self.total), self.total):
            raise ExportCancelled("ارسال لغو شد؛ پرونده‌ای نوشته نشد و وضعیت رکوردها تغییر نکرد")

    def finish(self) -> None:
        if self.progress is not None:
            self.progress(self.total, self.total)


def _signed_pdfs(
    svc: BundleContext, identity: SigningIdentity, approved: list[StoredPassport],
    tick: _Ticker,
) -> list[tuple[str, bytes]]:
    """Each approved passport's PDF, PAdES-signed (pyHanko is loaded only when needed)."""
    if not approved or svc.render_pdf is None:
        return []
    from govsvc_desktop.exchange.signing.pdf import PdfSigner

    signer = PdfSigner(identity, reason="شناسنامهٔ خدمت تأییدشده")
    result = []
    for i, stored in enumerate(approved, start=1):
        pdf = svc.render_pdf(stored)
        if pdf:
            result.append((stored.uuid, signer.sign(pdf)))
        tick(i)
    return result


def _record_sent(
    svc: BundleContext, out: Path, sha256: str, header: BundleHeader,
    identity: SigningIdentity, records: dict[str, list[Any]], marks: SentMarks,
) -> BundleEntry:
    with svc.uow_factory() as uow:
        revisions: dict[str, dict[str, int]] = {}
        for kind in svc.kinds:
            revisions[kind.name] = dict(kind.key(r) for r in records[kind.name])
        revisions[PASSPORTS.name].update(svc.passports.apply_sent_marks(uow, marks))
        for kind in svc.kinds:
            if kind.mark_sent is not None and records[kind.name]:
                revisions[kind.name].update(kind.mark_sent(uow, records[kind.name],
                                                           svc.passports.actor, svc.now()))
        entry = BundleEntry(
            id=0, sha256=sha256, direction=SENT, kind=SUBMISSION, bundle_id=header.bundle_id,
            sequence=header.sequence, created_at=header.created_at, recorded_at=svc.now(),
            delta=header.delta, follows=header.follows, agency=header.agency,
            province=header.province, sender=header.sender,
            signer=common_name(identity.certificate),
            signer_fingerprint=certificate_fingerprint(identity.certificate),
            recorded_by=svc.actor_name, file_name=out.name,
            counts={**header.records, **header.files},
        )
        pk = uow.bundles.add(entry)
        for kind in svc.kinds:
            uow.bundles.add_records(pk, kind.record_type, revisions[kind.name].items())
        svc.audit(uow, entry, "bundle_export")
        uow.commit()
    return BundleEntry(**{**entry.__dict__, "id": pk})
