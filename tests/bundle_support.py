"""Shared pieces of the bundle tests: real PKI in the data folder, small real PDFs, records in
known states, archive rewriting for tampering, and a snapshot of the database to compare."""

from __future__ import annotations

import copy
import io
import json
import subprocess
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from reportlab.pdfgen import canvas
from sqlalchemy import func, select

from govsvc_desktop.bootstrap import App, bundle_service, certificate_service
from govsvc_desktop.domain.codec import to_dict
from govsvc_desktop.domain.passport.model import Licence, ServicePassport
from govsvc_desktop.exchange.signing.demo_pki import (
    TestCredentials,
    make_test_centre_signer,
    make_test_signer,
)
from govsvc_desktop.services.bundles.kinds import StoredPassport
from govsvc_desktop.services.bundles.service import BundleService
from govsvc_desktop.services.certificates import CertificateService, IdentityInfo
from govsvc_desktop.store.tables import audit_log
from tests.approval_support import approve
from tests.fixtures import full_passport

PASSWORD = "گذرواژه-آزمایشی-۱۲۳"
Transform = Callable[[str, bytes], tuple[str, bytes] | None]


def small_pdf(text: str = "service passport") -> bytes:
    """A real one-page PDF made with ReportLab, standing in for the passport form."""
    buf = io.BytesIO()
    page = canvas.Canvas(buf)
    page.drawString(72, 720, text)
    page.showPage()
    page.save()
    return buf.getvalue()


PDF = small_pdf()


def render_pdf(stored: StoredPassport) -> bytes:
    return PDF


@dataclass
class Pki:
    agency: TestCredentials
    centre: TestCredentials
    stranger: TestCredentials


def make_pki(folder: Path) -> Pki:
    folder.mkdir(parents=True, exist_ok=True)
    return Pki(
        make_test_signer(folder / "agency.p12", PASSWORD),
        make_test_centre_signer(folder / "centre.p12", PASSWORD),
        make_test_signer(folder / "stranger.p12", PASSWORD, ca_name="مرجع ناشناس"),
    )


def install(certs: CertificateService, creds: TestCredentials, trust: bool = True) -> IdentityInfo:
    """Keep the identity in the data folder and (by default) trust its CA."""
    info = certs.import_pkcs12(creds.pkcs12_path, PASSWORD)
    if trust:
        certs.trust_certificates([creds.ca_certificate])
    return info


def service(app: App, certs: CertificateService | None = None) -> BundleService:
    return bundle_service(app, render_pdf=render_pdf,
                                 certificates=certs or certificate_service())


def passport(i: int, *, service_id: bool = True) -> ServicePassport:
    """A full passport with its own identity, title and licence (approval needs them unique)."""
    p = copy.deepcopy(full_passport(f"6f1c2b9e-3d4a-4c8e-9f10-{i:012d}"))
    p.title = f"{p.title} {i}"
    p.service_id = f"110311640{i:02d}" if service_id else ""
    p.licences = [Licence(f"1-02-345-{i:03d}", "پروانه بهره‌برداری")]
    for name in ("reviewed_by", "reviewed_on", "approved_by", "approved_on", "sent_on",
                 "centre_decision_on", "centre_comment"):
        setattr(p, name, "" if name.endswith(("_by", "comment")) else None)
    return p


def seed(app: App, approved: int = 3, drafts: int = 2, proposed: int = 1) -> dict[str, list[str]]:
    """Records in known states: approved (with service IDs), drafts, approved proposals."""
    made: dict[str, list[str]] = {"approved": [], "drafts": [], "proposed": []}
    n = 0
    for group, count in (("approved", approved), ("drafts", drafts), ("proposed", proposed)):
        for _ in range(count):
            n += 1
            p = app.passports.save(passport(n, service_id=group != "proposed")).passport
            if group != "drafts":
                approve(app, p.uuid)
            made[group].append(p.uuid)
    return made


def records(app: App) -> list[dict[str, object]]:
    return sorted((to_dict(p) for p in app.passports.iter_passports()), key=lambda d: str(d["uuid"]))


def snapshot(app: App) -> str:
    """Everything an import could touch: every record, the audit count and the history."""
    with app.uow() as uow:
        audit_rows = uow.conn.execute(select(func.count()).select_from(audit_log)).scalar_one()
        history = [(e.sha256, e.direction, e.acknowledged_at) for e in uow.bundles.history()]
    return json.dumps({"records": records(app), "audit": audit_rows, "history": history},
                      ensure_ascii=False, sort_keys=True)


def rewrite(src: Path, dst: Path, transform: Transform | None = None,
            extra: list[tuple[str, bytes]] | None = None) -> Path:
    """Copy a container entry by entry; ``transform`` may change, rename or drop entries."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            result = transform(info.filename, data) if transform else (info.filename, data)
            if result is None:
                continue
            name, data = result
            kind = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            zout.writestr(zipfile.ZipInfo(name, info.date_time), data, compress_type=kind)
        for name, data in extra or []:
            zout.writestr(name, data)
    return dst


def flip(data: bytes, index: int) -> bytes:
    return data[:index] + bytes([data[index] ^ 0x01]) + data[index + 1:]


def openssl_verify(bundle: Path, ca: x509.Certificate, folder: Path) -> subprocess.CompletedProcess[str]:
    """``openssl cms -verify -cades -binary`` (the real binary) over the bundle's manifest."""
    unzipped = folder / f"{bundle.stem}-unzipped"
    with zipfile.ZipFile(bundle) as zf:
        zf.extractall(unzipped)
    ca_file = folder / f"{bundle.stem}-ca.pem"
    ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    return subprocess.run(
        ["openssl", "cms", "-verify", "-cades", "-binary", "-inform", "DER", "-in",
         str(unzipped / "META-INF/signature001.p7s"), "-content",
         str(unzipped / "META-INF/ASiCManifest.xml"), "-CAfile", str(ca_file),
         "-out", str(folder / f"{bundle.stem}-verified")], capture_output=True, text=True)
