"""Approving a passport: the head of the agency chooses their signing identity and unlocks it.

The approval is a signature; the name it carries is the certificate holder's.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.services.certificates import CertificateService, SigningIdentity


class ApprovalDialog(QDialog):
    """Chooses an identity and reads its password; ``identity`` is the unlocked key."""

    def __init__(self, certificates: CertificateService, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.certificates = certificates
        self.identity: SigningIdentity | None = None
        self.setWindowTitle(self.tr("Approve with signature"))
        layout = QVBoxLayout(self)
        note = QLabel(self.tr(
            "«{title}» is approved by the head of the agency's signature over its content, "
            "name and date. A change after approval breaks it.").format(title=title))
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.choice = QComboBox()
        for info in certificates.identities():
            if not info.expired:
                self.choice.addItem(f"{info.name} — {info.fingerprint[:16]}", info.fingerprint)
        form.addRow(self.tr("Signing identity:"), self.choice)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Key password:"), self.password)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        if self.choice.count() == 0:
            self.error.setText(self.tr(
                "No signing identity is kept on this computer: import the head's certificate "
                "(or make a test one) on the Send page first."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.unlock)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def unlock(self) -> None:
        fingerprint = self.choice.currentData()
        if not fingerprint:
            return
        try:
            self.identity = self.certificates.unlock(str(fingerprint), self.password.text())
        except GovsvcError as exc:
            self.error.setText(exc.message_fa)
            return
        self.accept()
