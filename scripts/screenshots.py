"""Screenshots of the main window, its pages and the editors for README, on demo data.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [OUT_DIR]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from govsvc_desktop import config  # noqa: E402
from govsvc_desktop.bootstrap import App, build, bundle_service, certificate_service  # noqa: E402
from govsvc_desktop.demo import generator as demo  # noqa: E402
from govsvc_desktop.ui.app import install_language, load_fonts  # noqa: E402
from govsvc_desktop.ui.main_window import MainWindow  # noqa: E402
from govsvc_desktop.ui.passport_editor import PassportEditor  # noqa: E402


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    qapp = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(qapp, QApplication)
    install_language(qapp, "fa")
    qapp.setFont(QFont(load_fonts(), 10))
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["GOVSVC_HOME"] = str(Path(tmp) / "home")  # keys and trust stay in here
        app = build(str(Path(tmp) / "shots.sqlite3"),
                    config.Settings(user_name="زهرا کریمی", roles=["preparer", "reviewer", "head", "admin"]))
        demo.populate_all(app, 400)
        window = MainWindow(app)
        window.resize(1280, 760)
        window.show()
        window.apply_filter()
        qapp.processEvents()
        window.grab().save(str(out / "main-window.png"))
        uuid = window.model.uuid_at(3)
        editor = window.open_passport(uuid)
        assert editor is not None
        editor.resize(1100, 820)
        qapp.processEvents()
        editor.grab().save(str(out / "editor.png"))
        _editor_details(qapp, window, editor, out)
        _approval(qapp, app, Path(tmp), out)
        for index in range(1, window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            key = next(k for k, w in window.pages.items() if w.parent() is window.tabs.widget(index))
            qapp.processEvents()
            window.grab().save(str(out / f"page-{key}.png"))
        plans = window.page("plans")
        plan = next(p for p in app.plans.find() if p.reports and len(p.actions) > 3)
        plan_editor = plans.open_plan(plan.uuid)  # type: ignore[attr-defined]
        plan_editor.resize(1100, 820)
        for tab, name in ((1, "plan-indicators"), (2, "plan-actions"), (3, "plan-reports")):
            plan_editor.tabs.setCurrentIndex(tab)
            if tab == 1:
                from govsvc_desktop.ui.widgets.tables import select_row

                select_row(plan_editor.indicators, 0)
            qapp.processEvents()
            plan_editor.grab().save(str(out / f"{name}.png"))
        plan_editor.close()
        obligations = window.page("obligations")
        window.tabs.setCurrentWidget(obligations.parentWidget())
        for tab, name in ((0, "obligations-compliance"), (1, "obligations-deadlines"),
                          (2, "obligations-lists"), (3, "obligations-licences"),
                          (5, "obligations-cycle"), (6, "obligations-events"),
                          (7, "obligations-reference")):
            obligations.tabs.setCurrentIndex(tab)  # type: ignore[attr-defined]
            if tab == 0:
                obligations.tree.expandItem(obligations.tree.topLevelItem(1))  # type: ignore[attr-defined]
            qapp.processEvents()
            window.grab().save(str(out / f"{name}.png"))
        _receive_page(qapp, window, app, Path(tmp), out)
        editor.dirty = False
        editor.close()
        window.close()
        _english(qapp, app, out)
        app.close()
    return 0


def _editor_details(qapp: QApplication, window: MainWindow, editor: PassportEditor, out: Path) -> None:
    """The editor with the Jalali calendar open on a date field, and its history page."""
    from PySide6.QtGui import QPainter

    editor.tabs.setCurrentIndex(2)  # delivery: the date the service goes electronic
    field = editor.bindings["electronic_target_date"].widget
    qapp.processEvents()
    editor.focus_field("electronic_target_date")
    popup = field.show_calendar()  # type: ignore[attr-defined]
    qapp.processEvents()
    shot = editor.grab()
    painter = QPainter(shot)
    corner = editor.mapFromGlobal(popup.mapToGlobal(popup.rect().topLeft()))
    painter.drawPixmap(corner, popup.grab())
    painter.end()
    shot.save(str(out / "editor-calendar.png"))
    popup.close()
    from dataclasses import replace

    stored = next(p for p in editor.service.iter_passports() if p.status.value == "draft")
    changed = editor.service.save(replace(stored, direct_cost_rials=1_500_000,
                                          electronic_target_date="2026-03-20",
                                          service_time=(stored.service_time or 0) + 2)).passport
    draft = window.open_passport(changed.uuid)
    assert draft is not None
    draft.resize(1100, 820)
    draft.tabs.setCurrentWidget(draft.history)
    qapp.processEvents()
    draft.grab().save(str(out / "editor-history.png"))
    draft.close()


def _english(qapp: QApplication, app: App, out: Path) -> None:
    """The main window and an editor in English."""
    install_language(qapp, "en")
    window = MainWindow(app)
    window.resize(1280, 760)
    window.show()
    window.apply_filter()
    qapp.processEvents()
    window.grab().save(str(out / "english-main-window.png"))
    editor = window.open_passport(window.model.uuid_at(3))
    assert editor is not None
    editor.resize(1100, 820)
    qapp.processEvents()
    editor.grab().save(str(out / "english-editor.png"))
    editor.close()
    window.close()
    install_language(qapp, "fa")
def _approval(qapp: QApplication, app: App, tmp: Path, out: Path) -> None:
    """The editor's life-cycle page of a passport the head approved by signature."""
    from govsvc_desktop.domain.choices import Status
    from govsvc_desktop.exchange.signing.demo_pki import make_test_signer
    from govsvc_desktop.ui.editor_sections import SECTIONS
    from govsvc_desktop.ui.passport_editor import PassportEditor

    head = make_test_signer(tmp / "head.p12", "demo-password", person_name="دکتر محمد صادقی")
    certificate_service().trust_certificates([head.ca_certificate])
    reviewed = next(p for p in app.passports.iter_passports()
                    if p.status is Status.REVIEWED and not app.passports.problems(p))
    approved = app.passports.approve(reviewed.uuid, head.identity)
    editor = PassportEditor(app, approved)
    editor.resize(1100, 820)
    editor.tabs.setCurrentIndex([key for key, _ in SECTIONS].index("lifecycle"))
    editor.show()
    qapp.processEvents()
    editor.tabs.currentWidget().ensureWidgetVisible(editor.lifecycle)  # type: ignore[attr-defined]
    qapp.processEvents()
    editor.grab().save(str(out / "editor-approval.png"))
    editor.close()


def _receive_page(qapp: QApplication, window: MainWindow, app: App, tmp: Path, out: Path) -> None:
    """The Receive page with the centre's reply to a submission opened: decisions on
    passports and the ID issued for a proposed service."""
    from govsvc_desktop.domain.agency.proposals import ProposalStatus
    from govsvc_desktop.exchange.signing.demo_pki import (
        make_test_centre_signer,
        make_test_signer,
    )
    from govsvc_desktop.services.agency import PROPOSALS

    password = "demo-password"
    agency = make_test_signer(tmp / "agency.p12", password)
    centre = make_test_centre_signer(tmp / "centre.p12", password)
    certs = certificate_service()
    for creds in (agency, centre):
        certs.import_pkcs12(creds.pkcs12_path, password)
        certs.trust_certificates([creds.ca_certificate])
    bundles = bundle_service(app, certificates=certs)
    for proposal in app.agency.find(PROPOSALS):
        if proposal.status is ProposalStatus.DRAFT:
            proposal.status, proposal.proposed_on = ProposalStatus.PROPOSED, "2026-10-01"
            app.agency.save(PROPOSALS, proposal)
    submission = tmp / "submission.asice"
    bundles.export(submission, agency.identity, window.current_filter())
    sent = [p for p in app.passports.iter_passports() if p.status.value == "sent"][:3]
    proposed = [p for p in app.agency.find(PROPOSALS)
                if p.status is ProposalStatus.UNDER_REVIEW][:1]
    reply = bundles.reply(
        submission, centre.identity, tmp / "reply.asice", accept=[p.uuid for p in sent[:2]],
        returns=[(p.uuid, "مدارک قانونی کامل نیست") for p in sent[2:]],
        issue_ids=[(p.uuid, "11031164999") for p in proposed])
    receive = window.page("receive")
    window.tabs.setCurrentWidget(receive.parentWidget())
    receive.open_bundle(reply.path)  # type: ignore[attr-defined]
    for _ in range(200):
        qapp.processEvents()
        if receive.plan is not None:  # type: ignore[attr-defined]
            break
        import time

        time.sleep(0.05)
    qapp.processEvents()
    window.grab().save(str(out / "page-receive.png"))


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"))
