"""The history page: the audit trail of one passport and its earlier editions."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..bootstrap import App
from ..domain.calendar import format_jalali_datetime
from ..domain.codec import to_dict
from ..domain.labels import PASSPORT_FIELDS, label_for_path
from ..domain.lifecycle import ACTION_LABELS_FA
from ..domain.passport import ServicePassport
from ..domain.persian import to_persian_digits


class HistoryPage(QWidget):
    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.editions: list[ServicePassport] = []
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([
            self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("Field"), self.tr("Old → new")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.editions_label = QLabel()
        row.addWidget(self.editions_label)
        self.show_edition = QPushButton(self.tr("Show earlier edition"))
        self.show_edition.clicked.connect(self._show_edition)
        row.addWidget(self.show_edition)
        row.addStretch()
        layout.addLayout(row)
        self.edition_view = QPlainTextEdit()
        self.edition_view.setReadOnly(True)
        self.edition_view.hide()
        layout.addWidget(self.edition_view)

    def show_for(self, uuid: str) -> None:
        if not self.app.passports.uuids_exist([uuid]):
            self.table.setRowCount(0)
            self.editions = []
        else:
            entries = self.app.passports.history(uuid)
            self.table.setRowCount(len(entries))
            actions = {"create": self.tr("created"), "update": self.tr("edited"),
                       "import": self.tr("imported"), "renew": self.tr("renewed"),
                       "delete": self.tr("deleted"), **ACTION_LABELS_FA}
            for i, e in enumerate(entries):
                cells = (format_jalali_datetime(e.at), e.actor, actions.get(e.action, e.action),
                         label_for_path(e.field_path) if e.field_path else "",
                         f"{e.old_value} → {e.new_value}" if e.field_path else "")
                for col, text in enumerate(cells):
                    self.table.setItem(i, col, QTableWidgetItem(text))
            self.table.resizeColumnsToContents()
            self.editions = self.app.passports.editions(uuid)
        self.editions_label.setText(self.tr("Earlier editions: {n}").format(
            n=to_persian_digits(str(len(self.editions)))))
        self.show_edition.setEnabled(bool(self.editions))

    def _show_edition(self) -> None:
        if not self.editions:
            return
        old = self.editions[-1]
        data = to_dict(old)
        lines = [f"{PASSPORT_FIELDS.get(k, k)}: {v}" for k, v in data.items() if v not in (None, "", [])]
        self.edition_view.setPlainText("\n".join(lines))
        self.edition_view.show()
