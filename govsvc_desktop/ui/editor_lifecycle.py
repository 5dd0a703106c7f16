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

from ..bootstrap import App
from ..domain.errors import GovsvcError
from ..domain.lifecycle import ACTION_LABELS_FA, allowed_actions
from ..domain.passport import APPROVED_STATUSES, ServicePassport
from . import display


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

    def run(self, action: str) -> None:
        if self.passport is None or not self.before_action():
            return
        try:
            result = self.app.passports.transition(self.passport.uuid, action, self.comment.text())
        except GovsvcError as exc:
            QMessageBox.warning(self, display.label(ACTION_LABELS_FA[action]), exc.message_fa)
            return
        self.comment.clear()
        self.acted.emit(result)

    def renew(self) -> None:
        if self.passport is None or not self.before_action():
            return
        try:
            result = self.app.passports.renew(self.passport.uuid)
        except GovsvcError as exc:
            QMessageBox.warning(self, self.tr("Renew"), exc.message_fa)
            return
        self.acted.emit(result)
