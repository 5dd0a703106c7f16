"""A failure nobody foresaw is shown as a program error, with the log's path, and logged in full."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from govsvc_desktop.bootstrap import App
from tests.store.test_error_kinds import _drop_passports


def test_the_window_shows_a_bug_dialog_and_logs_the_traceback(
        qtbot, gui_app: App, caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    from govsvc_desktop.ui.errors import install_excepthook
    from govsvc_desktop.ui.main_window import MainWindow

    window = MainWindow(gui_app)
    qtbot.addWidget(window)
    _drop_passports(Path(gui_app.db))
    seen: dict[str, str] = {}

    def read_and_close() -> None:
        boxes = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.objectName() == "bug-dialog" and w.isVisible()]
        if not boxes:  # not open yet: look again shortly
            QTimer.singleShot(20, read_and_close)
            return
        seen["text"], seen["details"] = boxes[0].text(), boxes[0].detailedText()
        boxes[0].done(0)

    install_excepthook()
    QTimer.singleShot(0, read_and_close)
    with caplog.at_level(logging.ERROR):
        window.model.reload()  # the database worker hands the failure to the hook
    assert "گزارش" in seen["text"] and "govsvc-desktop.log" in seen["text"]
    assert "no such table" in seen["details"] and "Traceback" in seen["details"]
    assert any("Traceback" in r.getMessage() and "no such table" in r.getMessage()
               for r in caplog.records)


