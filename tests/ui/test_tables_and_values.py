"""Tables fit what they hold (at the default size, after Save and Discard) and remember the
widths people set; values show as people read them: Jalali dates, local times, grouped digits
of the language, codes by their labels, signs and paths that read the right way."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from govsvc_desktop.bootstrap import App
from govsvc_desktop.demo import generator as demo
from govsvc_desktop.domain.errors import Problem
from govsvc_desktop.ui import display
from govsvc_desktop.ui.app import install_language
from govsvc_desktop.ui.fields import PartTableBinding
from govsvc_desktop.ui.main_window import MainWindow
from tests.fixtures import full_passport
from tests.ui.keyboard import type_text


def _cut_columns(view: QTableView) -> list[int]:
    """Columns (all but the stretched last) narrower than what they show."""
    header = view.horizontalHeader()
    return [c for c in range(header.count() - 1)
            if header.sectionSize(c) + 1 < min(view.sizeHintForColumn(c), int(view.viewport().width() * 0.35))]


def test_passport_list_fits_at_the_default_size(qtbot: QtBot, window: MainWindow, gui_app: App) -> None:
    demo.populate(gui_app.uow, 60)
    window.apply_filter()
    qtbot.waitExposed(window)
    assert _cut_columns(window.table) == []


def test_part_tables_fit_after_save_and_discard(qtbot: QtBot, window: MainWindow, gui_app: App) -> None:
    gui_app.passports.save(full_passport())
    editor = window.open_passport(full_passport().uuid)
    assert editor is not None
    qtbot.addWidget(editor)
    editor.tabs.setCurrentIndex(1)
    laws = editor.bindings["legal_bases"]
    assert isinstance(laws, PartTableBinding)
    type_text(editor.bindings["title"].widget, " ۲")
    assert editor.save()
    assert _cut_columns(laws.table) == [] and laws.table.horizontalHeader().stretchLastSection()
    type_text(editor.bindings["title"].widget, " ۳")
    editor.discard_changes()
    assert _cut_columns(laws.table) == [] and laws.table.horizontalHeader().stretchLastSection()


def test_column_widths_are_remembered(qtbot: QtBot, gui_app: App) -> None:
    first = MainWindow(gui_app)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.table.horizontalHeader().resizeSection(2, 333)
    first.close()
    second = MainWindow(gui_app)
    qtbot.addWidget(second)
    second.show()
    assert second.table.horizontalHeader().sectionSize(2) == 333


def test_history_reads_like_text(qtbot: QtBot, window: MainWindow, gui_app: App) -> None:
    saved = gui_app.passports.save(full_passport()).passport
    gui_app.passports.save(replace(saved, electronic_target_date="2024-08-26", direct_cost_rials=1500000,
                                   nature=type(saved.nature)("supportive")))
    editor = window.open_passport(saved.uuid)
    assert editor is not None
    qtbot.addWidget(editor)
    table = editor.history.table
    cells = [table.item(r, c).text() for r in range(table.rowCount()) for c in range(table.columnCount())]
    joined = " ".join(cells)
    assert "۱۴۰۳/۰۶/۰۵" in joined and "۱٬۵۰۰٬۰۰۰" in joined and "حمایتی" in joined
    assert not any(ch in joined for ch in "0123456789")
    assert "T" not in " ".join(table.item(r, 0).text() for r in range(table.rowCount()))


def test_record_moments_show_local_and_jalali(qtbot: QtBot, window: MainWindow, gui_app: App) -> None:
    gui_app.passports.save(full_passport())
    editor = window.open_passport(full_passport().uuid)
    assert editor is not None
    qtbot.addWidget(editor)
    created = editor.bindings["created_at"].widget.text()  # type: ignore[attr-defined]
    assert created and "T" not in created and not any(ch in created for ch in "0123456789")
    assert created.startswith("۱۴")
    assert editor.current().created_at == gui_app.passports.get(full_passport().uuid).created_at


def test_values_as_people_read_them() -> None:
    assert display.number(-5000) == "\u2066-۵٬۰۰۰\u2069"
    assert display.rials(12500000) == "۱۲٬۵۰۰٬۰۰۰ ریال"
    assert display.date("2024-06-22") == "۱۴۰۳/۰۴/۰۲" and display.date(None, "—") == "—"
    moment = dt.datetime(2026, 9, 25, 9, 51, tzinfo=dt.UTC)
    assert display.moment(moment.isoformat()) == display.moment(moment.astimezone())
    assert display.ltr("/tmp/x.pdf") == "\u2066/tmp/x.pdf\u2069"
    assert display.change("2024-08-26", "True") == "۱۴۰۳/۰۶/۰۵ ← بله"
    assert display.size(25 * 1024) == "۲۵ کیلوبایت"
    assert display.quarter("1404-Q2") == "سه\u200cماهه دوم ۱۴۰۴"


def test_values_in_english(qapp: QApplication) -> None:
    install_language(qapp, "en")
    try:
        assert display.number(1500000) == "1,500,000"
        assert display.date("2024-06-22") == "1403/04/02"
        assert display.quarter("1404-Q2") == "Q2 1404"
        problem = Problem("title", "«عنوان خدمت / وظیفه» خالی است؛ هر رکورد دست\u200cکم یک عنوان لازم دارد")
        assert display.problem(problem) == "“Service / task title” is empty; every record needs a title"
        long = Problem("fees[0].sheba", "«تعرفه\u200cها و حساب\u200cها، ردیف ۱، شماره شبا» بیش از 300 نویسه است")
        assert display.problem(long) == "“Fees and accounts, row 1, IBAN (Sheba)” is longer than 300 characters"
    finally:
        install_language(qapp, "fa")
