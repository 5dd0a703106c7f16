"""A day with the keyboard only: focus where work starts, Ctrl+F, closing with Escape or Ctrl+W,
every command in a menu with keys, and a word after Save and after a clean rules check."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from govsvc_desktop.bootstrap import App
from govsvc_desktop.ui.app import install_language
from govsvc_desktop.ui.main_window import MainWindow
from govsvc_desktop.ui.passport_editor import PassportEditor
from govsvc_desktop.ui.widgets.tables import select_row
from tests.fixtures import full_passport
from tests.ui.keyboard import type_text


def _menu_actions(window: MainWindow | PassportEditor) -> list[QAction]:
    bar = window.menuBar() if isinstance(window, MainWindow) else window.layout().menuBar()  # type: ignore[union-attr]
    return [a for menu in bar.actions() for a in menu.menu().actions() if not a.isSeparator()]  # type: ignore[union-attr]


def test_new_editor_starts_in_its_first_field(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.new_passport()
    qtbot.addWidget(editor)
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.first_field())


def test_ctrl_f_reaches_the_search_box(qtbot: QtBot, window: MainWindow) -> None:
    window.table.setFocus()
    window.find_action.trigger()
    assert QApplication.focusWidget() is window.search or window.search.hasFocus()
    assert QKeySequence(QKeySequence.StandardKey.Find) in window.find_action.shortcuts()
    plans = window.page("plans")
    window.tabs.setCurrentWidget(plans.parentWidget())
    assert window.focus_search() is plans.search  # type: ignore[attr-defined]


@pytest.mark.parametrize("keys", [QKeySequence(Qt.Key.Key_Escape), QKeySequence("Ctrl+W")])
def test_escape_and_ctrl_w_close_the_editor(qtbot: QtBot, window: MainWindow, keys: QKeySequence) -> None:
    editor = window.new_passport()
    qtbot.addWidget(editor)
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    qtbot.keyClick(editor.first_field(), keys[0].key(), keys[0].keyboardModifiers())
    qtbot.waitUntil(lambda: not editor.isVisible())


def test_every_command_is_in_a_menu_with_keys(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.new_passport()
    qtbot.addWidget(editor)
    for w in (window, editor):
        actions = _menu_actions(w)
        assert actions and [a.text() for a in actions if not a.shortcuts()] == []
        toolbars = [a for bar in w.findChildren(type(editor.toolbar)) if bar.window() is w
                    for a in bar.actions() if not a.isSeparator()]
        assert set(toolbars) <= set(actions)
    texts = [a.text() for a in _menu_actions(window) + _menu_actions(editor)]
    assert any(QKeySequence(QKeySequence.StandardKey.Quit) in a.shortcuts() for a in _menu_actions(window))
    assert all("&" in t for t in texts)  # a mnemonic in Persian
    assert all("&" in m.text() for m in window.menuBar().actions())


def test_english_menus_have_mnemonics_too(qtbot: QtBot, gui_app: App, qapp: QApplication) -> None:
    install_language(qapp, "en")
    try:
        window = MainWindow(gui_app)
        qtbot.addWidget(window)
        assert "E&xit" in [a.text() for a in _menu_actions(window)]
        assert all("&" in a.text() for a in _menu_actions(window))
    finally:
        install_language(qapp, "fa")


def test_save_and_a_clean_check_say_so(qtbot: QtBot, window: MainWindow, gui_app: App) -> None:
    gui_app.passports.save(full_passport())
    editor = window.open_passport(full_passport().uuid)
    assert editor is not None
    qtbot.addWidget(editor)
    type_text(editor.bindings["title"].widget, " ۲")
    assert editor.save()
    assert "ذخیره شد" in editor.status.currentMessage()
    editor.check_rules()
    assert editor.problem_count == 0 and "کمبودی نیست" in editor.status.currentMessage()


def test_delete_names_the_draft_and_defaults_to_no(qtbot: QtBot, window: MainWindow, gui_app: App,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    gui_app.passports.save(replace(full_passport(), title="پروانه آزمایشی حذف"))
    window.model.reload()
    select_row(window.table, 0)
    asked: list[tuple[str, object]] = []

    def question(_parent: object, _title: str, text: str, buttons: object = None, default: object = None) -> object:
        asked.append((text, default))
        return default

    monkeypatch.setattr(QMessageBox, "question", question)
    window.delete_selected()
    assert "پروانه آزمایشی حذف" in asked[0][0]
    assert asked[0][1] == QMessageBox.StandardButton.No
    assert gui_app.passports.count() == 1


def test_problem_fields_keep_a_visible_focus(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.new_passport()
    qtbot.addWidget(editor)
    editor.refresh_problems()
    style = editor.bindings["title"].widget.styleSheet()
    assert "#c62828" in style and ":focus" in style
    assert "QPushButton" not in editor.bindings["steps"].widget.styleSheet()
    assert "item:focus" in window.table.styleSheet()  # the current cell of the list is framed


def _letters(actions: list[QAction]) -> list[str]:
    letters = []
    for action in actions:
        text = action.text()
        at = text.find("&")
        letters.append(text[at + 1].lower() if at >= 0 else "")
    return letters


def test_mnemonics_are_unique_within_each_menu(qtbot: QtBot, window: MainWindow, qapp: QApplication) -> None:
    for language in ("fa", "en"):
        install_language(qapp, language)
        try:
            main = MainWindow(window.app)
            qtbot.addWidget(main)
            editor = main.new_passport()
            qtbot.addWidget(editor)
            bars = [main.menuBar(), editor.layout().menuBar()]  # type: ignore[union-attr]
            for bar in bars:
                for menu_action in bar.actions():  # type: ignore[union-attr]
                    letters = _letters([a for a in menu_action.menu().actions() if not a.isSeparator()])
                    assert len(letters) == len(set(letters)), (language, menu_action.text(), letters)
        finally:
            install_language(qapp, "fa")
