"""Event logs of electronic services: import a CSV log for a service, see its cases and
average durations, export it as XES for process mining, and put the measured time into the
passport. Imports and exports run off the GUI thread with progress and cancel."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from govsvc_desktop.domain.agency.event_log import describe_duration_fa
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.ui import display
from govsvc_desktop.ui.tasks import Task
from govsvc_desktop.ui.widgets.tables import fill_rows, record_table, row_data

if TYPE_CHECKING:
    from collections.abc import Callable

    from govsvc_desktop.bootstrap import App


class EventLogsTab(QWidget):
    def __init__(self, app: App, selected_service_id: Callable[[], str] = lambda: "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.selected_service_id = selected_service_id
        self.task: Task | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        for text, slot in ((self.tr("Import CSV log…"), self.import_log),
                           (self.tr("Export XES…"), self.export_xes),
                           (self.tr("Put average time into the passport"), self.fill_time),
                           (self.tr("Refresh"), self.refresh)):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=slot: s())
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        note = QLabel(self.tr("A log is a CSV file with the columns case, activity, timestamp and "
                              "resource (Persian headers also work); times may be Jalali."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.table = record_table([self.tr("Service ID"), self.tr("Service"), self.tr("Cases"),
                                   self.tr("Events"), self.tr("Activities"), self.tr("From"),
                                   self.tr("To"), self.tr("Average case time"),
                                   self.tr("Median case time")])
        self.table.setAccessibleName(self.tr("Event logs by service"))
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        def day(ms: int | None) -> str:
            return "" if ms is None else display.date(dt.datetime.fromtimestamp(ms / 1000, dt.UTC).date())

        fill_rows(self.table, [(s.service_id, [
            display.digits(s.service_id), s.title or "—", display.number(s.cases), display.number(s.events),
            display.number(s.activities), day(s.first_ms), day(s.last_ms),
            describe_duration_fa(s.average_case_ms), describe_duration_fa(s.median_case_ms)])
            for s in self.app.events.stats()])

    def _service(self, title: str) -> str | None:
        current = str(row_data(self.table) or self.selected_service_id() or "")
        text, ok = QInputDialog.getText(self, title, self.tr("Service ID:"), text=current)
        return text.strip() if ok and text.strip() else None

    def _run(self, label: str, job: Callable[[Callable[[int, int], bool]], object],
             done: Callable[[object], None]) -> Task:
        self.task = Task(self, label, job)
        self.task.done.connect(done)
        self.task.error.connect(lambda exc: QMessageBox.warning(self, label, exc.message_fa))
        return self.task.start()

    def import_log(self, path: str = "", service_id: str = "") -> Task | None:
        service_id = service_id or self._service(self.tr("Import event log")) or ""
        if not service_id:
            return None
        path = path or QFileDialog.getOpenFileName(self, self.tr("Event log"), "",
                                                   self.tr("Event logs (*.csv *.txt)"))[0]
        if not path:
            return None

        def finished(result: object) -> None:
            self.refresh()
            QMessageBox.information(self, self.tr("Import event log"), self.tr(
                "%1 events of %2 cases imported").replace("%1", display.number(result.events))  # type: ignore[attr-defined]
                .replace("%2", display.number(result.cases)))  # type: ignore[attr-defined]

        return self._run(self.tr("Importing the event log…"),
                         lambda progress: self.app.events.import_csv(service_id, Path(path), progress),
                         finished)

    def export_xes(self, target: str = "", service_id: str = "") -> Task | None:
        service_id = service_id or str(row_data(self.table) or "")
        if not service_id:
            QMessageBox.information(self, self.tr("Export XES"), self.tr("Choose a service first."))
            return None
        target = target or QFileDialog.getSaveFileName(self, self.tr("Export XES"),
                                                       f"{service_id}.xes", "XES (*.xes)")[0]
        if not target:
            return None
        return self._run(self.tr("Writing XES…"),
                         lambda progress: self.app.events.export_xes(service_id, Path(target), progress),
                         lambda _result: None)

    def fill_time(self, service_id: str = "") -> bool:
        service_id = service_id or str(row_data(self.table) or "")
        if not service_id:
            return False
        try:
            value, unit = self.app.events.fill_service_time(service_id)
        except GovsvcError as exc:
            QMessageBox.warning(self, self.tr("Service time"), exc.message_fa)
            return False
        QMessageBox.information(self, self.tr("Service time"), self.tr(
            "The passport's service time is now %1 %2").replace("%1", display.number(value)).replace("%2", unit))
        return True
