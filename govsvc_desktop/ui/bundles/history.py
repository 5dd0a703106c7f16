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

from govsvc_desktop.domain.bundles import SENT, BundleEntry
from govsvc_desktop.ui import display


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
        self.setTabKeyNavigation(False)
        self.setAccessibleName(self.tr("Bundles sent and received"))

    def count_label(self, key: str) -> str:
        """What a bundle holds, by name: passports, plans, PDF forms, evidence files…"""
        names = {
            "passport": self.tr("passports"), "passports": self.tr("passports"),
            "plan": self.tr("plans"), "plans": self.tr("plans"),
            "proposal": self.tr("proposed services"), "proposals": self.tr("proposed services"),
            "reply": self.tr("decisions"), "replies": self.tr("decisions"),
            "pdf": self.tr("PDF forms"), "evidence": self.tr("evidence files"),
        }
        return names.get(key, key)

    def show_entries(self, entries: Sequence[BundleEntry]) -> None:
        self.setRowCount(len(entries))
        for row, e in enumerate(entries):
            if e.kind == "reply":
                kind = self.tr("Reply")
            else:
                kind = self.tr("Changes") if e.delta else self.tr("Full")
            separator = "، " if display.persian() else ", "
            counts = separator.join(f"{self.count_label(k)}: {display.number(v)}"
                                    for k, v in sorted(e.counts.items()) if v)
            cells = [
                display.number(e.sequence),
                self.tr("Sent") if e.direction == SENT else self.tr("Received"),
                kind,
                display.moment(e.created_at),
                counts,
                "✔" if e.acknowledged else "",
                e.sha256,
            ]
            for column, text in enumerate(cells):
                self.setItem(row, column, QTableWidgetItem(text))
