"""Text a spreadsheet would take for a formula stays text in every workbook the program
writes: the service lists, the passport export and the problem report."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from govsvc_desktop.exchange.excel.layout import MAIN_SHEET
from tests.hostile.conftest import run

DANGEROUS = ["=HYPERLINK(\"http://x\",\"y\")", "+98-21", "-1+2", "@SUM(A1:A2)", "\t=1+1", "\r=2"]


def _formulas(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return [n for n in archive.namelist()
                if n.startswith("xl/worksheets/") and b"<f>" in archive.read(n)
                or n.startswith("xl/worksheets/") and b"<f " in archive.read(n)]


def _texts(path: Path) -> dict[str, tuple[str, bool]]:
    """Every string cell's value → (its type, whether it is marked as quoted text)."""
    found = {}
    for ws in load_workbook(path).worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    found[cell.value] = (cell.data_type, bool(cell.quotePrefix))
    return found


@pytest.fixture
def dangerous_db(db: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    listed = json.loads(run(capsys, "--db", str(db), "passports", "list", "--format", "json").out)
    drafts = [p for p in listed if p["status"] == "draft"] or listed
    for passport, title in zip(drafts, DANGEROUS, strict=False):
        outcome = run(capsys, "--db", str(db), "passports", "set", passport["uuid"], f"title={title}",
                      f"providing_unit={title}")
        assert outcome.code == 0, outcome.err
    return db


def test_lists_excel_writes_formula_like_titles_as_text(
        dangerous_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "lists.xlsx"
    assert run(capsys, "--db", str(dangerous_db), "lists", "excel", "-o", str(target), "--all").code == 0
    assert _formulas(target) == []
    texts = _texts(target)
    written = [t for t in DANGEROUS if t.replace("\r", "\n") in texts or t in texts]
    assert written, texts.keys()
    for text in written:
        kind, quoted = texts.get(text) or texts[text.replace("\r", "\n")]
        assert kind == "s" and quoted


def test_excel_export_and_problem_report_write_them_as_text(
        dangerous_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exported = tmp_path / "all.xlsx"
    assert run(capsys, "--db", str(dangerous_db), "excel", "export", "-o", str(exported)).code == 0
    assert _formulas(exported) == []
    cells = {c.value: c.data_type for row in load_workbook(exported)[MAIN_SHEET].iter_rows()
             for c in row if isinstance(c.value, str)}
    present = [t for t in DANGEROUS if t in cells]
    assert present and all(cells[t] == "s" for t in present)
    wb = load_workbook(exported)
    wb[MAIN_SHEET]["A2"] = None  # a row without its key: one problem, reported with its value
    wb[MAIN_SHEET]["C2"] = "=cmd|' /C calc'!A0"
    wb.save(tmp_path / "bad.xlsx")
    report = tmp_path / "report.xlsx"
    outcome = run(capsys, "--db", str(dangerous_db), "excel", "import", str(tmp_path / "bad.xlsx"),
                  "--dry-run", "--report", str(report))
    assert outcome.code == 2
    first = load_workbook(report).worksheets[0]
    values = [c for row in first.iter_rows(min_row=2) for c in row if isinstance(c.value, str)]
    assert values and all(c.data_type == "s" for c in values)
    assert not any(n.endswith("sheet1.xml") for n in _formulas(report))
