"""Importing a workbook in three steps: choose the file, check it (nothing saved), import.

The check shows what would happen to every record and every problem with its sheet and cell;
picking a problem selects its record, and a record already in the database opens in the editor.
Both the check and the import run off the GUI thread with progress and cancel.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from govsvc_desktop.services.excel import (
    ACTION_LABELS_FA,
    CREATE,
    SKIPPED,
    ExcelImportError,
    ExcelImportResult,
    ExcelService,
)
from govsvc_desktop.ui import display
from govsvc_desktop.ui.tasks import Task
from govsvc_desktop.ui.widgets.tables import read_only_item, select_row


class ExcelImportDialog(QDialog):
    """Choose → check → import; ``imported`` carries the result once records are saved."""

    imported = Signal(object)
    open_record = Signal(str)

    def __init__(self, service: ExcelService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.task: Task | None = None
        self.checked: ExcelImportResult | None = None
        self.result_: ExcelImportResult | None = None
        self.setWindowTitle(self.tr("Import from Excel"))
        self.resize(980, 640)
        layout = QVBoxLayout(self)
        self.steps = QStackedWidget()
        layout.addWidget(self.steps, 1)
        self.steps.addWidget(self._choose_page())
        self.steps.addWidget(self._preview_page())
        buttons = QHBoxLayout()
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.clicked.connect(lambda: self.steps.setCurrentIndex(0))
        self.check_button = QPushButton(self.tr("Check file"))
        self.check_button.clicked.connect(self.check)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.clicked.connect(self.apply)
        self.report_button = QPushButton(self.tr("Save problem report…"))
        self.report_button.clicked.connect(self.save_report)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        for button in (self.back_button, self.report_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.check_button, self.import_button, close):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.steps.currentChanged.connect(self._step_changed)
        self._step_changed(0)

    # step 1
    def _choose_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr(
            "Choose a workbook filled from the template or exported by this application. "
            "Nothing is saved until you press Import.")))
        row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        self.valid_only = QCheckBox(self.tr(
            "Import the records without errors and leave the rest (otherwise all or nothing)"))
        layout.addWidget(self.valid_only)
        layout.addStretch(1)
        return page

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a workbook"), "",
                                              self.tr("Excel workbooks (*.xlsx)"))
        if path:
            self.path_edit.setText(path)

    # step 2
    def _preview_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        split = QSplitter(Qt.Orientation.Vertical)
        self.records = QTableWidget(0, 4)
        self.records.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Key"), self.tr("Title"), self.tr("What happens")])
        self.problems = QTableWidget(0, 5)
        self.problems.setHorizontalHeaderLabels(
            [self.tr("Kind"), self.tr("Sheet"), self.tr("Cell"), self.tr("Value"), self.tr("Problem")])
        for table in (self.records, self.problems):
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            table.verticalHeader().hide()
            table.horizontalHeader().setStretchLastSection(True)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            split.addWidget(table)
        self.problems.itemSelectionChanged.connect(self._problem_chosen)
        self.records.itemDoubleClicked.connect(self._record_opened)
        layout.addWidget(split, 1)
        return page

    def _step_changed(self, index: int) -> None:
        self.back_button.setVisible(index == 1)
        self.check_button.setVisible(index == 0)
        self.import_button.setVisible(index == 1)
        self.report_button.setVisible(index == 1)
        self._update_buttons()

    def _update_buttons(self) -> None:
        result = self.checked
        importable = bool(result and self.result_ is None and any(
            r.action not in ("skipped", "unchanged") for r in result.records)
            and (not result.blocking or self.valid_only.isChecked()))
        self.import_button.setEnabled(importable)
        self.report_button.setEnabled(bool(result and result.problems))

    @property
    def path(self) -> Path:
        return Path(self.path_edit.text().strip())

    def check(self) -> Task | None:
        if not self.path_edit.text().strip():
            QMessageBox.warning(self, self.windowTitle(), self.tr("Choose a workbook first."))
            return None
        service, path = self.service, self.path
        self.task = Task(self, self.tr("Checking the workbook…"),
                         lambda progress: service.import_file(path, dry_run=True, progress=progress))
        self.task.done.connect(self._checked)
        self.task.error.connect(self._failed)
        return self.task.start()

    def _checked(self, result: ExcelImportResult) -> None:
        self.checked = result
        self.result_ = None
        self._show(result)
        self.steps.setCurrentIndex(1)
        self._update_buttons()

    def _failed(self, exc: Any) -> None:
        QMessageBox.warning(self, self.windowTitle(), exc.message_fa)

    def action_label(self, action: str) -> str:
        """What happens to a row, in the program's language."""
        return {CREATE: self.tr("new"), "update": self.tr("update"), "unchanged": self.tr("unchanged"),
                SKIPPED: self.tr("not imported")}.get(action, ACTION_LABELS_FA.get(action, action))

    def summary_text(self, result: ExcelImportResult) -> str:
        """The outcome of a check or an import, in the program's language."""
        head = (self.tr("Imported") if result.saved else
                self.tr("Checked; nothing was saved") if result.dry_run else self.tr("No record was imported"))
        return self.tr("{head}: {new} new, {updated} updated, {same} unchanged, {skipped} not imported; "
                       "{errors} errors, {warnings} warnings").format(
            head=head, new=display.number(result.count(CREATE)), updated=display.number(result.count("update")),
            same=display.number(result.count("unchanged")), skipped=display.number(result.count(SKIPPED)),
            errors=display.number(len(result.blocking)),
            warnings=display.number(len(result.problems) - len(result.blocking)))

    def _show(self, result: ExcelImportResult) -> None:
        text = self.summary_text(result)
        if result.blocking and not self.valid_only.isChecked() and self.result_ is None:
            text += "\n" + self.tr("Correct the errors in the workbook and check it again, or go "
                                   "back and choose to import only the records without errors.")
        self.summary.setText(text)
        self.records.setRowCount(len(result.records))
        for i, r in enumerate(result.records):
            self.records.setItem(i, 0, read_only_item(display.number(r.row), r.uuid))
            self.records.setItem(i, 1, read_only_item(r.key))
            self.records.setItem(i, 2, read_only_item(r.title))
            self.records.setItem(i, 3, read_only_item(self.action_label(r.action), r.action))
        self.problems.setRowCount(len(result.problems))
        for i, p in enumerate(result.problems):
            kind = read_only_item(self.tr("Error") if p.blocking else self.tr("Warning"), p.key)
            kind.setForeground(Qt.GlobalColor.darkRed if p.blocking else Qt.GlobalColor.darkYellow)
            self.problems.setItem(i, 0, kind)
            self.problems.setItem(i, 1, read_only_item(p.sheet))
            self.problems.setItem(i, 2, read_only_item(p.cell))
            self.problems.setItem(i, 3, read_only_item(p.value))
            self.problems.setItem(i, 4, read_only_item(p.message_fa))

    def _problem_chosen(self) -> None:
        rows = self.problems.selectionModel().selectedRows()
        if not rows:
            return
        key = self.problems.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        for i in range(self.records.rowCount()):
            if self.records.item(i, 1).text() == key:
                select_row(self.records, i)
                return
        self.records.clearSelection()

    def _record_opened(self, item: QTableWidgetItem) -> None:
        row = item.row()
        action = self.records.item(row, 3).data(Qt.ItemDataRole.UserRole)
        if action in ("update", "unchanged") or self.result_ is not None and action == "create":
            self.open_record.emit(self.records.item(row, 0).data(Qt.ItemDataRole.UserRole))

    # step 3
    def apply(self) -> Task:
        service, path, valid_only = self.service, self.path, self.valid_only.isChecked()
        self.task = Task(self, self.tr("Importing…"),
                         lambda progress: service.import_file(path, valid_only=valid_only,
                                                              progress=progress))
        self.task.done.connect(self._applied)
        self.task.error.connect(self._apply_failed)
        return self.task.start()

    def _applied(self, result: ExcelImportResult) -> None:
        self.result_ = result
        self._show(result)
        self._update_buttons()
        self.imported.emit(result)

    def _apply_failed(self, exc: Any) -> None:
        if isinstance(exc, ExcelImportError):
            self.checked = exc.result
            self._show(exc.result)
            self._update_buttons()
        self._failed(exc)

    def save_report(self, target: str = "") -> Path | None:
        result = self.result_ or self.checked
        if result is None:
            return None
        if not target:
            target, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save problem report"), str(self.path.with_name(self.path.stem + "-problems.xlsx")),
                self.tr("Excel workbooks (*.xlsx)"))
        if not target:
            return None
        self.service.write_report(self.path, result, Path(target))
        return Path(target)
