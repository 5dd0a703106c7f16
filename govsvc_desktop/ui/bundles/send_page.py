"""The "Send" page: what goes into the next bundle, signing it, and the bundles sent so far."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from govsvc_desktop.domain.choices import Status
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.domain.passport.queries import PassportFilter
from govsvc_desktop.services.bundles.export import ExportPlan
from govsvc_desktop.services.bundles.service import BundleService, ExportResult
from govsvc_desktop.ui import display
from govsvc_desktop.ui.bundles.certificate_dialogs import (
    TestCertificateDialog,
    import_crl,
    import_identity,
    trust_ca,
)
from govsvc_desktop.ui.bundles.history import HistoryTable
from govsvc_desktop.ui.tasks import Task

if TYPE_CHECKING:
    from govsvc_desktop.bootstrap import App


class SendPage(QWidget):
    """Choose records, sign with a stored identity, write the bundle in the background."""

    exported = Signal(object)
    failed = Signal(str)

    def __init__(
        self, app: App, parent: QWidget | None = None, *, bundles: BundleService | None = None,
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.bundles = bundles or app.bundles
        self.selection: tuple[str, ...] = ()
        self.task: Task | None = None
        self.last_result: ExportResult | None = None
        self._build()
        self.refresh()

    # layout
    def _build(self) -> None:
        layout = QVBoxLayout(self)

        what = QGroupBox(self.tr("What goes in"))
        form = QFormLayout(what)
        self.full_radio = QRadioButton(self.tr("Everything selected (full bundle)"))
        self.delta_radio = QRadioButton(self.tr("Only changes since the last acknowledged bundle"))
        self.full_radio.setChecked(True)
        modes = QHBoxLayout()
        modes.addWidget(self.full_radio)
        modes.addWidget(self.delta_radio)
        form.addRow(self.tr("Kind:"), modes)
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("All statuses"), None)
        for status in Status:
            self.status_combo.addItem(display.choice(status), status.value)
        form.addRow(self.tr("Status:"), self.status_combo)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("search")  # Ctrl+F lands here while this page shows
        self.search_edit.setPlaceholderText(self.tr("Search titles, agencies, IDs"))
        form.addRow(self.tr("Search:"), self.search_edit)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        form.addRow(self.tr("Summary:"), self.summary_label)
        layout.addWidget(what)

        sign = QGroupBox(self.tr("Signature"))
        form = QFormLayout(sign)
        self.identity_combo = QComboBox()
        form.addRow(self.tr("Certificate:"), self.identity_combo)
        cert_row = QHBoxLayout()
        self.import_cert_button = QPushButton(self.tr("Import certificate…"))
        self.test_cert_button = QPushButton(self.tr("New test certificate…"))
        self.trust_button = QPushButton(self.tr("Trust a CA…"))
        self.crl_button = QPushButton(self.tr("Import a revocation list…"))
        for button in (self.import_cert_button, self.test_cert_button, self.trust_button,
                       self.crl_button):
            cert_row.addWidget(button)
        cert_row.addStretch(1)
        form.addRow("", cert_row)
        self.identity_warning = QLabel()
        self.identity_warning.setWordWrap(True)
        form.addRow("", self.identity_warning)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Key password:"), self.password_edit)
        out_row = QHBoxLayout()
        self.output_edit = QLineEdit()
        self.output_edit.setAccessibleName(self.tr("Bundle file"))
        self.browse_button = QPushButton(self.tr("Browse…"))
        out_row.addWidget(self.output_edit)
        out_row.addWidget(self.browse_button)
        form.addRow(self.tr("Bundle file:"), out_row)
        layout.addWidget(sign)

        actions = QHBoxLayout()
        self.send_button = QPushButton(self.tr("Write signed bundle"))
        actions.addWidget(self.send_button)
        actions.addStretch(1)
        layout.addLayout(actions)

        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.fingerprint_edit = QLineEdit()
        self.fingerprint_edit.setAccessibleName(self.tr("SHA-256 fingerprint of the bundle"))
        self.fingerprint_edit.setReadOnly(True)
        self.fingerprint_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        layout.addWidget(self.message_label)
        layout.addWidget(QLabel(self.tr("SHA-256 fingerprint of the bundle:")))
        layout.addWidget(self.fingerprint_edit)

        layout.addWidget(QLabel(self.tr("Bundles sent and received")))
        self.history = HistoryTable()
        layout.addWidget(self.history, 1)

        self.full_radio.toggled.connect(self.update_summary)
        self.status_combo.currentIndexChanged.connect(self.update_summary)
        self.search_edit.editingFinished.connect(self.update_summary)
        self.identity_combo.currentIndexChanged.connect(self._identity_changed)
        self.browse_button.clicked.connect(self._browse)
        self.import_cert_button.clicked.connect(
            lambda: import_identity(self, self.bundles.certificates) and self.refresh())
        self.test_cert_button.clicked.connect(self.new_test_certificate)
        self.trust_button.clicked.connect(lambda: trust_ca(self, self.bundles.certificates))
        self.crl_button.clicked.connect(lambda: import_crl(self, self.bundles.certificates))
        self.send_button.clicked.connect(self.start_export)

    def new_test_certificate(self) -> None:
        if TestCertificateDialog(self.bundles.certificates, self).exec():
            self.refresh()

    # state
    def set_selection(self, uuids: list[str]) -> None:
        """Send only these records (the list's selection); an empty list means the filter."""
        self.selection = tuple(uuids)
        self.update_summary()

    def current_filter(self) -> PassportFilter:
        status = self.status_combo.currentData()
        return PassportFilter(
            search=self.search_edit.text().strip(),
            statuses=(Status(status),) if status else (),
            uuids=self.selection,
        )

    def refresh(self) -> None:
        self.identity_combo.blockSignals(True)
        self.identity_combo.clear()
        for info in self.bundles.certificates.identities():
            self.identity_combo.addItem(f"{info.name} — {info.fingerprint[:16]}", info.fingerprint)
        self.identity_combo.blockSignals(False)
        self._identity_changed()
        self.history.show_entries(self.bundles.history())
        self.update_summary()

    def update_summary(self) -> None:
        try:
            plan = self.bundles.plan_export(self.current_filter(), self.delta_radio.isChecked())
        except GovsvcError as exc:
            self.summary_label.setText(exc.message_fa)
            return
        self.summary_label.setText(self.summary_text(plan))

    def summary_text(self, plan: ExportPlan) -> str:
        """What the bundle will hold, in the program's language."""
        parts = [f"{display.number(n)} {display.label(plan.labels.get(name, name))}"
                 for name, n in plan.counts.items()]
        text = ("، " if display.persian() else ", ").join(parts)
        text += self.tr("; {n} signed PDF forms; {m} passports will be marked sent").format(
            n=display.number(plan.pdfs), m=display.number(plan.to_mark_sent))
        if plan.delta and plan.follows:
            text += self.tr("; changes since bundle {n}").format(n=display.number(plan.follows.sequence))
        return text

    def _identity_changed(self) -> None:
        fingerprint = self.identity_combo.currentData()
        text = ""
        if fingerprint:
            info = self.bundles.certificates.find(fingerprint)
            text = info.warning_fa()
        elif self.identity_combo.count() == 0:
            text = self.tr("No signing certificate is stored: import one or make a test certificate with the buttons below.")
        self.identity_warning.setText(text)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save bundle"), self.output_edit.text(), self.tr("Bundles (*.asice)"))
        if path:
            self.output_edit.setText(path if path.endswith(".asice") else f"{path}.asice")

    # work
    def start_export(self) -> None:
        fingerprint = self.identity_combo.currentData()
        out = self.output_edit.text().strip()
        if not fingerprint or not out:
            self._fail(self.tr("Choose a certificate and a file for the bundle."))
            return
        password = self.password_edit.text()
        f = self.current_filter()
        delta = self.delta_radio.isChecked()
        bundles = self.bundles

        def work(progress: Any) -> ExportResult:
            identity = bundles.certificates.unlock(fingerprint, password)
            return bundles.export(os.fspath(out), identity, f, delta, progress)

        self.send_button.setEnabled(False)
        self.message_label.setText(self.tr("Writing the bundle…"))
        self.task = Task(self, self.tr("Writing and signing the bundle…"), work)
        self.task.done.connect(self._done)
        self.task.error.connect(self._error)
        self.task.start()

    def cancel_export(self) -> None:
        """Stop the export; nothing is written and no record is marked sent."""
        if self.task is not None:
            self.task.dialog.canceled.emit()

    def _done(self, result: ExportResult) -> None:
        self._finished()
        self.last_result = result
        self.password_edit.clear()
        self.fingerprint_edit.setText(result.sha256)
        self.message_label.setText(
            self.tr("Bundle {sequence} written to {path}; {marked} passports marked sent.").format(
                sequence=display.number(result.header.sequence), path=display.ltr(os.fspath(result.path)),
                marked=display.number(result.marked_sent)))
        self.exported.emit(result)

    def _error(self, exc: GovsvcError) -> None:
        self._finished()
        self._fail(exc.message_fa)

    def _fail(self, message: str) -> None:
        self.message_label.setText(message)
        self.failed.emit(message)

    def _finished(self) -> None:
        if self.task is not None:
            self.task.wait()
        self.task = None
        self.send_button.setEnabled(True)
        self.refresh()
