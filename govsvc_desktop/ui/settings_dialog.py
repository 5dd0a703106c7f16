"""The user's settings: name and roles for the audit, language, digits, autosave interval,
and how automatic backups are made and kept."""

from __future__ import annotations

from dataclasses import replace

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

from govsvc_desktop.config import Settings, backup_dir
from govsvc_desktop.domain.choices import Role
from govsvc_desktop.ui import display


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
        self.settings = settings
        self.backup_automatic = QCheckBox(self.tr("Back up automatically when the program closes "
                                                  "(at most once a day)"))
        self.backup_automatic.setChecked(settings.backup_automatic)
        form.addRow(self.backup_automatic)
        self.backup_folder = QLineEdit(settings.backup_folder)
        self.backup_folder.setPlaceholderText(str(backup_dir()))
        form.addRow(self.tr("Folder for automatic backups"), self.backup_folder)
        self.backup_days = self._spin(settings.backup_keep_days, 0, 365)
        form.addRow(self.tr("Keep a daily copy for (days)"), self.backup_days)
        self.backup_weeks = self._spin(settings.backup_keep_weeks, 0, 520)
        form.addRow(self.tr("Then a weekly copy for (weeks)"), self.backup_weeks)
        self.backup_warn = self._spin(settings.backup_warn_days, 1, 365)
        form.addRow(self.tr("Warn when the last backup is older than (days)"), self.backup_warn)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @staticmethod
    def _spin(value: int, low: int, high: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(low, high)
        box.setValue(value)
        return box

    def result_settings(self) -> Settings:
        return replace(
            self.settings,
            user_name=self.name.text().strip() or "کاربر محلی",
            roles=[code for code, box in self.roles.items() if box.isChecked()],
            language=str(self.language.currentData()),
            persian_digits=self.persian_digits.isChecked(),
            autosave_seconds=self.autosave.value(),
            agency_name=self.agency.text().strip(),
            province=self.province.text().strip(),
            backup_automatic=self.backup_automatic.isChecked(),
            backup_folder=self.backup_folder.text().strip(),
            backup_keep_days=self.backup_days.value(),
            backup_keep_weeks=self.backup_weeks.value(),
            backup_warn_days=self.backup_warn.value(),
        )
