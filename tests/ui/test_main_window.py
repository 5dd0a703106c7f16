from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt

from govsvc_desktop.bootstrap import App
from govsvc_desktop.demo import generator as demo
from govsvc_desktop.domain.choices import Status
from govsvc_desktop.ui.main_window import MainWindow
from govsvc_desktop.ui.models import PAGE, PassportTableModel
from tests.fixtures import full_passport
from tests.ui.keyboard import type_text


def test_model_passes_the_model_tester(qtmodeltester, gui_app: App) -> None:  # type: ignore[no-untyped-def]
    demo.populate(gui_app.uow, 50)
    model = PassportTableModel(gui_app.passports)
    qtmodeltester.check(model)


def test_list_fetches_lazily(gui_app: App) -> None:
    total = 2 * PAGE + PAGE // 2
    demo.populate(gui_app.uow, total)
    model = PassportTableModel(gui_app.passports)
    assert model.total == total and model.rowCount() == PAGE
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * PAGE
    model.fetchMore(QModelIndex())
    assert model.rowCount() == total and not model.canFetchMore(QModelIndex())


def test_sorting_is_done_by_the_database(gui_app: App) -> None:
    demo.populate(gui_app.uow, 300)
    model = PassportTableModel(gui_app.passports)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    ids = [r.service_id for r in model.rows]
    assert ids == sorted(ids, reverse=True)


def test_search_box_and_status_filter(qtbot, window: MainWindow, gui_app: App) -> None:  # type: ignore[no-untyped-def]
    gui_app.passports.save(replace(full_passport(), title="صدور پروانه یکتای آزمایشی"))
    demo.populate(gui_app.uow, 100, seed=4)
    window.model.reload()
    type_text(window.search, "يكتاي آزمايشي")
    qtbot.waitUntil(lambda: window.model.total == 1, timeout=3000)
    assert window.model.rows[0].uuid == full_passport().uuid
    assert "۱" in window.status_label.text()
    window.search.clear()
    window.status_filter.setCurrentIndex(window.status_filter.findData(Status.ACCEPTED))
    qtbot.waitUntil(lambda: window.model.total > 0 and all(r.status is Status.ACCEPTED for r in window.model.rows))


def test_others_changes_appear_without_restart(window: MainWindow, gui_app: App) -> None:
    assert window.model.total == 0
    gui_app.passports.save(full_passport())  # as if another user saved it
    window.refresh_if_changed()
    assert window.model.total == 1


def test_window_is_right_to_left_and_persian(window: MainWindow) -> None:
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.tabs.tabText(0) == "شناسنامه خدمات"
    assert window.model.headerData(1, Qt.Orientation.Horizontal) == "عنوان"


def test_pages_are_built_when_first_shown(window: MainWindow) -> None:
    from govsvc_desktop.ui.bundles import SendPage

    assert window.pages == {}
    index = next(i for i in range(window.tabs.count()) if window.tabs.tabText(i) == "ارسال")
    window.tabs.setCurrentIndex(index)
    assert isinstance(window.pages["send"], SendPage) and window.pages["send"].isVisible()
    assert window.page("send") is window.pages["send"]


def test_a_new_name_in_settings_stamps_plans_and_agency_records(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                                gui_app: App) -> None:
    """Settings reach every service at once: no restart, no service keeps the old person."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from govsvc_desktop.domain.agency.cycle import LessonLearned
    from govsvc_desktop.services.agency import LESSONS
    from govsvc_desktop.ui.settings_dialog import SettingsDialog

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        dialog.name.setText("نرگس تازه‌وارد")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, fill)
    window.edit_settings()
    assert gui_app.actor.name == "نرگس تازه‌وارد"
    passport = gui_app.passports.save(full_passport()).passport
    plan = gui_app.plans.new_plan(passport.uuid)
    saved = gui_app.plans.save(plan)
    lesson = gui_app.agency.save(LESSONS, LessonLearned(title="درس نخست", lesson="ثبت شد"))
    stamped = [h.actor for h in gui_app.plans.history(saved.uuid)]  # type: ignore[attr-defined]
    stamped += [h.actor for h in gui_app.plans.history(lesson.uuid)]  # type: ignore[attr-defined]
    assert stamped == ["نرگس تازه‌وارد", "نرگس تازه‌وارد"]
    assert gui_app.compliance.session is gui_app.passports.session is gui_app.bundles.passports.session


def test_a_write_anywhere_in_the_program_refreshes_the_list_at_once(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                                   gui_app: App) -> None:
    """No waiting for the five-second poll: the window hears of every committed write."""
    window._live.stop()  # only the program's own announcement may refresh the list here
    before = window.model.total
    gui_app.passports.save(full_passport("00000000-0000-4000-8000-00000000a001"))
    qtbot.waitUntil(lambda: window.model.total == before + 1, timeout=2000)
    assert "00000000-0000-4000-8000-00000000a001" in [r.uuid for r in window.model.rows]
