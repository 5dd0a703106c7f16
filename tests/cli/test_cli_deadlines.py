"""The deadline calendar and the reference lists from the command line: JSON, an .ics that a
calendar library reads back, events recorded, free text matched to the lists."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from icalendar import Calendar

from govsvc_desktop.bootstrap import build
from govsvc_desktop.domain.choices import Status
from govsvc_desktop.domain.plans.model import Request128, RequestStatus
from tests.cli.test_cli_passports import run
from tests.fixtures import full_passport


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "deadlines.sqlite3")


def test_compliance_json_carries_the_deadlines_and_the_ics_reads_back(
        db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", db, "compliance", "--format", "json")
    document = json.loads(out)
    keys = {d["key"]: d for d in document["deadlines"]}
    assert keys["000-4-1"]["due"] == "2024-07-13"  # three weeks after 1403/04/02
    assert keys["000-4-1"]["overdue"] and keys["000-4-1"]["days_left"] < 0
    assert keys["001-19"]["due"] == "2025-01-07"  # ten days after 1403/10/08
    assert keys["000-4-2"]["due"] is None, "waits for the centre's corrected list"
    assert any(i["kind"] == "deadline_overdue" and i["title"] == keys["001-19"]["title"]
               for i in document["items"])
    code, out, err = run(capsys, "--db", db, "deadlines", "record", "نماینده دستگاه به سازمان معرفی شد",
                         "--date", "۱۴۰۳/۱۰/۱۵")
    assert code == 0, err
    code, out, _ = run(capsys, "--db", db, "deadlines", "list", "--format", "json")
    listed = {d["key"]: d for d in json.loads(out)["deadlines"]}
    assert listed["001-19"]["done"] and not listed["001-19"]["overdue"]
    target = tmp_path / "مواعد.ics"
    code, out, _ = run(capsys, "--db", db, "deadlines", "export", "-o", str(target))
    assert code == 0
    calendar = Calendar.from_ical(target.read_bytes())
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert "000-4-1@govsvc-desktop" in events and "001-19@govsvc-desktop" not in events
    first = events["000-4-1@govsvc-desktop"]
    assert first.decoded("dtstart") == dt.date(2024, 7, 13)
    assert "ماده ۴" in str(first["description"])
    assert str(first["summary"]) == listed["000-4-1"]["title"]
    step6 = next(e for uid, e in events.items() if uid.startswith("step:") and "گام ۶" in str(e["summary"]))
    assert step6.decoded("dtstart") == dt.date(2026, 3, 20)  # end of the plan's second year


def test_existing_free_text_is_matched_and_the_rest_listed(
        db: str, capsys: pytest.CaptureFixture[str]) -> None:
    app = build(db)
    first = full_passport()
    first.province, first.county = "استان فارس", "مرودشت"
    app.passports.save(first)
    second = full_passport("11111111-2222-4333-8444-555555555555")
    second.service_id, second.province, second.county = "", "كهگيلويه و بويراحمد", "یاسوج"
    second.agency_name = "اداره کل ناشناخته"
    app.passports.save(second)
    app.close()
    code, out, _ = run(capsys, "--db", db, "reference", "match", "--format", "json")
    assert code == 0
    assert json.loads(out) == [{"field": "agency_name", "value": "اداره کل ناشناخته", "records": 1}]
    app = build(db)
    assert app.passports.get(first.uuid).province == "فارس"
    fixed = app.passports.get(second.uuid)
    assert (fixed.province, fixed.county) == ("کهگیلویه و بویراحمد", "بویراحمد")
    assert fixed.revision == 2 and any(e.action == "reference_match" for e in app.passports.history(second.uuid))
    app.close()
    code, out, _ = run(capsys, "--db", db, "reference", "search", "county", "بندر", "--province", "گیلان")
    assert out.split("\n")[0] == "بندر انزلی"
    code, out, _ = run(capsys, "--db", db, "reference", "search", "province", "خراسان")
    assert set(out.split()) >= {"خراسان", "جنوبی", "رضوی", "شمالی"}
    code, out, _ = run(capsys, "--db", db, "reference", "show")
    assert "۳۱" in out


def test_an_upgrade_recomputes_what_the_rules_now_say(db: str) -> None:
    app = build(db)
    p = full_passport()
    p.status, p.approved_on = Status.APPROVED, "2026-01-12"
    with app.uow() as uow:
        p.revision, p.created_at, p.updated_at = 1, "2026-01-01T00:00:00", "2026-01-01T00:00:00"
        uow.passports.insert(p)
        uow.conn.exec_driver_sql("UPDATE passports SET valid_until = '2027-01-12'")
        uow.meta.set("reference:matched", "old")
        uow.commit()
    app.close()
    app = build(db)
    summary = app.passports.page()[0]
    assert summary.valid_until == "2027-01-11"  # the day before the anniversary
    app.close()


def test_plan_dates_start_the_provincial_slice_deadline(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "plans.sqlite3")
    app = build(db)
    passport = full_passport()
    app.passports.save(passport)
    plan = app.plans.new_plan(passport.uuid)
    plan.pilot_province = "فارس"
    plan = app.plans.save(plan)
    for reference, status, response in (("128-1", RequestStatus.RECEIVED, ""),
                                        ("128-2", RequestStatus.CLOSED, "رسیدگی شد")):
        app.plans.save_request(Request128(reference=reference, subject="تأخیر", received_on="2025-05-01",
                                          deadline="2025-05-10", status=status, response=response))
    app.close()
    code, out, _ = run(capsys, "--db", db, "deadlines", "list", "--format", "json")
    listed = json.loads(out)["deadlines"]
    keys = {d["key"] for d in listed}
    assert f"plan-slice:{plan.uuid}" not in keys, "waits for the Organisation's approval"
    requests = [d for d in listed if d["record_type"] == "request"]
    assert len(requests) == 1 and "128-1" in requests[0]["title"] and requests[0]["overdue"]
    code, out, err = run(capsys, "--db", db, "plans", "dates", plan.uuid[:8],
                         "--organisation-approved", "۱۴۰۴/۰۱/۲۱")
    assert code == 0, err
    code, out, _ = run(capsys, "--db", db, "deadlines", "list", "--format", "json")
    found = {d["key"]: d for d in json.loads(out)["deadlines"]}
    assert found[f"plan-slice:{plan.uuid}"]["due_jalali"] == "۱۴۰۴/۰۲/۲۱"
    assert run(capsys, "--db", db, "plans", "dates", plan.uuid[:8], "--slice-approved",
               "1404/02/10")[0] == 0
    code, out, _ = run(capsys, "--db", db, "deadlines", "list", "--format", "json")
    assert f"plan-slice:{plan.uuid}" not in {d["key"] for d in json.loads(out)["deadlines"]}
