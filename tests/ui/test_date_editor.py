"""The Jalali date field: either digit set while typing, a Jalali calendar, no sample value that
looks like data, and a message that says what is wrong and what is expected."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from govsvc_desktop.ui.main_window import MainWindow
from govsvc_desktop.ui.widgets.inputs import JalaliDateEdit, explain_date
from tests.ui.keyboard import type_text


def test_latin_digits_typed_show_as_persian(qtbot: QtBot) -> None:
    edit = JalaliDateEdit()
    qtbot.addWidget(edit)
    type_text(edit, "1403/4/2")
    assert edit.text() == "۱۴۰۳/۴/۲"
    assert edit.iso() == "2024-06-22"
    edit.editingFinished.emit()
    assert edit.text() == "۱۴۰۳/۰۴/۰۲"


def test_no_sample_value_in_an_empty_field(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.new_passport()
    qtbot.addWidget(editor)
    for name in ("reviewed_on", "approved_on", "electronic_target_date"):
        widget = editor.bindings[name].widget
        assert isinstance(widget, JalaliDateEdit)
        assert widget.text() == "" and widget.placeholderText() == ""
    assert not editor.bindings["approved_on"].widget.calendar_action.isVisible()  # type: ignore[attr-defined]


POPUP_ON_OFFSCREEN = pytest.mark.qt_log_ignore("This plugin does not support")  # popups offscreen


@POPUP_ON_OFFSCREEN
def test_calendar_is_jalali_and_picks_the_day(qtbot: QtBot) -> None:
    edit = JalaliDateEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.set_iso("2024-06-22")
    popup = edit.show_calendar()
    assert popup.calendar.calendar().name() == "Jalali"
    assert popup.calendar.selectedDate() == QDate(2024, 6, 22)
    shown = popup.calendar.calendar()
    assert (shown.monthsInYear(1403), shown.daysInMonth(12, 1403)) == (12, 30)  # leap Esfand
    popup.calendar.setSelectedDate(QDate(2025, 3, 20))
    grid = popup.calendar.findChild(QTableView)
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert edit.iso() == "2025-03-20"
    assert edit.text() == "۱۴۰۳/۱۲/۳۰"
    assert not popup.isVisible()


@POPUP_ON_OFFSCREEN
def test_alt_down_opens_the_calendar(qtbot: QtBot) -> None:
    edit = JalaliDateEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.keyClick(edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert edit.popup is not None and edit.popup.isVisible()


def test_wrong_dates_say_what_is_wrong_and_the_form_expected() -> None:
    assert "۱۴۰۳/۰۴/۰۲" in explain_date("1403-4")
    assert "۱۳" in explain_date("1403/13/01") and "۱۲" in explain_date("1403/13/01")
    assert "اسفند" in explain_date("1402/12/30") and "۲۹" in explain_date("1402/12/30")
    assert explain_date("1403/12/30") == ""  # 1403 is a leap year
    assert explain_date("۱۴۰۳/۰۴/۰۲") == ""


def test_editor_problem_names_the_field_and_the_expected_form(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.new_passport()
    qtbot.addWidget(editor)
    widget = editor.bindings["electronic_target_date"].widget
    type_text(widget, "1403/13/01")
    messages = [p.message_fa for p in editor.problems_now() if p.field_path == "electronic_target_date"]
    assert messages and "تاریخ الکترونیکی شدن" in messages[0] and "سال/ماه/روز" in messages[0]
    assert widget.toolTip()
