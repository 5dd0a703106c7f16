"""Files built to hurt or simply wrong, given to every import: each is refused with its
documented exit code and a Persian message naming what is wrong, and the database is left
byte for byte as it was."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from govsvc_desktop.domain.codec import MAX_RECORDS
from govsvc_desktop.domain.jsontext import MAX_DEPTH, nesting_depth
from govsvc_desktop.exchange.excel.layout import MAIN_SHEET
from govsvc_desktop.exchange.excel.safety import Limits
from govsvc_desktop.exchange.records.csv_limits import MAX_FIELD
from tests.hostile.conftest import assert_refused, run, state

INVALID, NOT_FOUND = 2, 3


def _passports(record: dict[str, Any] | None = None, raw: str | None = None) -> str:
    body = raw if raw is not None else json.dumps([record or {"title": "خدمت"}], ensure_ascii=False)
    return f'{{"format": "govsvc.passports", "format_version": 1, "passports": {body}}}'


def _deep(depth: int) -> str:
    return "[" * depth + "]" * depth


JSON_CASES = {
    "nan": (_passports(raw='[{"title": "خدمت", "service_time": NaN}]'), "NaN"),
    "infinity": (_passports(raw='[{"title": "خدمت", "service_time": -Infinity}]'), "Infinity"),
    "overflowing float": (_passports(raw='[{"title": "خدمت", "service_time": 1e400}]'), "متناهی"),
    "uuid path": (_passports({"uuid": "../../evil", "title": "خدمت"}), "UUID"),
    "long uuid": (_passports({"uuid": "a" * 5000, "title": "خدمت"}), "UUID"),
    "revision 2**64": (_passports({"title": "خدمت", "revision": 2**64}), "محدوده"),
    "negative amount": (_passports({"title": "خدمت", "direct_cost_rials": -5}), "منفی"),
    "smart level": (_passports({"title": "خدمت", "smart_level": 9}), "۰ تا ۳"),
    "bad date": (_passports({"title": "خدمت", "approved_on": "2024-02-30"}), "تاریخ"),
    "deep nesting": (_passports(raw=_deep(100_000)), "۶۴ سطح"),
    "deep in a field": (_passports(raw='[{"title": ' + _deep(70) + "}]"), "۶۴ سطح"),
    "too many records": (_passports(raw="[" + ",".join(["{}"] * (MAX_RECORDS + 1)) + "]"), "۲۰۰٬۰۰۰"),
    "huge integer": (_passports(raw='[{"title": "خدمت", "edition": ' + "9" * 5000 + "}]"), "بزرگ"),
    "not json": ("\x00\x01PK garbage", "JSON"),
    "not utf-8": ('{"format": "\xff"}'.encode("latin-1").decode("latin-1"), "JSON"),
}


@pytest.mark.parametrize("name", sorted(JSON_CASES))
def test_json_import_refuses(name: str, db: Path, tmp_path: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    text, word = JSON_CASES[name]
    source = tmp_path / "in.json"
    source.write_bytes(text.encode("utf-8") if name != "not utf-8" else b'{"format": "\xff"}')
    before = state(db)
    assert_refused(run(capsys, "--db", str(db), "passports", "import", str(source)), INVALID, word)
    assert_refused(run(capsys, "--db", str(db), "passports", "import", str(source), "--dry-run"),
                   INVALID, word)
    assert state(db) == before


def test_plans_import_refuses_deep_json(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "plans.json"
    source.write_text('{"format": "govsvc.plans", "format_version": 1, "plans": ' + _deep(100_000) + "}")
    before = state(db)
    assert_refused(run(capsys, "--db", str(db), "plans", "import", str(source)), INVALID, "تودرتو")
    assert state(db) == before


def test_missing_import_file_is_not_found(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = state(db)
    for noun in ("passports", "plans"):
        outcome = run(capsys, "--db", str(db), noun, "import", str(tmp_path / "nowhere.json"))
        assert_refused(outcome, NOT_FOUND, "پیدا نشد")
    assert state(db) == before


def test_nesting_depth_is_counted_without_parsing() -> None:
    assert nesting_depth(b'{"a": "[[[[", "b": [1, {"c": "\\"]]"}]}') == 3
    assert nesting_depth(_deep(MAX_DEPTH).encode()) == MAX_DEPTH
    assert nesting_depth(_deep(100_000).encode()) == MAX_DEPTH + 1


def test_csv_field_over_the_limit(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listed = json.loads(run(capsys, "--db", str(db), "passports", "list", "--format", "json").out)
    service_id = next(p["service_id"] for p in listed if p["service_id"])
    events = tmp_path / "events.csv"
    events.write_text("case,activity,timestamp\nc1,ثبت,2024-05-01T10:00:00\n"
                      f'c1,"{"x" * (MAX_FIELD + 10)}",2024-05-01T11:00:00\n', "utf-8")
    licences = tmp_path / "licences.csv"
    licences.write_text(f'code,title\nLP-1,"{"ب" * (MAX_FIELD + 10)}"\n', "utf-8")
    before = state(db)
    assert_refused(run(capsys, "--db", str(db), "events", "import", str(events), "--service", service_id),
                   INVALID, "ردیف ۳", "۱٬۰۰۰٬۰۰۰")
    assert_refused(run(capsys, "--db", str(db), "licences", "import", str(licences)),
                   INVALID, "ردیف ۲", "۱٬۰۰۰٬۰۰۰")
    assert state(db) == before


def _long_sheet(path: Path, rows: int, declared: int) -> None:
    """A workbook whose passports sheet has ``rows`` rows and declares ``declared``; written
    entry by entry so a million rows cost a few megabytes of memory, not gigabytes."""
    wb = Workbook()
    wb.active.title = MAIN_SHEET
    wb.active.append(["کلید رکورد", "عنوان خدمت / وظیفه"])
    buffer = io.BytesIO()
    wb.save(buffer)
    with zipfile.ZipFile(buffer) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                zout.writestr(info, zin.read(info))
                continue
            with zout.open("xl/worksheets/sheet1.xml", "w") as out:
                out.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
                          b'openxmlformats.org/spreadsheetml/2006/main">'
                          + f'<dimension ref="A1:B{declared}"/><sheetData>'.encode())
                out.write('<row r="1"><c r="A1" t="inlineStr"><is><t>کلید رکورد</t></is></c>'
                          '<c r="B1" t="inlineStr"><is><t>عنوان خدمت / وظیفه</t></is></c></row>'.encode())
                for start in range(2, rows + 1, 50_000):
                    out.write("".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>'
                                      for r in range(start, min(start + 50_000, rows + 1))).encode())
                out.write(b"</sheetData></worksheet>")


def test_a_full_million_row_sheet_is_refused_before_it_is_read(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "million.xlsx"
    _long_sheet(sheet, 1_048_576, 1_048_576)
    before = state(db)
    outcome = run(capsys, "--db", str(db), "excel", "import", str(sheet), "--dry-run")
    assert_refused(outcome, INVALID, "۱٬۰۴۸٬۵۷۶", "۳۰۰٬۰۰۰")
    assert state(db) == before


def test_a_sheet_longer_than_it_declares_is_refused_at_the_limit(tmp_path: Path) -> None:
    from govsvc_desktop.exchange.excel.reader import read_workbook
    from govsvc_desktop.exchange.excel.safety import WorkbookRefused

    sheet = tmp_path / "liar.xlsx"
    _long_sheet(sheet, 1_200, 2)
    with pytest.raises(WorkbookRefused, match="۱٬۰۰۰ ردیف است"):
        read_workbook(sheet, limits=Limits(max_rows=1_000))
