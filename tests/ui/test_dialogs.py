"""Dialogs speak the program's language: Qt's own texts from qtbase_fa, titles from the
program's name, never the executable's Latin name."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from govsvc_desktop.ui.bundles import certificate_dialogs
from govsvc_desktop.ui.main_window import MainWindow
from tests.ui.walk import PERSIAN


def test_file_dialog_is_persian(qtbot: QtBot, window: MainWindow) -> None:
    dialog = QFileDialog(window, "ذخیره")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text().strip()]
    assert labels and all(PERSIAN.search(text) for text in labels), labels
    assert "Look in:" not in labels and "Files of type:" not in labels


def test_untitled_dialogs_carry_the_programs_persian_name(qapp: QApplication, window: MainWindow) -> None:
    assert qapp.applicationDisplayName() == "شناسنامه خدمات"
    assert "govsvc" not in window.windowTitle()


def test_test_certificate_dialog_is_wide_enough_for_its_note(qtbot: QtBot, window: MainWindow) -> None:
    send = window.page("send")
    dialog = certificate_dialogs.TestCertificateDialog(send.bundles.certificates, window)  # type: ignore[attr-defined]
    qtbot.addWidget(dialog)
    assert dialog.minimumWidth() >= 480


def test_the_problem_list_says_its_count(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.new_passport()
    qtbot.addWidget(editor)
    editor.refresh_problems()
    assert editor.problems.accessibleDescription() == editor.problems_label.text() != ""
    assert editor.problems.accessibleName() == "کمبودها"
    national_id = editor.bindings["agency_national_id"]
    assert "۱۱ رقمی" in national_id.help  # what the field is, said when it has no problem
    # a field with a problem says the problem instead (here: approval needs it)
    assert "ماده ۱۱" in national_id.widget.accessibleDescription()


def test_qt_texts_missing_from_qtbase_fa_are_supplied() -> None:
    from govsvc_desktop.ui.qt_texts import texts

    assert all(PERSIAN.search(shown) for _context, _source, shown in texts())
