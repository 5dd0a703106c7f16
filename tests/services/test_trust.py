"""Approvals are signatures, checked by the one trust engine: a change after approval breaks
it, an expired or revoked certificate is refused, and a bundle whose approval no longer
matches its record is refused with nothing changed."""

from __future__ import annotations

import datetime as dt
import subprocess
import time
from pathlib import Path

import pytest
import zxingcpp
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from PIL import Image

from govsvc_desktop.bootstrap import App
from govsvc_desktop.domain.choices import Status
from govsvc_desktop.domain.codec import to_dict
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.exchange.signing.cms import sign_detached, verify_detached
from govsvc_desktop.exchange.signing.demo_pki import issue_test_certificate
from govsvc_desktop.services import passport_json
from govsvc_desktop.services.certificates import CertificateService
from govsvc_desktop.services.printing import passport_form
from tests.approval_support import HEAD_NAME, approve, head, store_as_is, trust_head
from tests.bundle_support import Pki, passport, service, small_pdf, snapshot
from tests.reports.test_passport_pdf import pdftotext, squeeze


def _crl(tmp_path: Path, issuer: x509.Certificate, key: object,
         revoked: list[x509.Certificate]) -> Path:
    now = dt.datetime.now(dt.UTC)
    builder = (x509.CertificateRevocationListBuilder().issuer_name(issuer.subject)
               .last_update(now - dt.timedelta(minutes=5)).next_update(now + dt.timedelta(days=7)))
    for cert in revoked:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder().serial_number(cert.serial_number)
            .revocation_date(now - dt.timedelta(minutes=1)).build())
    crl = builder.sign(key, hashes.SHA256())  # type: ignore[arg-type]
    path = tmp_path / "revoked.crl"
    path.write_bytes(crl.public_bytes(serialization.Encoding.PEM))
    return path


def test_approval_verifies_and_a_change_after_it_shows_broken(app: App) -> None:
    p = app.passports.save(passport(1)).passport
    approved = approve(app, p.uuid)
    check = app.passports.approval(approved)
    assert check.ok and check.signer == HEAD_NAME and len(check.approval_hash) == 64
    changed = app.passports.get(p.uuid)
    changed.fees[0].amount_rials = 777_777_777
    store_as_is(app, changed)  # below every service, as a hand-written SQL UPDATE would
    broken = app.passports.approval(app.passports.get(p.uuid))
    assert broken.signed and not broken.intact and not broken.ok
    assert "تغییر کرده" in broken.summary_fa()
    renamed = app.passports.get(p.uuid)
    renamed.fees = approved.fees
    renamed.approved_by = "کاربر محلی"
    store_as_is(app, renamed)
    assert not app.passports.approval(app.passports.get(p.uuid)).ok


def test_printed_form_shows_the_approval_and_its_qr_carries_the_hash(
        app: App, tmp_path: Path) -> None:
    p = app.passports.save(passport(2)).passport
    approved = approve(app, p.uuid)
    check = app.passports.approval(approved)
    pdf = tmp_path / "form.pdf"
    pdf.write_bytes(passport_form(approved).data)
    text = squeeze(pdftotext(pdf))
    assert squeeze(HEAD_NAME) in text and check.fingerprint[:32] in text
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(tmp_path / "page")], check=True)
    (code,) = zxingcpp.read_barcodes(Image.open(tmp_path / "page.png"))
    assert code.text.endswith(f"|approval:{check.approval_hash}")
    changed = app.passports.get(p.uuid)
    changed.benefits = "تغییر پس از تأیید"
    store_as_is(app, changed)
    pdf.write_bytes(passport_form(app.passports.get(p.uuid)).data)
    assert squeeze("تأیید شکسته است") in squeeze(pdftotext(pdf))


def test_an_approval_by_an_expired_certificate_is_not_taken(app: App, tmp_path: Path) -> None:
    creds = head()
    trust_head()
    end = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(seconds=3)
    short = issue_test_certificate(creds.ca_certificate, creds.ca_key, HEAD_NAME, "سازمان",
                                   not_after=end)
    p = app.passports.save(passport(3)).passport
    app.passports.transition(p.uuid, "review")
    approved = app.passports.approve(p.uuid, short)
    assert app.passports.approval(approved).ok
    document = passport_json.export_document(app.passports)
    while dt.datetime.now(dt.UTC) <= end + dt.timedelta(seconds=1):
        time.sleep(0.25)
    check = app.passports.approval(app.passports.get(p.uuid))
    assert not check.ok and "منقضی" in check.reason_fa
    other = tmp_path / "other.sqlite3"
    from govsvc_desktop import config
    from govsvc_desktop.bootstrap import build
    from tests.approval_support import ALL_ROLES

    fresh = build(str(other), settings=config.Settings(user_name="دفتر دیگر", roles=ALL_ROLES))
    report = passport_json.import_passports(fresh.passports,
                                            passport_json.parse_records(document))
    assert fresh.passports.get(p.uuid).status is Status.DRAFT
    assert "منقضی" in report.notes_fa()
    fresh.close()


def test_a_revoked_certificate_is_refused_once_its_list_is_imported(
        app: App, pki: Pki, tmp_path: Path) -> None:
    certs = CertificateService.default()
    certs.import_pkcs12(pki.agency.pkcs12_path, "گذرواژه-آزمایشی-۱۲۳")
    certs.trust_certificates([pki.agency.ca_certificate])
    content = b"<manifest/>"
    signature = sign_detached(content, pki.agency.identity)
    assert verify_detached(signature, content, certs.anchors()).ok
    pdf = certs.sign_pdf(small_pdf(), pki.agency.identity)
    assert certs.check_pdf(pdf)[0]
    p = app.passports.save(passport(4)).passport
    approved = approve(app, p.uuid)
    assert app.passports.approval(approved).ok
    # a list signed by someone else is refused and changes nothing
    stranger = _crl(tmp_path, pki.stranger.ca_certificate, pki.stranger.ca_key,
                    [pki.agency.identity.certificate])
    with pytest.raises(GovsvcError, match="مرجع مورد اعتمادی"):
        certs.import_crl(stranger)
    listed = _crl(tmp_path, pki.agency.ca_certificate, pki.agency.ca_key,
                  [pki.agency.identity.certificate])
    info = certs.import_crl(listed)
    assert info.revoked == 1 and [c.revoked for c in certs.revocation_lists()] == [1]
    report = verify_detached(signature, content, CertificateService.default().anchors())
    assert not report.ok and "ابطال" in report.summary_fa()
    assert not certs.check_pdf(pdf)[0], "PDF signatures go through the same engine"
    # the head's own CA publishes a list revoking the head: the approval stops holding
    creds = head()
    certs.import_crl(_crl(tmp_path, creds.ca_certificate, creds.ca_key,
                          [creds.identity.certificate]))
    check = app.passports.approval(app.passports.get(p.uuid))
    assert not check.ok and "ابطال" in check.reason_fa


def test_a_bundle_whose_approval_no_longer_matches_is_refused(
        app: App, other_app: App, pki: Pki, tmp_path: Path) -> None:
    certs = CertificateService.default()
    certs.import_pkcs12(pki.agency.pkcs12_path, "گذرواژه-آزمایشی-۱۲۳")
    certs.trust_certificates([pki.agency.ca_certificate])
    p = app.passports.save(passport(5)).passport
    approved = approve(app, p.uuid)
    tampered = app.passports.get(p.uuid)
    tampered.service_time = 0.5  # after approval, beneath the services
    store_as_is(app, tampered)
    out = tmp_path / "tampered.asice"
    service(app, certs).export(out, pki.agency.identity)
    other = service(other_app, certs)
    before = snapshot(other_app)
    plan = other.prepare_import(out)
    assert not plan.ok and "امضای تأیید" in plan.failures_fa()
    with pytest.raises(GovsvcError):
        other.apply_import(plan)
    assert snapshot(other_app) == before
    # the same record with its approval intact arrives approved, signature and all
    tampered.service_time = approved.service_time
    store_as_is(app, tampered)
    good = tmp_path / "good.asice"
    service(app, certs).export(good, pki.agency.identity)
    outcome = other.apply_import(other.prepare_import(good))
    assert outcome.created == 1
    arrived = other_app.passports.get(p.uuid)
    assert arrived.status is Status.APPROVED and other_app.passports.approval(arrived).ok
    assert to_dict(arrived)["approval_signature"] == approved.approval_signature
