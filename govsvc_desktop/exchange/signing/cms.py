"""Detached CMS signatures in the CAdES-BES profile, made without a network.

A bundle is signed once, over its manifest, so the signature covers every file by digest.
CAdES-BES (ETSI EN 319 122-1) needs the ESS signing-certificate-v2 attribute, which ties the
signature to one certificate so that a second certificate for the same key cannot be swapped
in; ``cryptography``'s PKCS#7 builder cannot add it, so the SignedData is assembled with
asn1crypto and only the private-key operation is done by ``cryptography``.

Checking signatures lives in ``cades_verify``; its names are re-exported here so callers
have one module for "signatures".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os

from asn1crypto import cms
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

from govsvc_desktop.exchange.checks import (
    CHAIN,
    CONTENT_TYPE,
    DIGEST_ALGORITHM,
    KEY_USAGE,
    MESSAGE_DIGEST,
    SIGNATURE_VALUE,
    SIGNED_ATTRIBUTES,
    SIGNER_CERTIFICATE,
    SIGNING_CERTIFICATE_V2,
    SIGNING_TIME,
    STRUCTURE,
    Check,
    CheckList,
    VerificationReport,
    to_asn1,
)
from govsvc_desktop.exchange.signing.cades_verify import verify_detached
from govsvc_desktop.exchange.signing.certificates import (
    SigningIdentity,
    SigningIdentityError,
    check_usable_for_signing,
    key_matches_certificate,
)
from govsvc_desktop.exchange.signing.trust_engine import certificate_summary

__all__ = [
    "CHAIN",
    "CONTENT_TYPE",
    "DIGEST_ALGORITHM",
    "KEY_USAGE",
    "MESSAGE_DIGEST",
    "SIGNATURE_VALUE",
    "SIGNED_ATTRIBUTES",
    "SIGNER_CERTIFICATE",
    "SIGNING_CERTIFICATE_V2",
    "SIGNING_TIME",
    "STRUCTURE",
    "CadesSigner",
    "Check",
    "CheckList",
    "VerificationReport",
    "certificate_summary",
    "sign_detached",
    "signed_attributes",
    "verify_detached",
]

_DIGEST_LENGTH = 32


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _cms_time(moment: dt.datetime) -> cms.Time:
    """UTCTime up to 2049 and GeneralizedTime after, as RFC 5652 §11.3 requires."""
    if 1950 <= moment.year < 2050:
        return cms.Time({"utc_time": moment})
    return cms.Time({"generalized_time": moment})


def _attributes_for_digest(
    digest: bytes, cert: x509.Certificate, signing_time: dt.datetime | None
) -> cms.CMSAttributes:
    acert = to_asn1(cert)
    ess_cert_id = {
        "cert_hash": hashlib.sha256(acert.dump()).digest(),
        "issuer_serial": {
            "issuer": [asn1_x509.GeneralName({"directory_name": acert.issuer})],
            "serial_number": acert.serial_number,
        },
    }
    attrs: list[dict[str, object]] = [
        {"type": "content_type", "values": ["data"]},
        {"type": "message_digest", "values": [digest]},
    ]
    if signing_time is not None:
        attrs.append({"type": "signing_time", "values": [_cms_time(signing_time)]})
    attrs.append({"type": "signing_certificate_v2", "values": [{"certs": [ess_cert_id]}]})
    return cms.CMSAttributes(attrs)


def signed_attributes(
    content: bytes, cert: x509.Certificate, signing_time: dt.datetime
) -> cms.CMSAttributes:
    """The four CAdES-BES signed attributes, as the DER SET that the key signs."""
    return _attributes_for_digest(hashlib.sha256(content).digest(), cert, signing_time)


def _raw_sign(identity: SigningIdentity, data: bytes) -> tuple[bytes, str]:
    key = identity.private_key
    if isinstance(key, rsa.RSAPrivateKey):
        return key.sign(data, padding.PKCS1v15(), hashes.SHA256()), "sha256_rsa"
    return key.sign(data, ec.ECDSA(hashes.SHA256())), "sha256_ecdsa"


def _content_info(
    identity: SigningIdentity, attrs: cms.CMSAttributes, signature: bytes, algorithm: str
) -> bytes:
    acert = to_asn1(identity.certificate)
    signer_info = cms.SignerInfo(
        {
            "version": "v1",
            "sid": cms.SignerIdentifier(
                {
                    "issuer_and_serial_number": {
                        "issuer": acert.issuer,
                        "serial_number": acert.serial_number,
                    }
                }
            ),
            "digest_algorithm": {"algorithm": "sha256"},
            "signed_attrs": attrs,
            "signature_algorithm": {"algorithm": algorithm},
            "signature": signature,
        }
    )
    signed_data = cms.SignedData(
        {
            "version": "v1",
            "digest_algorithms": [{"algorithm": "sha256"}],
            "encap_content_info": {"content_type": "data"},
            "certificates": [acert, *(to_asn1(c) for c in identity.chain)],
            "signer_infos": [signer_info],
        }
    )
    return bytes(cms.ContentInfo({"content_type": "signed_data", "content": signed_data}).dump())


def _check_identity(identity: SigningIdentity, now: dt.datetime) -> None:
    check_usable_for_signing(identity.certificate, now)
    if not key_matches_certificate(identity.private_key, identity.certificate):
        raise SigningIdentityError("کلید خصوصی با گواهی امضا جور نیست")


def sign_detached(content: bytes, identity: SigningIdentity, now: dt.datetime | None = None) -> bytes:
    """Sign ``content`` exactly as given (binary) and return the DER ContentInfo.

    Refuses certificates that are expired, not yet valid or not for signing: such a signature
    would be rejected at the centre, after the USB stick has travelled. ``now`` is the signing
    time (the clock's, unless given).
    """
    now = (now or _utcnow()).replace(microsecond=0)
    _check_identity(identity, now)
    attrs = _attributes_for_digest(hashlib.sha256(content).digest(), identity.certificate, now)
    signature, algorithm = _raw_sign(identity, attrs.dump())
    return _content_info(identity, attrs, signature, algorithm)


class CadesSigner:
    """One identity signing many digests (a PDF batch) at the cost of the key operation only.

    Every signature of a batch differs from the others only in the message digest and the
    signature value, whose lengths are fixed for RSA; the DER is built once with random
    placeholders and patched per document. ECDSA signatures vary in length, so they are
    built in full each time. ``signing_time=None`` leaves the signing-time attribute out,
    as PAdES requires (the time is in the PDF signature dictionary instead).
    """

    def __init__(
        self,
        identity: SigningIdentity,
        *,
        signing_time: dt.datetime | None = None,
        include_signing_time: bool = True,
    ) -> None:
        now = _utcnow().replace(microsecond=0)
        _check_identity(identity, now)
        self.identity = identity
        self.signing_time = (signing_time or now) if include_signing_time else None
        self._template: bytes | None = None
        if isinstance(identity.private_key, rsa.RSAPrivateKey):
            self._prepare_template(identity.private_key.key_size // 8)

    def _prepare_template(self, signature_length: int) -> None:
        digest_mark = os.urandom(_DIGEST_LENGTH)
        signature_mark = os.urandom(signature_length)
        attrs = _attributes_for_digest(digest_mark, self.identity.certificate, self.signing_time)
        attrs_der = attrs.dump()
        der = _content_info(self.identity, attrs, signature_mark, "sha256_rsa")
        if attrs_der.count(digest_mark) != 1 or der.count(digest_mark) != 1:
            return
        if der.count(signature_mark) != 1:
            return
        self._attrs_der = attrs_der
        self._attrs_digest_at = attrs_der.index(digest_mark)
        self._digest_at = der.index(digest_mark)
        self._signature_at = der.index(signature_mark)
        self._signature_length = signature_length
        self._template = der

    def sign_digest(self, digest: bytes) -> bytes:
        """A detached signature over content whose SHA-256 is ``digest``."""
        if len(digest) != _DIGEST_LENGTH:
            raise ValueError("a SHA-256 digest is 32 bytes")
        if self._template is None:
            attrs = _attributes_for_digest(digest, self.identity.certificate, self.signing_time)
            signature, algorithm = _raw_sign(self.identity, attrs.dump())
            return _content_info(self.identity, attrs, signature, algorithm)
        at = self._attrs_digest_at
        attrs_der = self._attrs_der[:at] + digest + self._attrs_der[at + _DIGEST_LENGTH :]
        signature, _ = _raw_sign(self.identity, attrs_der)
        if len(signature) != self._signature_length:  # pragma: no cover - RSA is fixed length
            raise SigningIdentityError("طول امضای RSA نامنتظره است")
        out = bytearray(self._template)
        out[self._digest_at : self._digest_at + _DIGEST_LENGTH] = digest
        out[self._signature_at : self._signature_at + self._signature_length] = signature
        return bytes(out)

    def sign(self, content: bytes) -> bytes:
        return self.sign_digest(hashlib.sha256(content).digest())
