"""Life-cycle buttons of the editor: the actions the user's roles allow on this status."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from govsvc_desktop.bootstrap import App
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.domain.passport.lifecycle import ACTION_LABELS_FA, Action, allowed_actions
from govsvc_desktop.domain.passport.model import APPROVED_STATUSES, ServicePassport
from govsvc_desktop.services.certificates import SigningIdentity
from govsvc_desktop.ui import display
from govsvc_desktop.ui.approval_dialog import ApprovalDialog


class LifecyclePanel(QWidget):
    acted = Signal(object)

    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.passport: ServicePassport | None = None
        self.before_action: Callable[[], bool] = lambda: True
        layout = QVBoxLayout(self)
        self.validity = QLabel()
        layout.addWidget(self.validity)
        self.approval = QLabel()
        self.approval.setObjectName("approval_status")
        self.approval.setWordWrap(True)
        layout.addWidget(self.approval)
        self.comment = QLineEdit()
        self.comment.setAccessibleName(self.tr("Comment (required when returning)"))
        self.comment.setPlaceholderText(self.tr("Comment (required when returning)"))
        layout.addWidget(self.comment)
        self.buttons_row = QHBoxLayout()
        layout.addLayout(self.buttons_row)
        self.buttons: dict[str, QPushButton] = {}

    def show_for(self, p: ServicePassport) -> None:
        self.passport = p
        while self.buttons_row.count():
            item = self.buttons_row.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.buttons = {}
        for action in allowed_actions(p, self.app.actor):
            button = QPushButton(display.label(ACTION_LABELS_FA[action]))
            button.setObjectName(f"action_{action}")
            button.clicked.connect(lambda _=False, a=action: self.run(a))
            self.buttons_row.addWidget(button)
            self.buttons[action] = button
        if p.status in APPROVED_STATUSES:
            renew = QPushButton(self.tr("Renew (new edition)"))
            renew.setObjectName("action_renew")
            renew.clicked.connect(self.renew)
            self.buttons_row.addWidget(renew)
            self.buttons["renew"] = renew
        self.buttons_row.addStretch()
        until = p.valid_until
        state = display.choice(p.validity(self.app.passports.today()))
        self.validity.setText(self.tr("Validity: {state} (until {date})").format(
            state=state, date=display.date(until, display.EMPTY)))
        self.show_approval(p)

    def show_approval(self, p: ServicePassport) -> None:
        """The approval signature as it stands: signer, date and certificate fingerprint, or
        broken (in red) when the record changed after the head signed it."""
        if not p.approval_signature and p.status not in APPROVED_STATUSES:
            self.approval.clear()
            return
        check = self.app.passports.approval(p)
        if check.ok:
            text = self.tr("Approval signature valid: {signer}, {date}, certificate {fingerprint}")
            self.approval.setStyleSheet("color: #1b5e20;")
        elif check.signed:
            text = self.tr("Approval signature broken: {reason}")
            self.approval.setStyleSheet("color: #c62828; font-weight: bold;")
        else:
            text = self.tr("Approved without the head's signature")
            self.approval.setStyleSheet("color: #c62828;")
        self.approval.setText(text.format(
            signer=check.signer, date=display.date(p.approved_on, display.EMPTY),
            fingerprint=check.fingerprint[:16], reason=check.reason_fa))

    def run(self, action: str) -> None:
        if self.passport is None or not self.before_action():
            return
        identity = None
        if action == Action.APPROVE:
            identity = self.ask_identity(self.passport)
            if identity is None:
                return
        try:
            result = self.app.passports.transition(self.passport.uuid, action, self.comment.text(),
                                                   identity=identity)
        except GovsvcError as exc:
            QMessageBox.warning(self, display.label(ACTION_LABELS_FA[action]), exc.message_fa)
            return
        self.comment.clear()
        self.acted.emit(result)

    def ask_identity(self, p: ServicePassport) -> SigningIdentity | None:
        """The head's unlocked signing identity, or None when the dialog was cancelled."""
        dialog = ApprovalDialog(self.app.certificates, p.title, self)
        return dialog.identity if dialog.exec() else None

    def renew(self) -> None:
        if self.passport is None or not self.before_action():
            return
        try:
            result = self.app.passports.renew(self.passport.uuid)
        except GovsvcError as exc:
            QMessageBox.warning(self, self.tr("Renew"), exc.message_fa)
            return
        self.acted.emit(result)
