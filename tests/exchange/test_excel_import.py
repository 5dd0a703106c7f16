"""Importing a filled workbook: every mistake found where it is, nothing half-saved."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from govsvc_desktop.bootstrap import App
from govsvc_desktop.domain.choices import Audience, Nature, Status, TimeUnit
from govsvc_desktop.domain.codec import to_dict
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.domain.passport.queries import PassportFilter
from govsvc_desktop.exchange.excel.layout import MAIN_SHEET, SHEETS, sheet_for_part
from govsvc_desktop.exchange.excel.report import REPORT_SHEET
from govsvc_desktop.services.excel import ExcelImportError, ExcelService
from tests.approval_support import ALL_ROLES
from tests.fixtures import full_passport

FEES = sheet_for_part("fees").name
STEPS = sheet_for_part("steps").name
LICENCES = sheet_for_part("licences").name
DOCUMENTS = sheet_for_part("documents").name
CHANNELS = sheet_for_part("channels").name


def letter(sheet: str, field: str) -> str:
    spec = next(s for s in SHEETS if s.name == sheet)
    return get_column_letter([c.field for c in spec.columns].index(field) + 1)


def exported(app: App, tmp_path: Path, name: str = "export.xlsx") -> Path:
    path = tmp_path / name
    ExcelService(app.passports).export(path)
    return path


def edit(path: Path, change: Any) -> Path:
    wb = load_workbook(path)
    change(wb)
    out = path.with_name("edited-" + path.name)
    wb.save(out)
    return out


def test_one_mistake_of_every_kind_is_reported_at_its_cell_and_nothing_changes(app: App, tmp_path: Path) -> None:
    p = full_passport()
    app.passports.save(p)
    before = to_dict(app.passports.get(p.uuid))

    def mistakes(wb: Workbook) -> None:
        main = wb[MAIN_SHEET]
        main[f"{letter(MAIN_SHEET, 'recipients_count')}2"] = "دوازده"
        main[f"{letter(MAIN_SHEET, 'nature')}2"] = "نامعلوم"
        main[f"{letter(MAIN_SHEET, 'approved_on')}2"] = "1403/13/40"
        main[f"{letter(MAIN_SHEET, 'exemption_approved')}2"] = "شاید"
        main[f"{letter(MAIN_SHEET, 'service_id')}2"] = "12AB"
        main[f"{letter(MAIN_SHEET, 'title')}2"] = None
        main["A3"] = "  " + p.uuid.upper() + " "  # the same key in another spelling
        main[f"{letter(MAIN_SHEET, 'title')}3"] = "تکراری"
        main[f"{letter(MAIN_SHEET, 'title')}4"] = "بی‌کلید"
        main.cell(1, main.max_column + 1, "ستون دلخواه")
        fees = wb[FEES]
        fees[f"{letter(FEES, 'sheba')}2"] = "IR000000"
        fees[f"{letter(FEES, 'amount_rials')}2"] = -5
        steps = wb[STEPS]
        steps.append(["ناموجود", "", 3, "مرحله بی‌صاحب"])
        licences = wb[LICENCES]
        licences.append([p.uuid, "", "1-02-345-678", "همان مجوز دوباره"])
        documents = wb[DOCUMENTS]
        documents.merge_cells("C2:D2")
        channels = wb[CHANNELS]
        channels.append([p.uuid, "", "سایر کانال‌ها", 2.5, "نیم مرکز"])
        note = wb.create_sheet("یادداشت")
        note.sheet_state = "hidden"
        note["A1"] = "یادداشت خصوصی"

    path = edit(exported(app, tmp_path), mistakes)
    with pytest.raises(ExcelImportError) as caught:
        ExcelService(app.passports).import_file(path)
    result = caught.value.result
    found = {(q.sheet, q.cell, q.blocking) for q in result.problems}
    extra_column = get_column_letter(len(SHEETS[0].columns) + 1)
    assert found == {
        (MAIN_SHEET, f"{letter(MAIN_SHEET, 'recipients_count')}2", True),
        (MAIN_SHEET, f"{letter(MAIN_SHEET, 'nature')}2", True),
        (MAIN_SHEET, f"{letter(MAIN_SHEET, 'approved_on')}2", True),
        (MAIN_SHEET, f"{letter(MAIN_SHEET, 'exemption_approved')}2", True),
        (MAIN_SHEET, f"{letter(MAIN_SHEET, 'service_id')}2", True),
        (MAIN_SHEET, f"{letter(MAIN_SHEET, 'title')}2", True),
        (MAIN_SHEET, "A3", True),
        (MAIN_SHEET, "A4", True),
        (MAIN_SHEET, f"{extra_column}1", False),
        (FEES, f"{letter(FEES, 'sheba')}2", True),
        (FEES, f"{letter(FEES, 'amount_rials')}2", True),
        (STEPS, "A4", True),
        (LICENCES, f"{letter(LICENCES, 'code')}3", True),
        (DOCUMENTS, "C2", True),
        (CHANNELS, f"{letter(CHANNELS, 'centre_count')}4", True),
        ("یادداشت", "", False),
    }
    assert len(result.problems) == len(found), [q.describe() for q in result.problems]
    messages = {q.cell: q for q in result.problems if q.sheet == MAIN_SHEET}
    assert messages[f"{letter(MAIN_SHEET, 'recipients_count')}2"].value == "دوازده"
    assert "عدد صحیح" in messages[f"{letter(MAIN_SHEET, 'recipients_count')}2"].message_fa
    assert "حاکمیتی" in messages[f"{letter(MAIN_SHEET, 'nature')}2"].message_fa
    assert "پیش‌تر در ردیف ۲" in messages["A3"].message_fa
    described = messages[f"{letter(MAIN_SHEET, 'nature')}2"].describe()
    assert described.startswith(f"برگه «{MAIN_SHEET}»، ردیف ۲، ستون ")
    assert to_dict(app.passports.get(p.uuid)) == before
    assert app.passports.count() == 1

    report = tmp_path / "report.xlsx"
    from govsvc_desktop.exchange.excel.report import write_problem_report

    write_problem_report(path, result.problems, report)
    marked = load_workbook(report)
    assert marked.sheetnames[0] == REPORT_SHEET
    listing = marked[REPORT_SHEET]
    assert listing.max_row == len(result.problems) + 1
    cell = marked[FEES][f"{letter(FEES, 'sheba')}2"]
    assert cell.fill.fgColor.rgb.endswith("F4B6B6")
    assert "شبا" in cell.comment.text
    links = [c.hyperlink.location or c.hyperlink.target for c in listing["B"][1:] if c.hyperlink]
    assert f"'{FEES}'!{letter(FEES, 'sheba')}2" in "".join(links)


def test_keys_digits_letters_and_dates_in_any_spelling(app: App, tmp_path: Path) -> None:
    wb = Workbook()
    main = wb.active
    main.title = MAIN_SHEET
    main.append(["کلید رکورد", "عنوان خدمت / وظیفه", "ماهیت خدمت / وظیفه",
                 "نوع خدمت: دولت به شهروند (G2C)", "مدت زمان ارائه خدمت", "واحد زمان ارائه خدمت",
                 "هزینه مستقیم ارائه خدمت (ریال)", "تاریخ تأیید", "تاریخ بررسی", "تاریخ الکترونیکی شدن"])
    main.append(["۱", "صدور كارت", "حاكميتي", "بله", "۲٫۵", "روز كاري", "۱۲٬۵۰۰٬۰۰۰",
                 "۱۴۰۳/۰۴/۰۲", "2024-06-22", dt.datetime(2025, 3, 21)])
    steps = wb.create_sheet("مراحل انجام كار")  # Arabic kaf in the sheet name
    steps.append(["كليد ركورد", "ردیف", "عنوان"])  # a header typed on an Arabic keyboard
    steps.append(["1", "١", "دریافت"])
    path = tmp_path / "typed.xlsx"
    wb.save(path)
    result = ExcelService(app.passports).import_file(path)
    assert result.count("create") == 1, [q.describe() for q in result.blocking]
    p = app.passports.get(result.records[0].uuid)
    assert p.title == "صدور كارت", "text is stored as typed"
    assert p.nature is Nature.SOVEREIGN and p.audiences == [Audience.G2C]
    assert p.service_time == 2.5 and p.service_time_unit is TimeUnit.WORKING_DAY
    assert p.direct_cost_rials == 12_500_000
    # approval and review dates are stamps of the life cycle: never taken from a workbook
    assert p.approved_on is None and p.reviewed_on is None and p.status is Status.DRAFT
    assert any(q.column and "پیش‌نویس" in q.message_fa and not q.blocking for q in result.problems)
    assert p.electronic_target_date == "2025-03-21"
    assert [(s.order, s.title) for s in p.steps] == [(1, "دریافت")]
    missing = [q for q in result.problems if not q.blocking and q.row == 1]
    assert missing, "columns the file lacks are reported as warnings"


def test_reordered_columns_and_a_partial_sheet_update_by_service_id(app: App, tmp_path: Path) -> None:
    p = app.passports.save(full_passport()).passport
    wb = Workbook()
    main = wb.active
    main.title = MAIN_SHEET
    main.append(["تعداد دفعات ارائه در یک سال", "کد شناسه خدمت", "کلید رکورد"])
    main.append([9999, "۱۱۰۳۱۱۶۴۰۰۱", "الف"])
    path = tmp_path / "partial.xlsx"
    wb.save(path)
    result = ExcelService(app.passports).import_file(path)
    assert [r.action for r in result.records] == ["update"]
    after = app.passports.get(p.uuid)
    assert after.deliveries_per_year == 9999
    expected = to_dict(p)
    got = to_dict(after)
    for name in ("deliveries_per_year", "revision", "updated_at", "created_at"):
        expected.pop(name), got.pop(name)
    assert got == expected, "fields and parts the file does not have are kept"


def test_valid_only_saves_the_good_records_and_dry_run_saves_nothing(app: App, tmp_path: Path) -> None:
    wb = Workbook()
    main = wb.active
    main.title = MAIN_SHEET
    main.append(["کلید رکورد", "عنوان خدمت / وظیفه", "آمار تعداد خدمت‌گیرندگان"])
    main.append(["1", "خدمت درست", 10])
    main.append(["2", "خدمت نادرست", "بسیار"])
    path = tmp_path / "mixed.xlsx"
    wb.save(path)
    service = ExcelService(app.passports)
    with pytest.raises(ExcelImportError):
        service.import_file(path)
    assert app.passports.count() == 0
    dry = service.import_file(path, dry_run=True)
    assert [r.action for r in dry.records] == ["create", "skipped"] and not dry.saved
    assert app.passports.count() == 0
    done = service.import_file(path, valid_only=True)
    assert [r.action for r in done.records] == ["create", "skipped"] and done.saved
    assert [s.title for s in app.passports.page(PassportFilter())] == ["خدمت درست"]
    assert {q.cell for q in done.blocking} == {"C3"}


def test_a_record_changed_here_after_export_is_a_conflict(app: App, tmp_path: Path) -> None:
    p = full_passport()
    app.passports.save(p)
    path = exported(app, tmp_path)
    changed = app.passports.get(p.uuid)
    changed.title = "عنوانی که این‌جا تغییر کرد"
    app.passports.save(changed)
    edited = edit(path, lambda wb: wb[MAIN_SHEET].__setitem__(
        f"{letter(MAIN_SHEET, 'county')}2", "شیراز"))
    with pytest.raises(ExcelImportError) as caught:
        ExcelService(app.passports).import_file(edited)
    (problem,) = caught.value.result.blocking
    assert problem.cell == f"{letter(MAIN_SHEET, 'revision')}2" and "تغییر کرده" in problem.message_fa
    assert app.passports.get(p.uuid).title == "عنوانی که این‌جا تغییر کرد"


def test_cancelled_import_changes_nothing(app: App, tmp_path: Path) -> None:
    from govsvc_desktop.demo import generator as demo

    for q in demo.generate(300, seed=9):
        app.passports.save(q)
    path = exported(app, tmp_path)
    fresh_path = tmp_path / "fresh.sqlite3"
    from govsvc_desktop import config
    from govsvc_desktop.bootstrap import build

    fresh = build(str(fresh_path), settings=config.Settings(user_name="x", roles=ALL_ROLES))
    try:
        with pytest.raises(GovsvcError, match="لغو"):
            ExcelService(fresh.passports).import_file(path, progress=lambda d, t: d < 80)
        assert fresh.passports.count() == 0
    finally:
        fresh.close()

