"""Reading a window the way a person does: every text it shows (labels, buttons, menus, combo
choices, headers, cells, tooltips, titles), and every control that takes the keyboard focus."""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

PERSIAN = re.compile("[\u0600-\u06ff]")
_TOKEN = re.compile(r"[^\s«»()\[\]،؛:,;]+")
_LATIN_DIGIT = re.compile("[0-9]")
_LATIN_LETTER = re.compile("[A-Za-z]")


def texts(root: QWidget, user_data: bool = True) -> Iterator[tuple[str, str]]:
    """(where, text) for everything ``root`` and its children show; ``user_data=False`` leaves
    out what records hold (cells, editable fields, plain-text views)."""
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        where = f"{type(w.window()).__name__}/{type(w.parentWidget()).__name__}/{type(w).__name__} {w.objectName()}".strip()
        if w.isWindow() and w.windowTitle():
            yield where + " title", w.windowTitle()
        if w.toolTip():
            yield where + " tooltip", w.toolTip()
        if isinstance(w, QLabel):
            yield where, w.text()
        if isinstance(w, QAbstractButton):
            yield where, w.text()
        if isinstance(w, QGroupBox):
            yield where, w.title()
        if isinstance(w, QComboBox) and not w.isEditable():
            for i in range(w.count()):
                yield where + " choice", w.itemText(i)
        if isinstance(w, QLineEdit):
            yield where + " placeholder", w.placeholderText()
            if user_data and (w.isReadOnly() or not w.isEnabled()):
                yield where, w.text()
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield where + " tab", w.tabText(i)
        if isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView) and w.model() is not None:
            model = w.model()
            columns = _count(model.columnCount)
            if isinstance(w, (QTableView, QTreeView)):
                for c in range(columns):
                    yield where + " header", str(model.headerData(c, Qt.Orientation.Horizontal) or "")
            if isinstance(w, QTableView) and w.verticalHeader().isVisibleTo(w):
                for r in range(min(_count(model.rowCount), 50)):
                    yield where + " row header", str(model.headerData(r, Qt.Orientation.Vertical) or "")
            if user_data:
                for r in range(min(_count(model.rowCount), 50)):
                    for c in range(columns):
                        yield where + " cell", str(model.index(r, c).data() or "")
        if isinstance(w, QMainWindow):
            for menu in w.menuBar().findChildren(QMenu):
                yield "menu", menu.title()
                for action in menu.actions():
                    yield "menu item", action.text()
        if isinstance(w, QPlainTextEdit) and user_data and w.isReadOnly():
            yield where, w.toPlainText()


def _count(method: object) -> int:
    """A model's row or column count, whichever signature its class exposes to Python."""
    for args in ((), (QModelIndex(),)):
        try:
            return int(method(*args))  # type: ignore[operator]
        except TypeError:
            continue
    return 0


def persian_texts(root: QWidget) -> list[tuple[str, str]]:
    return [(where, text) for where, text in texts(root, user_data=False) if PERSIAN.search(text)]


def latin_numbers(root: QWidget, allowed: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """Texts holding a number written in Latin digits that is not part of an identifier, a URL,
    a file name or a key name (tokens with Latin letters in them: F7, SHA-256, G2C, a.pdf)."""
    found = []
    for where, text in texts(root):
        for token in _TOKEN.findall(text):
            if _LATIN_DIGIT.search(token) and not _LATIN_LETTER.search(token) and token not in allowed:
                found.append((where, text))
                break
    return found


def focusable(root: QWidget) -> list[QWidget]:
    """Visible controls that Tab or a click can put the keyboard focus on."""
    return [w for w in [root, *root.findChildren(QWidget)]
            if w.isVisibleTo(root) and w.isEnabled() and w.focusPolicy() != Qt.FocusPolicy.NoFocus
            and not w.isWindow() and type(w).__name__ not in ("QScrollArea", "QWidget", "QSplitterHandle")
            and not isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox))]  # their own editors


def unnamed(root: QWidget) -> list[str]:
    """Focusable controls a screen reader would announce without a name."""
    bad = []
    for w in focusable(root):
        if isinstance(w, QAbstractButton) and w.text().replace("&", "").strip():
            continue
        if w.accessibleName():
            continue
        if isinstance(w, QComboBox) and any(isinstance(label, QLabel) and label.buddy() is w
                                            for label in (w.parentWidget() or root).findChildren(QLabel)):
            continue
        if _labelled(w, root):
            continue
        bad.append(f"{type(w).__name__} {w.objectName()!r} in {type(w.window()).__name__}")
    return bad


def _labelled(w: QWidget, root: QWidget) -> bool:
    parent = w.parentWidget() or root
    return any(label.buddy() is w for label in parent.findChildren(QLabel))
