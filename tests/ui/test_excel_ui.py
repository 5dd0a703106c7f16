"""Excel from the window: the import dialog checks, shows problems by cell, then imports;
export writes the list's selection."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from govsvc_desktop.bootstrap import App
from govsvc_desktop.demo import generator as demo
from govsvc_desktop.exchange.excel.layout import MAIN_SHEET
from govsvc_desktop.services.excel import ExcelService
from govsvc_desktop.ui.main_window import MainWindow
from govsvc_desktop.ui.widgets.tables import select_row


def _workbook_with_one_bad_row(tmp_path: Path) -> Path:
    path = tmp_path / "in.xlsx"
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = MAIN_SHEET
    ws.append(["کلید رکورد", "عنوان خدمت / وظیفه", "آمار تعداد خدمت‌گیرندگان"])
    ws.append(["1", "صدور مجوز نخست", 10])
    ws.append(["2", "صدور مجوز دوم", "نامعلوم"])
    ws.append(["3", "صدور مجوز سوم", 30])
    wb.save(path)
    return path


def test_import_dialog_checks_points_at_the_cell_then_imports_the_valid_rows(
        qtbot: QtBot, window: MainWindow, gui_app: App, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    dialog = window.import_excel()
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isVisible()
    dialog.path_edit.setText(str(_workbook_with_one_bad_row(tmp_path)))
    with qtbot.waitSignal(dialog.steps.currentChanged, timeout=20000):
        dialog.check()
    assert dialog.records.rowCount() == 3
    assert [dialog.records.item(i, 3).text() for i in range(3)] == ["تازه", "وارد نمی‌شود", "تازه"]
    assert dialog.problems.rowCount() == 2  # the error, and a note on the columns not in the file
    kinds = [dialog.problems.item(i, 0).text() for i in range(2)]
    error = kinds.index("خطا")
    assert kinds[1 - error] == "هشدار"
    assert dialog.problems.item(error, 2).text() == "C3"
    assert not dialog.import_button.isEnabled(), "all or nothing: errors block the import"
    select_row(dialog.problems, error)
    assert [i.row() for i in dialog.records.selectionModel().selectedRows()] == [1]
    report = dialog.save_report(str(tmp_path / "report.xlsx"))
    assert report is not None and load_workbook(report)[MAIN_SHEET]["C3"].comment is not None
    assert gui_app.passports.count() == 0

    dialog.valid_only.setChecked(True)
    dialog._update_buttons()
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=20000) as blocker:
        dialog.apply()
    result = blocker.args[0]
    assert result.saved and result.count("create") == 2
    assert gui_app.passports.count() == 2
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    assert not dialog.import_button.isEnabled()
    assert warnings == []


def test_import_dialog_reports_a_file_that_is_not_a_workbook(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    (tmp_path / "list.xlsx").write_text("a,b\n1,2\n", "utf-8")
    dialog = window.import_excel()
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "list.xlsx"))
    task = dialog.check()
    assert task is not None
    with qtbot.waitSignal(task.error, timeout=20000):
        pass
    qtbot.waitUntil(lambda: bool(warnings))
    assert "CSV" in warnings[0] and dialog.steps.currentIndex() == 0


def test_export_writes_the_selected_rows_and_the_template_is_saved(
        qtbot: QtBot, window: MainWindow, gui_app: App, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    demo.populate(gui_app.uow, 15, seed=4)
    window.model.reload()
    last = window.model.columnCount() - 1
    window.table.selectionModel().select(
        QItemSelection(window.model.index(0, 0), window.model.index(2, last)),
        QItemSelectionModel.SelectionFlag.ClearAndSelect)
    target = tmp_path / "three.xlsx"
    task = window.export_excel(str(target))
    assert task is not None
    with qtbot.waitSignal(task.done, timeout=30000) as blocker:
        pass
    assert blocker.args == [3]
    ws = load_workbook(target, read_only=True)[MAIN_SHEET]
    keys = [row[0] for row in ws.iter_rows(min_row=2, values_only=True)]
    assert sorted(keys) == sorted(window.selected_uuids())
    template = window.save_excel_template(str(tmp_path / "template.xlsx"))
    assert template is not None and load_workbook(template).sheetnames[1] == MAIN_SHEET
    assert ExcelService(gui_app.passports).import_file(template).records == []
