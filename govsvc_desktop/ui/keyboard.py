"""Keyboard and screen-reader helpers shared by the windows: every toolbar action also in a
menu with a shortcut, Tab that leaves tables, announcements a screen reader reads out."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QMenu,
    QTableWidget,
    QTabWidget,
    QWidget,
)


def shortcut(action: QAction, *keys: QKeySequence | QKeySequence.StandardKey | str) -> QAction:
    """Gives ``action`` its keys and shows the first one in its tooltip."""
    sequences = [k if isinstance(k, QKeySequence) else QKeySequence(k) for k in keys]
    action.setShortcuts(sequences)
    text = action.text().replace("&", "")
    first = sequences[0].toString(QKeySequence.SequenceFormat.NativeText) if sequences else ""
    action.setToolTip(f"{text} ({first})" if first else text)
    return action


def menu_of(menu: QMenu, actions: list[QAction]) -> QMenu:
    """Puts toolbar actions into ``menu`` too: toolbar buttons are out of Tab's reach."""
    for action in actions:
        if action.isSeparator():
            menu.addSeparator()
        elif action not in menu.actions():
            menu.addAction(action)
    return menu


def leave_tables_with_tab(root: QWidget) -> None:
    """Tab moves to the next control instead of walking a table's cells (arrows still do)."""
    for view in root.findChildren(QAbstractItemView):
        view.setTabKeyNavigation(False)


def name_combo(combo: QComboBox, text: str, parent: QWidget | None = None) -> QLabel:
    """A combo box's accessible name: over AT-SPI it comes only from a label's buddy, so a
    combo box without a visible label gets a hidden one (and the name for Qt's own tree).
    The label must share the combo's parent: pass ``parent`` when the combo has none yet."""
    combo.setAccessibleName(text)
    buddy = QLabel(text, combo.parentWidget() or parent)
    buddy.setBuddy(combo)
    buddy.hide()
    return buddy


def announce(widget: QWidget, text: str) -> None:
    """Says ``text`` through the screen reader, politely, without moving the focus."""
    if text and QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


def cell_name(column: str, row: int) -> str:
    """The accessible name of a cell: its column and its row, counted from one."""
    from govsvc_desktop.ui import display

    return QCoreApplication.translate("Fields", "{column}, row {row}").format(
        column=column, row=display.number(row + 1))


def name_cells(table: QTableWidget) -> None:
    """Names every widget placed in ``table`` after its column header and row."""
    for row in range(table.rowCount()):
        for col in range(table.columnCount()):
            widget = table.cellWidget(row, col)
            header = table.horizontalHeaderItem(col)
            if widget is None or header is None:
                continue
            text = cell_name(header.text(), row)
            if isinstance(widget, QComboBox):
                buddy = widget.property("buddy_label")
                if not isinstance(buddy, QLabel):
                    buddy = name_combo(widget, text, table.viewport())
                    widget.setProperty("buddy_label", buddy)
                buddy.setText(text)
            widget.setAccessibleName(text)


def name_tabs(tabs: QTabWidget, name: str) -> None:
    """A tab widget and its tab bar (which takes the focus) under one name."""
    tabs.setAccessibleName(name)
    tabs.tabBar().setAccessibleName(name)
