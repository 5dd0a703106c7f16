"""What every step of sending, receiving and answering a bundle shares, handed to the step
modules explicitly: the services, the record kinds, the limits and the person, the trust
this installation has, and the audit of bundle events."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable, Sequence
from typing import Any

from govsvc_desktop import config
from govsvc_desktop.config import os_reason_fa
from govsvc_desktop.domain.approval import ApprovalCheck
from govsvc_desktop.domain.bundles import BundleEntry
from govsvc_desktop.domain.errors import GovsvcError, NotFoundError
from govsvc_desktop.exchange.asic.writer import AsicLimits
from govsvc_desktop.exchange.records.bundle import BundleReport, verify_bundle
from govsvc_desktop.services.approvals import Approvals
from govsvc_desktop.services.bundles.kinds import RecordKindAdapter, StoredPassport
from govsvc_desktop.services.bundles.registry import record_kinds
from govsvc_desktop.services.certificates import CertificateService
from govsvc_desktop.services.passports import PassportService, iso_now
from govsvc_desktop.store.uow import UnitOfWork

# a passport's form for a bundle, from the record as stored (decoded only if it is drawn)
RenderPdf = Callable[[StoredPassport], bytes | None]
Progress = Callable[[int, int], bool]  # (done, total) → keep going?


class ImportCancelled(GovsvcError):
    """The user stopped reading the bundle; nothing was changed."""


def file_sha256(path: str | os.PathLike[str]) -> str:
    try:
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except FileNotFoundError:
        raise NotFoundError(f"پرونده «{os.fspath(path)}» پیدا نشد") from None
    except OSError as exc:
        raise GovsvcError(f"پرونده «{os.fspath(path)}» خوانده نشد ({os_reason_fa(exc)})") from None


class BundleContext:
    """The services, kinds and limits the bundle steps work with, for one database and one
    person; ``render_pdf`` makes an approved passport's PDF."""

    def __init__(
        self,
        uow_factory: Callable[[], UnitOfWork],
        passports: PassportService,
        certificates: CertificateService,
        *,
        render_pdf: RenderPdf | None = None,
        kinds: Sequence[RecordKindAdapter] | None = None,
        limits: AsicLimits | None = None,
    ) -> None:
        self.uow_factory = uow_factory
        self.passports = passports
        self.certificates = certificates
        self.render_pdf = render_pdf
        self.kinds = list(kinds) if kinds is not None else record_kinds()
        self.limits = limits or AsicLimits()

    @property
    def settings(self) -> config.Settings:
        return self.passports.session.settings

    @property
    def actor_name(self) -> str:
        return self.passports.actor.name

    def now(self) -> str:
        return iso_now(self.passports.clock)

    def approval_check(self, record: Any) -> ApprovalCheck:
        """A carried approval judged against this installation's trust (the bundle's)."""
        return Approvals(self.certificates.anchors).check("passport", record)

    def clock(self) -> dt.datetime:
        return self.passports.clock()

    def verify(
        self, path: str | os.PathLike[str], progress: Progress | None = None,
        keep: Callable[[str], bool] | None = None, records: bool = True,
    ) -> BundleReport:
        """Every check on a bundle against this installation's trusted CAs; never raises.
        Without ``records``, whether it is genuine and intact without reading the record
        files (an import always reads them)."""
        def tick(done: int, total: int) -> None:
            if progress is not None and not progress(done, total):
                raise ImportCancelled("بررسی بسته لغو شد")

        return verify_bundle(path, self.certificates.anchors(),
                             [k.spec for k in self.kinds], limits=self.limits,
                             progress=tick, keep=keep, records=records)

    def audit(self, uow: UnitOfWork, entry: BundleEntry, action: str) -> None:
        """Bundle events in the audit trail, named by the bundle's ID, with its fingerprint."""
        actor = self.passports.actor
        uow.audit.record(at=self.now(), actor=actor.name, username=actor.username,
                         record_type="bundle", record_uuid=entry.bundle_id[:36],
                         revision=entry.sequence, action=action,
                         changes=[("sha256", None, entry.sha256)])

