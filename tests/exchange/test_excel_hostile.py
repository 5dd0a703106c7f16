"""Files that are not workbooks, or are built to hurt, are refused in Persian; nothing changes."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from govsvc_desktop.bootstrap import App
from govsvc_desktop.domain.codec import to_dict
from govsvc_desktop.exchange.excel.safety import OLE_MAGIC, WorkbookRefused
from govsvc_desktop.services.excel import ExcelService
from tests.fixtures import full_passport


def _rezip(source: Path, target: Path, change: Callable[[str, bytes], bytes | None],
           extra: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = change(info.filename, src.read(info.filename))
            if data is not None:
                dst.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            dst.writestr(name, data)
    return target


BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
    b'uniqueCount="1"><si><t>&lol3;</t></si></sst>'
)


def _hostile_files(tmp_path: Path, good: Path) -> dict[str, tuple[Path, str]]:
    files: dict[str, tuple[Path, str]] = {}

    def put(name: str, data: bytes, expected: str) -> None:
        path = tmp_path / name
        path.write_bytes(data)
        files[name] = (path, expected)

    put("old.xlsx", OLE_MAGIC + b"\x00" * 4000, "قالب قدیمی Excel (xls)")
    put("locked.xlsx", OLE_MAGIC + b"\x00" * 100 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 100,
        "گذرواژه")
    put("list.xlsx", "کلید,عنوان\n1,صدور پروانه\n".encode(), "CSV")
    put("empty.xlsx", b"", "خالی")
    put("broken.xlsx", good.read_bytes()[: good.stat().st_size // 2], "خراب")
    put("page.xlsx", b"<html><body>not a workbook</body></html>", "HTML")
    files["other.xlsx"] = (_rezip(good, tmp_path / "other.xlsx",
                                  lambda n, d: None if n == "xl/workbook.xml" else d), "xl/workbook.xml")
    files["laughs.xlsx"] = (_rezip(good, tmp_path / "laughs.xlsx", lambda n, d: d,
                                   {"xl/sharedStrings.xml": BILLION_LAUGHS}), "DTD")
    files["bomb.xlsx"] = (_rezip(good, tmp_path / "bomb.xlsx", lambda n, d: d,
                                 {"xl/media/padding.bin": b"\x00" * (8 * 1024 * 1024)}), "بمب zip")
    files["garbled.xlsx"] = (_rezip(good, tmp_path / "garbled.xlsx",
                                    lambda n, d: b"\x00\x01 not xml" if n == "xl/workbook.xml" else d),
                             "خراب")
    return files


def test_hostile_and_foreign_files_are_refused_with_the_database_unchanged(app: App, tmp_path: Path) -> None:
    p = full_passport()
    app.passports.save(p)
    before = to_dict(app.passports.get(p.uuid))
    good = tmp_path / "good.xlsx"
    service = ExcelService(app.passports)
    service.export(good)
    for name, (path, expected) in _hostile_files(tmp_path, good).items():
        with pytest.raises(WorkbookRefused) as caught:
            service.import_file(path)
        message = caught.value.message_fa
        assert expected in message, (name, message)
        assert any("\u0600" <= ch <= "\u06ff" for ch in message), name
    assert to_dict(app.passports.get(p.uuid)) == before
    assert app.passports.count() == 1


def test_a_good_workbook_passes_the_checks(app: App, tmp_path: Path) -> None:
    good = tmp_path / "good.xlsx"
    ExcelService(app.passports).template(good)
    result = ExcelService(app.passports).import_file(good)
    assert result.records == [] and not result.blocking
