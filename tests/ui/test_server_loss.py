"""Shared mode in the window: a lost server is shown at once, typed text is kept, work resumes."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtWidgets import QMessageBox

from govsvc_desktop.bootstrap import build
from govsvc_desktop.ui.main_window import MainWindow
from tests.fixtures import full_passport
from tests.pg import ROOT, private_server
from tests.ui.keyboard import type_text

pytestmark = pytest.mark.postgres
SCRIPT = str(ROOT / "scripts" / "pg.sh")


def test_lost_server_is_shown_drafts_kept_and_saving_resumes(
        qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: warnings.append(text))
    with private_server(54392) as (url, env):
        app = build(url)
        app.passports.save(full_passport())
        window = MainWindow(app)
        qtbot.addWidget(window)
        editor = window.open_passport(full_passport().uuid)
        assert editor is not None
        subprocess.run([SCRIPT, "kill"], env=env, check=True)
        window.refresh_if_changed()
        assert window.offline and "ارتباط با کارگزار" in window.offline_label.text()
        type_text(editor.bindings["benefits"].widget, " و پاسخ‌گویی")
        editor.autosave()
        assert not editor.save() and "ارتباط با کارگزار" in warnings[-1]
        kept = {d.passport.uuid: d.passport for d in editor.drafts.load_all()}
        assert kept[full_passport().uuid].benefits.endswith("و پاسخ‌گویی")
        subprocess.run([SCRIPT, "up"], env=env, check=True, capture_output=True)
        window.refresh_if_changed()
        assert not window.offline
        assert editor.save()
        assert app.passports.get(full_passport().uuid).benefits.endswith("و پاسخ‌گویی")
        assert editor.drafts.load_all() == []
        app.close()
