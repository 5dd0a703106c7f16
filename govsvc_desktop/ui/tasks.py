"""Long work off the GUI thread: a worker thread, results back by signal, a progress dialog
that appears only when the work takes longer than half a second, and a cancel button."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..domain.errors import GovsvcError

Progress = Callable[[int, int], bool]


class _Worker(QThread):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, job: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.job = job
        self.cancelled = False

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self.cancelled

    def run(self) -> None:
        try:
            result = self.job(self._progress)
        except Exception as exc:  # delivered to the GUI thread, shown there
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)


class Task(QObject):
    """Runs ``job(progress)`` in a thread; ``done(result)`` or ``error(exc)`` on the GUI thread."""

    done = Signal(object)
    error = Signal(object)

    def __init__(self, parent: QWidget | None, label: str, job: Callable[[Progress], Any]) -> None:
        super().__init__(parent)
        self.worker = _Worker(job)
        self.dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, parent)
        self.dialog.setMinimumDuration(500)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self._cancel)
        self.worker.progressed.connect(self._progress)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)

    def start(self) -> Task:
        self.dialog.reset()
        self.worker.start()
        return self

    def wait(self, msecs: int = 60_000) -> bool:
        """For tests and shutdown: blocks until the thread ends."""
        return self.worker.wait(msecs)

    def _cancel(self) -> None:
        self.worker.cancelled = True

    def _progress(self, done: int, total: int) -> None:
        if total:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def _finish(self) -> None:
        self.dialog.hide()
        self.dialog.deleteLater()

    def _succeeded(self, result: object) -> None:
        self._finish()
        self.done.emit(result)

    def _failed(self, exc: object) -> None:
        self._finish()
        if isinstance(exc, GovsvcError):
            self.error.emit(exc)
        else:
            raise exc  # type: ignore[misc]  # reaches the excepthook: logged and shown
