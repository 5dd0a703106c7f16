"""Plans and 128 requests from the command line, on demo data."""

import json
import subprocess
from pathlib import Path

import pytest

from govsvc_desktop.cli import main
from tests.reports.test_passport_pdf import norm


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_plans_from_demo_to_pdf_json_and_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "a.db")
    code, out, _ = run(capsys, "demo", "--db", db, "--services", "40", "--seed", "3")
    assert code == 0 and "برنامه بهبود" in out
    code, out, _ = run(capsys, "--db", db, "plans", "list", "--format", "json")
    plans = json.loads(out)
    assert len(plans) == 8
    code, out, _ = run(capsys, "--db", db, "plans", "dashboard", "--format", "json")
    assert code == 0 and isinstance(json.loads(out), list)

    with_report = next(p for p in plans if json.loads(run(
        capsys, "--db", db, "plans", "show", p["uuid"], "--format", "json")[1])["reports"])
    shown = json.loads(run(capsys, "--db", db, "plans", "show", with_report["uuid"], "--format", "json")[1])
    quarter = shown["reports"][0]["quarter"]
    evidence = tmp_path / "صورتجلسه.txt"
    evidence.write_text("صورتجلسه کارگروه استانی", "utf-8")
    code, out, _ = run(capsys, "--db", db, "plans", "evidence", with_report["uuid"][:8], "--quarter",
                       quarter, str(evidence))
    assert code == 0 and "صورتجلسه.txt" in out

    code, out, _ = run(capsys, "--db", db, "plans", "pdf", with_report["uuid"], "-o", str(tmp_path / "plan.pdf"))
    assert code == 0
    text = subprocess.run(["pdftotext", str(tmp_path / "plan.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "شاخص‌های بهبود" in text and "اقدامات بهبود" in text
    code, out, _ = run(capsys, "--db", db, "plans", "report", "--quarter", quarter, "-o", str(tmp_path / "q.pdf"))
    assert code == 0 and (tmp_path / "q.pdf").read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(tmp_path / "q.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert norm("صورتجلسه.txt") in norm(text)

    code, out, _ = run(capsys, "--db", db, "requests128", "add", "--reference", "128-99", "--subject",
                       "تأخیر در پاسخ", "--received", "1400/01/10", "--deadline", "1400/01/20")
    assert code == 0
    code, out, _ = run(capsys, "--db", db, "requests128", "list", "--overdue")
    assert "128-99" in out and "عقب‌افتاده" in out
    code, _, err = run(capsys, "--db", db, "requests128", "set-status", "128-99", "resolved")
    assert code == 2 and "پاسخ رسیدگی" in err  # resolved only with the answer given
    code, out, _ = run(capsys, "--db", db, "requests128", "set-status", "128-99", "resolved",
                       "--response", "مرحله بازدید حذف شد")
    assert code == 0
    assert "128-99" not in run(capsys, "--db", db, "requests128", "list", "--overdue")[1]

    export = tmp_path / "plans.json"
    assert run(capsys, "--db", db, "plans", "export", "-o", str(export))[0] == 0
    other = str(tmp_path / "b.db")
    code, out, _ = run(capsys, "--db", other, "plans", "import", str(export))
    assert code == 0, out
    moved = json.loads(run(capsys, "--db", other, "plans", "show", with_report["uuid"], "--format", "json")[1])
    report = next(r for r in moved["reports"] if r["quarter"] == quarter)
    assert report["evidence"][-1]["file_name"] == "صورتجلسه.txt"

    document = json.loads(export.read_text("utf-8"))
    document["evidence"][report["evidence"][-1]["sha256"]] = "AAAA"
    (tmp_path / "bad.json").write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    code, _, err = run(capsys, "--db", other, "plans", "import", str(tmp_path / "bad.json"))
    assert code == 2 and "چکیده" in err


def test_a_plan_below_thirty_percent_is_refused_approval(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "c.db")
    assert run(capsys, "demo", "--db", db, "--services", "5", "--seed", "1")[0] == 0
    service_id = json.loads(run(capsys, "--db", db, "passports", "list", "--format", "json")[1])[0]["uuid"]
    code, out, _ = run(capsys, "--db", db, "plans", "new", "--service", service_id)
    assert code == 0
    uuid = out.strip()
    code, _, err = run(capsys, "--db", db, "plans", "status", uuid, "approved")
    assert code == 2 and "۳۰ درصد" in err and "تصویب" in err
