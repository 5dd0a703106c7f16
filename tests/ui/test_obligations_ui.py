"""The Obligations page: the dashboard matches the service and opens records, licences are
mapped, a proposal and a step are edited through their dialogs, lists are saved, and an event
log is imported in the background and exported as XES."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from govsvc_desktop.bootstrap import App
from govsvc_desktop.demo import generator as demo
from govsvc_desktop.demo.agency import write_event_csv
from govsvc_desktop.domain.agency.compliance import ComplianceKind
from govsvc_desktop.domain.agency.cycle import StepStatus
from govsvc_desktop.domain.agency.proposals import ProposalStatus
from govsvc_desktop.domain.persian import to_persian_digits
from govsvc_desktop.services.agency import LICENCES, PROPOSALS
from govsvc_desktop.ui.main_window import MainWindow
from govsvc_desktop.ui.obligations.obligations_page import ObligationsPage
from govsvc_desktop.ui.obligations.record_dialog import RecordDialog
from govsvc_desktop.ui.passport_editor import PassportEditor
from govsvc_desktop.ui.widgets.inputs import JalaliDateEdit
from govsvc_desktop.ui.widgets.tables import select_row


def _page(window: MainWindow) -> ObligationsPage:
    page = window.page("obligations")
    assert isinstance(page, ObligationsPage)
    return page


def test_dashboard_matches_the_service_and_opens_a_passport(qtbot: QtBot, window: MainWindow,
                                                             gui_app: App) -> None:
    demo.populate_all(gui_app, 40, seed=3)
    page = _page(window)
    page.refresh()
    counts = gui_app.compliance.report().counts()
    assert page.tree.topLevelItemCount() == len(ComplianceKind)
    for i, kind in enumerate(ComplianceKind):
        assert page.tree.topLevelItem(i).childCount() == counts[kind]
    drafts = page.tree.topLevelItem(list(ComplianceKind).index(ComplianceKind.OLD_DRAFT))
    assert drafts.childCount() > 0
    item = page.report.of(ComplianceKind.OLD_DRAFT)[0] if page.report else None
    assert item is not None
    editor = page.open_record("passport", item.record_uuid)
    assert isinstance(editor, PassportEditor)
    qtbot.addWidget(editor)


def test_licence_mapping_proposal_and_step_through_dialogs(qtbot: QtBot, window: MainWindow,
                                                           gui_app: App, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: (_ for _ in ()).throw(AssertionError(a[2])))
    demo.populate_all(gui_app, 40, seed=3)
    page = _page(window)
    licences = page.licences
    unmapped = next(e for e in gui_app.agency.find(LICENCES) if not e.service_id)
    row = next(r for r in range(licences.table.rowCount())
               if licences.table.item(r, 0).text() == to_persian_digits(unmapped.code))
    select_row(licences.table, row)
    assert licences.map_selected("۱۲۳۴۵۶۷۸") is not None
    assert gui_app.agency.get(LICENCES, unmapped.uuid).service_id == "12345678"

    dialog = page.proposals.edit()
    qtbot.addWidget(dialog)
    dialog.widget("title").setText("صدور برگ تردد دام")  # type: ignore[attr-defined]
    assert dialog.save() is None and "استان" in dialog.problems.text()
    dialog.widget("province").setText("کرمان")  # type: ignore[attr-defined]
    saved = dialog.save()
    assert saved is not None and saved.status is ProposalStatus.DRAFT
    assert any(p.title == "صدور برگ تردد دام" for p in gui_app.agency.find(PROPOSALS))

    step_dialog = page.cycle.edit_step(4)
    assert isinstance(step_dialog, RecordDialog)
    qtbot.addWidget(step_dialog)
    status = step_dialog.widget("status")
    status.setCurrentIndex(status.findData(StepStatus.APPROVED.value))  # type: ignore[attr-defined]
    date = step_dialog.widget("approval_date")
    assert isinstance(date, JalaliDateEdit)
    date.setText("۱۴۰۵/۰۸/۰۱")
    date.editingFinished.emit()
    step_dialog.widget("evidence").setPlainText("نامه تأیید | ۱۲۳/ت")  # type: ignore[attr-defined]
    assert step_dialog.save() is not None
    step = gui_app.agency.step("5")
    assert step.status is StepStatus.APPROVED and step.evidence[0].reference == "۱۲۳/ت"
    assert "تأییدشده" in page.cycle.steps.item(4, 2).text()


def test_lists_and_event_logs(qtbot: QtBot, window: MainWindow, gui_app: App, tmp_path: Path,
                              monkeypatch) -> None:  # type: ignore[no-untyped-def]
    demo.populate_all(gui_app, 40, seed=3)
    page = _page(window)
    assert page.lists_pdf(str(tmp_path / "lists.pdf")) is not None
    assert (tmp_path / "lists.pdf").read_bytes().startswith(b"%PDF")
    assert page.lists_excel(str(tmp_path / "lists.xlsx")) is not None
    page.include_all.setChecked(True)
    lists = gui_app.lists.lists(only_valid=False)
    assert page.lists_table.rowCount() == sum(lists.counts.values())

    tab = page.events
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    first = gui_app.events.stats()[0]
    assert tab.table.item(0, 0).text() == to_persian_digits(first.service_id)
    log = tmp_path / "log.csv"
    write_event_csv(log, 800, seed=4, end=dt.date(2025, 1, 1))
    task = tab.import_log(str(log), first.service_id)
    assert task is not None
    with qtbot.waitSignal(task.done, timeout=20_000):
        pass
    assert shown and "۸۰۰" in shown[-1]
    assert gui_app.events.stats()[0].events == first.events + 800
    xes = tmp_path / "out.xes"
    task = tab.export_xes(str(xes), first.service_id)
    assert task is not None
    with qtbot.waitSignal(task.done, timeout=20_000):
        pass
    assert xes.read_text("utf-8").count("<event>") == first.events + 800
