"""The "Improvement" page: what needs attention, the plans, and the 128 requests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from govsvc_desktop.config import atomic_write
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.domain.plans.dashboard import KIND_LABELS_FA, Dashboard
from govsvc_desktop.domain.plans.model import ImprovementPlan
from govsvc_desktop.domain.plans.quarters import quarter_of
from govsvc_desktop.services.plans import PlanService
from govsvc_desktop.ui import display
from govsvc_desktop.ui.keyboard import name_tabs
from govsvc_desktop.ui.plans.plan_editor import PlanEditor
from govsvc_desktop.ui.plans.request_dialog import RequestDialog
from govsvc_desktop.ui.widgets.tables import read_only_item, record_table

if TYPE_CHECKING:
    from govsvc_desktop.bootstrap import App



class PlansPage(QWidget):
    """Dashboard on top; plans and 128 requests below. Editors open as their own windows."""

    def __init__(self, app: App, selected_passport: Callable[[], str | None] = lambda: None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.service: PlanService = app.plans
        self.selected_passport = selected_passport
        self.editors: list[PlanEditor] = []
        self.board: Dashboard | None = None
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        split = QSplitter(Qt.Orientation.Vertical)
        self.attention = record_table([self.tr("Needs attention"), self.tr("Plan or request"), self.tr("Why")])
        self.attention.itemDoubleClicked.connect(self._open_attention)
        split.addWidget(self.attention)
        tabs = QTabWidget()
        tabs.addTab(self._plans_tab(), self.tr("Plans"))
        tabs.addTab(self._requests_tab(), self.tr("128 requests"))
        split.addWidget(tabs)
        layout.addWidget(split, 1)
        name_tabs(tabs, self.tr("Plans and 128 requests"))
        self.attention.setAccessibleName(self.tr("Needs attention"))
        self.plans.setAccessibleName(self.tr("Plans"))
        self.plans.setAccessibleDescription(self.tr("Enter opens the plan"))
        self.requests.setAccessibleName(self.tr("128 requests"))
        self.search.setAccessibleName(self.tr("Search plans"))
        self.search.setObjectName("search")
        self.refresh()

    def _requests_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        bar = QHBoxLayout()
        add = QPushButton(self.tr("New 128 request…"))
        add.clicked.connect(lambda: self.edit_request())
        bar.addWidget(add)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.requests = record_table([self.tr("128 reference"), self.tr("Subject"), self.tr("Received"),
                                self.tr("Deadline"), self.tr("Status")])
        self.requests.itemDoubleClicked.connect(
            lambda item: self.edit_request(self.requests.item(item.row(), 0).data(Qt.ItemDataRole.UserRole)))
        layout.addWidget(self.requests, 1)
        return page

    def edit_request(self, uuid: str = "") -> RequestDialog:
        """Opens the request (or a new one); the lists refresh when it is saved."""
        dialog = RequestDialog(self.service, self.service.get_request(uuid) if uuid else None, self)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def _plans_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search plans"))
        self.search.returnPressed.connect(self.refresh)
        bar.addWidget(self.search, 1)
        for text, slot in ((self.tr("New plan for the selected service"), self.new_plan),
                           (self.tr("Open"), self.open_selected),
                           (self.tr("Plan PDF…"), self.plan_pdf),
                           (self.tr("Quarterly report PDF…"), self.quarter_pdf),
                           (self.tr("Refresh"), self.refresh)):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=slot: s())
            bar.addWidget(button)
        layout.addLayout(bar)
        self.plans = record_table([self.tr("Plan"), self.tr("Service ID"), self.tr("Status"),
                             self.tr("Time cut"), self.tr("Period"), self.tr("Reports")])
        self.plans.itemDoubleClicked.connect(lambda _item: self.open_selected())
        layout.addWidget(self.plans, 1)
        return page

    def refresh(self) -> None:
        self.board = self.service.dashboard()
        counts = self.board.counts()
        self.summary.setText("   ".join(f"{display.label(KIND_LABELS_FA[k])}: {display.number(v)}" for k, v in counts.items()))
        items = self.board.items
        self.attention.setRowCount(len(items))
        for r, item in enumerate(items):
            self.attention.setItem(r, 0, read_only_item(display.label(KIND_LABELS_FA[item.kind]), item.kind))
            self.attention.setItem(r, 1, read_only_item(display.digits(item.title), item.record_uuid))
            self.attention.setItem(r, 2, read_only_item(item.detail))
        plans = self.service.find(self.search.text())
        self.plans.setRowCount(len(plans))
        for r, p in enumerate(plans):
            cut = p.time_cut
            self.plans.setItem(r, 0, read_only_item(p.title, p.uuid))
            self.plans.setItem(r, 1, read_only_item(display.digits(p.service_id or "") or "—"))
            self.plans.setItem(r, 2, read_only_item(display.label(p.status.label_fa)))
            cut_item = read_only_item("—" if cut is None else display.percent(cut))
            if not p.meets_time_target:
                cut_item.setForeground(Qt.GlobalColor.darkRed)
            self.plans.setItem(r, 3, cut_item)
            self.plans.setItem(r, 4, read_only_item(f"{display.date(p.period_start)} – {display.date(p.period_end)}"))
            self.plans.setItem(r, 5, read_only_item(display.number(len(p.reports))))
        requests = self.service.requests()
        today = self.service.today()
        self.requests.setRowCount(len(requests))
        for r, req in enumerate(requests):
            self.requests.setItem(r, 0, read_only_item(display.digits(req.reference), req.uuid))
            self.requests.setItem(r, 1, read_only_item(req.subject))
            self.requests.setItem(r, 2, read_only_item(display.date(req.received_on)))
            deadline = read_only_item(display.date(req.deadline))
            if req.is_overdue(today):
                deadline.setForeground(Qt.GlobalColor.darkRed)
            self.requests.setItem(r, 3, deadline)
            self.requests.setItem(r, 4, read_only_item(display.label(req.status.label_fa)))

    def selected_plan(self) -> str | None:
        rows = self.plans.selectionModel().selectedRows()
        if not rows:
            return None
        return self.plans.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)

    def open_plan(self, uuid: str) -> PlanEditor | None:
        try:
            plan = self.service.get(uuid)
        except GovsvcError as exc:
            QMessageBox.warning(self, self.tr("Open"), exc.message_fa)
            return None
        return self._editor(plan)

    def _editor(self, plan: ImprovementPlan) -> PlanEditor:
        editor = PlanEditor(self.service, plan, self)
        editor.saved.connect(lambda _p: self.refresh())
        self.editors.append(editor)
        editor.show()
        return editor

    def open_selected(self) -> PlanEditor | None:
        uuid = self.selected_plan()
        return self.open_plan(uuid) if uuid else None

    def _open_attention(self, item: QTableWidgetItem) -> None:
        row = item.row()
        kind = self.attention.item(row, 0).data(Qt.ItemDataRole.UserRole)
        uuid = self.attention.item(row, 1).data(Qt.ItemDataRole.UserRole)
        if kind == "overdue_request":
            self.edit_request(uuid)
        else:
            self.open_plan(uuid)

    def new_plan(self) -> PlanEditor | None:
        uuid = self.selected_passport()
        if not uuid:
            QMessageBox.information(self, self.tr("New plan"),
                                    self.tr("Select the service in the passport list first."))
            return None
        try:
            plan = self.service.new_plan(uuid)
        except GovsvcError as exc:
            QMessageBox.warning(self, self.tr("New plan"), exc.message_fa)
            return None
        return self._editor(plan)

    def plan_pdf(self, target: str = "") -> Path | None:
        uuid = self.selected_plan()
        if not uuid:
            return None
        plan = self.service.get(uuid)
        if not target:
            target, _ = QFileDialog.getSaveFileName(self, self.tr("Plan PDF"), "plan.pdf",
                                                    self.tr("PDF files (*.pdf)"))
        if not target:
            return None
        atomic_write(Path(target), self.service.plan_pdf(plan))
        return Path(target)

    def quarter_pdf(self, quarter: str = "", target: str = "") -> Path | None:
        if not quarter:
            quarters = sorted({r.quarter for p in self.service.find() for r in p.reports}, reverse=True)
            if not quarters:
                QMessageBox.information(self, self.windowTitle(), self.tr("No quarterly report yet."))
                return None
            labels = [display.quarter(q) for q in quarters]
            current = quarter_of(self.service.today())
            choice, ok = QInputDialog.getItem(self, self.tr("Quarterly report"), self.tr("Quarter:"), labels,
                                              quarters.index(current) if current in quarters else 0, False)
            if not ok:
                return None
            quarter = quarters[labels.index(choice)]
        plans = [p for p in self.service.find() if p.report_for(quarter) is not None]
        if not target:
            target, _ = QFileDialog.getSaveFileName(self, self.tr("Quarterly report PDF"),
                                                    f"report-{quarter}.pdf", self.tr("PDF files (*.pdf)"))
        if not target or not plans:
            return None
        atomic_write(Path(target), self.service.quarter_report_pdf(plans, quarter))
        return Path(target)
