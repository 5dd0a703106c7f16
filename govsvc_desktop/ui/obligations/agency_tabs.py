"""Tabs of the Obligations page for the agency's own records: the licence list and its
mapping, services proposed without an ID, and the nine-step cycle with reports, lessons and
service chains."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from govsvc_desktop.config import atomic_write
from govsvc_desktop.domain.agency.cycle import (
    CycleStepKey,
    ServiceChain,
    StepEvidence,
    StepStatus,
)
from govsvc_desktop.domain.agency.licences import LicenceEntry
from govsvc_desktop.domain.agency.proposals import DeliveryMode, ProposalStatus
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.services.agency import (
    CHAINS,
    LESSONS,
    LICENCES,
    PROPOSALS,
    REPORTS,
    STEPS,
    RecordBook,
)
from govsvc_desktop.ui import display
from govsvc_desktop.ui.obligations.chain_dialog import ChainDialog
from govsvc_desktop.ui.obligations.record_dialog import FieldSpec, RecordDialog
from govsvc_desktop.ui.widgets.tables import fill_rows, record_table, row_data

if TYPE_CHECKING:
    from govsvc_desktop.bootstrap import App


def _bar(parent: QWidget, buttons: list[tuple[str, Any]]) -> QHBoxLayout:
    bar = QHBoxLayout()
    for text, slot in buttons:
        button = QPushButton(text, parent)
        button.clicked.connect(lambda _=False, s=slot: s())
        bar.addWidget(button)
    bar.addStretch(1)
    return bar


class _RecordsTab(QWidget):
    """A list of one kind of agency record with a dialog to add and edit them."""

    book: RecordBook[Any]
    specs: Callable[[], list[FieldSpec]]  # the fields of ``book``'s dialog
    refresh: Callable[[], None]  # reloads the list after a save

    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.dialogs: list[QWidget] = []

    def edit(self, uuid: str | None = None, record: Any = None, book: RecordBook[Any] | None = None,
             specs: list[FieldSpec] | None = None) -> RecordDialog:
        """Opens a record (by UUID, or the given one, or a new one); lists refresh on save."""
        book = book or self.book
        if record is None:
            record = self.app.agency.get(book, uuid) if uuid else book.cls()
        dialog = RecordDialog(display.label(book.label_fa), specs or self.specs(), record,
                              lambda r: self.app.agency.save(book, r), self)
        dialog.accepted.connect(self.refresh)
        self.dialogs.append(dialog)
        dialog.open()
        return dialog


class LicencesTab(_RecordsTab):
    book = LICENCES

    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        layout = QVBoxLayout(self)
        layout.addLayout(_bar(self, [(self.tr("Import licence list…"), self.import_list),
                                     (self.tr("New licence…"), lambda: self.edit()),
                                     (self.tr("Map to a service…"), self.map_selected),
                                     (self.tr("Refresh"), self.refresh)]))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = record_table([self.tr("Licence code"), self.tr("Title"), self.tr("Issuer"),
                                   self.tr("Service ID"), self.tr("Check")])
        self.table.setAccessibleName(self.tr("Licences"))
        self.table.itemDoubleClicked.connect(lambda item: self.edit(row_data(self.table, item.row())))  # type: ignore[arg-type]
        layout.addWidget(self.table, 1)
        self.refresh()

    def specs(self) -> list[FieldSpec]:
        return [FieldSpec("code", self.tr("Licence code:")), FieldSpec("title", self.tr("Title:")),
                FieldSpec("issuer", self.tr("Issuer:")),
                FieldSpec("service_id", self.tr("Service ID it maps to:")),
                FieldSpec("note", self.tr("Note:"), "multiline")]

    def refresh(self) -> None:
        entries = self.app.agency.find(LICENCES)
        issues = self.app.agency.licence_issues()
        by_uuid: dict[str, list[str]] = {}
        for issue in issues:
            by_uuid.setdefault(issue.record_uuid, []).append(display.label(issue.finding.label_fa))
        fill_rows(self.table, [(e.uuid, [display.digits(e.code), e.title, e.issuer, display.digits(e.service_id) or "—",
                                         "، ".join(by_uuid.get(e.uuid, [])) or "✓"])
                               for e in entries])
        others = sum(1 for i in issues if i.record_type == "passport")
        self.summary.setText(self.tr("%1 licences; %2 with a problem; %3 problems in passports "
                                     "(a licence the list lacks, or a licensing service without one)")
                             .replace("%1", display.number(len(entries)))
                             .replace("%2", display.number(sum(1 for e in entries if e.uuid in by_uuid)))
                             .replace("%3", display.number(others)))

    def import_list(self, path: str = "") -> None:
        path = path or QFileDialog.getOpenFileName(
            self, self.tr("Licence list"), "", self.tr("Licence lists (*.csv *.xlsx)"))[0]
        if not path:
            return
        try:
            added, updated, unchanged = self.app.agency.import_licence_file(Path(path))
        except GovsvcError as exc:
            QMessageBox.warning(self, self.tr("Licence list"), exc.message_fa)
            return
        self.refresh()
        QMessageBox.information(self, self.tr("Licence list"), self.tr(
            "%1 added, %2 updated, %3 unchanged").replace("%1", display.number(added))
            .replace("%2", display.number(updated)).replace("%3", display.number(unchanged)))

    def map_selected(self, service_id: str | None = None) -> LicenceEntry | None:
        uuid = row_data(self.table)
        if not uuid:
            return None
        entry = self.app.agency.get(LICENCES, str(uuid))
        if service_id is None:
            text, ok = QInputDialog.getText(self, self.tr("Map licence"),
                                            self.tr("Service ID for %1:").replace("%1", entry.code),
                                            text=entry.service_id)
            if not ok:
                return None
            service_id = text
        try:
            saved = self.app.agency.map_licence(entry.uuid, service_id)
        except GovsvcError as exc:
            QMessageBox.warning(self, self.tr("Map licence"), exc.message_fa)
            return None
        self.refresh()
        return saved


class ProposalsTab(_RecordsTab):
    book = PROPOSALS

    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        layout = QVBoxLayout(self)
        layout.addLayout(_bar(self, [(self.tr("New proposal…"), lambda: self.edit()),
                                     (self.tr("Refresh"), self.refresh)]))
        self.table = record_table([self.tr("Service"), self.tr("Province"), self.tr("Delivery"),
                                   self.tr("Status"), self.tr("Proposed on"), self.tr("Issued ID")])
        self.table.setAccessibleName(self.tr("Services without ID"))
        self.table.itemDoubleClicked.connect(lambda item: self.edit(row_data(self.table, item.row())))  # type: ignore[arg-type]
        layout.addWidget(self.table, 1)
        self.refresh()

    def specs(self) -> list[FieldSpec]:
        return [FieldSpec("title", self.tr("Service:")), FieldSpec("province", self.tr("Province:")),
                FieldSpec("county", self.tr("County:")), FieldSpec("unit", self.tr("Unit:")),
                FieldSpec("delivery", self.tr("Delivery:"), "choice", DeliveryMode),
                FieldSpec("process", self.tr("How it is given:"), "multiline"),
                FieldSpec("legal_basis", self.tr("Legal basis:")),
                FieldSpec("status", self.tr("Status:"), "choice", ProposalStatus),
                FieldSpec("proposed_on", self.tr("Proposed on:"), "date"),
                FieldSpec("issued_service_id", self.tr("Issued service ID:")),
                FieldSpec("issued_on", self.tr("Issued on:"), "date"),
                FieldSpec("centre_comment", self.tr("Centre's comment:"), "multiline")]

    def refresh(self) -> None:
        fill_rows(self.table, [(p.uuid, [p.title, p.province, display.label(p.delivery.label_fa), display.label(p.status.label_fa),
                                         display.date(p.proposed_on), display.digits(p.issued_service_id or "") or "—"])
                               for p in self.app.agency.find(PROPOSALS)])


def _evidence_lines(items: list[StepEvidence]) -> list[str]:
    return [e.title + (f" | {e.reference}" if e.reference else "") for e in items]


def _evidence_items(lines: list[str]) -> list[StepEvidence]:
    items = []
    for line in lines:
        title, _, reference = line.partition("|")
        items.append(StepEvidence(title=title.strip(), reference=reference.strip()))
    return items


class CycleTab(_RecordsTab):
    book = STEPS

    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        layout = QVBoxLayout(self)
        layout.addLayout(_bar(self, [
            (self.tr("Representative's report…"), lambda: self.edit(book=REPORTS, specs=self.report_specs())),
            (self.tr("Lesson learned…"), lambda: self.edit(book=LESSONS, specs=self.lesson_specs())),
            (self.tr("New service chain…"), lambda: self.edit_chain()),
            (self.tr("Cycle report PDF…"), self.cycle_pdf), (self.tr("Refresh"), self.refresh)]))
        self.summary = QLabel()
        layout.addWidget(self.summary)
        split = QSplitter(Qt.Orientation.Vertical)
        self.steps = record_table([self.tr("Step"), self.tr("Title"), self.tr("Status"),
                                   self.tr("Deadline"), self.tr("Approval"), self.tr("Evidence")])
        self.steps.setAccessibleName(self.tr("Steps of the smartification cycle"))
        self.steps.itemDoubleClicked.connect(lambda item: self.edit_step(item.row()))
        split.addWidget(self.steps)
        self.others = record_table([self.tr("Record"), self.tr("Title"), self.tr("Date"),
                                    self.tr("Details")])
        self.others.setAccessibleName(self.tr("Reports, lessons and chains"))
        self.others.itemDoubleClicked.connect(lambda item: self._open_other(item.row()))
        split.addWidget(self.others)
        layout.addWidget(split, 1)
        self.refresh()

    def specs(self) -> list[FieldSpec]:
        return [FieldSpec("status", self.tr("Status:"), "choice", StepStatus),
                FieldSpec("deadline", self.tr("Deadline:"), "date"),
                FieldSpec("approval_date", self.tr("Validation approval on:"), "date"),
                FieldSpec("approval_reference", self.tr("Approval reference:")),
                FieldSpec("responsible", self.tr("Responsible unit:")),
                FieldSpec("evidence", self.tr("Evidence (one per line, title | reference):"), "lines",
                          to_lines=_evidence_lines, from_lines=_evidence_items),
                FieldSpec("note", self.tr("Note:"), "multiline")]

    def report_specs(self) -> list[FieldSpec]:
        return [FieldSpec("period", self.tr("Period:")),
                FieldSpec("representative", self.tr("Representative:")),
                FieldSpec("reported_on", self.tr("Reported on:"), "date"),
                FieldSpec("progress", self.tr("Progress of the cycle:"), "multiline"),
                FieldSpec("challenges", self.tr("Challenges:"), "multiline"),
                FieldSpec("risks", self.tr("Risks:"), "multiline"),
                FieldSpec("remedies", self.tr("Remedies:"), "multiline")]

    def lesson_specs(self) -> list[FieldSpec]:
        return [FieldSpec("title", self.tr("Title:")),
                FieldSpec("step", self.tr("Step:"), "choice", CycleStepKey, optional=True),
                FieldSpec("recorded_on", self.tr("Recorded on:"), "date"),
                FieldSpec("context", self.tr("Context:"), "multiline"),
                FieldSpec("lesson", self.tr("Lesson:"), "multiline")]

    def edit_step(self, row: int) -> RecordDialog:
        step = self.app.agency.steps()[row]
        return self.edit(record=step)

    def edit_chain(self, uuid: str = "") -> ChainDialog:
        chain = self.app.agency.get(CHAINS, uuid) if uuid else ServiceChain()
        dialog = ChainDialog(chain, lambda c: self.app.agency.save(CHAINS, c), self)
        dialog.accepted.connect(self.refresh)
        self.dialogs.append(dialog)
        dialog.open()
        return dialog

    def open_step(self, uuid: str) -> RecordDialog | None:
        for row, step in enumerate(self.app.agency.steps()):
            if step.uuid == uuid:
                return self.edit_step(row)
        return None

    def _open_other(self, row: int) -> None:
        kind, uuid = row_data(self.others, row)  # type: ignore[misc]
        if kind == "chain":
            self.edit_chain(uuid)
        elif kind == "report":
            self.edit(uuid, book=REPORTS, specs=self.report_specs())
        else:
            self.edit(uuid, book=LESSONS, specs=self.lesson_specs())

    def refresh(self) -> None:
        today = self.app.agency.today()
        steps = self.app.agency.steps()
        fill_rows(self.steps, [(s.uuid, [
            display.number(s.step.number), f"{display.label(s.step.label_fa)} ({s.step.article})",
            display.label(s.status.label_fa) + (" — " + self.tr("overdue") if s.is_overdue(today) else ""),
            display.date(s.deadline), display.date(s.approval_date),
            display.number(len(s.evidence))]) for s in steps])
        rows: list[tuple[object, list[str]]] = []
        for r in self.app.agency.find(REPORTS):
            rows.append((("report", r.uuid), [display.label(REPORTS.label_fa), r.period, display.date(r.reported_on),
                                              r.progress]))
        for lesson in self.app.agency.find(LESSONS):
            rows.append((("lesson", lesson.uuid), [display.label(LESSONS.label_fa), lesson.title,
                                                   display.date(lesson.recorded_on), lesson.lesson]))
        for c in self.app.agency.find(CHAINS):
            rows.append((("chain", c.uuid), [display.label(CHAINS.label_fa), c.title, "",
                                             " ← ".join(link.agency for link in c.links)]))
        fill_rows(self.others, rows)
        approved = sum(s.status is StepStatus.APPROVED for s in steps)
        self.summary.setText(self.tr("%1 of 9 steps approved; %2 overdue")
                             .replace("%1", display.number(approved))
                             .replace("%2", display.number(sum(s.is_overdue(today) for s in steps))))

    def cycle_pdf(self, target: str = "") -> Path | None:
        target = target or QFileDialog.getSaveFileName(self, self.tr("Cycle report PDF"),
                                                       "cycle.pdf", "PDF (*.pdf)")[0]
        if not target:
            return None
        atomic_write(Path(target), self.app.agency.cycle_pdf(self.app.settings.agency_name))
        return Path(target)


