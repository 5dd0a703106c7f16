"""Typing Persian into widgets: QTest's keyClicks handles only ASCII, so send the key events
a Persian keyboard sends (text with no key code), at the end of what the widget holds."""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget


def type_text(widget: QWidget, text: str) -> None:
    widget.setFocus()
    if isinstance(widget, QLineEdit):
        widget.end(False)
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        widget.moveCursor(QTextCursor.MoveOperation.End)
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
