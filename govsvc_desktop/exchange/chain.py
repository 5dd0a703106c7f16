"""Certificate paths: does the signer's certificate lead to a root the user trusts?

Paths are built from the certificates in the signature plus the trusted roots, each link
checked for signature, CA flag, path length, key usage and validity at the signing time,
so a certificate revoked by expiry or a misissued intermediate never passes.
"""

from __future__ import annotations

import datetime as dt

from cryptography import x509
from cryptography.exceptions import InvalidSignature

from govsvc_desktop.exchange.certificates import certificate_fingerprint
from govsvc_desktop.exchange.checks import to_asn1

MAX_CHAIN_DEPTH = 8


def chain_failure(
    leaf: x509.Certificate,
    pool: list[x509.Certificate],
    roots: list[x509.Certificate],
    when: dt.datetime,
) -> str | None:
    """None if some path from the leaf reaches a trusted root, else why not (in Persian)."""
    trusted = {certificate_fingerprint(r) for r in roots}
    candidates = {certificate_fingerprint(c): c for c in [*pool, *roots]}
    reasons: list[str] = []

    def walk(cert: x509.Certificate, depth: int, seen: frozenset[str]) -> bool:
        if certificate_fingerprint(cert) in trusted:
            return True
        if depth >= MAX_CHAIN_DEPTH:
            reasons.append("زنجیرهٔ گواهی بیش از اندازه بلند است")
            return False
        for fp, issuer in candidates.items():
            if fp in seen or issuer.subject != cert.issuer:
                continue
            problem = _issuer_problem(cert, issuer, depth, when)
            if problem:
                reasons.append(problem)
            elif fp in trusted or walk(issuer, depth + 1, seen | {fp}):
                return True
        return False

    if walk(leaf, 0, frozenset({certificate_fingerprint(leaf)})):
        return None
    return reasons[0] if reasons else "گواهی امضاکننده به هیچ مرجع مورد اعتمادی نمی‌رسد"


def _issuer_problem(
    cert: x509.Certificate, issuer: x509.Certificate, below: int, when: dt.datetime
) -> str | None:
    try:
        cert.verify_directly_issued_by(issuer)
    except (InvalidSignature, ValueError, TypeError):
        return "امضای مرجع روی گواهی در زنجیره تأیید نشد"
    try:
        constraints = issuer.extensions.get_extension_for_class(x509.BasicConstraints).value
    except x509.ExtensionNotFound:
        return "گواهی صادرکننده در زنجیره مرجع صدور (CA) نیست"
    if not constraints.ca:
        return "گواهی صادرکننده در زنجیره مرجع صدور (CA) نیست"
    if constraints.path_length is not None and below > constraints.path_length:
        return "طول زنجیره از محدودیت مرجع صدور بیشتر است"
    try:
        usage = issuer.extensions.get_extension_for_class(x509.KeyUsage).value
        if not usage.key_cert_sign:
            return "کاربرد کلید مرجع صدور اجازهٔ امضای گواهی نمی‌دهد"
    except x509.ExtensionNotFound:
        pass
    if not issuer.not_valid_before_utc <= when <= issuer.not_valid_after_utc:
        return "گواهی مرجع صدور در زمان امضا معتبر نبوده است"
    return None


def certificate_summary(cert: x509.Certificate) -> str:
    """Subject as people read it, for reports and dialogs."""
    return str(to_asn1(cert).subject.human_friendly)
