"""The plan editor: one tab each for the plan, its indicators (with a chart), its actions (with
a time line), its quarterly reports with evidence, and provincial verification.

Widgets only: every rule (the 30% cut, dates, dependencies) comes back from the service as the
same Persian problems the command line prints.
"""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from govsvc_desktop.domain.calendar import parse_date
from govsvc_desktop.domain.choices import Choice, TimeUnit
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.domain.persian import parse_number
from govsvc_desktop.domain.plans.model import (
    ActionStatus,
    Approach,
    ImprovementPlan,
    Indicator,
    IndicatorKind,
    IndicatorValue,
    PlanAction,
    PlanStatus,
    ProgressReport,
    Verification,
    VerificationResult,
)
from govsvc_desktop.domain.plans.quarters import quarters_between
from govsvc_desktop.domain.plans.validation import time_rule_message
from govsvc_desktop.services.certificates import CertificateService, SigningIdentity
from govsvc_desktop.services.plans import PlanService
from govsvc_desktop.ui import display
from govsvc_desktop.ui.approval_dialog import ApprovalDialog
from govsvc_desktop.ui.keyboard import leave_tables_with_tab, name_cells, name_combo, name_tabs
from govsvc_desktop.ui.plans.charts import ActionTimeline, IndicatorChart
from govsvc_desktop.ui.widgets.inputs import JalaliDateEdit
from govsvc_desktop.ui.widgets.tables import fit_columns


def _combo(kind: type[Choice], current: Choice | None = None) -> QComboBox:
    combo = QComboBox()
    for member in kind:
        combo.addItem(display.label(member.label_fa), member.value)
    if current is not None:
        combo.setCurrentIndex(combo.findData(current.value))
    return combo


def _text(table: QTableWidget, row: int, col: int) -> str:
    item = table.item(row, col)
    return item.text().strip() if item is not None else ""


def _number(text: str) -> float | None:
    return None if not text.strip() else parse_number(text)


def _date(text: str) -> str | None:
    return None if not text.strip() else parse_date(text).isoformat()


class PlanEditor(QDialog):
    """Edits a copy of the plan; Save hands it to the service and shows what it says."""

    saved = Signal(object)

    def __init__(self, service: PlanService, plan: ImprovementPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.plan = copy.deepcopy(plan)
        self.setWindowTitle(self.tr("Improvement plan: %1").replace("%1", plan.title or plan.service_title))
        self.resize(1000, 720)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._general_tab(), self.tr("Plan"))
        self.tabs.addTab(self._indicators_tab(), self.tr("Indicators"))
        self.tabs.addTab(self._actions_tab(), self.tr("Actions"))
        self.tabs.addTab(self._reports_tab(), self.tr("Quarterly reports"))
        self.tabs.addTab(self._verification_tab(), self.tr("Provincial verification"))
        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet("color: #8a1c1c")
        layout.addWidget(self.problems_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        save = QPushButton(self.tr("Save"))
        save.clicked.connect(self.save)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons.addWidget(save)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self._load()
        self._name_controls()
        save.setShortcut(QKeySequence.StandardKey.Save)

    def _name_controls(self) -> None:
        """Names a screen reader says for controls that have no label of their own."""
        name_tabs(self.tabs, self.tr("Parts of the plan"))
        for widget, name in (
            (self.start_edit, self.tr("Improvement period starts")),
            (self.end_edit, self.tr("Improvement period ends")),
            (self.council_number, self.tr("Steering council approval number")),
            (self.council_date, self.tr("Steering council approval date")),
            (self.indicators, self.tr("Indicators")),
            (self.actions, self.tr("Actions")),
            (self.depends_edit, self.tr("IDs this action waits for")),
            (self.report_list, self.tr("Quarterly reports")),
            (self.report_values, self.tr("Values this quarter")),
            (self.evidence_list, self.tr("Evidence")),
            (self.verifications, self.tr("Verifications")),
            (self.verified_values, self.tr("Verified values")),
        ):
            widget.setAccessibleName(name)
        name_combo(self.quarter_combo, self.tr("Quarter of the new report"), self.quarter_combo.parentWidget())
        leave_tables_with_tab(self)
        for table in (self.indicators, self.actions, self.verifications):
            name_cells(table)
        for table in (self.indicators, self.actions, self.report_values, self.verifications,
                      self.verified_values):
            table.verticalHeader().hide()  # row numbers would show in Latin digits
            fit_columns(table)

    # plan
    def _general_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.service_label = QLabel()
        form.addRow(self.tr("Service:"), self.service_label)
        self.title_edit = QLineEdit()
        form.addRow(self.tr("Title:"), self.title_edit)
        period = QHBoxLayout()
        self.start_edit, self.end_edit = JalaliDateEdit(), JalaliDateEdit()
        period.addWidget(self.start_edit)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.end_edit)
        form.addRow(self.tr("Improvement period:"), period)
        self.goals_edit = QPlainTextEdit()
        self.goals_edit.setMaximumHeight(80)
        form.addRow(self.tr("Goals:"), self.goals_edit)
        grid = QGridLayout()
        self.approach_boxes: dict[Approach, QCheckBox] = {}
        for i, approach in enumerate(Approach):
            box = QCheckBox(display.label(approach.label_fa))
            self.approach_boxes[approach] = box
            grid.addWidget(box, i // 2, i % 2)
        form.addRow(self.tr("Approaches:"), grid)
        council = QHBoxLayout()
        self.council_number = QLineEdit()
        self.council_date = JalaliDateEdit()
        council.addWidget(self.council_number)
        council.addWidget(QLabel(self.tr("dated")))
        council.addWidget(self.council_date)
        form.addRow(self.tr("Steering council approval:"), council)
        self.pilot_edit = QLineEdit()
        self.pilot_edit.setPlaceholderText(self.tr("Only for a provincial slice"))
        form.addRow(self.tr("Pilot province:"), self.pilot_edit)
        self.organisation_date = JalaliDateEdit()
        form.addRow(self.tr("Approved by the Organisation on:"), self.organisation_date)
        self.slice_date = JalaliDateEdit()
        form.addRow(self.tr("Provincial slice approved on:"), self.slice_date)
        self.status_combo = _combo(PlanStatus)
        form.addRow(self.tr("Status:"), self.status_combo)
        self.rule_label = QLabel()
        self.rule_label.setWordWrap(True)
        form.addRow("", self.rule_label)
        self.justification_edit = QPlainTextEdit()
        self.justification_edit.setMaximumHeight(60)
        form.addRow(self.tr("Explanation (below 30%):"), self.justification_edit)
        self.standard_time_edit = QLineEdit()
        self.standard_time_edit.setObjectName("standard_time_reference")
        form.addRow(self.tr("Standard time approved by the Organisation (note 5), reference:"),
                    self.standard_time_edit)
        return page

    # indicators
    IND_COLUMNS = 7

    def _indicators_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.indicators = QTableWidget(0, self.IND_COLUMNS)
        self.indicators.setHorizontalHeaderLabels([
            self.tr("Indicator"), self.tr("Unit"), self.tr("Before"), self.tr("Target"),
            self.tr("Time unit before"), self.tr("Time unit target"), self.tr("Cut")])
        self.indicators.horizontalHeader().setStretchLastSection(True)
        self.indicators.itemSelectionChanged.connect(self._chart_selected)
        self.indicators.itemChanged.connect(lambda _item: self._update_rule())
        layout.addWidget(self.indicators, 1)
        row = QHBoxLayout()
        add = QPushButton(self.tr("Add indicator"))
        add.clicked.connect(lambda: self._add_indicator(Indicator(kind=IndicatorKind.CUSTOM)))
        remove = QPushButton(self.tr("Remove indicator"))
        remove.clicked.connect(lambda: self.indicators.removeRow(self.indicators.currentRow()))
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout.addLayout(row)
        self.chart = IndicatorChart()
        layout.addWidget(self.chart, 1)
        return page

    def _add_indicator(self, ind: Indicator) -> None:
        r = self.indicators.rowCount()
        self.indicators.blockSignals(True)
        self.indicators.insertRow(r)
        name = QTableWidgetItem(ind.label)
        name.setData(Qt.ItemDataRole.UserRole, ind.kind.value)
        if ind.kind is not IndicatorKind.CUSTOM:
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.indicators.setItem(r, 0, name)
        self.indicators.setItem(r, 1, QTableWidgetItem(ind.unit))
        self.indicators.setItem(r, 2, QTableWidgetItem(display.number(ind.before)))
        self.indicators.setItem(r, 3, QTableWidgetItem(display.number(ind.target)))
        for col, unit in ((4, ind.before_time_unit), (5, ind.target_time_unit)):
            combo = _combo(TimeUnit, unit)
            combo.setEnabled(ind.time_unit_applies)
            combo.currentIndexChanged.connect(lambda _i: self._update_rule())
            self.indicators.setCellWidget(r, col, combo)
        cut = QTableWidgetItem()
        cut.setFlags(cut.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.indicators.setItem(r, 6, cut)
        self.indicators.blockSignals(False)
        name_cells(self.indicators)

    def _read_indicators(self) -> list[Indicator]:
        old = {i.label: i for i in self.plan.indicators}
        result = []
        for r in range(self.indicators.rowCount()):
            name_item = self.indicators.item(r, 0)
            kind = IndicatorKind(name_item.data(Qt.ItemDataRole.UserRole))
            name = name_item.text().strip() if kind is IndicatorKind.CUSTOM else ""
            units = [TimeUnit(self.indicators.cellWidget(r, c).currentData()) for c in (4, 5)]  # type: ignore[attr-defined]
            ind = Indicator(kind=kind, name=name, unit=_text(self.indicators, r, 1),
                            before=_number(_text(self.indicators, r, 2)),
                            target=_number(_text(self.indicators, r, 3)),
                            before_time_unit=units[0], target_time_unit=units[1])
            previous = old.get(ind.label)
            ind.achieved = list(previous.achieved) if previous else []
            result.append(ind)
        return result

    def _chart_selected(self) -> None:
        row = self.indicators.currentRow()
        try:
            indicators = self._read_indicators()
        except ValueError:
            return
        self.chart.show_indicator(indicators[row] if 0 <= row < len(indicators) else None)

    def _update_rule(self) -> None:
        try:
            indicators = self._read_indicators()
        except ValueError:
            self.rule_label.setText(self.tr("A number in the indicators table cannot be read."))
            return
        self.indicators.blockSignals(True)
        for r, ind in enumerate(indicators):
            cut = ind.planned_cut
            self.indicators.item(r, 6).setText("" if cut is None else display.percent(cut))
        self.indicators.blockSignals(False)
        probe = copy.copy(self.plan)
        probe.indicators = indicators
        message = time_rule_message(probe)
        self.rule_label.setText(message or self.tr("The target cuts average service time by at least 30%."))
        self.rule_label.setStyleSheet("color: #8a1c1c" if message else "color: #1e6b35")

    # actions
    def _actions_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.actions = QTableWidget(0, 7)
        self.actions.setHorizontalHeaderLabels([
            self.tr("ID"), self.tr("Action"), self.tr("Responsible unit"), self.tr("Start"),
            self.tr("End"), self.tr("Status"), self.tr("Percent done")])
        self.actions.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.actions, 1)
        row = QHBoxLayout()
        add = QPushButton(self.tr("Add action"))
        add.clicked.connect(lambda: self._add_action(PlanAction()))
        remove = QPushButton(self.tr("Remove action"))
        remove.clicked.connect(lambda: self.actions.removeRow(self.actions.currentRow()))
        self.depends_edit = QLineEdit()
        self.depends_edit.setPlaceholderText(self.tr("IDs this action waits for, separated by commas"))
        self.depends_edit.editingFinished.connect(self._store_depends)
        self.actions.itemSelectionChanged.connect(self._show_depends)
        row.addWidget(add)
        row.addWidget(remove)
        row.addWidget(QLabel(self.tr("Depends on:")))
        row.addWidget(self.depends_edit, 1)
        layout.addLayout(row)
        self.timeline = ActionTimeline()
        layout.addWidget(self.timeline)
        return page

    def _add_action(self, a: PlanAction) -> None:
        r = self.actions.rowCount()
        self.actions.insertRow(r)
        ident = QTableWidgetItem(a.action_id)
        ident.setFlags(ident.flags() & ~Qt.ItemFlag.ItemIsEditable)
        ident.setData(Qt.ItemDataRole.UserRole, list(a.depends_on))
        self.actions.setItem(r, 0, ident)
        self.actions.setItem(r, 1, QTableWidgetItem(a.title))
        self.actions.setItem(r, 2, QTableWidgetItem(a.responsible_unit))
        self.actions.setItem(r, 3, QTableWidgetItem(display.date(a.start)))
        self.actions.setItem(r, 4, QTableWidgetItem(display.date(a.end)))
        self.actions.setCellWidget(r, 5, _combo(ActionStatus, a.status))
        spin = QSpinBox()
        spin.setRange(0, 100)
        spin.setSuffix("٪")
        spin.setValue(a.percent_done)
        self.actions.setCellWidget(r, 6, spin)
        name_cells(self.actions)

    def _show_depends(self) -> None:
        r = self.actions.currentRow()
        item = self.actions.item(r, 0) if r >= 0 else None
        self.depends_edit.setText("، ".join(item.data(Qt.ItemDataRole.UserRole) or []) if item else "")

    def _store_depends(self) -> None:
        r = self.actions.currentRow()
        if r >= 0:
            ids = [p.strip() for p in self.depends_edit.text().replace("،", ",").split(",") if p.strip()]
            self.actions.item(r, 0).setData(Qt.ItemDataRole.UserRole, ids)

    def _read_actions(self) -> list[PlanAction]:
        result = []
        for r in range(self.actions.rowCount()):
            ident = self.actions.item(r, 0)
            result.append(PlanAction(
                action_id=ident.text(), title=_text(self.actions, r, 1),
                responsible_unit=_text(self.actions, r, 2), start=_date(_text(self.actions, r, 3)),
                end=_date(_text(self.actions, r, 4)),
                status=ActionStatus(self.actions.cellWidget(r, 5).currentData()),  # type: ignore[attr-defined]
                percent_done=self.actions.cellWidget(r, 6).value(),  # type: ignore[attr-defined]
                depends_on=list(ident.data(Qt.ItemDataRole.UserRole) or [])))
        return result

    # reports
    def _reports_tab(self) -> QWidget:
        page = QWidget()
        layout = QHBoxLayout(page)
        side = QVBoxLayout()
        self.report_list = QListWidget()
        self.report_list.currentRowChanged.connect(self._show_report)
        side.addWidget(self.report_list, 1)
        self.quarter_combo = QComboBox()
        side.addWidget(self.quarter_combo)
        add = QPushButton(self.tr("Add report"))
        add.clicked.connect(self.add_report)
        side.addWidget(add)
        layout.addLayout(side, 1)
        form_page = QWidget()
        form = QFormLayout(form_page)
        self.narrative = QPlainTextEdit()
        self.challenges = QPlainTextEdit()
        self.remedies = QPlainTextEdit()
        for w in (self.challenges, self.remedies):
            w.setMaximumHeight(60)
        self.submitted = JalaliDateEdit()
        form.addRow(self.tr("Progress:"), self.narrative)
        form.addRow(self.tr("Challenges:"), self.challenges)
        form.addRow(self.tr("Remedies:"), self.remedies)
        form.addRow(self.tr("Submitted on:"), self.submitted)
        self.report_values = QTableWidget(0, 2)
        self.report_values.setHorizontalHeaderLabels([self.tr("Indicator"), self.tr("Value this quarter")])
        self.report_values.horizontalHeader().setStretchLastSection(True)
        form.addRow(self.tr("Values:"), self.report_values)
        self.evidence_list = QListWidget()
        form.addRow(self.tr("Evidence:"), self.evidence_list)
        ev_row = QHBoxLayout()
        add_ev = QPushButton(self.tr("Add evidence…"))
        add_ev.clicked.connect(lambda: self.add_evidence())
        open_ev = QPushButton(self.tr("Open"))
        open_ev.clicked.connect(self.open_evidence)
        ev_row.addWidget(add_ev)
        ev_row.addWidget(open_ev)
        ev_row.addStretch(1)
        form.addRow("", ev_row)
        layout.addWidget(form_page, 3)
        self._report_index = -1
        return page

    def _store_report(self) -> None:
        i = self._report_index
        if not 0 <= i < len(self.plan.reports):
            return
        r = self.plan.reports[i]
        r.narrative = self.narrative.toPlainText()
        r.challenges = self.challenges.toPlainText()
        r.remedies = self.remedies.toPlainText()
        r.submitted_on = self.submitted.iso()
        values = []
        for row in range(self.report_values.rowCount()):
            text = _text(self.report_values, row, 1)
            if text:
                values.append(IndicatorValue(_text(self.report_values, row, 0), parse_number(text)))
        r.values = values

    def _show_report(self, index: int) -> None:
        try:
            self._store_report()
        except ValueError:
            pass
        self._report_index = index
        if not 0 <= index < len(self.plan.reports):
            return
        r = self.plan.reports[index]
        self.narrative.setPlainText(r.narrative)
        self.challenges.setPlainText(r.challenges)
        self.remedies.setPlainText(r.remedies)
        self.submitted.set_iso(r.submitted_on)
        values = {v.indicator: v.value for v in r.values}
        labels = [i.label for i in self.plan.indicators]
        self.report_values.setRowCount(len(labels))
        for row, label in enumerate(labels):
            name = QTableWidgetItem(label)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.report_values.setItem(row, 0, name)
            self.report_values.setItem(row, 1, QTableWidgetItem(display.number(values.get(label))))
        self._fill_evidence(r)

    def _fill_evidence(self, r: ProgressReport) -> None:
        self.evidence_list.clear()
        for ev in r.evidence:
            self.evidence_list.addItem(f"{display.ltr(ev.file_name)} — {display.size(ev.size)} — "
                                       f"{display.ltr(ev.sha256[:12] + '…')}")

    def _fill_reports(self) -> None:
        self.plan.reports.sort(key=lambda r: r.quarter)
        self.report_list.blockSignals(True)
        self.report_list.clear()
        for r in self.plan.reports:
            self.report_list.addItem(display.quarter(r.quarter))
        self.report_list.blockSignals(False)
        self.quarter_combo.clear()
        start, end = self.start_edit.iso(), self.end_edit.iso()
        if start and end:
            import datetime as dt

            taken = {r.quarter for r in self.plan.reports}
            for q in quarters_between(dt.date.fromisoformat(start), dt.date.fromisoformat(end)):
                if q not in taken:
                    self.quarter_combo.addItem(display.quarter(q), q)

    def add_report(self, quarter: str = "") -> ProgressReport | None:
        quarter = quarter or self.quarter_combo.currentData() or ""
        if not quarter:
            QMessageBox.information(self, self.windowTitle(),
                                    self.tr("Set the improvement period first; reports follow its quarters."))
            return None
        self._store_report()
        report = ProgressReport(quarter=quarter)
        self.plan.reports.append(report)
        self._report_index = -1
        self._fill_reports()
        self.report_list.setCurrentRow(self.plan.reports.index(report))
        return report

    def add_evidence(self, path: str = "") -> None:
        i = self.report_list.currentRow()
        if not 0 <= i < len(self.plan.reports):
            QMessageBox.information(self, self.windowTitle(), self.tr("Choose a report first."))
            return
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Evidence file"))
        if not path:
            return
        try:
            evidence = self.service.add_evidence(Path(path))
        except GovsvcError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message_fa)
            return
        self.plan.reports[i].evidence.append(evidence)
        self._fill_evidence(self.plan.reports[i])

    def open_evidence(self) -> Path | None:
        i, j = self.report_list.currentRow(), self.evidence_list.currentRow()
        if not (0 <= i < len(self.plan.reports) and 0 <= j < len(self.plan.reports[i].evidence)):
            return None
        evidence = self.plan.reports[i].evidence[j]
        try:
            data = self.service.evidence_bytes(evidence)
        except GovsvcError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message_fa)
            return None
        folder = Path(tempfile.mkdtemp(prefix="govsvc-evidence-"))
        target = folder / Path(evidence.file_name).name
        target.write_bytes(data)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
        return target

    # verification
    def _verification_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.verifications = QTableWidget(0, 5)
        self.verifications.setHorizontalHeaderLabels([
            self.tr("Verifier"), self.tr("Organisation"), self.tr("Date"), self.tr("Result"), self.tr("Comment")])
        self.verifications.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.verifications, 1)
        self.verified_values = QTableWidget(0, 2)
        self.verified_values.setHorizontalHeaderLabels([self.tr("Indicator"), self.tr("Verified value")])
        self.verified_values.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(QLabel(self.tr("Verified values of the selected verification:")))
        layout.addWidget(self.verified_values, 1)
        add = QPushButton(self.tr("Add verification"))
        add.clicked.connect(lambda: self._add_verification(Verification()))
        layout.addWidget(add, 0, Qt.AlignmentFlag.AlignRight)
        self.verifications.currentCellChanged.connect(self._show_verified)
        self._verified_row = -1
        return page

    def _add_verification(self, v: Verification) -> None:
        r = self.verifications.rowCount()
        self.verifications.insertRow(r)
        first = QTableWidgetItem(v.verifier)
        first.setData(Qt.ItemDataRole.UserRole, {x.indicator: x.value for x in v.values})
        self.verifications.setItem(r, 0, first)
        self.verifications.setItem(r, 1, QTableWidgetItem(v.verifier_org))
        self.verifications.setItem(r, 2, QTableWidgetItem(display.date(v.date)))
        self.verifications.setCellWidget(r, 3, _combo(VerificationResult, v.result))
        self.verifications.setItem(r, 4, QTableWidgetItem(v.comment))
        name_cells(self.verifications)

    def _store_verified(self) -> None:
        r = self._verified_row
        if not 0 <= r < self.verifications.rowCount():
            return
        values = {}
        for row in range(self.verified_values.rowCount()):
            text = _text(self.verified_values, row, 1)
            if text:
                values[_text(self.verified_values, row, 0)] = parse_number(text)
        self.verifications.item(r, 0).setData(Qt.ItemDataRole.UserRole, values)

    def _show_verified(self, row: int, *_: Any) -> None:
        try:
            self._store_verified()
        except ValueError:
            pass
        self._verified_row = row
        item = self.verifications.item(row, 0) if row >= 0 else None
        values = (item.data(Qt.ItemDataRole.UserRole) or {}) if item else {}
        labels = [i.label for i in self.plan.indicators]
        self.verified_values.setRowCount(len(labels))
        for r, label in enumerate(labels):
            name = QTableWidgetItem(label)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.verified_values.setItem(r, 0, name)
            self.verified_values.setItem(r, 1, QTableWidgetItem(display.number(values.get(label))))

    def _read_verifications(self) -> list[Verification]:
        self._store_verified()
        result = []
        for r in range(self.verifications.rowCount()):
            values = self.verifications.item(r, 0).data(Qt.ItemDataRole.UserRole) or {}
            result.append(Verification(
                verifier=_text(self.verifications, r, 0), verifier_org=_text(self.verifications, r, 1),
                date=_date(_text(self.verifications, r, 2)),
                values=[IndicatorValue(k, v) for k, v in values.items()],
                result=VerificationResult(self.verifications.cellWidget(r, 3).currentData()),  # type: ignore[attr-defined]
                comment=_text(self.verifications, r, 4)))
        return result

    # load / collect / save
    def _load(self) -> None:
        p = self.plan
        self.service_label.setText(f"{p.service_title} [{display.digits(p.service_id) or self.tr('no ID')}]")
        self.title_edit.setText(p.title)
        self.start_edit.set_iso(p.period_start)
        self.end_edit.set_iso(p.period_end)
        self.goals_edit.setPlainText(p.goals)
        for approach, box in self.approach_boxes.items():
            box.setChecked(approach in p.approaches)
        self.council_number.setText(p.council_number)
        self.council_date.set_iso(p.council_date)
        self.pilot_edit.setText(p.pilot_province)
        self.organisation_date.set_iso(p.organisation_approved_on)
        self.slice_date.set_iso(p.slice_approved_on)
        self.status_combo.setCurrentIndex(self.status_combo.findData(p.status.value))
        self.justification_edit.setPlainText(p.below_target_justification)
        self.standard_time_edit.setText(p.standard_time_reference)
        self.indicators.setRowCount(0)
        for ind in p.indicators:
            self._add_indicator(ind)
        self.actions.setRowCount(0)
        for a in p.actions:
            self._add_action(a)
        self.timeline.set_actions(p.actions, self.service.today())
        self._report_index = -1
        self._fill_reports()
        if p.reports:
            self.report_list.setCurrentRow(0)
        self.verifications.setRowCount(0)
        for v in p.verifications:
            self._add_verification(v)
        self._update_rule()
        self.start_edit.valueChanged.connect(self._fill_reports)
        self.end_edit.valueChanged.connect(self._fill_reports)

    def collect(self) -> ImprovementPlan:
        """The plan as the widgets show it; ValueError names nothing, GovsvcError does."""
        self._store_report()
        p = copy.deepcopy(self.plan)
        p.title = self.title_edit.text().strip()
        p.period_start, p.period_end = self.start_edit.iso(), self.end_edit.iso()
        p.goals = self.goals_edit.toPlainText()
        checked = [a for a, box in self.approach_boxes.items() if box.isChecked()]
        p.approaches = [a for a in p.approaches if a in checked] + [a for a in checked if a not in p.approaches]
        p.council_number = self.council_number.text().strip()
        p.council_date = self.council_date.iso()
        p.pilot_province = self.pilot_edit.text().strip()
        p.organisation_approved_on = self.organisation_date.iso()
        p.slice_approved_on = self.slice_date.iso()
        p.status = PlanStatus(self.status_combo.currentData())
        p.below_target_justification = self.justification_edit.toPlainText().strip()
        p.standard_time_reference = self.standard_time_edit.text().strip()
        p.indicators = self._read_indicators()
        p.actions = self._read_actions()
        p.verifications = self._read_verifications()
        p.achieved_from_reports()
        return p

    def ask_identity(self, plan: ImprovementPlan) -> SigningIdentity | None:
        """The head's unlocked signing identity for approving, or None if cancelled."""
        dialog = ApprovalDialog(CertificateService.default(), plan.title, self)
        return dialog.identity if dialog.exec() else None

    def save(self) -> ImprovementPlan | None:
        try:
            plan = self.collect()
        except ValueError as exc:
            self.problems_label.setText(self.tr("A number or date cannot be read: %1").replace("%1", str(exc)))
            return None
        identity = None
        if plan.status is PlanStatus.APPROVED and self.plan.status is not PlanStatus.APPROVED:
            try:
                self.service.check_approvable(plan)
            except GovsvcError as exc:
                self.problems_label.setText(exc.message_fa)
                return None
            identity = self.ask_identity(plan)
            if identity is None:
                return None
        try:
            saved = self.service.save(plan, identity)
        except GovsvcError as exc:
            self.problems_label.setText(exc.message_fa)
            return None
        self.plan = copy.deepcopy(saved)
        warnings = [p.message_fa for p in self.service.problems(saved)]
        self.problems_label.setText("\n".join(warnings))
        self.timeline.set_actions(saved.actions, self.service.today())
        self._update_rule()
        self.saved.emit(saved)
        return saved
