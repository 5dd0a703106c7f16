"""The window's database work runs on one serial thread and reports back on the GUI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from govsvc_desktop.bootstrap import App
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.ui.main_window import MainWindow
from govsvc_desktop.ui.tasks import DbWorker
from tests.fixtures import full_passport


@pytest.fixture
def threaded() -> None:
    DbWorker.inline = False


def test_operations_run_in_order_off_the_gui_thread_and_answer_on_it(qtbot, threaded: None) -> None:  # type: ignore[no-untyped-def]
    host = QWidget()
    qtbot.addWidget(host)
    worker = DbWorker(host)
    ran_on: list[str] = []
    answered_on: list[bool] = []
    results: list[int] = []

    def op(n: int) -> int:
        ran_on.append(threading.current_thread().name)
        return n

    def done(n: int) -> None:
        answered_on.append(QThread.currentThread() is QApplication.instance().thread())
        results.append(n)

    for n in range(5):
        worker.run(lambda n=n: op(n), done)
    assert worker.pending == 5
    qtbot.waitUntil(lambda: worker.pending == 0, timeout=5000)
    assert results == [0, 1, 2, 3, 4] and all(answered_on)
    assert len(set(ran_on)) == 1 and ran_on[0].startswith("govsvc-db")
    worker.shutdown()


def test_a_persian_error_reaches_the_failure_handler(qtbot, threaded: None) -> None:  # type: ignore[no-untyped-def]
    host = QWidget()
    qtbot.addWidget(host)
    worker = DbWorker(host)
    seen: list[str] = []

    def fail() -> None:
        raise GovsvcError("پایگاه داده در دسترس نیست")

    worker.run(fail, lambda _r: seen.append("ok"), failure=lambda exc: seen.append(exc.message_fa))
    qtbot.waitUntil(lambda: worker.pending == 0, timeout=5000)
    assert seen == ["پایگاه داده در دسترس نیست"]
    worker.shutdown()


def test_the_window_loads_its_list_on_the_database_thread(qtbot, gui_app: App, threaded: None,  # type: ignore[no-untyped-def]
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    gui_app.passports.save(full_passport())
    readers: list[str] = []
    page = gui_app.passports.page

    def spy_page(*args, **kwargs):  # type: ignore[no-untyped-def]
        readers.append(threading.current_thread().name)
        return page(*args, **kwargs)

    monkeypatch.setattr(gui_app.passports, "page", spy_page)
    window = MainWindow(gui_app)
    qtbot.addWidget(window)
    assert window.model.rowCount() == 0  # the window is up before the rows arrive
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5000)
    assert readers and all(name.startswith("govsvc-db") for name in readers)
    assert "۱" in window.status_label.text()
    window.db.shutdown()
