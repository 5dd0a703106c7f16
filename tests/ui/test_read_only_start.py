"""The window opens a read-only database for reading and says so, in Persian, at once."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from govsvc_desktop import config
from govsvc_desktop.bootstrap import build
from govsvc_desktop.demo import generator as demo
from govsvc_desktop.ui import app as app_module


def test_a_read_only_database_opens_with_a_notice(
        qtbot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "shared.sqlite3"
    made = build(str(db), settings=config.Settings())
    demo.populate_all(made, 5, 1)
    made.close()
    db.chmod(stat.S_IRUSR)
    before = db.read_bytes()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    window = app_module.start(qapp, str(db), demo_on_first_start=False)
    assert window is not None
    qtbot.addWidget(window)
    assert len(shown) == 1 and "فقط برای خواندن" in shown[0]
    assert window.app.passports.count() == 5
    window.close()
    window.app.close()
    db.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert db.read_bytes() == before
