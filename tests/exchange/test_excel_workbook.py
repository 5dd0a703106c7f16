"""The passport workbook as a person opens it: template layout, export formatting, round trips."""

from __future__ import annotations

import zipfile
from pathlib import Path

from openpyxl import load_workbook

from govsvc_desktop.bootstrap import App
from govsvc_desktop.demo import generator as demo
from govsvc_desktop.domain.choices import Nature
from govsvc_desktop.domain.codec import to_dict
from govsvc_desktop.domain.passport.labels import PASSPORT_FIELDS
from govsvc_desktop.domain.passport.queries import PassportFilter
from govsvc_desktop.domain.reference import PICKED_FIELDS
from govsvc_desktop.exchange.excel.layout import (
    KEY_HEADER,
    LISTS_SHEET,
    MAIN_SHEET,
    README_SHEET,
    SHEETS,
)
from govsvc_desktop.exchange.excel.plans import PLAN_SHEETS
from govsvc_desktop.services.excel import ExcelService
from tests.approval_support import ALL_ROLES, store_as_is
from tests.fixtures import full_passport


def test_template_has_a_sheet_per_part_with_notes_lists_and_frozen_rtl_headers(app: App, tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    ExcelService(app.passports).template(path)
    wb = load_workbook(path)
    assert wb.sheetnames == ([README_SHEET] + [s.name for s in SHEETS] + [s.name for s, _ in PLAN_SHEETS]
                             + [LISTS_SHEET])
    assert all(len(name) <= 31 for name in wb.sheetnames)
    assert wb[README_SHEET]["A1"].value.startswith("شناسنامه‌های خدمت")
    for spec in SHEETS:
        ws = wb[spec.name]
        assert ws.sheet_view.rightToLeft
        assert ws.freeze_panes == "B2"
        headers = [c.value for c in ws[1]]
        assert headers == [c.header for c in spec.columns]
        assert ws.max_row == 1, "the template has no data rows"
        for cell in ws[1]:
            assert cell.font.name == "Vazirmatn" and cell.font.bold
            assert cell.comment is not None and cell.comment.text.startswith(cell.value)
        lists = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in ws.data_validations.dataValidation}
        for index, column in enumerate(spec.columns, 1):
            letter = ws.cell(1, index).column_letter
            if column.allowed:
                assert lists[f"{letter}2"] == '"' + ",".join(column.allowed) + '"'
            elif column.field in PICKED_FIELDS and not spec.part:
                assert lists[f"{letter}2"].startswith(f"'{LISTS_SHEET}'!")
            else:
                assert f"{letter}2" not in lists
    main = wb[MAIN_SHEET]
    assert main["A1"].value == KEY_HEADER
    nature = [i for i, c in enumerate(SHEETS[0].columns, 1) if c.field == "nature"][0]
    assert "حاکمیتی" in main.cell(1, nature).comment.text or "ماهیت" in main.cell(1, nature).comment.text
    approval = main.cell(1, nature).comment.text
    assert "برای تأیید لازم است" in approval
    date_col = [i for i, c in enumerate(SHEETS[0].columns, 1) if c.field == "approved_on"][0]
    assert "۱۴۰۳/۰۴/۰۲" in main.cell(1, date_col).comment.text


def _export(app: App, path: Path, f: PassportFilter = PassportFilter()) -> int:
    return ExcelService(app.passports).export(path, f)


def test_export_is_formatted_and_writes_text_never_as_formula(app: App, tmp_path: Path) -> None:
    p = full_passport()
    p.title = "=HYPERLINK(\"http://x\",\"y\")"
    p.description = "+1+2"
    p.benefits = "-کاهش هزینه"
    p.obstacles = "@SUM(A1)"
    store_as_is(app, p)  # with its approval date, as a database holds an approved record
    path = tmp_path / "out.xlsx"
    assert _export(app, path) == 1
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)
    wb = load_workbook(path)
    ws = wb[MAIN_SHEET]
    columns = {c.field: i for i, c in enumerate(SHEETS[0].columns, 1)}
    for field, text in (("title", p.title), ("description", p.description),
                        ("benefits", p.benefits), ("obstacles", p.obstacles)):
        cell = ws.cell(2, columns[field])
        assert cell.value == text and cell.data_type == "s"
    money = ws.cell(2, columns["direct_cost_rials"])
    assert money.value == 12_500_000 and money.number_format == "#,##0"
    assert ws.cell(2, columns["title"]).alignment.wrap_text
    assert ws.cell(2, columns["title"]).font.name == "Vazirmatn"
    assert ws.cell(2, columns["approved_on"]).value == "۱۴۰۴/۱۰/۲۲"
    assert ws.cell(2, columns["nature"]).value == Nature.SOVEREIGN.label_fa
    assert ws.column_dimensions["B"].width > 10
    steps = wb["مراحل انجام کار"]
    assert [c.value for c in steps[2]][:4] == [p.uuid, p.title, 1, "دریافت درخواست"]
    assert steps.max_row == 3


def test_round_trip_of_full_and_demo_passports_is_lossless(app: App, tmp_path: Path) -> None:
    from govsvc_desktop import config
    from govsvc_desktop.bootstrap import build

    originals = [full_passport()] + list(demo.generate(40, seed=3))
    for p in originals:
        app.passports.save(p)
    path = tmp_path / "all.xlsx"
    assert _export(app, path) == 41
    other = build(str(tmp_path / "other.sqlite3"), settings=config.Settings(user_name="دیگری", roles=ALL_ROLES))
    try:
        result = ExcelService(other.passports).import_file(path)
        assert result.count("create") == 41 and not result.problems
        for p in originals:
            assert to_dict(other.passports.get(p.uuid)) == to_dict(app.passports.get(p.uuid)), p.title
    finally:
        other.close()
    again = ExcelService(app.passports).import_file(path)
    assert again.count("unchanged") == 41 and again.count("update") == 0


def test_export_follows_the_filter(app: App, tmp_path: Path) -> None:
    for p in demo.generate(30, seed=4):
        app.passports.save(p)
    f = PassportFilter(nature=Nature.SOVEREIGN)
    expected = app.passports.count(f)
    path = tmp_path / "some.xlsx"
    assert _export(app, path, f) == expected > 0
    wb = load_workbook(path, read_only=True)
    assert wb[MAIN_SHEET].max_row == expected + 1
    assert PASSPORT_FIELDS["nature"] in [c.value for c in next(wb[MAIN_SHEET].iter_rows(max_row=1))]


def test_cancelled_export_leaves_no_file(app: App, tmp_path: Path) -> None:
    import pytest

    from govsvc_desktop.domain.errors import GovsvcError

    for p in demo.generate(250, seed=5):
        app.passports.save(p)
    path = tmp_path / "never.xlsx"
    with pytest.raises(GovsvcError, match="لغو"):
        ExcelService(app.passports).export(path, progress=lambda done, total: done < 100)
    assert not path.exists()
    assert not list(tmp_path.glob(".never.xlsx*"))


def test_export_carries_the_plans_of_the_exported_passports_and_import_passes_over_them(
        app: App, tmp_path: Path) -> None:
    demo.populate_all(app, 25, seed=6)
    plans = app.plans.find()
    assert plans
    path = tmp_path / "with-plans.xlsx"
    ExcelService(app.passports, app.plans).export(path)
    wb = load_workbook(path, read_only=True)
    names = [spec.name for spec, _ in PLAN_SHEETS]
    rows = {name: list(wb[name].iter_rows(min_row=2, values_only=True)) for name in names}
    assert sorted(r[0] for r in rows[names[0]]) == sorted(p.uuid for p in plans)
    assert len(rows[names[1]]) == sum(len(p.indicators) for p in plans)
    assert len(rows[names[2]]) == sum(len(p.actions) for p in plans)
    assert len(rows[names[3]]) == sum(len(p.reports) for p in plans)
    first = next(r for r in rows[names[0]] if r[0] == plans[0].uuid)
    assert first[3] == plans[0].title and first[11] == plans[0].status.label_fa
    again = ExcelService(app.passports, app.plans).import_file(path)
    assert again.count("unchanged") == 25 and again.problems == []


def test_picked_columns_drop_down_the_official_lists(app: App, tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    ExcelService(app.passports).template(path)
    wb = load_workbook(path)
    assert wb.sheetnames[-1] == "فهرست‌های رسمی" and wb["فهرست‌های رسمی"].sheet_state == "hidden"
    lists = wb["فهرست‌های رسمی"]
    headers = [c.value for c in lists[1]]
    provinces = [r[headers.index("استان")] for r in lists.iter_rows(min_row=2, values_only=True)]
    assert len([p for p in provinces if p]) == 31 and "سیستان و بلوچستان" in provinces
    main = wb["شناسنامه‌ها"]
    columns = {c.value: c.column_letter for c in main[1]}
    by_range = {str(dv.sqref).split(":")[0]: dv for dv in main.data_validations.dataValidation}
    province = by_range[f"{columns['استان']}2"]
    assert province.formula1.startswith("'فهرست‌های رسمی'!$")
    assert province.errorStyle == "warning", "a value the list lacks is let through, flagged"
    # a workbook filled with a value beside the list still imports
    p = full_passport()
    p.county = "روستای تازه"
    app.passports.save(p)
    exported = tmp_path / "export.xlsx"
    ExcelService(app.passports).export(exported)
    result = ExcelService(app.passports).import_file(exported)
    assert result.count("unchanged") == 1
    flagged = [pr for pr in result.problems if "روستای تازه" in pr.message_fa]
    assert len(flagged) == 1 and not flagged[0].blocking and "فهرست رسمی" in flagged[0].message_fa
