"""The bundle history as a table: direction, kind, time, counts, acknowledgement, fingerprint."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...domain.bundles import SENT, BundleEntry
from ...domain.calendar import format_jalali_datetime
from ...domain.persian import to_persian_digits


class HistoryTable(QTableWidget):
    """Read-only; the fingerprint column is what people compare over the phone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 7, parent)
        self.setHorizontalHeaderLabels([
            self.tr("No."), self.tr("Direction"), self.tr("Kind"), self.tr("Time"),
            self.tr("Records"), self.tr("Acknowledged"), self.tr("SHA-256 fingerprint"),
        ])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setVisible(False)

    def show_entries(self, entries: Sequence[BundleEntry]) -> None:
        self.setRowCount(len(entries))
        for row, e in enumerate(entries):
            if e.kind == "reply":
                kind = self.tr("Reply")
            else:
                kind = self.tr("Changes") if e.delta else self.tr("Full")
            counts = "، ".join(f"{k}: {to_persian_digits(str(v))}"
                               for k, v in sorted(e.counts.items()) if v)
            cells = [
                to_persian_digits(str(e.sequence)),
                self.tr("Sent") if e.direction == SENT else self.tr("Received"),
                kind,
                format_jalali_datetime(e.created_at),
                counts,
                "✔" if e.acknowledged else "",
                e.sha256,
            ]
            for column, text in enumerate(cells):
                self.setItem(row, column, QTableWidgetItem(text))
