"""The trust store: the certificate authorities whose signatures this installation accepts.

A bundle is only as trustworthy as the CA that vouches for its signer, so trust is explicit:
CAs the user imported live as PEM files in a folder of the data directory, and a deployment
may ship its own roots in further read-only folders. Only CA certificates are accepted as
anchors; trusting a person's certificate directly would bypass the CA's key-usage rules.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from govsvc_desktop.exchange.signing.certificates import (
    SigningIdentityError,
    certificate_fingerprint,
    load_certificates,
)

_SUFFIX = ".pem"


@dataclass(frozen=True)
class TrustedCertificate:
    """One trusted root as the trust list shows it."""

    certificate: x509.Certificate
    subject: str
    fingerprint: str
    not_after: dt.datetime
    path: Path
    builtin: bool


def is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


class TrustStore:
    """Trusted roots from the user's folder (writable) and any shipped folders (read-only)."""

    def __init__(self, folder: str | os.PathLike[str], shipped: Sequence[Path] = ()) -> None:
        self.folder = Path(folder)
        self.shipped = tuple(shipped)

    def entries(self) -> list[TrustedCertificate]:
        """Every trusted root once, the shipped ones first; unreadable files are skipped."""
        seen: set[str] = set()
        found: list[TrustedCertificate] = []
        for folder, builtin in [*((f, True) for f in self.shipped), (self.folder, False)]:
            if not folder.is_dir():
                continue
            for path in sorted(folder.glob(f"*{_SUFFIX}")):
                try:
                    certs = load_certificates(path)
                except (OSError, SigningIdentityError):
                    continue
                for cert in certs:
                    fingerprint = certificate_fingerprint(cert)
                    if fingerprint in seen or not is_ca(cert):
                        continue
                    seen.add(fingerprint)
                    found.append(
                        TrustedCertificate(
                            cert,
                            cert.subject.rfc4514_string(),
                            fingerprint,
                            cert.not_valid_after_utc,
                            path,
                            builtin,
                        )
                    )
        return found

    def roots(self) -> list[x509.Certificate]:
        return [e.certificate for e in self.entries()]

    def add(self, certificates: Iterable[x509.Certificate]) -> list[TrustedCertificate]:
        """Trust these CAs from now on; a certificate that is not a CA is refused whole."""
        certs = list(certificates)
        if not certs:
            raise SigningIdentityError("پرونده هیچ گواهی‌ای ندارد")
        leaves = [c for c in certs if not is_ca(c)]
        if leaves:
            raise SigningIdentityError(
                "فقط گواهی مرجع صدور (CA) را می‌توان مورد اعتماد قرار داد؛ این پرونده گواهی "
                f"غیر CA دارد: {leaves[0].subject.rfc4514_string()}"
            )
        self.folder.mkdir(parents=True, exist_ok=True)
        added: list[TrustedCertificate] = []
        for cert in certs:
            fingerprint = certificate_fingerprint(cert)
            path = self.folder / f"{fingerprint}{_SUFFIX}"
            tmp = path.with_name(f".{path.name}.part")
            tmp.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
            os.replace(tmp, path)
            added.append(
                TrustedCertificate(
                    cert,
                    cert.subject.rfc4514_string(),
                    fingerprint,
                    cert.not_valid_after_utc,
                    path,
                    False,
                )
            )
        return added

    def add_file(self, path: str | os.PathLike[str]) -> list[TrustedCertificate]:
        try:
            certs = load_certificates(path)
        except OSError:
            raise SigningIdentityError(f"پرونده گواهی خوانده نشد: {os.fspath(path)}") from None
        return self.add(certs)

    def remove(self, fingerprint: str) -> bool:
        """Stop trusting a CA the user added; shipped roots cannot be removed here."""
        path = self.folder / f"{fingerprint.lower()}{_SUFFIX}"
        if not path.is_file():
            return False
        path.unlink()
        return True
