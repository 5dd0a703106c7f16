"""Printing the forms of the list's selection or of its current filter, in the background."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from govsvc_desktop.bootstrap import App
from govsvc_desktop.domain.passport.queries import PassportFilter
from govsvc_desktop.services.printing import BatchResult
from govsvc_desktop.ui import display
from govsvc_desktop.ui.tasks import Task


class BatchPrintDialog(QDialog):
    """Where the forms go (one PDF or a folder), then the work runs with progress and cancel."""

    finished_printing = Signal(object)

    def __init__(self, app: App, f: PassportFilter, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.filter = f
        self.task: Task | None = None
        self.result_: BatchResult | None = None
        self.setWindowTitle(self.tr("Print forms"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("%1 passports will be printed.").replace("%1", display.number(count))))
        self.one_file = QRadioButton(self.tr("All forms in one PDF file"))
        self.folder = QRadioButton(self.tr("One PDF file per passport, in a folder"))
        self.one_file.setChecked(True)
        layout.addWidget(self.one_file)
        layout.addWidget(self.folder)
        form = QFormLayout()
        row = QHBoxLayout()
        self.target = QLineEdit()
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.target, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Save to:"), row)
        self.latin = QCheckBox(self.tr("Print numbers with Latin digits"))
        self.latin.setChecked(not app.settings.persian_digits)
        form.addRow("", self.latin)
        layout.addLayout(form)
        self.working = QProgressBar()
        self.working.setRange(0, 0)
        self.working.setAccessibleName(self.tr("Printing forms…"))
        self.working.hide()
        layout.addWidget(self.working)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        if self.one_file.isChecked():
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), "passports.pdf",
                                                  self.tr("PDF files (*.pdf)"))
        else:
            path = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"))
        if path:
            self.target.setText(path)

    def start(self) -> Task | None:
        text = self.target.text().strip()
        if not text:
            QMessageBox.warning(self, self.windowTitle(), self.tr("Choose where the forms are saved."))
            return None
        target = Path(text)
        if self.one_file.isChecked() and target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        app, f, one, digits = self.app, self.filter, self.one_file.isChecked(), not self.latin.isChecked()

        def job(progress: Any) -> BatchResult:
            return app.printing.print_passports(f, out_file=target if one else None,
                                   out_dir=None if one else target, persian_digits=digits, progress=progress)

        self.task = Task(self, self.tr("Printing forms…"), job)
        self.task.done.connect(self._done)
        self.task.error.connect(self._failed)
        self.ok_button.setEnabled(False)  # one print run at a time; progress shows at once, here
        self.working.show()
        return self.task.start()

    def _failed(self, exc: Any) -> None:
        self.working.hide()
        self.ok_button.setEnabled(True)
        QMessageBox.warning(self, self.windowTitle(), exc.message_fa)

    def summary_text(self, result: BatchResult) -> str:
        """What was printed, in the program's language."""
        if result.cancelled:
            text = self.tr("Printing was cancelled; {forms} passports were ready before that.").format(
                forms=display.number(result.forms))
        else:
            text = self.tr("{forms} passports printed on {pages} pages.").format(
                forms=display.number(result.forms), pages=display.number(result.pages))
        if result.missing:
            text += " " + self.tr("Characters the font lacks were printed as a replacement mark: {chars}").format(
                chars=" ".join(sorted(result.missing)))
        return text

    def _done(self, result: BatchResult) -> None:
        self.working.hide()
        self.result_ = result
        self.finished_printing.emit(result)
        QMessageBox.information(self, self.windowTitle(), self.summary_text(result))
        self.accept()
