"""The one trust engine: does a certificate lead to a trusted root, valid and not revoked?

Bundles, approvals and PDFs are all judged here, by pyhanko-certvalidator (RFC 5280 path
building and validation), offline: the trusted roots, the certificates a signature carries
and the revocation lists imported from files. Validity is judged at the present time; a
signer's claimed signing time proves nothing, so a certificate that has expired or been
revoked since cannot backdate a signature.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import logging
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from cryptography import x509
from pyhanko_certvalidator import CertificateValidator, ValidationContext
from pyhanko_certvalidator.errors import (
    ExpiredError,
    InsufficientRevinfoError,
    NotYetValidError,
    PathBuildingError,
    PathValidationError,
    RevokedError,
)
from pyhanko_certvalidator.policy_decl import (
    CertRevTrustPolicy,
    RevocationCheckingPolicy,
    RevocationCheckingRule,
)

from govsvc_desktop.exchange.checks import to_asn1

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TrustAnchors:
    """What a verification trusts: root certificates and revocation lists (DER)."""

    roots: tuple[x509.Certificate, ...] = ()
    crls: tuple[bytes, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.roots)


def as_anchors(trusted: Iterable[x509.Certificate] | TrustAnchors) -> TrustAnchors:
    if isinstance(trusted, TrustAnchors):
        return trusted
    return TrustAnchors(tuple(trusted))


def validation_context(
    anchors: TrustAnchors, pool: Sequence[x509.Certificate] = (),
    moment: dt.datetime | None = None, leaf: x509.Certificate | None = None,
) -> ValidationContext:
    """Offline: no fetching. Where an imported revocation list comes from a certificate's
    issuer, that list must be consulted (and a certificate it names is revoked); a
    certificate whose issuer published no list here is judged on its path alone."""
    issuers = {_crl_issuer(der) for der in anchors.crls}
    issuers.discard(None)
    ee = (RevocationCheckingRule.CRL_REQUIRED if leaf is not None and leaf.issuer in issuers
          else RevocationCheckingRule.CHECK_IF_DECLARED_SOFT)
    ca = (RevocationCheckingRule.CRL_REQUIRED if any(c.issuer in issuers for c in pool if c != leaf)
          else RevocationCheckingRule.CHECK_IF_DECLARED_SOFT)
    return ValidationContext(
        trust_roots=[to_asn1(r) for r in anchors.roots],
        other_certs=[to_asn1(c) for c in pool],
        moment=moment,
        allow_fetching=False,
        crls=list(anchors.crls),
        revinfo_policy=CertRevTrustPolicy(RevocationCheckingPolicy(ee, ca)),
    )


def _crl_issuer(der: bytes) -> x509.Name | None:
    try:
        return x509.load_der_x509_crl(der).issuer
    except ValueError:
        return None


def certificate_failure(
    cert: x509.Certificate, pool: Sequence[x509.Certificate],
    trusted: Iterable[x509.Certificate] | TrustAnchors, moment: dt.datetime | None = None,
) -> str | None:
    """None when ``cert`` chains to a trusted root, valid at ``moment`` (now by default) and
    not revoked by an imported list; otherwise why not, in Persian."""
    anchors = as_anchors(trusted)
    if not anchors.roots:
        return "هیچ مرجع صدور گواهی مورد اعتمادی تعریف نشده است"
    now = dt.datetime.now(dt.UTC)
    ending = min(c.not_valid_after_utc for c in (cert, *pool))
    if moment is None and ending - now > dt.timedelta(minutes=2):
        # the same signer's path is judged once a minute, not once per record: an import of
        # thousands of passports approved by one head validates one path (a certificate
        # close to its end is always judged afresh)
        return _failure_now(cert, tuple(pool), anchors, int(time.time() // 60))
    return _failure(cert, pool, anchors, moment)


@functools.lru_cache(maxsize=256)
def _failure_now(cert: x509.Certificate, pool: tuple[x509.Certificate, ...],
                 anchors: TrustAnchors, minute: int) -> str | None:
    return _failure(cert, pool, anchors, None)


def _failure(cert: x509.Certificate, pool: Sequence[x509.Certificate], anchors: TrustAnchors,
             moment: dt.datetime | None) -> str | None:
    context = validation_context(anchors, pool, moment, leaf=cert)
    validator = CertificateValidator(
        to_asn1(cert), intermediate_certs=[to_asn1(c) for c in pool],
        validation_context=context)
    try:
        asyncio.run(validator.async_validate_path())
    except RevokedError:
        return "گواهی امضاکننده (یا مرجع بالای آن) در فهرست ابطال آمده و باطل شده است"
    except ExpiredError:
        return "گواهی امضاکننده (یا مرجع بالای آن) اکنون منقضی است"
    except NotYetValidError:
        return "گواهی امضاکننده (یا مرجع بالای آن) هنوز معتبر نشده است"
    except PathBuildingError:
        return "گواهی امضاکننده به هیچ مرجع مورد اعتمادی نمی‌رسد"
    except InsufficientRevinfoError:
        return "وضعیت ابطال گواهی امضاکننده روشن نیست"
    except PathValidationError as exc:
        log.info("certificate path rejected", exc_info=True)
        return f"زنجیرهٔ گواهی امضاکننده پذیرفته نیست ({exc})"
    return None


def load_crl(data: bytes) -> x509.CertificateRevocationList:
    """A revocation list in DER or PEM; ValueError when it is neither."""
    if data.lstrip().startswith(b"-----BEGIN"):
        return x509.load_pem_x509_crl(data)
    return x509.load_der_x509_crl(data)


def certificate_summary(cert: x509.Certificate) -> str:
    """Subject as people read it, for reports and dialogs."""
    return str(to_asn1(cert).subject.human_friendly)
