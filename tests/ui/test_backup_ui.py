"""Backups from the window: back up now in a worker, the status bar, restore with a question
first and the window reopened on the restored data, and the copy made on closing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from govsvc_desktop import config
from govsvc_desktop.bootstrap import App
from govsvc_desktop.demo import generator as demo
from govsvc_desktop.ui.main_window import MainWindow
from govsvc_desktop.ui.settings_dialog import SettingsDialog
from tests.fixtures import full_passport


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _parent, _title, text, *a, **k: messages.append(text))
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text, *a, **k: messages.append(text))
    return messages


def _answer(monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *a: object, **k: object) -> object:
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_back_up_now_runs_in_a_worker_and_shows_the_time(
        qtbot, window: MainWindow, gui_app: App, tmp_path: Path,  # type: ignore[no-untyped-def]
        told: list[str]) -> None:
    demo.populate(gui_app.uow, 20)
    label = window.backups.label
    assert label.property("old") is True and "پشتیبان" in label.text()
    stick = tmp_path / "usb"
    stick.mkdir()
    task = window.backups.back_up(str(stick))
    assert task is not None and task.wait()
    qtbot.waitUntil(lambda: bool(told))
    copies = list(stick.glob("govsvc-*.sqlite3"))
    assert len(copies) == 1 and str(copies[0]) in told[0]
    assert label.property("old") is False
    assert "آخرین پشتیبان" in label.text() and "۱۴" in label.text()


def test_restore_asks_then_reopens_on_the_restored_data(
        qtbot, window: MainWindow, gui_app: App, tmp_path: Path,  # type: ignore[no-untyped-def]
        told: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    demo.populate(gui_app.uow, 12)
    copy = tmp_path / "copy.sqlite3"
    window.backups.service.back_up(copy)
    gui_app.passports.save(full_passport())
    assert gui_app.passports.count() == 13

    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    task = window.backups.choose_restore(str(copy))
    assert task is not None and task.wait()
    qtbot.waitUntil(lambda: bool(asked))
    assert "۱۲" in asked[0]
    assert gui_app.passports.count() == 13  # said no: nothing replaced

    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    task = window.backups.choose_restore(str(copy))
    assert task is not None and task.wait()
    qtbot.waitUntil(lambda: bool(asked))
    qtbot.waitUntil(lambda: window.backups.task is not None and window.backups.task.wait(100)
                    and window.successor is not None, timeout=20_000)
    successor = window.successor
    assert successor is not None
    qtbot.addWidget(successor)
    assert successor.app.passports.count() == 12 and successor.model.total == 12
    assert not window.isVisible()
    assert any(".before-restore-" in m for m in told)


def test_a_damaged_backup_is_refused_in_the_window(
        qtbot, window: MainWindow, gui_app: App, tmp_path: Path,  # type: ignore[no-untyped-def]
        told: list[str]) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database at all" * 100)
    task = window.backups.choose_restore(str(bad))
    assert task is not None and task.wait()
    qtbot.waitUntil(lambda: bool(told))
    assert "SQLite" in told[0]


def test_closing_the_window_makes_the_automatic_copy(
        qtbot, gui_app: App, told: list[str]) -> None:  # type: ignore[no-untyped-def]
    demo.populate(gui_app.uow, 5)
    w = MainWindow(gui_app)
    qtbot.addWidget(w)
    w.show()
    w.close()
    copies = list(config.backup_dir().glob("govsvc-auto-*.sqlite3"))
    assert len(copies) == 1
    w2 = MainWindow(gui_app)
    qtbot.addWidget(w2)
    w2.close()  # at most once a day
    assert len(list(config.backup_dir().glob("govsvc-auto-*.sqlite3"))) == 1


def test_a_window_left_open_makes_its_daily_copy_in_the_background(
        qtbot, window: MainWindow, gui_app: App, told: list[str]) -> None:  # type: ignore[no-untyped-def]
    demo.populate(gui_app.uow, 5)
    assert window.backups.timer.isActive()
    thread = window.backups.automatic_in_background()
    assert thread is not None
    thread.join(30)
    qtbot.waitUntil(lambda: window.backups.label.property("old") is False)
    assert len(list(config.backup_dir().glob("govsvc-auto-*.sqlite3"))) == 1
    assert window.backups.automatic_in_background() is None  # once a day
    assert told == []  # silently


def test_backup_settings_round_trip(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(config.Settings(backup_keep_days=3, agency_name="اداره"))
    qtbot.addWidget(dialog)
    dialog.backup_weeks.setValue(9)
    dialog.backup_automatic.setChecked(False)
    result = dialog.result_settings()
    assert (result.backup_keep_days, result.backup_keep_weeks, result.backup_automatic) == (3, 9, False)
    assert result.agency_name == "اداره"
