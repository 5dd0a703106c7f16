"""GUI fixtures: a real database, the real main window, Persian translation loaded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from govsvc_desktop import config
from govsvc_desktop.bootstrap import App, build
from govsvc_desktop.ui.app import install_language, load_fonts
from govsvc_desktop.ui.main_window import MainWindow
from govsvc_desktop.ui.tasks import DbWorker
from tests import cups
from tests.approval_support import ALL_ROLES
from tests.engines import migrated_sqlite

# Qt's printing reads the print service's address once per process: point it, before any
# printer is made, at the socket the printing tests start their own print service on.
cups.claim_environment()


@pytest.fixture(scope="session", autouse=True)
def _persian(qapp: QApplication) -> None:
    install_language(qapp, "fa")
    load_fonts()


@pytest.fixture(autouse=True)
def _database_work_in_place() -> Iterator[None]:
    """Window tests read what a database operation gave at once; the threaded path of the
    database worker has tests of its own (tests/ui/test_db_worker.py)."""
    DbWorker.inline = True
    yield
    DbWorker.inline = False


@pytest.fixture(autouse=True)
def _closing_discards() -> Iterator[None]:
    """Widgets left with unsaved edits are closed at teardown; answer their question with
    "discard" instead of waiting for a click that never comes. Set up before qtbot, so it
    is still in place when qtbot closes the widgets."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
        yield


@pytest.fixture
def gui_app(tmp_path: Path, sqlite_template: Path) -> Iterator[App]:
    application = build(migrated_sqlite(sqlite_template, tmp_path),
                        settings=config.Settings(user_name="کاربر آزمون", roles=ALL_ROLES))
    yield application
    application.close()


@pytest.fixture
def window(qtbot, gui_app: App) -> MainWindow:  # type: ignore[no-untyped-def]
    w = MainWindow(gui_app)
    qtbot.addWidget(w)
    w.show()
    return w
