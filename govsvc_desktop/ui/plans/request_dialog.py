"""Recording and following up an emergency improvement request from the 128 system."""

from __future__ import annotations

import copy

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.domain.plans.model import Request128, RequestStatus
from govsvc_desktop.services.plans import PlanService
from govsvc_desktop.ui import display
from govsvc_desktop.ui.widgets.inputs import JalaliDateEdit


class RequestDialog(QDialog):
    """Reference, dates, subject, the plan it concerns, status and the response given."""

    def __init__(self, service: PlanService, request: Request128 | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.request = copy.deepcopy(request) if request else Request128(received_on=service.today().isoformat())
        self.saved: Request128 | None = None
        self.setWindowTitle(self.tr("128 request"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.reference = QLineEdit(self.request.reference)
        self.subject = QLineEdit(self.request.subject)
        self.description = QPlainTextEdit(self.request.description)
        self.received = JalaliDateEdit()
        self.received.set_iso(self.request.received_on)
        self.deadline = JalaliDateEdit()
        self.deadline.set_iso(self.request.deadline)
        self.plan = QComboBox()
        self.plan.addItem(self.tr("No plan"), "")
        for p in service.find():
            self.plan.addItem(p.title, p.uuid)
        self.plan.setCurrentIndex(max(0, self.plan.findData(self.request.plan_uuid)))
        self.status = QComboBox()
        for s in RequestStatus:
            self.status.addItem(display.label(s.label_fa), s.value)
        self.status.setCurrentIndex(self.status.findData(self.request.status.value))
        self.response = QPlainTextEdit(self.request.response)
        for label, widget in ((self.tr("128 reference:"), self.reference), (self.tr("Subject:"), self.subject),
                              (self.tr("Description:"), self.description), (self.tr("Received on:"), self.received),
                              (self.tr("Deadline:"), self.deadline), (self.tr("Improvement plan:"), self.plan),
                              (self.tr("Status:"), self.status), (self.tr("Response:"), self.response)):
            form.addRow(label, widget)
        layout.addLayout(form)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #8a1c1c")
        layout.addWidget(self.problems)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> Request128 | None:
        r = self.request
        r.reference, r.subject = self.reference.text().strip(), self.subject.text().strip()
        r.description, r.response = self.description.toPlainText(), self.response.toPlainText()
        r.received_on, r.deadline = self.received.iso(), self.deadline.iso()
        r.plan_uuid = self.plan.currentData() or ""
        r.status = RequestStatus(self.status.currentData())
        try:
            self.saved = self.service.save_request(r)
        except GovsvcError as exc:
            self.problems.setText(exc.message_fa)
            return None
        self.accept()
        return self.saved
