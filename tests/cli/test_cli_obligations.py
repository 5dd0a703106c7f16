"""The obligations from the command line, as a script would drive them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from lxml import etree

from govsvc_desktop.bootstrap import build
from govsvc_desktop.demo.agency import write_event_csv
from tests.cli.test_cli_passports import run
from tests.reports.test_passport_pdf import pdftotext, squeeze

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "o.db")
    assert run(capsys, "demo", "--db", path, "--services", "60", "--seed", "2")[0] == 0
    return path


def test_compliance_json_matches_the_dashboard(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", db, "compliance", "--format", "json")
    document = json.loads(out)
    app = build(db)
    try:
        report = app.compliance.report()
    finally:
        app.close()
    assert code == 0 and document["passports"] == 60
    assert document["counts"] == {k.value: n for k, n in report.counts().items()}
    assert len(document["items"]) == len(report.items) > 0
    code, out, _ = run(capsys, "--db", db, "compliance", "--kind", "پیش‌نویس قدیمی‌تر از یک ماه")
    assert code == 0 and "پیش‌نویس از" in out
    assert run(capsys, "--db", db, "compliance", "--kind", "nonsense")[0] == 2


def test_licences_proposals_cycle_and_chains(db: str, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", db, "licences", "check", "--format", "json")
    assert code == 1 and any(i["finding"] == "unmapped" for i in json.loads(out))
    assert run(capsys, "--db", db, "licences", "add", "--code", "LP-X", "--title", "پروانه آزمایشی")[0] == 0
    code, out, _ = run(capsys, "--db", db, "licences", "map", "LP-X", "۱۲۳۴۵۶۷۸")
    assert code == 0 and "12345678" in out
    code, _, err = run(capsys, "--db", db, "licences", "map", "LP-X", "12-AB")
    assert code == 2 and "شناسهٔ خدمت درستی نیست" in err
    code, out, _ = run(capsys, "--db", db, "proposals", "add", "--title", "صدور برگ تردد",
                       "--province", "کرمان")
    uuid = out.strip()
    assert run(capsys, "--db", db, "proposals", "set-status", uuid[:8], "proposed")[0] == 0
    code, _, err = run(capsys, "--db", db, "proposals", "issue", uuid[:8], "55555555")
    assert code == 5 and "مدیر سامانه" in err, "the centre's answer is recorded by an administrator"
    assert run(capsys, "settings", "set", "--role", "preparer", "--role", "admin")[0] == 0
    assert run(capsys, "--db", db, "proposals", "issue", uuid[:8], "55555555")[0] == 0
    code, out, _ = run(capsys, "--db", db, "proposals", "list", "--format", "json")
    mine = next(p for p in json.loads(out) if p["uuid"] == uuid)
    assert (mine["status"], mine["issued_service_id"]) == ("issued", "55555555")
    code, _, err = run(capsys, "--db", db, "cycle", "set", "5", "--status", "approved")
    assert code == 2 and "تاریخ تأییدیه" in err
    assert run(capsys, "--db", db, "cycle", "set", "5", "--status", "approved",
               "--approved-on", "۱۴۰۵/۰۸/۰۱", "--evidence", "نامه تأیید کاتالوگ داده")[0] == 0
    code, out, _ = run(capsys, "--db", db, "cycle", "show", "--format", "json")
    step5 = json.loads(out)[4]
    assert step5["status"] == "approved" and step5["approval_date"] == "2026-10-23"
    assert run(capsys, "--db", db, "cycle", "report", "--period", "پاییز ۱۴۰۵",
               "--representative", "معاون", "--progress", "پنج گام تأیید شد")[0] == 0
    assert run(capsys, "--db", db, "cycle", "lesson", "--title", "درس", "--lesson", "متن درس",
               "--step", "5")[0] == 0
    assert run(capsys, "--db", db, "chains", "add", "--title", "زنجیرهٔ آزمایشی",
               "--link", "ثبت احوال||استعلام هویت", "--link", "شهرداری|12345678|پروانه")[0] == 0
    code, out, _ = run(capsys, "--db", db, "chains", "list")
    assert "زنجیرهٔ آزمایشی" in out and "شهرداری" in out
    assert run(capsys, "--db", db, "cycle", "pdf", "-o", str(tmp_path / "cycle.pdf"))[0] == 0
    text = squeeze(pdftotext(tmp_path / "cycle.pdf"))
    assert squeeze("پنج گام تأیید شد") in text and squeeze("زنجیرهٔ آزمایشی") in text


def test_lists_and_event_logs(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--db", db, "lists", "pdf", "-o", str(tmp_path / "l.pdf"))[0] == 0
    assert squeeze("فهرست خدمات الکترونیکی‌نشده") in squeeze(pdftotext(tmp_path / "l.pdf"))
    code, out, _ = run(capsys, "--db", db, "lists", "excel", "-o", str(tmp_path / "l.xlsx"), "--all")
    assert code == 0 and (tmp_path / "l.xlsx").stat().st_size > 0
    code, out, _ = run(capsys, "--db", db, "events", "stats", "--format", "json")
    demo_services = [s["service_id"] for s in json.loads(out)]
    assert len(demo_services) == 2
    write_event_csv(tmp_path / "e.csv", 500, seed=9, end=dt.date(2025, 1, 1))
    code, out, _ = run(capsys, "--db", db, "events", "import", str(tmp_path / "e.csv"),
                       "--service", demo_services[0])
    assert code == 0 and "۵۰۰ رویداد" in out
    xes = tmp_path / "s.xes"
    code, out, _ = run(capsys, "--db", db, "events", "export", "--service", demo_services[0],
                       "-o", str(xes))
    assert code == 0
    schema = etree.XMLSchema(etree.parse(str(ROOT / "schemas" / "xes-ieee1849.xsd")))
    assert schema.validate(etree.parse(str(xes)))
    assert run(capsys, "--db", db, "events", "fill-time", "--service", demo_services[0])[0] == 0
    code, _, err = run(capsys, "--db", db, "events", "export", "--service", "99999999", "-o",
                       str(tmp_path / "n.xes"))
    assert code == 3 and "رویدادنگاری" in err
