"""Printing from the window: the preview shows the real form, printing and saving work, and
the list prints its selection or its filter in the background."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from govsvc_desktop.bootstrap import App
from govsvc_desktop.demo import generator as demo
from govsvc_desktop.ui.main_window import MainWindow
from govsvc_desktop.ui.passport_editor import PassportEditor
from tests.fixtures import full_passport
from tests.ui.keyboard import type_text


def test_editor_previews_prints_and_saves_the_form(qtbot: QtBot, gui_app: App, tmp_path: Path) -> None:
    gui_app.passports.save(full_passport())
    editor = PassportEditor(gui_app, gui_app.passports.get(full_passport().uuid))
    qtbot.addWidget(editor)
    type_text(editor.bindings["title"].widget, " (ویرایش‌نشده)")
    preview = editor.preview_form()
    assert preview is not None
    qtbot.addWidget(preview)
    assert preview.page_count() >= 3 and "۳" <= preview.pages_label.text()
    assert preview.document.pageCount() == len(PdfReader(__import__("io").BytesIO(preview.data)).pages)
    saved = tmp_path / "form.pdf"
    preview.save_to(saved)
    assert saved.read_bytes().startswith(b"%PDF")
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    preview.print_to(printer)
    assert len(PdfReader(str(tmp_path / "printed.pdf")).pages) == preview.page_count()
    # unsaved edits are in the preview
    import subprocess

    text = subprocess.run(["pdftotext", str(saved), "-"], capture_output=True, text=True, check=True).stdout
    assert "ویرایش" in text and "نشده" in text


def test_list_prints_its_selection_in_the_background(qtbot: QtBot, window: MainWindow, gui_app: App,
                                                     tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    demo.populate(gui_app.uow, 20, seed=9)
    window.model.reload()
    last = window.model.columnCount() - 1
    window.table.selectionModel().select(
        QItemSelection(window.model.index(0, 0), window.model.index(1, last)),
        QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert len(window.selected_uuids()) == 2
    dialog = window.print_forms()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.target.setText(str(tmp_path / "two"))
    with qtbot.waitSignal(dialog.finished_printing, timeout=60_000) as done:
        dialog.start()
        assert not dialog.ok_button.isEnabled() and dialog.working.isVisibleTo(dialog)  # at once, in place
    result = done.args[0]
    assert result.forms == 2 and result.files == [tmp_path / "two.pdf"]
    assert len(PdfReader(str(tmp_path / "two.pdf")).pages) == result.pages
