from pathlib import Path

import pytest
from openpyxl import load_workbook

from govsvc_desktop.cli import main
from govsvc_desktop.exchange.excel.layout import MAIN_SHEET
from govsvc_desktop.exchange.excel.report import REPORT_SHEET


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_template_export_import_and_a_report_of_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "a.db")
    other = str(tmp_path / "b.db")
    assert run(capsys, "demo", "--db", db, "--services", "12", "--seed", "2")[0] == 0
    code, out, _ = run(capsys, "--db", db, "excel", "template", "-o", str(tmp_path / "t.xlsx"))
    assert code == 0 and "الگو" in out
    assert load_workbook(tmp_path / "t.xlsx", read_only=True)[MAIN_SHEET].max_row == 1

    code, out, _ = run(capsys, "--db", db, "excel", "export", "-o", str(tmp_path / "all.xlsx"),
                       "--kind", "service")
    assert code == 0 and "شناسنامه" in out

    code, out, _ = run(capsys, "--db", other, "excel", "import", str(tmp_path / "all.xlsx"), "--dry-run")
    assert code == 0 and "چیزی ذخیره نشد" in out
    code, out, _ = run(capsys, "--db", other, "passports", "list", "--format", "json")
    assert out.strip() == "[]"
    code, out, _ = run(capsys, "--db", other, "excel", "import", str(tmp_path / "all.xlsx"))
    assert code == 0 and "وارد شد" in out

    wb = load_workbook(tmp_path / "all.xlsx")
    wb[MAIN_SHEET]["A2"] = None
    wb.save(tmp_path / "bad.xlsx")
    code, out, err = run(capsys, "--db", other, "excel", "import", str(tmp_path / "bad.xlsx"),
                         "--report", str(tmp_path / "report.xlsx"))
    assert code == 2
    assert "خطا: برگه «شناسنامه‌ها»، ردیف ۲، ستون A" in err and "هیچ رکوردی وارد نشد" in out
    assert load_workbook(tmp_path / "report.xlsx").sheetnames[0] == REPORT_SHEET

    (tmp_path / "list.xlsx").write_text("a,b\n1,2\n")
    code, _, err = run(capsys, "--db", other, "excel", "import", str(tmp_path / "list.xlsx"))
    assert code == 2 and "CSV" in err
