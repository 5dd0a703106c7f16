"""Every control a keyboard reaches has a name a screen reader can say (the fast check over
Qt's widgets; test_atspi.py checks the same over the AT-SPI bus, as Orca reads it)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from govsvc_desktop.bootstrap import App
from govsvc_desktop.demo import generator as demo
from govsvc_desktop.ui.main_window import MainWindow
from govsvc_desktop.ui.pages import PAGES
from govsvc_desktop.ui.plans.plans_page import PlansPage
from tests.ui.walk import focusable, unnamed


def _all_pages(window: MainWindow) -> None:
    for spec in PAGES:
        window.tabs.setCurrentWidget(window._holders[spec.key][0])
        for tabs in window.page(spec.key).findChildren(type(window.tabs)):
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                unnamed_now = unnamed(window)
                assert unnamed_now == [], f"{spec.key}: {unnamed_now}"
    window.tabs.setCurrentIndex(0)


def test_main_window_controls_have_names(qtbot: QtBot, window: MainWindow, gui_app: App) -> None:
    demo.populate_all(gui_app, 20, seed=5)
    window.apply_filter()
    assert unnamed(window) == []
    _all_pages(window)
    assert len(focusable(window)) > 5


def test_passport_editor_controls_have_names(qtbot: QtBot, window: MainWindow, gui_app: App) -> None:
    demo.populate(gui_app.uow, 5)
    window.model.reload()
    editor = window.open_passport(window.model.uuid_at(0))
    assert editor is not None
    for i in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(i)
        assert unnamed(editor) == [], editor.tabs.tabText(i)
    cells = editor.bindings["steps"].rows  # type: ignore[attr-defined]
    assert cells and cells[0]["title"].widget.accessibleName().endswith("ردیف ۱")


def test_plan_editor_controls_have_names(qtbot: QtBot, window: MainWindow, gui_app: App) -> None:
    demo.populate_all(gui_app, 20, seed=5)
    page = window.page("plans")
    assert isinstance(page, PlansPage)
    plan = next(iter(gui_app.plans.find()))
    editor = page.open_plan(plan.uuid)
    assert editor is not None
    for i in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(i)
        assert unnamed(editor) == [], editor.tabs.tabText(i)


def test_tab_leaves_every_table(window: MainWindow) -> None:
    _all_pages(window)
    editor = window.new_passport()
    views = window.findChildren(QAbstractItemView) + editor.findChildren(QAbstractItemView)
    assert views and not [v for v in views if v.tabKeyNavigation()]
