"""Backups from the window: *Back up now…*, *Restore from a backup…*, the time of the last
copy in the status bar (red when it is old), and the automatic copy when the window closes.

Copies and checks run in a worker with a progress dialog, so the window stays usable while a
large database is copied.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMenu, QMessageBox

from govsvc_desktop.domain.calendar import format_jalali_datetime
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.domain.persian import format_int
from govsvc_desktop.services.backups import BackupService, DatabaseFile, RestoreResult
from govsvc_desktop.ui.keyboard import shortcut
from govsvc_desktop.ui.tasks import Task

log = logging.getLogger(__name__)
AUTOMATIC_CHECK_MS = 60 * 60 * 1000  # a window left open for days still gets its daily copy


def _when(at: dt.datetime) -> str:
    return format_jalali_datetime(at.astimezone())


class BackupActions(QObject):
    """The window's backup menu, status and closing copy, for the window's database."""

    restored = Signal(object)  # RestoreResult, once the copy is back in place
    copied = Signal()  # an automatic copy made in the background

    def __init__(self, window: QMainWindow, service: BackupService, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.service = service
        self.task: Task | None = None
        self.label = QLabel()
        self.label.setObjectName("last_backup")
        window.statusBar().addPermanentWidget(self.label)
        self.back_up_action = menu.addAction(self.tr("&Back up now…"))
        shortcut(self.back_up_action, "Ctrl+Shift+B")
        self.back_up_action.triggered.connect(lambda: self.back_up())
        self.restore_action = menu.addAction(self.tr("&Restore from a backup…"))
        shortcut(self.restore_action, "Ctrl+Shift+R")
        self.restore_action.triggered.connect(lambda: self.choose_restore())
        if service.shared:
            for action in (self.back_up_action, self.restore_action):
                action.setEnabled(False)
                action.setToolTip(self.tr("On a server the administrator backs up with pg_dump "
                                          "(db backup)."))
        self.show_status()
        self.background: threading.Thread | None = None
        self.copied.connect(self.show_status)
        self.timer = QTimer(self, interval=AUTOMATIC_CHECK_MS)
        self.timer.timeout.connect(self.automatic_in_background)
        self.timer.start()

    # status
    def show_status(self) -> None:
        if self.service.shared:
            self.label.setVisible(False)
            return
        last = self.service.last_backup()
        old = self.service.backup_is_old()
        if last is None:
            text = self.tr("No backup yet")
        else:
            text = self.tr("Last backup: {when}").format(when=_when(last.at))
        if old:
            text = self.tr("{status} — back up now (Tools menu)").format(status=text)
        self.label.setText(text)
        self.label.setProperty("old", old)
        self.label.setStyleSheet("color: white; background: #b00020; padding: 2px 6px" if old else "")

    def _message(self, text: str) -> None:
        QMessageBox.information(self.window, self.tr("Backups"), text)

    def _failed(self, exc: GovsvcError) -> None:
        QMessageBox.warning(self.window, self.tr("Backups"), exc.message_fa)

    def _run(self, label: str, job: Callable[..., object],
             done: Callable[[object], None]) -> Task:
        self.task = Task(self.window, label, job)
        self.task.done.connect(done)
        self.task.error.connect(self._failed)
        return self.task.start()

    # back up now
    def back_up(self, target: str = "") -> Task | None:
        if not target:
            target = QFileDialog.getExistingDirectory(
                self.window, self.tr("Back up to which folder or USB stick?"))
        if not target:
            return None
        return self._run(self.tr("Backing up…"),
                         lambda progress: self.service.back_up(Path(target), progress),
                         self._backed_up)

    def _backed_up(self, made: object) -> None:
        self.show_status()
        if isinstance(made, DatabaseFile):
            self._message(self.tr("The backup was written and checked: {path} ({n} passports).")
                          .format(path=str(made.path), n=format_int(made.passports)))

    # restore
    def choose_restore(self, source: str = "") -> Task | None:
        if not source:
            source, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Restore from a backup"), "",
                self.tr("Backups (*.sqlite3 *.db *.bak);;All files (*)"))
        if not source:
            return None
        path = Path(source)
        return self._run(self.tr("Checking the backup…"),
                         lambda _progress: self.service.check_backup(path),
                         lambda checked: self._confirm_restore(path, checked))

    def confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self.window, self.tr("Restore from a backup"), question,
                                      QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _confirm_restore(self, path: Path, checked: object) -> None:
        assert isinstance(checked, DatabaseFile)
        question = self.tr(
            "«{name}» is a sound database of this program with {n} passports.\n"
            "Replace the data you are working on with it? The current database is kept aside "
            "first, and open windows are closed.").format(name=path.name,
                                                          n=format_int(checked.passports))
        if not self.confirm(question):
            return
        self._run(self.tr("Restoring…"),
                  lambda progress: self.service.restore(path, progress), self._restored)

    def _restored(self, result: object) -> None:
        assert isinstance(result, RestoreResult)
        self.restored.emit(result)

    # automatic copies
    def automatic_in_background(self) -> threading.Thread | None:
        """While the program stays open: the daily copy in a background thread, silently."""
        if (self.background is not None and self.background.is_alive()) \
                or not self.service.automatic_due():
            return None
        self.background = threading.Thread(target=self._automatic, daemon=True)
        self.background.start()
        return self.background

    def _automatic(self) -> None:
        try:
            if self.service.automatic() is not None:
                self.copied.emit()
        except GovsvcError as exc:
            log.warning("automatic backup failed: %s", exc.message_fa)

    def on_close(self) -> None:
        """The automatic copy, when one is due; a failure is logged, never keeps the window."""
        self.timer.stop()
        if self.background is not None:
            self.background.join()
        self._automatic()
