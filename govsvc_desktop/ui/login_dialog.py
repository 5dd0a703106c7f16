"""Logging in to an office's PostgreSQL server with one's own account (shared mode)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from govsvc_desktop import config
from govsvc_desktop.bootstrap import App, build, login_needed, with_person_login
from govsvc_desktop.domain.errors import GovsvcError


class LoginDialog(QDialog):
    """Stays open until the server accepts the account or the person cancels; ``app`` is then
    the application opened with that person's rights."""

    def __init__(self, db: str, settings: config.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.app: App | None = None
        server, user, _ = login_needed(db)
        self.setWindowTitle(self.tr("Log in"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Log in to the office server with your own account.")))
        form = QFormLayout()
        self.server = QLabel(server)
        self.server.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.user = QLineEdit(user)
        self.user.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Server"), self.server)
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Password"), self.password)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.password if user else self.user).setFocus()

    def try_login(self) -> None:
        username = self.user.text().strip()
        if not username or not self.password.text():
            self.error.setText(self.tr("Enter your user name and password."))
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.app = build(with_person_login(self.db, username, self.password.text()), self.settings)
        except GovsvcError as exc:
            self.error.setText(exc.message_fa)
            self.password.selectAll()
            self.password.setFocus()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.accept()
