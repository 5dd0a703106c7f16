"""Compare my unsaved version with the one someone else saved, and choose field by field."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from govsvc_desktop.domain.diff import IGNORED, show
from govsvc_desktop.domain.passport.labels import PASSPORT_FIELDS
from govsvc_desktop.domain.passport.model import LIFECYCLE_FIELDS

_LIFECYCLE = frozenset(LIFECYCLE_FIELDS)


class MergeDialog(QDialog):
    """One row per field that differs; the default keeps mine, except life-cycle fields."""

    def __init__(self, mine: dict[str, Any], theirs: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare and merge"))
        self.mine, self.theirs = mine, theirs
        self.fields = [k for k in mine if k not in IGNORED and k not in _LIFECYCLE and mine[k] != theirs.get(k)]
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Choose, for each field, which version to keep.")))
        self.table = QTableWidget(len(self.fields), 5)
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Mine"), self.tr("Theirs"),
                                              self.tr("Keep mine"), self.tr("Keep theirs")])
        self.groups: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        for row, name in enumerate(self.fields):
            self.table.setItem(row, 0, QTableWidgetItem(PASSPORT_FIELDS.get(name, name)))
            self.table.setItem(row, 1, QTableWidgetItem(show(mine[name])[:200]))
            self.table.setItem(row, 2, QTableWidgetItem(show(theirs.get(name))[:200]))
            keep_mine, keep_theirs = QRadioButton(), QRadioButton()
            group = QButtonGroup(self)
            group.addButton(keep_mine)
            group.addButton(keep_theirs)
            keep_mine.setChecked(True)
            self.table.setCellWidget(row, 3, keep_mine)
            self.table.setCellWidget(row, 4, keep_theirs)
            self.groups[name] = (keep_mine, keep_theirs)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 500)

    def choose(self, name: str, theirs: bool) -> None:
        self.groups[name][1 if theirs else 0].setChecked(True)

    def merged(self) -> dict[str, Any]:
        """Their record with my choices applied."""
        result = dict(self.theirs)
        for name, (keep_mine, _) in self.groups.items():
            if keep_mine.isChecked():
                result[name] = self.mine[name]
        return result
