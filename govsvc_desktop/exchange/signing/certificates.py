"""Signing identities: PKCS#12 loading and encrypted storage at rest.

Staff sign bundles with a key issued by their agency's CA; the key lives on disk only as an
encrypted PKCS#12, and the certificate (with its issuers) beside it in plain PEM so the list
of identities can be shown, and the CA exported, without asking for the passphrase. Test
certificates for development and demos are in ``demo_certificates``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from govsvc_desktop.config import atomic_write
from govsvc_desktop.domain.errors import GovsvcError

SigningKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey

MIN_PASSPHRASE_LENGTH = 8
PKCS12_KDF_ROUNDS = 200_000
_P12_SUFFIX = ".p12"
_CERT_SUFFIX = ".cert.pem"
_CHAIN_SUFFIX = ".chain.pem"


class SigningIdentityError(GovsvcError):
    """A PKCS#12 or stored identity cannot be opened or used."""


class CertificateValidityError(SigningIdentityError):
    """The certificate is expired, not yet valid, or not meant for signing."""


@dataclass(frozen=True)
class SigningIdentity:
    """A private key with its certificate and the issuers above it (leaf first, root last)."""

    private_key: SigningKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()

    @property
    def fingerprint(self) -> str:
        return certificate_fingerprint(self.certificate)


@dataclass(frozen=True)
class StoredIdentity:
    """What the identity list shows without the passphrase: the public certificate's facts."""

    path: Path
    certificate: x509.Certificate
    subject: str
    issuer: str
    serial_number: int
    not_before: dt.datetime
    not_after: dt.datetime
    sha256_fingerprint: str

    def expires_soon(self, days: int = 30, now: dt.datetime | None = None) -> bool:
        return expires_soon(self.certificate, days, now=now)


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def certificate_fingerprint(cert: x509.Certificate) -> str:
    """SHA-256 over the DER certificate, lower-case hex: the identity's stable name."""
    return cert.fingerprint(hashes.SHA256()).hex()


def expires_soon(cert: x509.Certificate, days: int = 30, *, now: dt.datetime | None = None) -> bool:
    """True when the certificate ends within ``days`` (an already expired one counts too)."""
    now = now or _utcnow()
    return cert.not_valid_after_utc <= now + dt.timedelta(days=days)


def key_matches_certificate(key: SigningKey, cert: x509.Certificate) -> bool:
    """Whether the certificate certifies this very key (a swapped file would not)."""
    spki = (serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return key.public_key().public_bytes(*spki) == cert.public_key().public_bytes(*spki)


def check_usable_for_signing(cert: x509.Certificate, now: dt.datetime | None = None) -> None:
    """Refuse a certificate that cannot make a signature a verifier would accept."""
    now = now or _utcnow()
    if now < cert.not_valid_before_utc:
        raise CertificateValidityError("گواهی امضا هنوز معتبر نشده است و نمی‌توان با آن امضا کرد")
    if now > cert.not_valid_after_utc:
        raise CertificateValidityError("گواهی امضا منقضی شده است و نمی‌توان با آن امضا کرد")
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        raise CertificateValidityError("گواهی کاربرد کلید (Key Usage) ندارد") from None
    if not (usage.digital_signature or usage.content_commitment):
        raise CertificateValidityError("کاربرد کلید این گواهی اجازهٔ امضا نمی‌دهد")


def _password_bytes(password: str | bytes | None) -> bytes | None:
    if password is None:
        return None
    return password.encode("utf-8") if isinstance(password, str) else password


def _order_chain(
    leaf: x509.Certificate, others: Sequence[x509.Certificate]
) -> tuple[x509.Certificate, ...]:
    """Put the issuers in path order from the leaf up; leftovers go last, unchanged."""
    remaining = [c for c in others if c != leaf]
    ordered: list[x509.Certificate] = []
    current = leaf
    while remaining:
        parent = next((c for c in remaining if c.subject == current.issuer), None)
        if parent is None or current.subject == current.issuer:
            break
        ordered.append(parent)
        remaining.remove(parent)
        current = parent
    return tuple(ordered + remaining)


def load_pkcs12(
    source: bytes | str | os.PathLike[str], password: str | bytes | None
) -> SigningIdentity:
    """Open a PKCS#12 (file path or bytes); a wrong password or a damaged file is a user error."""
    if isinstance(source, bytes):
        data = source
    else:
        try:
            data = Path(source).read_bytes()
        except OSError:
            raise SigningIdentityError(f"فایل کلید خوانده نشد: {os.fspath(source)}") from None
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, _password_bytes(password))
    except Exception:
        raise SigningIdentityError(_pkcs12_failure_message(data)) from None
    if key is None or cert is None:
        raise SigningIdentityError("فایل PKCS#12 کلید خصوصی یا گواهی امضا را ندارد")
    if not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise SigningIdentityError("نوع کلید این فایل پشتیبانی نمی‌شود (فقط RSA و ECDSA)")
    if not key_matches_certificate(key, cert):
        raise SigningIdentityError("کلید خصوصی با گواهی درون فایل جور نیست")
    return SigningIdentity(key, cert, _order_chain(cert, extra))


def _pkcs12_failure_message(data: bytes) -> str:
    try:
        pfx = asn1_pkcs12.Pfx.load(data, strict=True)
        pfx.native  # noqa: B018  (forces a full parse)
    except Exception:
        return "فایل کلید (PKCS#12) خراب است یا قالب آن شناخته نیست"
    return "گذرواژهٔ فایل کلید نادرست است"


def pkcs12_bytes(
    identity: SigningIdentity,
    passphrase: str,
    *,
    friendly_name: str | None = None,
    kdf_rounds: int = PKCS12_KDF_ROUNDS,
) -> bytes:
    """Serialise with PBES2 / AES-256-CBC, PBKDF2 and an HMAC-SHA256 integrity check."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise SigningIdentityError(f"گذرواژه باید دست‌کم {MIN_PASSPHRASE_LENGTH} نویسه باشد")
    encryption = (
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(kdf_rounds)
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(passphrase.encode("utf-8"))
    )
    name = (friendly_name or common_name(identity.certificate) or "govsvc").encode("utf-8")
    return pkcs12.serialize_key_and_certificates(
        name, identity.private_key, identity.certificate, list(identity.chain) or None, encryption
    )


def write_pkcs12(identity: SigningIdentity, path: str | os.PathLike[str], passphrase: str) -> Path:
    """Write one encrypted PKCS#12 file, readable by its owner only."""
    target = Path(path)
    atomic_write(target, pkcs12_bytes(identity, passphrase), 0o600)
    return target


def save_identity(
    identity: SigningIdentity, directory: str | os.PathLike[str], passphrase: str
) -> StoredIdentity:
    """Keep an identity in the user's key directory under its fingerprint."""
    folder = Path(directory)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    fingerprint = identity.fingerprint
    p12 = folder / f"{fingerprint}{_P12_SUFFIX}"
    pem = identity.certificate.public_bytes(serialization.Encoding.PEM)
    atomic_write(folder / f"{fingerprint}{_CERT_SUFFIX}", pem, 0o644)
    chain = b"".join(c.public_bytes(serialization.Encoding.PEM) for c in identity.chain)
    atomic_write(folder / f"{fingerprint}{_CHAIN_SUFFIX}", chain, 0o644)
    write_pkcs12(identity, p12, passphrase)
    return _stored(p12, identity.certificate)


def stored_chain(stored: StoredIdentity) -> list[x509.Certificate]:
    """The issuers saved beside an identity (leaf's issuer first), readable without the key."""
    path = stored.path.with_name(stored.path.name[: -len(_P12_SUFFIX)] + _CHAIN_SUFFIX)
    try:
        data = path.read_bytes()
    except OSError:
        return []
    return x509.load_pem_x509_certificates(data) if data.strip() else []


def _stored(path: Path, cert: x509.Certificate) -> StoredIdentity:
    return StoredIdentity(
        path=path,
        certificate=cert,
        subject=cert.subject.rfc4514_string(),
        issuer=cert.issuer.rfc4514_string(),
        serial_number=cert.serial_number,
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        sha256_fingerprint=certificate_fingerprint(cert),
    )


def list_identities(directory: str | os.PathLike[str]) -> list[StoredIdentity]:
    """Stored identities, soonest to expire first; unreadable leftovers are skipped."""
    folder = Path(directory)
    if not folder.is_dir():
        return []
    found: list[StoredIdentity] = []
    for p12 in folder.glob(f"*{_P12_SUFFIX}"):
        pem = p12.with_name(p12.name[: -len(_P12_SUFFIX)] + _CERT_SUFFIX)
        try:
            cert = x509.load_pem_x509_certificate(pem.read_bytes())
        except (OSError, ValueError):
            continue
        found.append(_stored(p12, cert))
    return sorted(found, key=lambda s: (s.not_after, s.sha256_fingerprint))


def load_identity(
    directory: str | os.PathLike[str], fingerprint: str, passphrase: str
) -> SigningIdentity:
    """Open a stored identity by its fingerprint with the passphrase it was saved under."""
    path = Path(directory) / f"{fingerprint.lower()}{_P12_SUFFIX}"
    if not path.is_file():
        raise SigningIdentityError("کلید امضای خواسته‌شده در این رایانه ذخیره نشده است")
    return load_pkcs12(path, passphrase)


def load_certificates(source: bytes | str | os.PathLike[str]) -> list[x509.Certificate]:
    """Read trusted roots from PEM (one or many) or a single DER certificate."""
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    try:
        if b"-----BEGIN" in data:
            return x509.load_pem_x509_certificates(data)
        return [x509.load_der_x509_certificate(data)]
    except ValueError:
        raise SigningIdentityError("فایل گواهی خوانده نشد یا خراب است") from None


def common_name(cert: x509.Certificate) -> str:
    """The subject's CN: the short name lists and audit rows show."""
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    value = names[0].value if names else ""
    return value if isinstance(value, str) else value.decode("utf-8", "replace")
