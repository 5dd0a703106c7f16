"""Long work off the GUI thread: a worker thread, results back by signal, a progress dialog
that appears only when the work takes longer than half a second, and a cancel button."""

from __future__ import annotations

import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from govsvc_desktop.domain.errors import GovsvcError

Progress = Callable[[int, int], bool]
T = TypeVar("T")


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


@dataclass
class _Done:
    success: Callable[[Any], None]
    failure: Callable[[GovsvcError], None] | None
    result: Any = None
    error: BaseException | None = None
    progress: _LateProgress | None = None


class _LateProgress(QObject):
    """A busy indicator shown in place only when the work takes longer than half a second,
    so quick reads never flash a dialog."""

    DELAY_MS = 500

    def __init__(self, parent: QWidget, label: str) -> None:
        super().__init__(parent)
        self.dialog: QProgressDialog | None = None
        self.label = label
        self.timer = QTimer(self, singleShot=True, interval=self.DELAY_MS)
        self.timer.timeout.connect(self._show)
        self.timer.start()

    def _show(self) -> None:
        parent = self.parent()
        assert isinstance(parent, QWidget)
        self.dialog = QProgressDialog(self.label, "", 0, 0, parent)
        self.dialog.setCancelButton(None)
        self.dialog.setWindowTitle(parent.window().windowTitle())
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.show()

    def close(self) -> None:
        self.timer.stop()
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
        self.deleteLater()


class DbWorker(QObject):
    """The window's database work on one serial thread, as Anki's task manager does it: reads
    and writes run in order, one at a time, off the GUI thread, and their outcome comes back on
    the GUI thread — ``success(result)``, or ``failure(error)`` for an error the person can
    act on (a warning box when no handler is given). Anything else is a bug and goes to the
    program-error dialog. A busy indicator appears only after about half a second.

    ``inline`` runs each operation in place instead (set by the GUI tests, which then read the
    results at once; the threaded path has tests of its own)."""

    inline = False
    _finished = Signal(object)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="govsvc-db")
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.pending = 0

    def run(self, op: Callable[[], T], success: Callable[[T], None], *,
            failure: Callable[[GovsvcError], None] | None = None, label: str = "") -> None:
        """Queues ``op``; ``label`` names the work if it has to be shown as busy."""
        parent = self.parent()
        assert isinstance(parent, QWidget)
        self.pending += 1
        if self.inline:
            try:
                done = _Done(success, failure, result=op())
            except Exception as exc:  # delivered exactly as the thread would deliver it
                done = _Done(success, failure, error=exc)
            self._deliver(done)
            return
        progress = _LateProgress(parent, label) if label else None

        def job() -> None:
            try:
                done = _Done(success, failure, result=op(), progress=progress)
            except Exception as exc:  # delivered to the GUI thread, shown there
                done = _Done(success, failure, error=exc, progress=progress)
            self._finished.emit(done)

        self._pool.submit(job)

    def _deliver(self, done: _Done) -> None:
        self.pending -= 1
        if done.progress is not None:
            done.progress.close()
        error = done.error
        if error is None:
            done.success(done.result)
        elif isinstance(error, GovsvcError):
            if done.failure is not None:
                done.failure(error)
            else:
                parent = self.parent()
                assert isinstance(parent, QWidget)
                QMessageBox.warning(parent, parent.window().windowTitle(), error.message_fa)
        else:
            sys.excepthook(type(error), error, error.__traceback__)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
