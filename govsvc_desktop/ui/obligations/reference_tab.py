"""The official lists on the Obligations page: which version of each is in force and where it
comes from, and the values typed before the lists that match no entry, with a button that
matches existing records again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from govsvc_desktop.domain.passport.labels import label_for_path
from govsvc_desktop.domain.reference import LIST_TITLES_FA, Unmatched
from govsvc_desktop.ui import display
from govsvc_desktop.ui.tasks import Task
from govsvc_desktop.ui.widgets.tables import fill_rows, record_table

if TYPE_CHECKING:
    from govsvc_desktop.bootstrap import App


class ReferenceTab(QWidget):
    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.task: Task | None = None
        layout = QVBoxLayout(self)
        self.versions = record_table([self.tr("List"), self.tr("Version"), self.tr("Source")])
        self.versions.setAccessibleName(self.tr("Official lists in force"))
        self.versions.setMaximumHeight(130)
        layout.addWidget(self.versions)
        bar = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        bar.addWidget(self.summary, 1)
        self.match_button = QPushButton(self.tr("Match existing records"))
        self.match_button.clicked.connect(lambda _=False: self.match())
        bar.addWidget(self.match_button)
        layout.addLayout(bar)
        self.unmatched = record_table([self.tr("Field"), self.tr("Value not in the lists"),
                                       self.tr("Records")])
        self.unmatched.setAccessibleName(self.tr("Values not in the lists"))
        layout.addWidget(self.unmatched, 1)
        self.refresh()

    def refresh(self, unmatched: list[Unmatched] | None = None, fixed: int | None = None) -> None:
        lists = self.app.reference.lists()
        fill_rows(self.versions, [(name, [LIST_TITLES_FA[name], display.digits(str(version)),
                                          lists.sources.get(name, "")])
                                  for name, version in sorted(lists.versions.items())])
        items = self.app.reference.unmatched(stored=True) if unmatched is None else unmatched
        fill_rows(self.unmatched, [((u.field, u.value), [label_for_path(u.field), u.value,
                                                         display.number(u.records)]) for u in items])
        text = self.tr("%1 values match no entry of the official lists; they are kept as flagged "
                       "free text.").replace("%1", display.number(len(items)))
        if fixed is not None:
            text = self.tr("%1 records were rewritten to the lists' spelling. ").replace(
                "%1", display.number(fixed)) + text
        self.summary.setText(text)

    def match(self) -> Task:
        """Matches every record again in the background (it reads and may rewrite them all)."""
        self.task = Task(self, self.tr("Matching records to the official lists…"),
                         self.app.reference.match_existing)
        self.task.done.connect(lambda report: self.refresh(report.unmatched, report.fixed))
        self.task.error.connect(lambda exc: QMessageBox.warning(
            self, self.tr("Official lists"), exc.message_fa))
        return self.task.start()
