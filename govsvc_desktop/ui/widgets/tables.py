"""Helpers for item views that behave the same left to right and right to left."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableWidgetItem


def read_only_item(text: str, data: object = None) -> QTableWidgetItem:
    """A table cell shown, not edited; ``data`` rides along in the user role."""
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def select_row(view: QAbstractItemView, row: int) -> None:
    """Selects a whole row and makes it current; ``QTableView.selectRow`` does nothing in a
    right-to-left view."""
    index = view.model().index(row, 0)
    flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
             | QItemSelectionModel.SelectionFlag.Rows | QItemSelectionModel.SelectionFlag.Current)
    view.selectionModel().setCurrentIndex(index, flags)
    view.scrollTo(index)


def selected_row(view: QAbstractItemView) -> int:
    """The first selected row, or -1."""
    rows = view.selectionModel().selectedRows()
    return rows[0].row() if rows else -1
