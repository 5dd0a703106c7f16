"""Verification results as lists of named checks, each with the Persian sentence users read.

Verification never raises for a bad signature or container: every check is recorded so the
importer can show the whole picture and decide on ``ok``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.serialization import Encoding

STRUCTURE = "structure"
SIGNED_ATTRIBUTES = "signed_attributes"
CONTENT_TYPE = "content_type"
DIGEST_ALGORITHM = "digest_algorithm"
MESSAGE_DIGEST = "message_digest"
SIGNER_CERTIFICATE = "signer_certificate"
SIGNATURE_VALUE = "signature_value"
SIGNING_CERTIFICATE_V2 = "signing_certificate_v2"
KEY_USAGE = "key_usage"
SIGNING_TIME = "signing_time"
CHAIN = "chain"

HASHES: dict[str, Callable[[], hashes.HashAlgorithm]] = {
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
}


@dataclass(frozen=True)
class Check:
    """One verification step: a stable English ``name``, its outcome and what to tell the user."""

    name: str
    passed: bool
    message_fa: str


@dataclass
class CheckList:
    """Checks in the order they were made; the whole passes only if every check passed."""

    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(c.passed for c in self.checks)

    def failed(self) -> list[Check]:
        return [c for c in self.checks if not c.passed]

    def get(self, name: str) -> Check | None:
        return next((c for c in self.checks if c.name == name), None)

    def add(self, name: str, passed: bool, message_fa: str) -> bool:
        self.checks.append(Check(name, passed, message_fa))
        return passed

    def summary_fa(self) -> str:
        return "\n".join(("✔ " if c.passed else "✘ ") + c.message_fa for c in self.checks)


@dataclass
class VerificationReport(CheckList):
    """Every check made on one signature, with the signer and signing time when readable."""

    signer: x509.Certificate | None = None
    signing_time: dt.datetime | None = None


def to_asn1(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER))
