"""Bundle files below the database: layout, header checks, fast CAdES, PAdES PDFs, trust store.

Every signature is real and checked by an independent implementation: the openssl binary
for CMS, poppler's pdfsig and pyHanko's validator for PDFs.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from govsvc_desktop.exchange.asic.writer import AsicError, parse_manifest
from govsvc_desktop.exchange.records import bundle as bundle_mod
from govsvc_desktop.exchange.records.bundle import (
    BundleHeader,
    RecordFileSpec,
    parse_header,
    verify_bundle,
    write_bundle,
)
from govsvc_desktop.exchange.signing.certificates import (
    CertificateValidityError,
    SigningIdentityError,
)
from govsvc_desktop.exchange.signing.cms import CadesSigner, verify_detached
from govsvc_desktop.exchange.signing.demo_pki import (
    TestCredentials,
    issue_test_certificate,
    make_test_centre_signer,
    make_test_signer,
)
from govsvc_desktop.exchange.signing.pdf import PdfSigner, PdfSigningError, sign_pdf, verify_pdf
from govsvc_desktop.exchange.signing.trust import TrustStore
from tests.bundle_support import PASSWORD, flip, rewrite, small_pdf

OPENSSL = shutil.which("openssl") or "openssl"
PDFSIG = shutil.which("pdfsig")
SPEC = RecordFileSpec("passports.json", "govsvc.passports", 1, "passports")
UUIDS = ["0b9f5c1e-1111-4c8e-9f10-000000000001", "0b9f5c1e-1111-4c8e-9f10-000000000002"]


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> TestCredentials:
    return make_test_signer(tmp_path_factory.mktemp("pki") / "signer.p12", PASSWORD)


@pytest.fixture(scope="module")
def other(tmp_path_factory: pytest.TempPathFactory) -> TestCredentials:
    return make_test_centre_signer(tmp_path_factory.mktemp("other") / "other.p12", PASSWORD)


def _document(uuids: list[str], version: int = 1) -> bytes:
    records = [{"uuid": u, "title": f"خدمت {i}"} for i, u in enumerate(uuids)]
    return json.dumps({"format": "govsvc.passports", "format_version": version,
                       "passports": records}, ensure_ascii=False).encode()


def _header(**changes: object) -> BundleHeader:
    values: dict[str, object] = {
        "kind": "submission", "bundle_id": "3f0c7a52-0d1e-4c55-9a39-5a3f1d1b9a11",
        "created_at": "2026-11-25T08:00:00+00:00", "agency": "وزارت نیرو", "province": "فارس",
        "sender": "مریم احمدی", "application": "govsvc-desktop 0.1.0",
        "schema": {"govsvc.passports": 1}, "sequence": 1,
        "records": {"passports": 2}, "files": {"pdf": 1, "evidence": 1},
    }
    values.update(changes)
    return BundleHeader(**values)  # type: ignore[arg-type]


EVIDENCE = "صورت‌جلسه بازدید".encode() * 50
EVIDENCE_SHA = hashlib.sha256(EVIDENCE).hexdigest()


def _write(path: Path, identity: TestCredentials, header: BundleHeader | None = None,
           document: bytes | None = None, evidence_name: str = EVIDENCE_SHA) -> Path:
    write_bundle(path, header or _header(), identity.identity,
                 [("passports.json", document or _document(UUIDS))],
                 pdfs=[(UUIDS[0], small_pdf())], evidence=[(evidence_name, EVIDENCE)])
    return path


@pytest.fixture
def good(tmp_path: Path, pki: TestCredentials) -> Path:
    return _write(tmp_path / "good.asice", pki)


def _failed(report: bundle_mod.BundleReport) -> set[str]:
    return {c.name for c in report.failed()}


def test_layout_header_and_contents(good: Path, pki: TestCredentials) -> None:
    with zipfile.ZipFile(good) as zf:
        names = zf.namelist()
    assert names[:3] == ["mimetype", "data/bundle.json", "data/passports.json"]
    assert f"data/pdf/{UUIDS[0]}.pdf" in names and f"data/evidence/{EVIDENCE_SHA}" in names
    report = verify_bundle(good, [pki.ca_certificate], [SPEC])
    assert report.ok, report.summary_fa()
    assert report.header is not None and report.header.agency == "وزارت نیرو"
    assert [r["uuid"] for r in report.records(SPEC)] == UUIDS
    assert report.pdf_names == [f"pdf/{UUIDS[0]}.pdf"]
    assert report.signer is not None and report.signer == pki.identity.certificate
    assert {"header", "layout", "versions", "counts", "signature"} <= {c.name for c in report.checks}


def test_openssl_accepts_the_manifest_signature_and_digests_match(
    good: Path, pki: TestCredentials, tmp_path: Path,
) -> None:
    with zipfile.ZipFile(good) as zf:
        manifest = zf.read("META-INF/ASiCManifest.xml")
        (tmp_path / "manifest.xml").write_bytes(manifest)
        (tmp_path / "sig.p7s").write_bytes(zf.read("META-INF/signature001.p7s"))
        for entry in parse_manifest(manifest):
            assert hashlib.sha256(zf.read(entry.name)).digest() == entry.digest, entry.name
        listed = {e.name for e in parse_manifest(manifest)}
        assert listed == {n for n in zf.namelist() if n.startswith("data/")}
    (tmp_path / "ca.pem").write_bytes(pki.ca_certificate.public_bytes(serialization.Encoding.PEM))
    cmd = [OPENSSL, "cms", "-verify", "-cades", "-binary", "-inform", "DER",
           "-in", str(tmp_path / "sig.p7s"), "-content", str(tmp_path / "manifest.xml"),
           "-CAfile", str(tmp_path / "ca.pem"), "-out", str(tmp_path / "out")]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "Verification successful" in done.stderr
    (tmp_path / "manifest.xml").write_bytes(flip(manifest, 200))
    assert subprocess.run(cmd, capture_output=True, check=False).returncode != 0


@pytest.mark.parametrize(
    ("header", "document", "evidence", "failed", "without_records"),
    [
        ({"format_version": 2}, None, EVIDENCE_SHA, {"header"}, True),
        ({"records": {"passports": 3}}, None, EVIDENCE_SHA, {"counts"}, False),
        ({"files": {"pdf": 2, "evidence": 1}}, None, EVIDENCE_SHA, {"counts"}, True),
        ({"records": {"passports": 2, "plans": 1}}, None, EVIDENCE_SHA, {"counts"}, True),
        ({}, _document(UUIDS, version=99), EVIDENCE_SHA, {"versions"}, False),
        ({"schema": {"govsvc.passports": 99}}, None, EVIDENCE_SHA, {"versions"}, True),
        ({}, _document(UUIDS[1:] + ["0b9f5c1e-1111-4c8e-9f10-000000000003"]), EVIDENCE_SHA,
         {"counts"}, False),
        ({}, None, "0" * 64, {"counts"}, True),
        ({"kind": "gift"}, None, EVIDENCE_SHA, {"header"}, True),
    ],
    ids=["bundle-version", "record-count", "pdf-count", "unknown-kind", "record-version",
         "declared-version", "orphan-pdf", "misnamed-evidence", "bundle-kind"],
)
def test_signed_but_inconsistent_bundles_are_refused(
    tmp_path: Path, pki: TestCredentials, header: dict[str, object], document: bytes | None,
    evidence: str, failed: set[str], without_records: bool,
) -> None:
    path = _write(tmp_path / "b.asice", pki, _header(**header), document, evidence)
    report = verify_bundle(path, [pki.ca_certificate], [SPEC])
    assert not report.ok and _failed(report) == failed
    assert all(any("\u0600" <= ch <= "\u06ff" for ch in c.message_fa) for c in report.checks)
    assert not any("(99)" in c.message_fa or "(2)" in c.message_fa for c in report.checks)
    # checking only that the bundle is genuine and intact finds what the header alone shows
    quick = verify_bundle(path, [pki.ca_certificate], [SPEC], records=False)
    assert quick.ok != without_records
    if without_records:
        assert _failed(quick) == failed
    assert not quick.documents  # the record files were not read


def test_unknown_entry_under_data_is_refused(tmp_path: Path, pki: TestCredentials) -> None:
    path = tmp_path / "b.asice"
    write_bundle(path, _header(files={}), pki.identity,
                 [("passports.json", _document(UUIDS)), ("notes.txt", b"hello")])
    report = verify_bundle(path, [pki.ca_certificate], [SPEC])
    assert _failed(report) == {"layout"}


def test_tampered_and_hostile_bundles_are_reported_not_raised(
    good: Path, pki: TestCredentials, other: TestCredentials, tmp_path: Path,
) -> None:
    changed = rewrite(good, tmp_path / "changed.asice",
                      lambda n, d: (n, flip(d, 5)) if n == "data/passports.json" else (n, d))
    report = verify_bundle(changed, [pki.ca_certificate], [SPEC])
    assert _failed(report) == {"digests"} and report.header is None
    assert _failed(verify_bundle(good, [other.ca_certificate], [SPEC])) == {"signature"}
    slip = rewrite(good, tmp_path / "slip.asice", extra=[("../../evil.txt", b"x")])
    report = verify_bundle(slip, [pki.ca_certificate], [SPEC])
    assert _failed(report) == {"archive"} and "خطرناک" in report.failed()[0].message_fa
    junk = tmp_path / "junk.asice"
    junk.write_bytes(b"not a zip at all" * 10)
    assert _failed(verify_bundle(junk, [pki.ca_certificate], [SPEC])) == {"archive"}


def test_parse_header_refuses_unknown_fields_and_types() -> None:
    raw = json.loads(_header().to_json())
    with pytest.raises(AsicError, match="ناشناخته"):
        parse_header(json.dumps({**raw, "extra": 1}).encode())
    with pytest.raises(AsicError, match="نوع نادرستی"):
        parse_header(json.dumps({**raw, "sequence": "1"}).encode())
    assert parse_header(json.dumps(raw).encode()).sequence == 1


# --- fast CAdES ---------------------------------------------------------------------------


@pytest.mark.parametrize("key_kind", ["rsa", "ec"])
def test_cades_signer_batch_signatures_verify(tmp_path: Path, key_kind: str) -> None:
    creds = make_test_signer(tmp_path / "k.p12", PASSWORD, key_kind=key_kind)  # type: ignore[arg-type]
    signer = CadesSigner(creds.identity)
    contents = [f"سند {i}".encode() * (i + 1) for i in range(3)]
    signatures = [signer.sign(c) for c in contents]
    assert len(set(signatures)) == 3
    for content, sig in zip(contents, signatures, strict=True):
        report = verify_detached(sig, content, [creds.ca_certificate])
        assert report.ok, report.summary_fa()
    assert not verify_detached(signatures[0], contents[1], [creds.ca_certificate]).ok
    if OPENSSL:
        (tmp_path / "s.p7s").write_bytes(signatures[2])
        (tmp_path / "c.bin").write_bytes(contents[2])
        (tmp_path / "ca.pem").write_bytes(
            creds.ca_certificate.public_bytes(serialization.Encoding.PEM))
        done = subprocess.run(
            [OPENSSL, "cms", "-verify", "-cades", "-binary", "-inform", "DER", "-in",
             str(tmp_path / "s.p7s"), "-content", str(tmp_path / "c.bin"), "-CAfile",
             str(tmp_path / "ca.pem"), "-out", str(tmp_path / "o")],
            capture_output=True, check=False)
        assert done.returncode == 0, done.stderr


def test_cades_signer_without_signing_time(pki: TestCredentials) -> None:
    from asn1crypto import cms

    sig = CadesSigner(pki.identity, include_signing_time=False).sign(b"pdf bytes")
    attrs = cms.ContentInfo.load(sig)["content"]["signer_infos"][0]["signed_attrs"]
    names = {a["type"].native for a in attrs}
    assert names == {"content_type", "message_digest", "signing_certificate_v2"}


# --- PAdES ----------------------------------------------------------------------------------


def test_signed_pdf_validates_with_pdfsig_and_pyhanko(
    pki: TestCredentials, other: TestCredentials, tmp_path: Path,
) -> None:
    signed = sign_pdf(small_pdf("شناسنامه"), pki.identity)
    status = verify_pdf(signed, [pki.ca_certificate])
    assert status.ok and status.covers_whole_file and "مریم احمدی" in status.signer
    assert not verify_pdf(signed, [other.ca_certificate]).trusted
    assert verify_pdf(signed, [other.ca_certificate]).intact
    tampered = verify_pdf(flip(signed, 300), [pki.ca_certificate])
    assert not tampered.ok and not (tampered.intact and tampered.valid)
    assert not verify_pdf(small_pdf(), [pki.ca_certificate]).signed
    if PDFSIG:
        (tmp_path / "s.pdf").write_bytes(signed)
        out = subprocess.run([PDFSIG, str(tmp_path / "s.pdf")], capture_output=True, text=True,
                             check=False).stdout
        assert "Signature is Valid" in out and "Total document signed" in out
        assert "ETSI.CAdES.detached" in out


def _form_pdf() -> bytes:
    """The official passport form as the application prints it (several pages)."""
    from govsvc_desktop.reports.passport_pdf import render_passport
    from tests.fixtures import full_passport

    return render_passport(full_passport("6f1c2b9e-3d4a-4c8e-9f10-000000000042")).data


def _linked_pdf() -> bytes:
    """A PDF whose first page already has an annotation: signed through the general writer."""
    import io

    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(100, 700, "see the portal")
    page.linkURL("https://example.org", (100, 690, 200, 710))
    page.showPage()
    page.save()
    return buffer.getvalue()


@pytest.mark.parametrize("make", [_form_pdf, _linked_pdf], ids=["passport-form", "annotated"])
def test_every_pdf_is_signed_as_an_incremental_update_pdfsig_accepts(
    make: object, pki: TestCredentials, tmp_path: Path,
) -> None:
    original = make()  # type: ignore[operator]
    signed = PdfSigner(pki.identity, reason="شناسنامهٔ خدمت تأییدشده").sign(original)
    assert signed.startswith(original.rstrip(b"\n"))  # the form itself is not rewritten
    # the application's own forms take the direct writer, anything else the general one
    assert (b"/F 132 /Rect [0 0 0 0]" in signed) == (make is _form_pdf)
    status = verify_pdf(signed, [pki.ca_certificate])
    assert status.ok and status.covers_whole_file
    (tmp_path / "s.pdf").write_bytes(signed)
    out = subprocess.run(["pdfsig", str(tmp_path / "s.pdf")], capture_output=True, text=True,
                         check=True).stdout
    assert "Signature is Valid" in out and "Total document signed" in out
    pages = subprocess.run(["pdfinfo", str(tmp_path / "s.pdf")], capture_output=True, text=True,
                           check=True).stdout
    (tmp_path / "o.pdf").write_bytes(original)
    before = subprocess.run(["pdfinfo", str(tmp_path / "o.pdf")], capture_output=True, text=True,
                            check=True).stdout
    assert [line for line in pages.splitlines() if line.startswith("Pages:")] == [
        line for line in before.splitlines() if line.startswith("Pages:")]
    assert not verify_pdf(flip(signed, len(original) - 40), [pki.ca_certificate]).ok
    # a PAdES signature belongs to PDF 1.7 with ETSI's extension: the signed file says so
    assert re.search(r"PDF version:\s+1\.7", pages)
    from pypdf import PdfReader

    catalog = PdfReader(tmp_path / "s.pdf").trailer["/Root"]
    esic = catalog["/Extensions"]["/ESIC"]
    assert esic["/BaseVersion"] == "/1.7" and int(esic["/ExtensionLevel"]) >= 1


def test_pdf_batch_signer_and_expired_certificate(pki: TestCredentials) -> None:
    signer = PdfSigner(pki.identity)
    for i in range(3):
        assert verify_pdf(signer.sign(small_pdf(f"page {i}")), [pki.ca_certificate]).ok
    now = dt.datetime.now(dt.UTC)
    expired = issue_test_certificate(pki.ca_certificate, pki.ca_key, "کاربر", "سازمان",
                                     not_before=now - dt.timedelta(days=30),
                                     not_after=now - dt.timedelta(days=1))
    with pytest.raises(CertificateValidityError, match="منقضی"):
        sign_pdf(small_pdf(), expired)
    with pytest.raises(PdfSigningError, match="امضای PDF ممکن نشد"):
        PdfSigner(pki.identity).sign(b"%PDF-1.4 this is not really a pdf")


# --- trust store ------------------------------------------------------------------------------


def test_trust_store_keeps_cas_and_refuses_leaves(
    tmp_path: Path, pki: TestCredentials, other: TestCredentials,
) -> None:
    store = TrustStore(tmp_path / "trust")
    assert store.roots() == []
    pem = tmp_path / "ca.pem"
    pem.write_bytes(pki.ca_certificate.public_bytes(serialization.Encoding.PEM)
                    + other.ca_certificate.public_bytes(serialization.Encoding.PEM))
    added = store.add_file(pem)
    assert {a.fingerprint for a in added} == {e.fingerprint for e in store.entries()}
    assert set(store.roots()) == {pki.ca_certificate, other.ca_certificate}
    leaf = tmp_path / "leaf.pem"
    leaf.write_bytes(pki.identity.certificate.public_bytes(serialization.Encoding.PEM))
    with pytest.raises(SigningIdentityError, match="CA"):
        store.add_file(leaf)
    assert store.remove(added[0].fingerprint) and len(store.roots()) == 1
    shipped = tmp_path / "shipped"
    shipped.mkdir()
    (shipped / "root.pem").write_bytes(pem.read_bytes())
    both = TrustStore(tmp_path / "trust", (shipped,))
    assert len(both.entries()) == 2 and sum(e.builtin for e in both.entries()) == 2


def test_manifest_digest_of_evidence_is_its_name(good: Path) -> None:
    with zipfile.ZipFile(good) as zf:
        entries = {e.name: e for e in parse_manifest(zf.read("META-INF/ASiCManifest.xml"))}
    entry = entries[f"data/evidence/{EVIDENCE_SHA}"]
    assert base64.b64encode(entry.digest) and entry.digest.hex() == EVIDENCE_SHA
