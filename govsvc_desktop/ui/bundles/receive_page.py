"""The "Receive" page: open a bundle, read its verification report and the changes it would
make, choose for each conflict, and apply everything in one step."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from govsvc_desktop.domain.bundles import PlannedChange
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.services.bundles.service import BundleService, ImportOutcome, ImportPlan
from govsvc_desktop.ui import display
from govsvc_desktop.ui.keyboard import name_cells
from govsvc_desktop.ui.tasks import Task

if TYPE_CHECKING:
    from govsvc_desktop.bootstrap import App

KEEP_MINE = "mine"
TAKE_THEIRS = "theirs"
_REFUSED = QColor("#b3261e")
_ACCEPTED = QColor("#1b6e20")
_DETAILS, _CHOICE = 3, 4  # columns of the changes table


class ReceivePage(QWidget):
    """Nothing is written until "Apply"; a refused bundle can only be read, not applied."""

    prepared = Signal(object)
    applied = Signal(object)
    failed = Signal(str)

    def __init__(
        self, app: App, parent: QWidget | None = None, *, bundles: BundleService | None = None,
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.bundles = bundles or app.bundles
        self.plan: ImportPlan | None = None
        self.task: Task | None = None
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open bundle…"))
        self.path_label = QLabel()
        # a file path reads left to right even in the right-to-left window
        self.path_label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.path_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.open_button)
        top.addWidget(self.path_label, 1)
        layout.addLayout(top)

        self.verdict_label = QLabel()
        self.verdict_label.setWordWrap(True)
        layout.addWidget(self.verdict_label)
        layout.addWidget(QLabel(self.tr("Verification report")))
        self.report_list = QListWidget()
        self.report_list.setAccessibleName(self.tr("Checks of the bundle"))
        layout.addWidget(self.report_list, 1)

        layout.addWidget(QLabel(self.tr("Changes this bundle would make")))
        self.changes_table = QTableWidget(0, 5)
        self.changes_table.setAccessibleName(self.tr("Changes the bundle brings"))
        self.changes_table.setHorizontalHeaderLabels(
            [self.tr("Record"), self.tr("Kind"), self.tr("Change"), self.tr("Details"),
             self.tr("Your choice")])
        self.changes_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.changes_table.horizontalHeader()
        for column in range(self.changes_table.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (0, _DETAILS):  # the record's title and what changes share the room left
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.changes_table.verticalHeader().setVisible(False)
        layout.addWidget(self.changes_table, 2)

        bottom = QHBoxLayout()
        self.apply_button = QPushButton(self.tr("Apply changes"))
        self.apply_button.setEnabled(False)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        bottom.addWidget(self.apply_button)
        bottom.addWidget(self.message_label, 1)
        layout.addLayout(bottom)

        self.open_button.clicked.connect(self._choose_file)
        self.apply_button.clicked.connect(self.apply)

    # opening
    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open bundle"), "", self.tr("Bundles (*.asice);;All files (*)"))
        if path:
            self.open_bundle(path)

    def open_bundle(self, path: str | os.PathLike[str]) -> None:
        """Verify the bundle and work out its changes in the background."""
        self.plan = None
        self.report_list.clear()
        self.changes_table.setRowCount(0)
        self.apply_button.setEnabled(False)
        self.path_label.setText(os.fspath(path))
        self.verdict_label.setText(self.tr("Checking the bundle…"))
        bundles = self.bundles

        def work(progress: Any) -> ImportPlan:
            return bundles.prepare_import(path, progress)

        self._run(self.tr("Checking the bundle…"), work, self._show_plan)

    def _show_plan(self, plan: ImportPlan) -> None:
        self._finished()
        self.plan = plan
        for check in plan.checks:
            item = QListWidgetItem(("✔ " if check.passed else "✘ ") + check.message_fa)
            item.setForeground(_ACCEPTED if check.passed else _REFUSED)
            self.report_list.addItem(item)
        for problem in plan.problems:
            item = QListWidgetItem("✘ " + problem)
            item.setForeground(_REFUSED)
            self.report_list.addItem(item)
        for note in plan.reference_notes:  # official lists the centre sent with its reply
            self.report_list.addItem(QListWidgetItem("ℹ " + note))
        if plan.ok:
            sender = plan.header.sender if plan.header else ""
            self.verdict_label.setText(self.tr(
                "The bundle is genuine and intact (signed by {signer}, sent by {sender}).").format(
                    signer=plan.signer, sender=sender))
            self.verdict_label.setStyleSheet(f"color: {_ACCEPTED.name()}")
        else:
            self.verdict_label.setText(self.tr(
                "The bundle was refused; nothing can be imported from it."))
            self.verdict_label.setStyleSheet(f"color: {_REFUSED.name()}")
        self._show_changes(plan.changes if plan.ok else [])
        self._update_apply()
        self.prepared.emit(plan)

    def _outcome_label(self, change: PlannedChange) -> str:
        return {
            "create": self.tr("New record"),
            "update": self.tr("Update"),
            "unchanged": self.tr("No change"),
            "conflict": self.tr("Conflict"),
            "decision": self.tr("Centre's decision"),
        }.get(change.outcome, change.outcome)

    def _show_changes(self, changes: list[PlannedChange]) -> None:
        kinds = {k.record_type: display.label(k.label_fa) for k in self.bundles.kinds}
        self.changes_table.setRowCount(len(changes))
        for row, change in enumerate(changes):
            self.changes_table.setItem(row, 0, QTableWidgetItem(change.title))
            self.changes_table.setItem(row, 1, QTableWidgetItem(
                kinds.get(change.record_type, change.record_type)))
            outcome = QTableWidgetItem(self._outcome_label(change))
            if change.is_conflict:
                outcome.setForeground(_REFUSED)
            self.changes_table.setItem(row, 2, outcome)
            details = "؛ ".join([change.reason_fa, "، ".join(change.fields[:8])]).strip("؛ ")
            self.changes_table.setItem(row, _DETAILS, QTableWidgetItem(details))
            if change.is_conflict:
                choice = QComboBox()
                choice.addItem(self.tr("— choose —"), None)
                choice.addItem(self.tr("Keep mine"), KEEP_MINE)
                choice.addItem(self.tr("Take theirs"), TAKE_THEIRS)
                choice.setProperty("uuid", change.uuid)
                choice.currentIndexChanged.connect(self._update_apply)
                self.changes_table.setCellWidget(row, _CHOICE, choice)
        name_cells(self.changes_table)

    def choices(self) -> dict[str, str | None]:
        """The user's choice for each conflict, by record UUID (None while undecided)."""
        found: dict[str, str | None] = {}
        for row in range(self.changes_table.rowCount()):
            widget = self.changes_table.cellWidget(row, _CHOICE)
            if isinstance(widget, QComboBox):
                found[str(widget.property("uuid"))] = widget.currentData()
        return found

    def choose(self, uuid: str, choice: str) -> None:
        for row in range(self.changes_table.rowCount()):
            widget = self.changes_table.cellWidget(row, _CHOICE)
            if isinstance(widget, QComboBox) and widget.property("uuid") == uuid:
                widget.setCurrentIndex(widget.findData(choice))

    def _update_apply(self) -> None:
        ready = self.plan is not None and self.plan.ok and self.task is None
        self.apply_button.setEnabled(ready and all(self.choices().values()))

    # applying
    def apply(self) -> None:
        plan = self.plan
        if plan is None or not plan.ok:
            return
        choices = self.choices()
        theirs = [u for u, c in choices.items() if c == TAKE_THEIRS]
        mine = [u for u, c in choices.items() if c == KEEP_MINE]
        bundles = self.bundles

        def work(progress: Any) -> ImportOutcome:
            return bundles.apply_import(plan, theirs, mine)

        self._run(self.tr("Importing the bundle…"), work, self._applied)

    def _applied(self, outcome: ImportOutcome) -> None:
        self.plan = None  # applied once: Apply stays off until another bundle is opened
        self._finished()
        self.message_label.setText(self.outcome_text(outcome))
        self.applied.emit(outcome)

    def outcome_text(self, outcome: ImportOutcome) -> str:
        """What the import did, in the program's language."""
        n = display.number
        if outcome.kind == "reply":
            return self.tr("The centre's reply was applied: {decisions} records updated, {kept} left as they "
                           "were.").format(decisions=n(outcome.decisions), kept=n(outcome.kept))
        return self.tr("The bundle was imported: {created} new records, {updated} updated, {unchanged} "
                       "unchanged, {kept} kept as they were here.").format(
            created=n(outcome.created), updated=n(outcome.updated), unchanged=n(outcome.unchanged),
            kept=n(outcome.kept))

    # background work
    def _run(self, label: str, work: Any, on_success: Any) -> None:
        self.open_button.setEnabled(False)
        self.apply_button.setEnabled(False)
        self.task = Task(self, label, work)
        self.task.done.connect(on_success)
        self.task.error.connect(self._error)
        self.task.start()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.dialog.canceled.emit()

    def _error(self, exc: GovsvcError) -> None:
        self._finished()
        self.message_label.setText(exc.message_fa)
        self.failed.emit(exc.message_fa)

    def _finished(self) -> None:
        if self.task is not None:
            self.task.wait()
        self.task = None
        self.open_button.setEnabled(True)
        self._update_apply()
