"""PAdES signatures on passport PDFs, with the same certificate that signs the bundle.

A printed or forwarded PDF leaves the bundle behind, so each approved passport's PDF carries
its own signature (PAdES baseline B-B: a CAdES detached signature over the byte ranges, no
signing-time attribute, the time in the signature dictionary). The PDFs this application
makes get their incremental update from ``pdf_update``; any other PDF goes through pyHanko.
The CMS comes from ``CadesSigner`` so that a batch of a thousand PDFs
costs one key operation each instead of a full ASN.1 build. Checking is pyHanko's validator
against the user's trusted roots, offline.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from asn1crypto import cms
from cryptography import x509
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.signers.pdf_cms import Signer
from pyhanko.sign.validation import validate_pdf_signature

from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.exchange.checks import to_asn1
from govsvc_desktop.exchange.signing.certificates import SigningIdentity, common_name
from govsvc_desktop.exchange.signing.cms import CadesSigner
from govsvc_desktop.exchange.signing.pdf_update import SignatureFields, sign_simple_pdf
from govsvc_desktop.exchange.signing.trust_engine import (
    TrustAnchors,
    as_anchors,
    validation_context,
)

log = logging.getLogger(__name__)

FIELD_NAME = "GovsvcSignature"
_RESERVE_MARGIN = 512


class PdfSigningError(GovsvcError):
    """The PDF could not be read or signed (damaged, encrypted or not a PDF)."""


class _PrecomputedCadesSigner(Signer):
    """Hands pyHanko a CMS made by ``CadesSigner`` over the document digest pyHanko computed."""

    def __init__(self, cades: CadesSigner) -> None:
        super().__init__(signing_cert=to_asn1(cades.identity.certificate))
        self._cades = cades

    async def async_sign(
        self, data_digest: bytes, digest_algorithm: str, *args: Any, **kwargs: Any
    ) -> cms.ContentInfo:
        if digest_algorithm.lower() != "sha256":
            raise PdfSigningError(f"الگوریتم چکیدهٔ {digest_algorithm} برای امضای PDF پشتیبانی نمی‌شود")
        return cms.ContentInfo.load(self._cades.sign_digest(data_digest))


class PdfSigner:
    """Signs PDFs one after another with one identity (refused if it cannot sign now)."""

    def __init__(self, identity: SigningIdentity, *, reason: str = "", location: str = "") -> None:
        self._cades = CadesSigner(identity, include_signing_time=False)
        self._signer = _PrecomputedCadesSigner(self._cades)
        self._reserved = 2 * (len(self._cades.sign_digest(bytes(32))) + _RESERVE_MARGIN)
        self._meta = signers.PdfSignatureMetadata(
            field_name=FIELD_NAME,
            md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.PADES,
            reason=reason or None,
            location=location or None,
            name=common_name(identity.certificate) or None,
        )
        self._fields = SignatureFields(FIELD_NAME, common_name(identity.certificate), reason,
                                       location)

    def sign(self, pdf: bytes) -> bytes:
        try:
            quick = sign_simple_pdf(pdf, self._cades.sign_digest, self._reserved, self._fields)
        except ValueError:
            quick = None
        if quick is not None:
            return quick
        try:
            writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
            out = signers.sign_pdf(
                writer, self._meta, signer=self._signer, bytes_reserved=self._reserved
            )
        except GovsvcError:
            raise
        except Exception as exc:
            log.info("PDF could not be signed", exc_info=True)
            raise PdfSigningError(f"امضای PDF ممکن نشد؛ پرونده خراب یا رمزگذاری‌شده است ({exc})") from None
        return bytes(out.getvalue())


def sign_pdf(pdf_bytes: bytes, identity: SigningIdentity) -> bytes:
    """One PDF signed with PAdES by ``identity``; an expired certificate is refused."""
    return PdfSigner(identity).sign(pdf_bytes)


@dataclass(frozen=True)
class PdfSignatureStatus:
    """What a PDF's signature says: unchanged since signing, by whom, trusted or not."""

    signed: bool
    intact: bool = False
    valid: bool = False
    trusted: bool = False
    signer: str = ""
    covers_whole_file: bool = False

    @property
    def ok(self) -> bool:
        return self.signed and self.intact and self.valid and self.trusted

    def summary_fa(self) -> str:
        if not self.signed:
            return "پروندهٔ PDF امضا ندارد"
        if not (self.intact and self.valid):
            return "امضای PDF معتبر نیست یا پرونده پس از امضا تغییر کرده است"
        if not self.trusted:
            return f"امضای PDF درست است اما گواهی «{self.signer}» به مرجع مورد اعتمادی نمی‌رسد"
        return f"امضای PDF معتبر است (امضاکننده: {self.signer})"


def verify_pdf(pdf_bytes: bytes,
               trusted_roots: Iterable[x509.Certificate] | TrustAnchors) -> PdfSignatureStatus:
    """Check the last signature of a PDF offline against ``trusted_roots`` (and revocation
    lists), through the same trust engine as bundles and approvals."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
        embedded = reader.embedded_signatures
    except Exception:
        return PdfSignatureStatus(signed=False)
    if not embedded:
        return PdfSignatureStatus(signed=False)
    sig = embedded[-1]
    leaf = x509.load_der_x509_certificate(sig.signer_cert.dump()) if sig.signer_cert else None
    context = validation_context(as_anchors(trusted_roots), leaf=leaf)
    try:
        status = validate_pdf_signature(sig, context)
    except Exception:
        log.info("PDF signature could not be validated", exc_info=True)
        return PdfSignatureStatus(signed=True)
    signer = status.signing_cert.subject.human_friendly if status.signing_cert else ""
    coverage = getattr(status, "coverage", None)
    return PdfSignatureStatus(
        signed=True,
        intact=bool(status.intact),
        valid=bool(status.valid),
        trusted=bool(status.trusted),
        signer=str(signer),
        covers_whole_file=coverage is not None and coverage.name == "ENTIRE_FILE",
    )

