"""The history page: the audit trail of one passport and its earlier editions."""

from __future__ import annotations

from typing import get_args, get_type_hints

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

from govsvc_desktop.bootstrap import App
from govsvc_desktop.domain.choices import Choice
from govsvc_desktop.domain.codec import to_dict
from govsvc_desktop.domain.passport.lifecycle import ACTION_LABELS_FA
from govsvc_desktop.domain.passport.model import ServicePassport
from govsvc_desktop.ui import display
from govsvc_desktop.ui.widgets.tables import fit_columns


def _choice_of(field_path: str) -> type[Choice] | None:
    """The choice type of a top-level passport field, so its codes show as labels."""
    hint = get_type_hints(ServicePassport).get(field_path.split(".")[0].split("[")[0])
    for kind in (hint, *get_args(hint)):
        if isinstance(kind, type) and issubclass(kind, Choice):
            return kind
    return None


def shown(field_path: str, raw: str | None) -> str:
    """An audited value as people read it: a choice by its label, others by display.value."""
    kind = _choice_of(field_path)
    if kind is not None and raw:
        try:
            return display.choice(kind(raw))
        except ValueError:
            return raw
    return display.value(raw)


class HistoryPage(QWidget):
    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.editions: list[ServicePassport] = []
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("Field"), self.tr("Before"), self.tr("After")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        self.table.setObjectName("history")
        self.table.setAccessibleName(self.tr("History of this passport"))
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
                       "delete": self.tr("deleted"),
                       **{k: display.label(v) for k, v in ACTION_LABELS_FA.items()}}
            for i, e in enumerate(entries):
                path = e.field_path or ""
                cells = (display.moment(e.at), e.actor, actions.get(e.action, e.action),
                         display.path(path) if path else "",
                         shown(path, e.old_value) if path else "",
                         shown(path, e.new_value) if path else "")
                for col, text in enumerate(cells):
                    self.table.setItem(i, col, QTableWidgetItem(text))
            fit_columns(self.table)
            self.editions = self.app.passports.editions(uuid)
        self.editions_label.setText(self.tr("Earlier editions: {n}").format(
            n=display.number(len(self.editions))))
        self.show_edition.setEnabled(bool(self.editions))

    def _show_edition(self) -> None:
        if not self.editions:
            return
        old = self.editions[-1]
        data = to_dict(old)
        lines = [f"{display.field(k)}: {shown(k, v) if isinstance(v, str) else display.value(v)}"
                 for k, v in data.items() if v not in (None, "", []) and not isinstance(v, (list, dict))]
        self.edition_view.setPlainText("\n".join(lines))
        self.edition_view.show()
