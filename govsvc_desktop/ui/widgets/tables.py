"""Helpers for item views that behave the same left to right and right to left."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem


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


def select_rows(view: QAbstractItemView, rows: list[int]) -> None:
    """Selects these whole rows (after a reload, say); the first becomes current."""
    model = view.model()
    selection = QItemSelection()
    for row in rows:
        selection.select(model.index(row, 0), model.index(row, model.columnCount() - 1))
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    view.selectionModel().select(selection, flags)
    if rows:
        view.selectionModel().setCurrentIndex(model.index(rows[0], 0),
                                              QItemSelectionModel.SelectionFlag.NoUpdate)


def selected_row(view: QAbstractItemView) -> int:
    """The first selected row, or -1."""
    rows = view.selectionModel().selectedRows()
    return rows[0].row() if rows else -1


def record_table(headers: list[str]) -> QTableWidget:
    """A read-only list of records: whole rows selected, columns sized to their contents."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def fill_rows(table: QTableWidget, rows: list[tuple[object, list[str]]]) -> None:
    """Replaces the rows; each is (data kept on the first cell, the texts shown)."""
    table.setRowCount(len(rows))
    for r, (data, texts) in enumerate(rows):
        for c, text in enumerate(texts):
            table.setItem(r, c, read_only_item(text, data if c == 0 else None))


def row_data(table: QTableWidget, row: int | None = None) -> object:
    """The data of the first cell of ``row`` (default: the selected row), or None."""
    if row is None:
        row = selected_row(table)
    item = table.item(row, 0) if row >= 0 else None
    return None if item is None else item.data(Qt.ItemDataRole.UserRole)
