"""The user's settings: name and roles for the audit, language, digits, autosave interval."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from ..config import Settings
from ..domain.choices import Role
from . import display


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        form = QFormLayout(self)
        self.name = QLineEdit(settings.user_name)
        form.addRow(self.tr("Your name (recorded in the history)"), self.name)
        roles = QWidget()
        row = QHBoxLayout(roles)
        row.setContentsMargins(0, 0, 0, 0)
        self.roles: dict[str, QCheckBox] = {}
        for role in Role:
            box = QCheckBox(display.label(role.label_fa))
            box.setChecked(role.value in settings.roles)
            row.addWidget(box)
            self.roles[role.value] = box
        form.addRow(self.tr("Your roles"), roles)
        self.language = QComboBox()
        self.language.addItem("فارسی", "fa")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))
        form.addRow(self.tr("Language (after restart)"), self.language)
        self.persian_digits = QCheckBox(self.tr("Show Persian digits"))
        self.persian_digits.setChecked(settings.persian_digits)
        form.addRow(self.persian_digits)
        self.autosave = QSpinBox()
        self.autosave.setRange(1, 600)
        self.autosave.setValue(settings.autosave_seconds)
        form.addRow(self.tr("Autosave every (seconds)"), self.autosave)
        self.agency = QLineEdit(settings.agency_name)
        form.addRow(self.tr("Agency for new passports"), self.agency)
        self.province = QLineEdit(settings.province)
        form.addRow(self.tr("Province for new passports"), self.province)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def result_settings(self) -> Settings:
        return Settings(
            user_name=self.name.text().strip() or "کاربر محلی",
            roles=[code for code, box in self.roles.items() if box.isChecked()],
            language=str(self.language.currentData()),
            persian_digits=self.persian_digits.isChecked(),
            autosave_seconds=self.autosave.value(),
            agency_name=self.agency.text().strip(),
            province=self.province.text().strip(),
        )
