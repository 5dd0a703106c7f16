"""The editor's attachments page: add, open, rename and remove files of a passport."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from govsvc_desktop.bootstrap import App
from govsvc_desktop.ui.passport_editor import PassportEditor
from tests.bundle_support import small_pdf
from tests.fixtures import full_passport


def test_attachments_page_adds_opens_renames_and_removes(
        qtbot, gui_app: App, tmp_path: Path,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    saved = gui_app.passports.save(full_passport()).passport
    editor = PassportEditor(gui_app, saved)
    qtbot.addWidget(editor)
    editor.show()
    page = editor.attachments
    editor.tabs.setCurrentWidget(page)
    assert editor.tabs.tabText(editor.tabs.indexOf(page)) == "پیوست‌ها"
    form = tmp_path / "فرم امضاشده.pdf"
    form.write_bytes(small_pdf("signed"))
    program = tmp_path / "setup.pdf"
    program.write_bytes(b"MZ\x90\x00 not a pdf")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: warnings.append(text))
    added = page.add_files([str(form), str(program)])
    assert [a.name for a in added] == ["فرم امضاشده.pdf"]
    assert warnings and "setup.pdf" in warnings[0]
    assert page.table.rowCount() == 1 and page.table.item(0, 1).text() == "PDF"

    opened: list[Path] = []
    page.opener = opened.append
    page.table.setCurrentCell(0, 0)
    path = page.open_selected()
    assert path is not None and opened == [path] and path.read_bytes() == form.read_bytes()

    page.table.setCurrentCell(0, 0)
    assert page.rename_selected("فرم امضاشدهٔ رئیس.pdf") is not None, warnings
    assert page.table.item(0, 0).text() == "فرم امضاشدهٔ رئیس.pdf"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.table.setCurrentCell(0, 0)
    assert page.remove_selected() is not None
    assert page.table.rowCount() == 0 and gui_app.attachments.list(saved.uuid) == []


def test_a_new_unsaved_passport_cannot_take_files_yet(qtbot, gui_app: App) -> None:  # type: ignore[no-untyped-def]
    editor = PassportEditor(gui_app, gui_app.passports.new_passport())
    qtbot.addWidget(editor)
    assert not editor.attachments.buttons["add"].isEnabled()
