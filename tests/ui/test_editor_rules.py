"""The editor reads the same verdicts as the service: identifiers typed with a Persian keyboard
save, the official lists are offered while typing, free text is flagged, a duplicate service ID
is shown before saving."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from govsvc_desktop.bootstrap import App
from govsvc_desktop.domain.identifiers import legal_id_with_check, national_id_with_check
from govsvc_desktop.domain.persian import to_persian_digits
from govsvc_desktop.ui.fields import PartTableBinding
from govsvc_desktop.ui.main_window import MainWindow
from govsvc_desktop.ui.passport_editor import PassportEditor
from tests.fixtures import full_passport
from tests.ui.keyboard import type_text


def test_persian_digits_in_every_numeric_field_save(qtbot, window: MainWindow, gui_app: App) -> None:  # type: ignore[no-untyped-def]
    editor = window.new_passport()
    b = editor.bindings
    legal_id = legal_id_with_check("1400012345")
    national_id = national_id_with_check("001234567")
    typed = {
        "title": "صدور پروانه کسب",
        "service_id": "۱۱۰۳۱۱۶۴۰۰۱",
        "agency_national_id": to_persian_digits(legal_id),
        "agency_postal_code": "۷۱۳۴۸-۴۶۹۷۱",
        "preparer_national_id": to_persian_digits(national_id),
        "recipients_count": "۱۲٬۵۰۰",
        "deliveries_per_year": "۳۴۰۰",
        "service_time": "۱۲٫۵",
        "smart_level": "۰",
        "direct_cost_rials": "۱۲٬۵۰۰٬۰۰۰",
        "cost_price_rials": "۴۸۰۰۰۰۰۰",
        "counter_fee_rials": "۳۵۰٬۰۰۰",
    }
    for name, text in typed.items():
        type_text(b[name].widget, text)
    parts = {"fees": {"amount_rials": "۲٬۵۰۰٬۰۰۰", "sheba": "IR۸۲۰۵۴۰۱۰۲۶۸۰۰۲۰۸۱۷۹۰۹۰۰۲",
                      "account_number": "۰۱۰۱۲۳۴۵۶۷۰۰۱"},
             "steps": {"title": "دریافت درخواست", "duration": "۱٫۵"},
             "channels": {"centre_count": "۱۲"},
             "forms": {"title": "کاربرگ", "data_items": "۲۴"},
             "org_units": {"name": "دبیرخانه", "unit_id": "U۱۰۰۲۳", "employee_id": "۹۸۷۶۵۴۳۲"},
             "linked_tasks": {"task_id": "T۱۰۰۲۳۴"}}
    for name, cells in parts.items():
        table = b[name]
        assert isinstance(table, PartTableBinding)
        table.add_row()
        for cell, text in cells.items():
            type_text(table.rows[0][cell].widget, text)
    assert not [p for p in editor.problems_now() if p.blocking], editor.problems_now()
    assert editor.save()
    saved = gui_app.passports.get(editor.base.uuid)
    assert saved.service_id == "11031164001"
    assert saved.agency_national_id == legal_id and saved.preparer_national_id == national_id
    assert saved.agency_postal_code == "7134846971"
    assert (saved.recipients_count, saved.deliveries_per_year, saved.service_time) == (12_500, 3_400, 12.5)
    assert (saved.direct_cost_rials, saved.cost_price_rials, saved.counter_fee_rials) == (
        12_500_000, 48_000_000, 350_000)
    assert saved.fees[0].amount_rials == 2_500_000
    assert saved.fees[0].sheba == "IR820540102680020817909002"
    assert saved.fees[0].account_number == "0101234567001"
    assert saved.steps[0].duration == 1.5 and saved.channels[0].centre_count == 12
    assert saved.forms[0].data_items == 24
    assert (saved.org_units[0].unit_id, saved.org_units[0].employee_id) == ("U10023", "98765432")
    assert saved.linked_tasks[0].task_id == "T100234"


def test_pickers_offer_the_official_lists_and_flag_free_text(qtbot, gui_app: App) -> None:  # type: ignore[no-untyped-def]
    editor = PassportEditor(gui_app, gui_app.passports.new_passport())
    qtbot.addWidget(editor)
    province = editor.bindings["province"].widget
    province.setText("كرمان")  # Arabic kaf, as an Arabic keyboard gives (typing would pop up
    # the suggestions, which the offscreen platform of the tests cannot show)
    assert editor.pickers["province"].refresh() == ["کرمان", "کرمانشاه"]
    province.setText("کرمان")
    assert "رفسنجان" in editor.pickers["county"].refresh("رفس")
    assert editor.pickers["county"].refresh("تبریز") == [], "counties of the chosen province only"
    assert editor.pickers["architecture_domain"].refresh("سلامت") == ["سلامت"]
    editor.bindings["county"].widget.setText("روستای ناشناخته")
    editor.refresh_problems()
    flagged = [p for p in editor.problems_now() if p.field_path == "county"]
    assert flagged and flagged[0].warning and not flagged[0].blocking
    shown = [editor.problems.item(i).text() for i in range(editor.problems.count())]
    assert any("روستای ناشناخته" in text and "فهرست رسمی" in text for text in shown)


def test_duplicate_service_id_is_shown_before_saving(qtbot, gui_app: App, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _w, _t, text: shown.append(text))
    gui_app.passports.save(full_passport())
    other = full_passport("11111111-2222-4333-8444-555555555555")
    other.service_id, other.licences = "", []
    editor = PassportEditor(gui_app, other)
    qtbot.addWidget(editor)
    type_text(editor.bindings["service_id"].widget, "۱۱۰۳۱۱۶۴۰۰۱")
    found = [p for p in editor.problems_now() if p.field_path == "service_id"]
    assert found and found[0].blocking and "پیش‌تر" in found[0].message_fa
    editor.dirty = True
    assert not editor.save()
    assert shown and "پیش‌تر" in shown[0]
