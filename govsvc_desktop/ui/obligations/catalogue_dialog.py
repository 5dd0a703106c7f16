"""Choosing what to publish as the agency's website: the folder, the catalogue's title, the
portal address and the same filters the command line takes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from govsvc_desktop.domain.choices import Nature
from govsvc_desktop.domain.passport.queries import PassportFilter

if TYPE_CHECKING:
    from govsvc_desktop.bootstrap import App


@dataclass(frozen=True)
class CatalogueChoice:
    folder: str
    title: str
    base_url: str
    filter: PassportFilter


class CatalogueDialog(QDialog):
    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Publish the service catalogue"))
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("A website that opens from a folder or a USB stick and can be copied "
                              "onto the agency's portal as it is: only approved, valid service "
                              "passports, without anyone's name or ID, with CPSV-AP linked data."))
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        row = QHBoxLayout()
        self.folder = QLineEdit()
        self.folder.setAccessibleName(self.tr("Folder"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Folder:"), row)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("default: the agency's name"))
        form.addRow(self.tr("Catalogue title:"), self.title)
        self.base_url = QLineEdit()
        self.base_url.setPlaceholderText("https://")
        form.addRow(self.tr("Portal address (optional):"), self.base_url)
        self.province = self._combo(form, self.tr("Province:"),
                                    [(p, p) for p in app.passports.choices("province")])
        self.nature = self._combo(form, self.tr("Nature:"), [(n.value, n.label_fa) for n in Nature])
        self.electronic = self._combo(form, self.tr("Electronic:"),
                                      [("yes", self.tr("Electronic")), ("no", self.tr("Non-electronic"))])
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Publish"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)

    def _combo(self, form: QFormLayout, label: str, options: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("All"), "")
        for value, text in options:
            combo.addItem(text, value)
        caption = QLabel(label)
        caption.setBuddy(combo)  # a combo box is named for screen readers by its buddy label
        form.addRow(caption, combo)
        return combo

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder of the website"))
        if folder:
            self.folder.setText(folder)

    def _accept(self) -> None:
        if not self.folder.text().strip():
            self.problem.setText(self.tr("Choose the folder the website is written to."))
            return
        self.accept()

    def choice(self) -> CatalogueChoice:
        electronic = self.electronic.currentData()
        nature = self.nature.currentData()
        return CatalogueChoice(
            folder=self.folder.text().strip(), title=self.title.text().strip(),
            base_url=self.base_url.text().strip(),
            filter=PassportFilter(province=self.province.currentData() or "",
                                  nature=Nature(nature) if nature else None,
                                  electronic=None if not electronic else electronic == "yes"))
