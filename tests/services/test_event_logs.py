"""Event logs: CSV in (Persian or English headers, Jalali or ISO times), figures per service,
IEEE XES out — valid against the schema and loaded by pm4py with the same cases and events."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from lxml import etree

from govsvc_desktop.bootstrap import App
from govsvc_desktop.demo.agency import write_event_csv
from govsvc_desktop.domain.agency.event_log import parse_timestamp
from govsvc_desktop.domain.choices import TimeUnit
from govsvc_desktop.domain.errors import Cancelled, GovsvcError, ValidationError
from tests.fixtures import full_passport

SERVICE = "11031164001"
ROOT = Path(__file__).resolve().parents[2]


def write(path: Path, header: list[str], rows: list[list[str]], encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        w = csv.writer(handle)
        w.writerow(header)
        w.writerows(rows)
    return path


def test_timestamps_in_every_form_people_write_them() -> None:
    iso = parse_timestamp("2024-05-01T10:30:00+03:30")
    assert parse_timestamp("2024-05-01 07:00:00Z") == (iso[0], 0)
    assert parse_timestamp("۱۴۰۳/۰۲/۱۲ ۱۰:۳۰") == iso  # Jalali, Persian digits, Tehran time
    assert parse_timestamp("1403-02-12T10:30:00") == iso
    with pytest.raises(ValueError):
        parse_timestamp("دیروز")


def test_import_figures_and_fill_service_time(app: App, tmp_path: Path) -> None:
    app.passports.save(full_passport())
    path = write(tmp_path / "log.csv", ["پرونده", "فعالیت", "زمان", "کاربر"], [
        ["A", "ثبت درخواست", "۱۴۰۳/۰۲/۱۲ ۱۰:۰۰", "کارشناس ۱"],
        ["A", "صدور پاسخ", "۱۴۰۳/۰۲/۱۲ ۱۲:۰۰", "سامانه"],
        ["B", "ثبت درخواست", "2024-05-02T08:00:00+03:30", ""],
        ["B", "بررسی، مدارک \"اصل\"", "2024-05-02T09:00:00+03:30", ""],
        ["B", "صدور پاسخ", "2024-05-02T12:00:00+03:30", ""],
    ])
    result = app.events.import_csv("۱۱۰۳۱۱۶۴۰۰۱", path)
    assert (result.service_id, result.events, result.cases) == (SERVICE, 5, 2)
    [stats] = app.events.stats()
    assert (stats.cases, stats.events, stats.activities) == (2, 5, 3)
    assert stats.average_case_ms == 3 * 3600 * 1000  # (2 h + 4 h) / 2
    value, unit = app.events.fill_service_time(SERVICE)
    saved = app.passports.get(full_passport().uuid)
    assert (saved.service_time, saved.service_time_unit) == (3.0, TimeUnit.HOUR) and value == 3.0
    assert unit == "ساعت"
    with pytest.raises(GovsvcError, match="وارد شده است"):
        app.events.import_csv(SERVICE, path)
    app.events.import_csv(SERVICE, path, replace=True)
    assert app.events.stats()[0].events == 5


def test_bad_rows_are_named_and_nothing_is_kept(app: App, tmp_path: Path) -> None:
    path = write(tmp_path / "bad.csv", ["case", "activity", "timestamp"], [
        ["A", "ثبت", "2024-05-01T10:00:00"],
        ["A", "", "2024-05-01T11:00:00"],
        ["B", "ثبت", "فردا صبح"],
    ])
    with pytest.raises(ValidationError) as caught:
        app.events.import_csv(SERVICE, path)
    described = [p.describe() for p in caught.value.problems]
    assert described == ["ردیف ۳: فعالیت: خالی است", described[1]]
    assert described[1].startswith("ردیف ۴: زمان: «فردا صبح» زمان درستی نیست")
    assert app.events.stats() == [] and app.events.logs() == []


def test_missing_columns_and_excel_files_are_refused_in_persian(app: App, tmp_path: Path) -> None:
    with pytest.raises(GovsvcError, match="ستون «زمان»"):
        app.events.import_csv(SERVICE, write(tmp_path / "x.csv", ["case", "activity"], [["a", "b"]]))
    xlsx = tmp_path / "log.csv"
    xlsx.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(GovsvcError, match="اکسل"):
        app.events.import_csv(SERVICE, xlsx)


def test_cancelled_import_leaves_nothing(app: App, tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    write_event_csv(path, 45_000, seed=3, end=dt.date(2025, 1, 1))
    with pytest.raises(Cancelled):
        app.events.import_csv(SERVICE, path, progress=lambda done, total: False)
    assert app.events.logs() == []


@pytest.mark.filterwarnings("ignore:Install the optional requirement")
def test_xes_export_is_valid_and_loads_in_pm4py(app: App, tmp_path: Path) -> None:
    import pm4py

    path = tmp_path / "log.csv"
    write_event_csv(path, 2_000, seed=7, end=dt.date(2025, 1, 1))
    result = app.events.import_csv(SERVICE, path)
    xes = tmp_path / "out.xes"
    cases, events = app.events.export_xes(SERVICE, xes)
    assert (cases, events) == (result.cases, 2_000)
    schema = etree.XMLSchema(etree.parse(str(ROOT / "schemas" / "xes-ieee1849.xsd")))
    document = etree.parse(str(xes))
    assert schema.validate(document), schema.error_log
    log = pm4py.read_xes(str(xes))
    assert len(log) == 2_000 and log["case:concept:name"].nunique() == result.cases
    first = log.sort_values(["case:concept:name", "time:timestamp"]).iloc[0]
    assert first["concept:name"] == "ثبت درخواست"


def test_schema_refuses_what_is_not_xes(tmp_path: Path) -> None:
    schema = etree.XMLSchema(etree.parse(str(ROOT / "schemas" / "xes-ieee1849.xsd")))
    bad = etree.fromstring(b'<log xmlns="http://www.xes-standard.org/" xes.version="2.0">'
                           b'<trace><date key="time:timestamp" value="yesterday"/></trace></log>')
    assert not schema.validate(bad)


def test_export_of_a_service_without_log_is_a_clear_error(app: App, tmp_path: Path) -> None:
    with pytest.raises(GovsvcError, match="رویدادنگاری وارد نشده"):
        app.events.export_xes(SERVICE, tmp_path / "none.xes")
    assert not (tmp_path / "none.xes").exists()
