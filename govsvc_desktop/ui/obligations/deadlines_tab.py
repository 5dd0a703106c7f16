"""The deadline calendar on the Obligations page: every deadline of the regulations with days
left or overdue, opening its record; recording the agency's events; export as iCalendar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from govsvc_desktop.domain.agency.deadlines import Deadline, EventKind
from govsvc_desktop.domain.calendar import format_jalali
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.domain.persian import format_int
from govsvc_desktop.ui.tasks import Task
from govsvc_desktop.ui.widgets.inputs import JalaliDateEdit
from govsvc_desktop.ui.widgets.tables import fill_rows, record_table, row_data

if TYPE_CHECKING:
    from govsvc_desktop.bootstrap import App

_OVERDUE = QColor("#c62828")
SHOWN = 2000


class EventDialog(QDialog):
    """Records that an event starting or closing a deadline happened."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record an event"))
        form = QFormLayout(self)
        self.kind = QComboBox()
        for kind in EventKind:
            self.kind.addItem(kind.label_fa, kind.value)
        form.addRow(self.tr("Event:"), self.kind)
        self.date = JalaliDateEdit()
        form.addRow(self.tr("Date:"), self.date)
        self.note = QLineEdit()
        form.addRow(self.tr("Note:"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class DeadlinesTab(QWidget):
    def __init__(self, app: App, open_record: Callable[[str, str], object],
                 refresh: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.open_record = open_record
        self.refresh_all = refresh
        self.deadlines: list[Deadline] = []
        self.task: Task | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        bar.addWidget(self.summary, 1)
        for text, slot in ((self.tr("Record an event…"), self.record_event),
                           (self.tr("Export calendar (.ics)…"), self.export_ics)):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=slot: s())
            bar.addWidget(button)
        layout.addLayout(bar)
        self.table = record_table([self.tr("Due"), self.tr("State"), self.tr("Obligation"),
                                   self.tr("Regulation"), self.tr("Starts with")])
        self.table.setAccessibleName(self.tr("Deadlines"))
        self.table.itemDoubleClicked.connect(lambda _item: self.open_selected())
        layout.addWidget(self.table, 1)

    def show_deadlines(self, deadlines: list[Deadline]) -> None:
        """Shows the calendar, most urgent first; past ``SHOWN`` rows the CLI has the rest."""
        self.deadlines = deadlines
        today = self.app.deadlines.today()
        shown = deadlines[:SHOWN]
        fill_rows(self.table, [((d.record_type, d.record_uuid), [
            format_jalali(d.due) if d.due else "—", d.state_fa(today), d.title_fa, d.seed_fa,
            d.starts_fa]) for d in shown])
        for row, d in enumerate(shown):
            if d.overdue(today):
                for col in range(self.table.columnCount()):
                    self.table.item(row, col).setForeground(QBrush(_OVERDUE))
        overdue = sum(1 for d in deadlines if d.overdue(today))
        text = self.tr("%1 deadlines, %2 overdue. Double-click a deadline to open its record."
                       ).replace("%1", format_int(len(deadlines))).replace("%2", format_int(overdue))
        if len(deadlines) > SHOWN:
            text += " " + self.tr("The %1 most urgent are shown; `deadlines list` has them all.").replace(
                "%1", format_int(SHOWN))
        self.summary.setText(text)

    def open_selected(self) -> object:
        data = row_data(self.table)
        if isinstance(data, tuple) and data[1]:
            return self.open_record(*data)
        return None

    def record_event(self, dialog: EventDialog | None = None) -> bool:
        """Asks for the event (``dialog`` given already filled in, as the tests do)."""
        if dialog is None:
            dialog = EventDialog(self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        day = dialog.date.iso()
        if not day:
            QMessageBox.warning(self, self.tr("Record an event"), self.tr("The date is not valid."))
            return False
        try:
            self.app.deadlines.record_event(EventKind(dialog.kind.currentData()),
                                            dt.date.fromisoformat(day), dialog.note.text())
        except GovsvcError as exc:
            QMessageBox.warning(self, self.tr("Record an event"), exc.message_fa)
            return False
        self.refresh_all()
        return True

    def export_ics(self, target: str = "") -> Task | None:
        """Writes the calendar in the background (tens of thousands of events take a while)."""
        if not target:
            target = QFileDialog.getSaveFileName(self, self.tr("Export calendar"), "deadlines.ics",
                                                 "*.ics")[0]
        if not target:
            return None
        path = Path(target)
        self.task = Task(self, self.tr("Writing the calendar…"),
                         lambda _progress: self.app.deadlines.export_ics(path))
        self.task.error.connect(lambda exc: QMessageBox.warning(
            self, self.tr("Export calendar"), exc.message_fa))
        return self.task.start()
