"""Throw-away PKI for development, demos and tests: real keys and certificates, no mocks.

A test CA and the identities it issues behave like an agency's real ones, so signing,
verification and trust decisions are exercised exactly as in production.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Literal

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from govsvc_desktop.exchange.signing.certificates import SigningIdentity, SigningKey, write_pkcs12

KeyKind = Literal["rsa", "ec"]


@dataclass(frozen=True)
class TestCredentials:
    """A throw-away CA plus one identity issued by it, and the PKCS#12 file holding it."""

    __test__: ClassVar[bool] = False

    ca_certificate: x509.Certificate
    ca_key: SigningKey
    identity: SigningIdentity
    pkcs12_path: Path
    password: str


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def generate_key(kind: KeyKind = "rsa") -> SigningKey:
    """RSA-2048 (the default, what Iranian CAs issue) or ECDSA P-256."""
    if kind == "rsa":
        return rsa.generate_private_key(public_exponent=65537, key_size=2048)
    if kind == "ec":
        return ec.generate_private_key(ec.SECP256R1())
    raise ValueError(f"unknown key kind {kind!r}")


def _name(common_name: str, organisation: str, unit: str | None = None) -> x509.Name:
    """Subject in UTF8String; cryptography caps a CN at 64 UTF-8 bytes (about 32 Persian letters)."""
    attrs = [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "IR"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
    ]
    if unit:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, unit))
    attrs.append(x509.NameAttribute(NameOID.COMMON_NAME, common_name))
    return x509.Name(attrs)


def make_test_ca(
    common_name: str = "مرکز صدور گواهی آزمایشی",
    organisation: str = "سازمان اداری و استخدامی کشور",
    *,
    not_before: dt.datetime | None = None,
    not_after: dt.datetime | None = None,
    key_kind: KeyKind = "rsa",
) -> tuple[x509.Certificate, SigningKey]:
    """A self-signed CA certificate allowed to sign certificates (and CRLs), nothing else."""
    now = _utcnow()
    key = generate_key(key_kind)
    name = _name(common_name, organisation)
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before or now - dt.timedelta(days=365))
        .not_valid_after(not_after or now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(_key_usage(cert_sign=True), critical=True)
        .add_extension(ski, critical=False)
        .sign(key, hashes.SHA256())
    )
    return cert, key


def _key_usage(*, cert_sign: bool = False, signing: bool = False) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=signing,
        content_commitment=signing,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=cert_sign,
        crl_sign=cert_sign,
        encipher_only=False,
        decipher_only=False,
    )


def issue_test_certificate(
    ca_certificate: x509.Certificate,
    ca_key: SigningKey,
    person_name: str,
    organisation: str,
    *,
    unit: str | None = None,
    not_before: dt.datetime | None = None,
    not_after: dt.datetime | None = None,
    key_kind: KeyKind = "rsa",
) -> SigningIdentity:
    """A signing certificate (digitalSignature + nonRepudiation) under the given CA."""
    now = _utcnow()
    key = generate_key(key_kind)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(person_name, organisation, unit))
        .issuer_name(ca_certificate.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before or now - dt.timedelta(days=1))
        .not_valid_after(not_after or now + dt.timedelta(days=730))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(signing=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    return SigningIdentity(key, cert, (ca_certificate,))


def _make_test_credentials(
    path: str | os.PathLike[str],
    password: str,
    person_name: str,
    organisation: str,
    unit: str | None,
    ca: tuple[x509.Certificate, SigningKey] | None,
    ca_name: str,
    not_before: dt.datetime | None,
    not_after: dt.datetime | None,
    key_kind: KeyKind,
) -> TestCredentials:
    ca_cert, ca_key = ca or make_test_ca(ca_name, organisation, key_kind=key_kind)
    identity = issue_test_certificate(
        ca_cert,
        ca_key,
        person_name,
        organisation,
        unit=unit,
        not_before=not_before,
        not_after=not_after,
        key_kind=key_kind,
    )
    target = write_pkcs12(identity, path, password)
    return TestCredentials(ca_cert, ca_key, identity, target, password)


def make_test_signer(
    path: str | os.PathLike[str],
    password: str,
    *,
    person_name: str = "مریم احمدی",
    organisation: str = "وزارت تعاون، کار و رفاه اجتماعی",
    unit: str | None = "دفتر بهبود خدمات",
    ca: tuple[x509.Certificate, SigningKey] | None = None,
    ca_name: str = "مرکز صدور گواهی آزمایشی دستگاه",
    not_before: dt.datetime | None = None,
    not_after: dt.datetime | None = None,
    key_kind: KeyKind = "rsa",
) -> TestCredentials:
    """An agency staff member's test identity written to ``path`` as PKCS#12."""
    return _make_test_credentials(
        path,
        password,
        person_name,
        organisation,
        unit,
        ca,
        ca_name,
        not_before,
        not_after,
        key_kind,
    )


def make_test_centre_signer(
    path: str | os.PathLike[str],
    password: str,
    *,
    person_name: str = "سامانهٔ مرکزی خدمات دولت",
    organisation: str = "سازمان اداری و استخدامی کشور",
    unit: str | None = "مرکز ملی خدمات",
    ca: tuple[x509.Certificate, SigningKey] | None = None,
    ca_name: str = "گواهی آزمایشی سامانهٔ مرکزی",
    not_before: dt.datetime | None = None,
    not_after: dt.datetime | None = None,
    key_kind: KeyKind = "rsa",
) -> TestCredentials:
    """The central system's test identity, under its own CA unless one is given."""
    return _make_test_credentials(
        path,
        password,
        person_name,
        organisation,
        unit,
        ca,
        ca_name,
        not_before,
        not_after,
        key_kind,
    )
