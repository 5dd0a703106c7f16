"""Signed bundles as use cases: send (export), check (verify), receive (import), answer
(the centre's reply), and the history of bundles with their fingerprints.

``BundleService`` holds what the steps share; the steps live in ``bundle_export``,
``bundle_import`` and ``bundle_reply``. Every step that writes runs in one transaction.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from govsvc_desktop.domain.bundles import SENT, BundleEntry
from govsvc_desktop.domain.errors import GovsvcError, NotFoundError
from govsvc_desktop.domain.passport.queries import PassportFilter
from govsvc_desktop.exchange.records.bundle import BundleReport
from govsvc_desktop.exchange.signing.certificates import SigningIdentity
from govsvc_desktop.services.bundles import export as bundle_export
from govsvc_desktop.services.bundles import importing as bundle_import
from govsvc_desktop.services.bundles import reply as bundle_reply
from govsvc_desktop.services.bundles.context import BundleContext, Progress, RenderPdf, file_sha256
from govsvc_desktop.services.bundles.kinds import StoredPassport

ExportPlan = bundle_export.ExportPlan
ExportResult = bundle_export.ExportResult
ImportPlan = bundle_import.ImportPlan
ImportOutcome = bundle_import.ImportOutcome
ReplyResult = bundle_reply.ReplyResult
BundleRefused = bundle_import.BundleRefused
ExportCancelled = bundle_export.ExportCancelled


def default_pdf_renderer() -> RenderPdf:
    """The official passport form (Appendix B) is what bundles carry for approved passports."""
    from govsvc_desktop.reports.passport_pdf import PdfOptions, passport_pdf_bytes
    from govsvc_desktop.services.printing import approval_facts

    def render(stored: StoredPassport) -> bytes:
        p = stored.decode()
        return passport_pdf_bytes(p, PdfOptions(attachments=stored.attachments,
                                                approvals=approval_facts([p])))

    return render


class BundleService(BundleContext):
    """Bundles for one database and one person: sending, checking, receiving, answering and
    the history. Each step lives in its own module and is handed this service as its
    explicit ``BundleContext``."""

    # sending
    def plan_export(self, f: PassportFilter = PassportFilter(), delta: bool = False) -> ExportPlan:
        """What an export would carry now, for the summary shown before sending."""
        return bundle_export.plan_export(self, f, delta)

    def export(
        self, out: str | os.PathLike[str], identity: SigningIdentity,
        f: PassportFilter = PassportFilter(), delta: bool = False,
        progress: Progress | None = None,
    ) -> ExportResult:
        """Write a signed bundle, then mark its approved passports sent, in one transaction."""
        return bundle_export.export(self, Path(out), identity, f, delta, progress)

    def check_records(self, report: BundleReport) -> bool:
        """The checks an import makes on every record (decoding, validation, duplicates),
        added to ``report`` as one more check; for ``bundle verify --records``."""
        problems: list[str] = []
        for kind in self.kinds:
            document = report.documents.get(kind.spec.entry)
            if document is None:
                continue
            try:
                kind.parse(document)
            except GovsvcError as exc:
                problems.append(exc.message_fa)
        return report.add(
            "records", not problems,
            "\n".join(problems) if problems else "همهٔ رکوردها قاعده‌هایی را که ورود می‌سنجد رعایت می‌کنند")

    def prepare_import(
        self, path: str | os.PathLike[str], progress: Progress | None = None,
    ) -> ImportPlan:
        """Verify, then work out what importing would change; nothing is written."""
        return bundle_import.prepare(self, Path(path), progress)

    def apply_import(
        self, plan: ImportPlan, take_theirs: Sequence[str] = (), keep_mine: Sequence[str] = (),
    ) -> ImportOutcome:
        """Apply a prepared import in one transaction; conflicts need a choice each."""
        return bundle_import.apply(self, plan, frozenset(take_theirs), frozenset(keep_mine))

    # the centre's side
    def reply(
        self, submission: str | os.PathLike[str], identity: SigningIdentity,
        out: str | os.PathLike[str], *, accept: Sequence[str] = (),
        returns: Sequence[tuple[str, str]] = (), issue_ids: Sequence[tuple[str, str]] = (),
        reference_lists: Mapping[str, Any] | None = None,
    ) -> ReplyResult:
        """Answer a submission: decisions, issued service IDs and newer official lists,
        signed by the centre."""
        return bundle_reply.reply(self, Path(submission), identity, Path(out), accept, returns,
                                  issue_ids, reference_lists)

    # history
    def history(self, direction: str | None = None) -> list[BundleEntry]:
        with self.uow_factory() as uow:
            return uow.bundles.history(direction)

    def find(self, ref: str, direction: str | None = SENT) -> BundleEntry:
        """A bundle by file path or by (a prefix of) its fingerprint."""
        key = file_sha256(ref) if Path(ref).is_file() else ref.strip().lower()
        with self.uow_factory() as uow:
            hits = uow.bundles.find_prefix(key, direction) if len(key) >= 8 else []
        if len(hits) != 1:
            raise NotFoundError(f"{'چند' if hits else 'هیچ'} بسته‌ای با «{ref}» در تاریخچه پیدا شد")
        return hits[0]

    def acknowledge(self, ref: str) -> BundleEntry:
        """Record that the centre confirmed receiving a bundle sent from here (deltas follow it)."""
        entry = self.find(ref, SENT)
        if entry.acknowledged:
            return entry
        with self.uow_factory() as uow:
            uow.bundles.acknowledge(entry.id, self.now(), "manual")
            self.audit(uow, entry, "bundle_ack")
            uow.commit()
        return self.find(entry.sha256, SENT)
