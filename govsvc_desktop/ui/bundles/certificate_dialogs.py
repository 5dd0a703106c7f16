"""Getting a signing certificate from the window: import a PKCS#12, make a test one, trust a CA."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.services.certificates import CertificateService


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class TestCertificateDialog(QDialog):
    """Name, organisation and a password for a test certificate made on this computer."""

    def __init__(self, certificates: CertificateService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.certificates = certificates
        self.setWindowTitle(self.tr("New test certificate"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("For trying the application out: the centre does not accept test certificates."))
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.name = QLineEdit()
        self.org = QLineEdit()
        self.password = _password_edit()
        self.confirm = _password_edit()
        form.addRow(self.tr("Holder's name:"), self.name)
        form.addRow(self.tr("Organisation:"), self.org)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Password again:"), self.confirm)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.make)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def make(self) -> None:
        if self.password.text() != self.confirm.text():
            self.error.setText(self.tr("The two passwords differ."))
            return
        try:
            self.certificates.new_test_identity(self.name.text().strip(), self.org.text().strip(),
                                                self.password.text())
        except GovsvcError as exc:
            self.error.setText(exc.message_fa)
            return
        self.accept()


def import_identity(parent: QWidget, certificates: CertificateService) -> bool:
    path, _ = QFileDialog.getOpenFileName(parent, parent.tr("Import a certificate"), "",
                                          parent.tr("PKCS#12 files (*.p12 *.pfx)"))
    if not path:
        return False
    password, ok = QInputDialog.getText(parent, parent.tr("Import a certificate"),
                                        parent.tr("Password of the file:"), QLineEdit.EchoMode.Password)
    if not ok:
        return False
    try:
        info = certificates.import_pkcs12(path, password)
    except GovsvcError as exc:
        QMessageBox.warning(parent, parent.tr("Import a certificate"), exc.message_fa)
        return False
    if info.warning_fa():
        QMessageBox.information(parent, parent.tr("Import a certificate"), info.warning_fa())
    return True


def trust_ca(parent: QWidget, certificates: CertificateService) -> bool:
    path, _ = QFileDialog.getOpenFileName(parent, parent.tr("Trust a certification authority"), "",
                                          parent.tr("Certificates (*.pem *.crt *.cer *.der)"))
    if not path:
        return False
    try:
        certificates.trust_file(path)
    except GovsvcError as exc:
        QMessageBox.warning(parent, parent.tr("Trust a certification authority"), exc.message_fa)
        return False
    return True


def import_crl(parent: QWidget, certificates: CertificateService) -> bool:
    """A revocation list from a file: certificates it revokes are refused from now on."""
    title = parent.tr("Import a revocation list")
    path, _ = QFileDialog.getOpenFileName(parent, title, "",
                                          parent.tr("Revocation lists (*.crl *.pem *.der)"))
    if not path:
        return False
    try:
        info = certificates.import_crl(path)
    except GovsvcError as exc:
        QMessageBox.warning(parent, title, exc.message_fa)
        return False
    QMessageBox.information(parent, title, parent.tr(
        "The revocation list of {issuer} is kept; signatures by the {count} certificates it "
        "revokes are refused from now on.").format(issuer=info.issuer, count=info.revoked))
    return True
