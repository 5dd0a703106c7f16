"""The Send and Receive pages driven with qtbot on a real database, real keys and real files."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from govsvc_desktop.bootstrap import App, certificate_service
from govsvc_desktop.domain.agency.proposals import ProposalStatus, ServiceProposal
from govsvc_desktop.domain.choices import Status
from govsvc_desktop.domain.passport.lifecycle import Action
from govsvc_desktop.services.agency import PROPOSALS
from govsvc_desktop.services.certificates import CertificateService
from govsvc_desktop.ui.bundles import ReceivePage, SendPage
from tests.bundle_support import (
    PASSWORD,
    Pki,
    flip,
    install,
    rewrite,
    seed,
    service,
    snapshot,
)


@pytest.fixture
def certs(pki: Pki) -> CertificateService:
    certs = certificate_service()
    install(certs, pki.agency)
    return certs


def _send_page(qtbot: QtBot, app: App, certs: CertificateService) -> SendPage:
    page = SendPage(app, bundles=service(app, certs))
    qtbot.addWidget(page)
    return page


def test_send_page_exports_with_a_test_certificate(
    qtbot: QtBot, app: App, certs: CertificateService, tmp_path: Path,
) -> None:
    made = seed(app)
    page = _send_page(qtbot, app, certs)
    assert page.identity_combo.count() == 1 and "۶" in page.summary_label.text()
    out = tmp_path / "bundle.asice"
    page.output_edit.setText(str(out))
    page.password_edit.setText("not the password")
    with qtbot.waitSignal(page.failed, timeout=30_000) as failure:
        page.send_button.click()
    assert "گذرواژه" in failure.args[0] and not out.exists()
    page.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(page.exported, timeout=60_000) as done:
        page.send_button.click()
    result = done.args[0]
    assert page.fingerprint_edit.text() == hashlib.sha256(out.read_bytes()).hexdigest()
    assert result.sha256 == page.fingerprint_edit.text()
    assert page.history.rowCount() == 1 and page.history.item(0, 6).text() == result.sha256
    assert app.passports.get(made["approved"][0]).status is Status.SENT
    assert page.password_edit.text() == "" and page.send_button.isEnabled()


def test_send_page_cancel_leaves_nothing(
    qtbot: QtBot, app: App, certs: CertificateService, tmp_path: Path,
) -> None:
    seed(app)
    page = _send_page(qtbot, app, certs)
    state = snapshot(app)
    page.output_edit.setText(str(tmp_path / "cancelled.asice"))
    page.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(page.failed, timeout=60_000) as failure:
        page.send_button.click()
        page.cancel_export()
    assert "لغو" in failure.args[0]
    assert list(tmp_path.glob("*.asice*")) == [] and snapshot(app) == state


def test_send_page_selection_and_delta_summary(
    qtbot: QtBot, app: App, certs: CertificateService,
) -> None:
    made = seed(app)
    page = _send_page(qtbot, app, certs)
    page.set_selection(made["drafts"])
    assert "۲" in page.summary_label.text()
    page.delta_radio.setChecked(True)
    assert "کامل" in page.summary_label.text()


def test_receive_page_shows_a_tampered_bundle_as_refused(
    qtbot: QtBot, app: App, certs: CertificateService, pki: Pki, tmp_path: Path,
) -> None:
    seed(app)
    svc = service(app, certs)
    good = tmp_path / "good.asice"
    svc.export(good, pki.agency.identity)
    bad = rewrite(good, tmp_path / "bad.asice",
                  lambda n, d: (n, flip(d, 40)) if n == "data/passports.json" else (n, d))
    state = snapshot(app)
    page = ReceivePage(app, bundles=svc)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.prepared, timeout=30_000):
        page.open_bundle(bad)
    assert "refused" in page.verdict_label.text() or "پذیرفته نشد" in page.verdict_label.text()
    lines = [page.report_list.item(i).text() for i in range(page.report_list.count())]
    assert any(line.startswith("✘") and "تغییر کرده" in line for line in lines)
    assert page.changes_table.rowCount() == 0 and not page.apply_button.isEnabled()
    assert snapshot(app) == state


def test_receive_page_resolves_conflicts_then_applies(
    qtbot: QtBot, app: App, certs: CertificateService, pki: Pki, tmp_path: Path,
) -> None:
    made = seed(app, approved=2, drafts=0, proposed=0)
    install(certs, pki.centre)
    svc = service(app, certs)
    submission = tmp_path / "submission.asice"
    svc.export(submission, pki.agency.identity)
    changed, other = made["approved"]
    app.passports.transition(changed, Action.RETURN, "بازبینی")
    reply = svc.reply(submission, pki.centre.identity, tmp_path / "reply.asice",
                      accept=[changed, other])
    page = ReceivePage(app, bundles=svc)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.prepared, timeout=30_000):
        page.open_bundle(reply.path)
    assert page.changes_table.rowCount() == 2
    assert page.choices() == {changed: None} and not page.apply_button.isEnabled()
    page.choose(changed, "mine")
    assert page.apply_button.isEnabled()
    with qtbot.waitSignal(page.applied, timeout=30_000) as done:
        page.apply_button.click()
    assert done.args[0].decisions == 1 and done.args[0].kept == 1
    assert not page.apply_button.isEnabled()  # applied once; a second click could not report it again
    assert app.passports.get(changed).status is Status.RETURNED
    assert app.passports.get(other).status is Status.ACCEPTED


def test_pages_are_translated_to_persian(
    qtbot: QtBot, app: App, certs: CertificateService, tmp_path: Path,
) -> None:
    import subprocess
    import sys

    from PySide6.QtCore import QCoreApplication, QTranslator

    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    assert lrelease.exists(), "pyside6-lrelease comes with PySide6 in .venv"
    qm = tmp_path / "govsvc_fa.qm"
    source = Path(__file__).parents[2] / "translations" / "govsvc_fa.ts"
    subprocess.run([str(lrelease), "-silent", str(source), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        send = _send_page(qtbot, app, certs)
        receive = ReceivePage(app, bundles=send.bundles)
        qtbot.addWidget(receive)
        assert send.send_button.text() == "ساخت بستهٔ امضاشده"
        assert receive.apply_button.text() == "اعمال تغییرات"
        assert send.history.horizontalHeaderItem(6).text() == "اثر انگشت SHA-256"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_a_test_certificate_made_on_the_page_signs_a_bundle_that_verifies(
    qtbot: QtBot, app: App, tmp_path: Path,
) -> None:
    from govsvc_desktop.ui.bundles.certificate_dialogs import TestCertificateDialog

    seed(app)
    certs = certificate_service()
    page = _send_page(qtbot, app, certs)
    assert page.identity_combo.count() == 0 and "آزمایشی" in page.identity_warning.text()
    dialog = TestCertificateDialog(certs, page)
    qtbot.addWidget(dialog)
    dialog.name.setText("زهرا کریمی")
    dialog.org.setText("اداره کل آزمون")
    dialog.password.setText("a-long-test-password")
    dialog.confirm.setText("another-password")
    dialog.make()
    assert dialog.result() != dialog.DialogCode.Accepted and "متفاوت" in dialog.error.text()
    dialog.confirm.setText("a-long-test-password")
    dialog.make()
    assert dialog.result() == dialog.DialogCode.Accepted
    page.refresh()
    assert page.identity_combo.count() == 1 and "زهرا کریمی" in page.identity_combo.currentText()
    out = tmp_path / "own.asice"
    page.output_edit.setText(str(out))
    page.password_edit.setText("a-long-test-password")
    with qtbot.waitSignal(page.exported, timeout=60_000):
        page.send_button.click()
    report = service(app, certs).verify(out)
    assert report.ok, report


def test_receive_page_applies_the_id_issued_for_a_proposed_service(
    qtbot: QtBot, app: App, certs: CertificateService, pki: Pki, tmp_path: Path,
) -> None:
    seed(app, approved=1, drafts=0, proposed=0)
    proposal = app.agency.save(PROPOSALS, ServiceProposal(
        title="صدور گواهی صلاحیت بهره‌برداران چاه", province="فارس",
        status=ProposalStatus.PROPOSED, proposed_on="2026-10-01"))
    install(certs, pki.centre)
    svc = service(app, certs)
    submission = tmp_path / "submission.asice"
    svc.export(submission, pki.agency.identity)
    reply = svc.reply(submission, pki.centre.identity, tmp_path / "reply.asice",
                      issue_ids=[(proposal.uuid, "11031164888")])
    page = ReceivePage(app, bundles=svc)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.prepared, timeout=30_000):
        page.open_bundle(reply.path)
    assert page.changes_table.rowCount() == 1
    assert page.changes_table.item(0, 0).text() == proposal.title
    assert page.changes_table.item(0, 1).text() == "خدمت بدون شناسه"
    assert "۱۱۰۳۱۱۶۴۸۸۸" in page.changes_table.item(0, 3).text()
    with qtbot.waitSignal(page.applied, timeout=30_000):
        page.apply_button.click()
    issued = app.agency.get(PROPOSALS, proposal.uuid)
    assert issued.status is ProposalStatus.ISSUED and issued.issued_service_id == "11031164888"
