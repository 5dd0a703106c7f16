"""What escapes: errors users can meet are shown in Persian; anything else is a bug, logged
in full and shown with a button that copies the details for a report."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.logsetup import log_file

log = logging.getLogger("govsvc_desktop.ui")


def show_error(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    parent = QApplication.activeWindow()
    if isinstance(exc, GovsvcError):
        QMessageBox.warning(parent, QCoreApplication.translate("ErrorDialog", "Error"), exc.message_fa)
        return
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("unhandled error:\n%s", details)
    text = QCoreApplication.translate(
        "ErrorDialog", "Something went wrong in the program. Your saved data is safe; the "
        "details were written to the log file:\n{path}").format(path=f"\u2066{log_file()}\u2069")
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("ErrorDialog", "Program error"),
                      text, parent=parent)
    box.setObjectName("bug-dialog")
    copy = box.addButton(QCoreApplication.translate("ErrorDialog", "Copy details"), QMessageBox.ButtonRole.ActionRole)
    copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDetailedText(details)
    box.exec()


def install_excepthook() -> None:
    sys.excepthook = show_error
