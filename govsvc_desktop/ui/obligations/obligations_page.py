"""The "Obligations" page: the compliance dashboard (each item opens its record), the
published service lists, licences, proposals, the nine-step cycle and event logs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from govsvc_desktop.domain.agency.compliance import ComplianceKind, ComplianceReport
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.services.agency import LICENCES, PROPOSALS
from govsvc_desktop.services.catalogue import CatalogueReport
from govsvc_desktop.ui import display
from govsvc_desktop.ui.keyboard import name_tabs
from govsvc_desktop.ui.obligations.agency_tabs import CycleTab, LicencesTab, ProposalsTab
from govsvc_desktop.ui.obligations.catalogue_dialog import CatalogueChoice, CatalogueDialog
from govsvc_desktop.ui.obligations.deadlines_tab import DeadlinesTab
from govsvc_desktop.ui.obligations.events_tab import EventLogsTab
from govsvc_desktop.ui.obligations.reference_tab import ReferenceTab
from govsvc_desktop.ui.tasks import Task
from govsvc_desktop.ui.widgets.tables import fill_rows, record_table

if TYPE_CHECKING:
    from govsvc_desktop.bootstrap import App

Opener = Callable[[str], object]


class ObligationsPage(QWidget):
    def __init__(self, app: App, open_passport: Opener = lambda uuid: None,
                 open_plan: Opener = lambda uuid: None,
                 selected_service_id: Callable[[], str] = lambda: "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.open_passport, self.open_plan = open_passport, open_plan
        self.report: ComplianceReport | None = None
        self.catalogue_task: Task | None = None
        self.catalogue_report: CatalogueReport | None = None
        self.catalogue_message: QMessageBox | None = None
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._compliance_tab(), self.tr("Compliance"))
        self.deadlines = DeadlinesTab(app, self.open_record, self.refresh)
        self.tabs.addTab(self.deadlines, self.tr("Deadlines"))
        self.tabs.currentChanged.connect(self._tab_shown)
        self.tabs.addTab(self._lists_tab(), self.tr("Service lists"))
        self.licences = LicencesTab(app)
        self.proposals = ProposalsTab(app)
        self.cycle = CycleTab(app)
        self.events = EventLogsTab(app, selected_service_id)
        self.tabs.addTab(self.licences, self.tr("Licences"))
        self.tabs.addTab(self.proposals, self.tr("Services without ID"))
        self.tabs.addTab(self.cycle, self.tr("Smartification cycle"))
        self.tabs.addTab(self.events, self.tr("Event logs"))
        self.reference = ReferenceTab(app)
        self.tabs.addTab(self.reference, self.tr("Official lists"))
        layout.addWidget(self.tabs)
        name_tabs(self.tabs, self.tr("Obligations"))
        self.tree.setAccessibleName(self.tr("Obligations not met"))
        self.tree.setAccessibleDescription(self.tr("Enter opens the record"))
        self.fields.setAccessibleName(self.tr("Fields approval needs"))
        self.lists_table.setAccessibleName(self.tr("Service lists"))
        self.refresh()

    # compliance
    def _compliance_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        bar = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        bar.addWidget(self.summary, 1)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        bar.addWidget(refresh)
        layout.addLayout(bar)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Obligation"), self.tr("Details")])
        self.tree.setColumnWidth(0, 380)
        self.tree.itemDoubleClicked.connect(self._open_item)
        split.addWidget(self.tree)
        self.fields = record_table([self.tr("Field approval needs"), self.tr("Passports")])
        split.addWidget(self.fields)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)
        return page

    def refresh(self) -> None:
        self.report = report = self.app.compliance.report()
        counts = report.counts()
        self.tree.clear()
        for kind in ComplianceKind:
            items = report.of(kind)
            top = QTreeWidgetItem([f"{display.label(kind.label_fa)} ({display.number(counts[kind])})", ""])
            top.setData(0, Qt.ItemDataRole.UserRole, None)
            for item in items[:2000]:
                child = QTreeWidgetItem([item.title, item.detail_fa])
                child.setData(0, Qt.ItemDataRole.UserRole, (item.record_type, item.record_uuid))
                top.addChild(child)
            if len(items) > 2000:
                top.addChild(QTreeWidgetItem([self.tr("… and %1 more (see the CLI)")
                                              .replace("%1", display.number(len(items) - 2000)), ""]))
            self.tree.addTopLevelItem(top)
        fill_rows(self.fields, [(label, [label, display.number(n)])
                                for label, n in report.blocking_fields.items()])
        if self.tabs.currentWidget() is self.deadlines:
            self.deadlines.show_deadlines(self.app.deadlines.calendar())
        total = sum(counts.values())
        self.summary.setText(self.tr("%1 passports; %2 items need attention. Double-click an item "
                                     "to open its record.").replace("%1", display.number(report.passports))
                             .replace("%2", display.number(total)))

    def _tab_shown(self, _index: int) -> None:
        """The calendar reads every record's dates: made when its tab is looked at."""
        if self.tabs.currentWidget() is self.deadlines:
            self.deadlines.show_deadlines(self.app.deadlines.calendar())

    def _open_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        data = item.data(0, Qt.ItemDataRole.UserRole)
        if data:
            self.open_record(*data)

    def open_record(self, record_type: str, uuid: str) -> object:
        """Shows the record an item is about, where it is edited."""
        if record_type == "passport":
            return self.open_passport(uuid)
        if record_type == "plan":
            return self.open_plan(uuid)
        if record_type == "licence":
            self.tabs.setCurrentWidget(self.licences)
            return self.licences.edit(uuid, book=LICENCES)
        if record_type == "proposal":
            self.tabs.setCurrentWidget(self.proposals)
            return self.proposals.edit(uuid, book=PROPOSALS)
        if record_type == "chain":
            self.tabs.setCurrentWidget(self.cycle)
            return self.cycle.edit_chain(uuid)
        if record_type == "step":
            self.tabs.setCurrentWidget(self.cycle)
            return self.cycle.open_step(uuid)
        return None

    # published lists
    def _lists_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        bar = QHBoxLayout()
        self.include_all = QCheckBox(self.tr("Include services without a valid approved passport"))
        self.include_all.toggled.connect(lambda _on: self.refresh_lists())
        bar.addWidget(self.include_all)
        bar.addStretch(1)
        for text, slot in ((self.tr("Save as PDF…"), self.lists_pdf),
                           (self.tr("Save as Excel…"), self.lists_excel),
                           (self.tr("Publish website…"), self.publish_catalogue)):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=slot: s())
            bar.addWidget(button)
        layout.addLayout(bar)
        self.lists_summary = QLabel()
        self.lists_summary.setWordWrap(True)
        layout.addWidget(self.lists_summary)
        self.lists_table = record_table([self.tr("List"), self.tr("Service ID"), self.tr("Service"),
                                         self.tr("Details")])
        layout.addWidget(self.lists_table, 1)
        self.refresh_lists()
        return page

    def refresh_lists(self) -> None:
        lists = self.app.lists.lists(not self.include_all.isChecked())
        rows: list[tuple[object, list[str]]] = []
        names = ((self.tr("Electronic"), lists.electronic), (self.tr("Non-electronic"), lists.non_electronic),
                 (self.tr("Counter offices"), lists.delegated))
        for name, items in names:
            rows += [(i.service_id, [name, display.digits(i.service_id) or "—", i.title,
                                     display.date(i.date) if i.date else display.digits(i.detail)]) for i in items]
        fill_rows(self.lists_table, rows)
        self.lists_summary.setText(("؛ " if display.persian() else "; ").join(f"{name}: {display.number(len(items))}" for name, items in names)
                                   + (self.tr(" (%1 services left out: no valid approved passport)")
                                      .replace("%1", display.number(lists.left_out)) if lists.left_out else ""))

    def _save_lists(self, kind: str, target: str) -> Path | None:
        if not target:
            suffix = "pdf" if kind == "pdf" else "xlsx"
            target = QFileDialog.getSaveFileName(self, self.tr("Service lists"),
                                                 f"service-lists.{suffix}", f"*.{suffix}")[0]
        if not target:
            return None
        writer = self.app.lists.write_pdf if kind == "pdf" else self.app.lists.write_excel
        try:
            writer(Path(target), not self.include_all.isChecked())
        except GovsvcError as exc:
            QMessageBox.warning(self, self.tr("Service lists"), exc.message_fa)
            return None
        return Path(target)

    def lists_pdf(self, target: str = "") -> Path | None:
        return self._save_lists("pdf", target)

    def lists_excel(self, target: str = "") -> Path | None:
        return self._save_lists("excel", target)

    # the published website (seed 003 Art. 2, 4)
    def publish_catalogue(self, choice: CatalogueChoice | None = None) -> Task | None:
        """Asks where and what (unless told), then writes the website in the background."""
        if choice is None:
            dialog = CatalogueDialog(self.app, self)
            if dialog.exec() != CatalogueDialog.DialogCode.Accepted:
                return None
            choice = dialog.choice()
        label = self.tr("Publishing the service catalogue…")
        chosen = choice

        def job(progress: Callable[[int, int], bool]) -> CatalogueReport:
            return self.app.catalogue.export(Path(chosen.folder), chosen.filter, title=chosen.title,
                                             base_url=chosen.base_url, progress=progress)

        self.catalogue_task = Task(self, label, job)
        self.catalogue_task.done.connect(self._catalogue_done)
        self.catalogue_task.error.connect(
            lambda exc: self._catalogue_message(QMessageBox.Icon.Warning, exc.message_fa, []))
        return self.catalogue_task.start()

    def _catalogue_done(self, report: object) -> None:
        assert isinstance(report, CatalogueReport)
        self.catalogue_report = report
        self._catalogue_message(QMessageBox.Icon.Information, report.summary_fa(), report.lines_fa())

    def _catalogue_message(self, icon: QMessageBox.Icon, text: str, lines: list[str]) -> None:
        box = QMessageBox(icon, self.tr("Service catalogue"), text, QMessageBox.StandardButton.Ok, self)
        if lines:
            box.setInformativeText(self.tr("What was left out, and why, is in the details."))
            box.setDetailedText("\n".join(lines))
        self.catalogue_message = box
        box.open()
