"""The deadline calendar and the official lists on the Obligations page: days left or overdue,
a deadline opens its record, an event recorded through the dialog closes a deadline, the .ics
is written, unmatched free text is listed and matched."""

from __future__ import annotations

from pathlib import Path

from icalendar import Calendar
from pytestqt.qtbot import QtBot

from govsvc_desktop.bootstrap import App
from govsvc_desktop.domain.agency.deadlines import EventKind
from govsvc_desktop.domain.choices import Status
from govsvc_desktop.ui.main_window import MainWindow
from govsvc_desktop.ui.obligations.deadlines_tab import EventDialog
from govsvc_desktop.ui.obligations.obligations_page import ObligationsPage
from govsvc_desktop.ui.passport_editor import PassportEditor
from tests.fixtures import full_passport


def _page(window: MainWindow) -> ObligationsPage:
    page = window.page("obligations")
    assert isinstance(page, ObligationsPage)
    return page


def test_deadlines_show_days_left_open_records_and_export(qtbot: QtBot, window: MainWindow,
                                                          gui_app: App, tmp_path: Path) -> None:
    p = full_passport()
    gui_app.passports.save(p)
    with gui_app.uow() as uow:  # approved a year and a half ago: its renewal is overdue
        stored = uow.passports.get(p.uuid)
        assert stored is not None
        stored.status, stored.approved_on = Status.APPROVED, "2025-05-01"
        uow.passports.update(stored, stored.revision)
        uow.commit()
    page = _page(window)
    page.refresh()
    tab = page.deadlines
    assert tab.table.rowCount() == 0, "the calendar is made when its tab is looked at"
    page.tabs.setCurrentWidget(tab)
    titles = [tab.table.item(r, 2).text() for r in range(tab.table.rowCount())]
    assert "معرفی نماینده دستگاه به سازمان" in titles
    row = next(r for r in range(tab.table.rowCount()) if p.title in tab.table.item(r, 2).text())
    assert "روز گذشته" in tab.table.item(row, 1).text()
    assert tab.table.item(row, 0).text().startswith("۱۴۰۵/")
    tab.table.selectRow(row)
    tab.table.setCurrentCell(row, 0)
    editor = tab.open_selected()
    assert isinstance(editor, PassportEditor)
    qtbot.addWidget(editor)

    dialog = EventDialog(tab)
    dialog.kind.setCurrentIndex(dialog.kind.findData(EventKind.REPRESENTATIVE_APPOINTED.value))
    dialog.date.setText("۱۴۰۳/۱۰/۱۵")
    assert tab.record_event(dialog)
    row = titles.index("معرفی نماینده دستگاه به سازمان")
    states = {tab.table.item(r, 2).text(): tab.table.item(r, 1).text()
              for r in range(tab.table.rowCount())}
    assert states["معرفی نماینده دستگاه به سازمان"] == "انجام شد"
    task = tab.export_ics(str(tmp_path / "deadlines.ics"))
    assert task is not None
    with qtbot.waitSignal(task.done, timeout=30_000):
        pass
    target = tmp_path / "deadlines.ics"
    uids = {str(e["uid"]) for e in Calendar.from_ical(target.read_bytes()).walk("VEVENT")}
    assert f"renew:{p.uuid}@govsvc-desktop" in uids and "001-19@govsvc-desktop" not in uids


def test_official_lists_tab_lists_and_matches_free_text(qtbot: QtBot, window: MainWindow,
                                                        gui_app: App) -> None:
    p = full_passport()
    p.province = "استان فارس"
    p.county = "روستای بی‌نام"
    gui_app.passports.save(p)
    tab = _page(window).reference
    assert tab.versions.rowCount() == 3
    tab.refresh()
    assert tab.unmatched.rowCount() == 1 and tab.unmatched.item(0, 1).text() == "روستای بی‌نام"
    task = tab.match()
    with qtbot.waitSignal(task.done, timeout=30_000):
        pass
    values = {tab.unmatched.item(r, 1).text() for r in range(tab.unmatched.rowCount())}
    assert values == {"روستای بی‌نام"}
    assert gui_app.passports.get(p.uuid).province == "فارس"
    assert "۱ رکورد" in tab.summary.text()
    tab.refresh()  # the page shows the last match's leftovers without reading every record
    assert tab.unmatched.rowCount() == 1
