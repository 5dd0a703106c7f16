"""Approval as a signature: the head of the agency signs the approval statement of a record
(``domain.approval``) with their certificate, and every reader checks it again.

The signature is a detached CMS (CAdES-BES) over the statement's bytes, kept base64 in the
record's ``approval_signature``; ``openssl cms -verify -binary -content STATEMENT`` checks it
as well as this program does. Checking goes through the one trust engine, at the present
time, against the trusted roots and imported revocation lists.
"""

from __future__ import annotations

import base64
import binascii
import copy
import datetime as dt
from collections.abc import Callable
from typing import Any

from govsvc_desktop.domain.approval import ApprovalCheck, approval_hash, statement
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.exchange.checks import (
    CHAIN,
    KEY_USAGE,
    MESSAGE_DIGEST,
    SIGNATURE_VALUE,
    STRUCTURE,
)
from govsvc_desktop.exchange.signing.certificates import (
    SigningIdentity,
    certificate_fingerprint,
    common_name,
)
from govsvc_desktop.exchange.signing.cms import sign_detached, verify_detached
from govsvc_desktop.exchange.signing.trust_engine import TrustAnchors

AnchorSource = Callable[[], TrustAnchors]


def default_anchors() -> TrustAnchors:
    from govsvc_desktop.services.certificates import CertificateService

    return CertificateService.default().anchors()


class Approvals:
    """Signs approvals with a head's identity and checks the approvals records carry."""

    def __init__(self, anchors: AnchorSource = default_anchors) -> None:
        self.anchors = anchors

    def sign(self, record_type: str, record: Any, identity: SigningIdentity,
             on: dt.date) -> Any:
        """A copy of ``record`` stamped approved by the identity's holder on ``on`` and signed.

        The name on the approval is the certificate's, never a name typed in the settings.
        """
        name = common_name(identity.certificate)
        if not name:
            raise GovsvcError("گواهی امضا نام دارنده (CN) ندارد؛ تأیید باید به نام رئیس دستگاه باشد")
        result = copy.deepcopy(record)
        result.approved_by = name
        result.approved_on = on.isoformat()
        signed = sign_detached(statement(record_type, result, name, result.approved_on), identity)
        result.approval_signature = base64.b64encode(signed).decode("ascii")
        return result

    def check(self, record_type: str, record: Any) -> ApprovalCheck:
        """How the record's approval stands now: intact, by a trusted and valid certificate."""
        if not record.approval_signature:
            return ApprovalCheck(signed=False)
        if not record.approved_by or not record.approved_on:
            return ApprovalCheck(signed=True, reason_fa="نام یا تاریخ تأیید پاک شده است")
        try:
            der = base64.b64decode(record.approval_signature, validate=True)
            data = statement(record_type, record, record.approved_by, record.approved_on)
        except (binascii.Error, ValueError):
            return ApprovalCheck(signed=True, reason_fa="امضای تأیید خوانده نمی‌شود")
        report = verify_detached(der, data, self.anchors())
        passed = {c.name for c in report.checks if c.passed}
        intact = {STRUCTURE, MESSAGE_DIGEST, SIGNATURE_VALUE} <= passed
        trusted = {CHAIN, KEY_USAGE} <= passed
        cert = report.signer
        reason = ""
        if not intact:
            reason = "محتوا، نام یا تاریخ تأیید پس از امضا تغییر کرده است"
        elif not trusted:
            reason = "؛ ".join(c.message_fa for c in report.failed() if c.name in (CHAIN, KEY_USAGE))
        elif cert is not None and common_name(cert) != record.approved_by:
            intact, reason = False, "نام تأییدکننده با دارندهٔ گواهی امضا یکی نیست"
        return ApprovalCheck(
            signed=True, intact=intact, trusted=trusted,
            signer=common_name(cert) if cert is not None else "",
            fingerprint=certificate_fingerprint(cert) if cert is not None else "",
            approval_hash=approval_hash(data), reason_fa=reason)

    @staticmethod
    def facts(record_type: str, record: Any) -> ApprovalCheck:
        """What a printed form shows of the approval: signer, fingerprint, hash and whether it
        still matches the record, without judging trust (the form is not a verifier)."""
        return Approvals(lambda: TrustAnchors()).check(record_type, record)

    @staticmethod
    def statement_of(record_type: str, record: Any) -> bytes:
        """The bytes the approval signed, for checking it with other tools."""
        return statement(record_type, record, record.approved_by, record.approved_on or "")
