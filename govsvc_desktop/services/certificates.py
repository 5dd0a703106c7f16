"""Signing identities and trusted CAs, as the CLI's ``cert`` commands and the GUI use them.

Keys live encrypted in the data directory (``keys/``), trusted CAs as PEM files (``trust/``);
nothing here keeps a passphrase or an unlocked key longer than the caller holds it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from govsvc_desktop import config
from govsvc_desktop.domain.errors import GovsvcError, NotFoundError
from govsvc_desktop.domain.persian import to_persian_digits
from govsvc_desktop.exchange.signing.certificates import (
    MIN_PASSPHRASE_LENGTH,
    SigningIdentity,
    StoredIdentity,
    check_usable_for_signing,
    common_name,
    list_identities,
    load_identity,
    load_pkcs12,
    save_identity,
    stored_chain,
)
from govsvc_desktop.exchange.signing.demo_pki import make_test_centre_signer, make_test_signer
from govsvc_desktop.exchange.signing.trust import TrustedCertificate, TrustStore
from govsvc_desktop.exchange.signing.trust_engine import TrustAnchors, load_crl

EXPIRY_WARNING_DAYS = 30
_CN_BYTES = 64


def _fit(text: str) -> str:
    """Shorten to what a certificate's common name can hold (64 bytes of UTF-8)."""
    while len(text.encode("utf-8")) > _CN_BYTES:
        text = text[:-1]
    return text.strip()


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class IdentityInfo:
    """A stored signing identity as lists show it; no secret in here."""

    name: str
    subject: str
    issuer: str
    fingerprint: str
    not_before: dt.datetime
    not_after: dt.datetime
    days_left: int

    @property
    def expired(self) -> bool:
        return self.days_left < 0

    @property
    def expires_soon(self) -> bool:
        return self.days_left <= EXPIRY_WARNING_DAYS

    def warning_fa(self) -> str:
        if self.expired:
            return "منقضی شده است؛ با آن نمی‌توان امضا کرد"
        if self.expires_soon:
            return f"{to_persian_digits(str(self.days_left))} روز دیگر منقضی می‌شود"
        return ""


@dataclass(frozen=True)
class TrustedInfo:
    name: str
    subject: str
    fingerprint: str
    not_after: dt.datetime
    builtin: bool


@dataclass(frozen=True)
class RevocationListInfo:
    """An imported revocation list as lists show it."""

    issuer: str
    fingerprint: str
    this_update: dt.datetime
    next_update: dt.datetime | None
    revoked: int
    path: Path


def shipped_trust_dir() -> Path:
    """The central system's roots that ship with the program (``resources/trust``)."""
    return Path(__file__).resolve().parents[2] / "resources" / "trust"


def _trusted_info(t: TrustedCertificate) -> TrustedInfo:
    return TrustedInfo(common_name(t.certificate), t.subject, t.fingerprint, t.not_after, t.builtin)


class CertificateService:
    """The user's signing identities and the CAs they trust."""

    def __init__(
        self, keys_dir: Path, trust_dir: Path, clock: Callable[[], dt.datetime] = _utcnow,
        shipped_trust: tuple[Path, ...] = (),
    ) -> None:
        self.keys_dir = keys_dir
        self.trust = TrustStore(trust_dir, shipped_trust)
        self.crl_dir = trust_dir / "crls"
        self.clock = clock

    @classmethod
    def default(cls, clock: Callable[[], dt.datetime] = _utcnow) -> CertificateService:
        home = config.data_dir()
        return cls(home / "keys", home / "trust", clock, (shipped_trust_dir(),))

    # identities
    def _info(self, stored: StoredIdentity) -> IdentityInfo:
        left = (stored.not_after - self.clock()).total_seconds() / 86400
        return IdentityInfo(
            name=common_name(stored.certificate), subject=stored.subject, issuer=stored.issuer,
            fingerprint=stored.sha256_fingerprint, not_before=stored.not_before,
            not_after=stored.not_after, days_left=int(left) if left >= 0 else -1,
        )

    def identities(self) -> list[IdentityInfo]:
        return [self._info(s) for s in list_identities(self.keys_dir)]

    def _stored(self, ref: str | None) -> StoredIdentity:
        stored = list_identities(self.keys_dir)
        if not stored:
            raise NotFoundError("هیچ کلید امضایی در این رایانه نیست؛ با «cert import» یکی وارد کنید")
        if ref is None or not ref.strip():
            usable = [s for s in stored if s.not_after > self.clock()]
            if len(usable) == 1:
                return usable[0]
            raise GovsvcError("چند کلید امضا (یا هیچ کلید معتبری) هست؛ با --cert یکی را نام ببرید")
        key = ref.strip().lower()
        hits = [s for s in stored if s.sha256_fingerprint.startswith(key)]
        if not hits:
            hits = [s for s in stored if key in common_name(s.certificate).lower()
                    or key in s.subject.lower()]
        if len(hits) != 1:
            found = "چند" if hits else "هیچ"
            raise NotFoundError(f"{found} کلید امضا با «{ref}» پیدا شد؛ اثر انگشت را بدهید")
        return hits[0]

    def find(self, ref: str | None = None) -> IdentityInfo:
        return self._info(self._stored(ref))

    def unlock(self, ref: str | None, passphrase: str) -> SigningIdentity:
        """The identity ready to sign; an expired or not yet valid certificate is refused."""
        stored = self._stored(ref)
        identity = load_identity(self.keys_dir, stored.sha256_fingerprint, passphrase)
        check_usable_for_signing(identity.certificate, self.clock())
        return identity

    def import_pkcs12(
        self, path: str | os.PathLike[str], password: str, store_passphrase: str | None = None,
    ) -> IdentityInfo:
        """Keep a PKCS#12 in the key folder, re-encrypted (AES-256, owner-only file)."""
        identity = load_pkcs12(path, password)
        passphrase = store_passphrase or password
        if len(passphrase) < MIN_PASSPHRASE_LENGTH:
            raise GovsvcError(
                f"گذرواژهٔ نگه‌داری کلید باید دست‌کم {to_persian_digits(str(MIN_PASSPHRASE_LENGTH))} "
                "نویسه باشد؛ گذرواژهٔ تازه‌ای بدهید"
            )
        return self._info(save_identity(identity, self.keys_dir, passphrase))

    def new_test(
        self, out: str | os.PathLike[str], name: str, organisation: str, password: str, *,
        centre: bool = False, valid_days: int = 730,
    ) -> IdentityInfo:
        """A throw-away test CA and a signing certificate under it, written as one PKCS#12."""
        if len(password) < MIN_PASSPHRASE_LENGTH:
            raise GovsvcError(
                f"گذرواژه باید دست‌کم {to_persian_digits(str(MIN_PASSPHRASE_LENGTH))} نویسه باشد")
        if not name.strip() or len(name.encode("utf-8")) > _CN_BYTES:
            raise GovsvcError("نام دارندهٔ گواهی باید داده شود و از ۶۴ بایت (حدود ۳۲ حرف فارسی) کوتاه‌تر باشد")
        if not organisation.strip():
            raise GovsvcError("نام سازمان برای گواهی لازم است")
        now = self.clock()
        make = make_test_centre_signer if centre else make_test_signer
        creds = make(
            out, password, person_name=name, organisation=organisation, unit=None,
            ca_name=_fit(f"مرجع آزمایشی {organisation}"),
            not_before=now - dt.timedelta(days=1), not_after=now + dt.timedelta(days=valid_days),
        )
        cert = creds.identity.certificate
        left = (cert.not_valid_after_utc - now).total_seconds() / 86400
        return IdentityInfo(
            common_name(cert), cert.subject.rfc4514_string(), cert.issuer.rfc4514_string(),
            creds.identity.fingerprint, cert.not_valid_before_utc, cert.not_valid_after_utc,
            int(left) if left >= 0 else -1,
        )

    def new_test_identity(self, name: str, organisation: str, password: str) -> IdentityInfo:
        """A test certificate ready to use at once: made, kept (encrypted) and its CA trusted,
        so bundles signed with it verify on this computer. The PKCS#12 stays beside the keys
        for giving to a colleague."""
        out = self.keys_dir.parent / "test-certificates" / f"{self.clock():%Y%m%d-%H%M%S}.p12"
        out.parent.mkdir(parents=True, exist_ok=True)
        made = self.new_test(out, name, organisation, password)
        info = self.import_pkcs12(out, password)
        self.trust_certificates(self.issuers(made.fingerprint))
        return info

    def issuers(self, ref: str | None = None) -> list[x509.Certificate]:
        """The CA certificates above a stored identity, readable without its passphrase."""
        chain = stored_chain(self._stored(ref))
        if not chain:
            raise NotFoundError("گواهی مرجع صدور این کلید در دسترس نیست")
        return chain

    def export_ca(self, out: str | os.PathLike[str], ref: str | None = None) -> list[str]:
        """Write the identity's CA certificates as PEM for the other side to trust."""
        chain = self.issuers(ref)
        pem = b"".join(c.public_bytes(serialization.Encoding.PEM) for c in chain)
        config.atomic_write(Path(out), pem)
        return [common_name(c) for c in chain]

    # PDFs on request
    def sign_pdf(self, pdf: bytes, identity: SigningIdentity) -> bytes:
        """A PDF (a printed passport, a report) PAdES-signed with the user's certificate."""
        from govsvc_desktop.exchange.signing.pdf import sign_pdf

        check_usable_for_signing(identity.certificate, self.clock())
        return sign_pdf(pdf, identity)

    def check_pdf(self, pdf: bytes) -> tuple[bool, str]:
        """Whether a PDF's signature is intact and from a trusted CA, and the Persian verdict."""
        from govsvc_desktop.exchange.signing.pdf import verify_pdf

        status = verify_pdf(pdf, self.anchors())
        return status.ok, status.summary_fa()

    # trust
    def trust_file(self, path: str | os.PathLike[str]) -> list[TrustedInfo]:
        return [_trusted_info(t) for t in self.trust.add_file(path)]

    def trust_certificates(self, certs: list[x509.Certificate]) -> list[TrustedInfo]:
        return [_trusted_info(t) for t in self.trust.add(certs)]

    def trusted(self) -> list[TrustedInfo]:
        return [_trusted_info(t) for t in self.trust.entries()]

    def trusted_roots(self) -> list[x509.Certificate]:
        return self.trust.roots()

    def anchors(self) -> TrustAnchors:
        """Everything a verification trusts: the roots and the imported revocation lists."""
        return TrustAnchors(tuple(self.trust.roots()),
                            tuple(path.read_bytes() for path, _ in self._crl_files()))

    # revocation lists
    def _crl_files(self) -> list[tuple[Path, x509.CertificateRevocationList]]:
        found = []
        for path in sorted(self.crl_dir.glob("*.crl")) if self.crl_dir.is_dir() else []:
            try:
                found.append((path, x509.load_der_x509_crl(path.read_bytes())))
            except (OSError, ValueError):
                continue
        return found

    def import_crl(self, path: str | os.PathLike[str]) -> RevocationListInfo:
        """Keep a revocation list (DER or PEM, as a CA publishes it) so that every later
        verification refuses the certificates it revokes. Its signature must verify with a
        trusted root's key: a list anyone could write would revoke at will."""
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise GovsvcError(f"پروندهٔ فهرست ابطال «{path}» خوانده نشد: {exc.strerror or exc}") from None
        try:
            crl = load_crl(data)
        except ValueError:
            raise GovsvcError(f"«{path}» فهرست ابطال گواهی (CRL) نیست یا خراب است") from None
        issuers = [c for c in self.trust.roots() if c.subject == crl.issuer]
        if not any(_crl_signed_by(crl, c) for c in issuers):
            raise GovsvcError("امضای فهرست ابطال با هیچ مرجع مورد اعتمادی تأیید نشد؛ نخست گواهی "
                              "مرجع صادرکنندهٔ آن را با «cert trust» وارد کنید")
        der = crl.public_bytes(serialization.Encoding.DER)
        digest = hashlib.sha256(der).hexdigest()
        target = self.crl_dir / f"{digest}.crl"
        config.atomic_write(target, der)
        return _crl_info(target, crl)

    def revocation_lists(self) -> list[RevocationListInfo]:
        return [_crl_info(path, crl) for path, crl in self._crl_files()]


def _crl_signed_by(crl: x509.CertificateRevocationList, issuer: x509.Certificate) -> bool:
    try:
        return crl.is_signature_valid(issuer.public_key())  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def _crl_info(path: Path, crl: x509.CertificateRevocationList) -> RevocationListInfo:
    return RevocationListInfo(
        crl.issuer.rfc4514_string(), path.stem, crl.last_update_utc, crl.next_update_utc,
        len(list(crl)), path)
