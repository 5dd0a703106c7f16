"""Publishing the website from the Obligations page: the dialog's choices reach the export,
the work runs in the background with progress and cancel, and the report is shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from govsvc_desktop.bootstrap import App
from govsvc_desktop.domain.passport.queries import PassportFilter
from govsvc_desktop.ui.main_window import MainWindow
from govsvc_desktop.ui.obligations.catalogue_dialog import CatalogueChoice, CatalogueDialog
from govsvc_desktop.ui.obligations.obligations_page import ObligationsPage
from tests.catalogue_support import EXPIRED_TITLE, special_passports


def _page(window: MainWindow, gui_app: App) -> ObligationsPage:
    from govsvc_desktop.demo import generator as demo

    demo.populate_all(gui_app, 40, seed=3)
    with gui_app.uow() as uow:
        for p in special_passports(gui_app.passports.today()):
            uow.passports.insert(p)
        uow.commit()
    page = window.page("obligations")
    assert isinstance(page, ObligationsPage)
    return page


def test_publish_from_the_obligations_page_shows_the_report(qtbot: QtBot, window: MainWindow,
                                                            gui_app: App, tmp_path: Path) -> None:
    page = _page(window, gui_app)
    folder = tmp_path / "site"
    task = page.publish_catalogue(CatalogueChoice(str(folder), "", "", PassportFilter()))
    assert task is not None
    with qtbot.waitSignal(task.done, timeout=60_000):
        pass
    report = page.catalogue_report
    assert report is not None and report.published > 0
    assert (folder / "index.html").exists() and (folder / "catalogue.jsonld").exists()
    box = page.catalogue_message
    assert box is not None and box.icon() is QMessageBox.Icon.Information
    assert "منتشر شد" in box.text() and EXPIRED_TITLE in box.detailedText()
    box.close()


def test_a_refused_folder_is_explained_and_a_cancel_keeps_it_empty(
        qtbot: QtBot, window: MainWindow, gui_app: App, tmp_path: Path) -> None:
    page = _page(window, gui_app)
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "a.txt").write_text("x")
    task = page.publish_catalogue(CatalogueChoice(str(tmp_path / "mine"), "", "", PassportFilter()))
    assert task is not None
    with qtbot.waitSignal(task.error, timeout=60_000):
        pass
    box = page.catalogue_message
    assert box is not None and box.icon() is QMessageBox.Icon.Warning and "خالی نیست" in box.text()
    box.close()
    task = page.publish_catalogue(CatalogueChoice(str(tmp_path / "new"), "", "", PassportFilter()))
    assert task is not None
    task.worker.cancelled = True  # the Cancel button of the progress dialog
    with qtbot.waitSignal(task.error, timeout=60_000):
        pass
    assert not (tmp_path / "new").exists()
    assert page.catalogue_message is not None and "لغو" in page.catalogue_message.text()
    page.catalogue_message.close()


def test_the_dialog_turns_its_fields_into_a_filter(qtbot: QtBot, gui_app: App) -> None:
    from govsvc_desktop.demo import generator as demo

    demo.populate(gui_app.uow, 30, seed=2)
    dialog = CatalogueDialog(gui_app)
    qtbot.addWidget(dialog)
    dialog._accept()
    assert "پوشه" in dialog.problem.text() and dialog.result() == 0
    dialog.folder.setText("/tmp/site")
    dialog.title.setText("خدمات ما")
    dialog.province.setCurrentIndex(1)
    dialog.nature.setCurrentIndex(dialog.nature.findData("supportive"))
    dialog.electronic.setCurrentIndex(dialog.electronic.findData("no"))
    choice = dialog.choice()
    assert choice.folder == "/tmp/site" and choice.title == "خدمات ما"
    assert choice.filter.province == dialog.province.currentText() != ""
    assert choice.filter.nature is not None and choice.filter.nature.value == "supportive"
    assert choice.filter.electronic is False
    buddies = [w for w in dialog.findChildren(QLabel) if w.buddy() is not None]
    assert {b.buddy() for b in buddies} >= {dialog.province, dialog.nature, dialog.electronic}
