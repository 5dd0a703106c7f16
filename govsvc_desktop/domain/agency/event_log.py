"""Event logs of electronic services for process mining (seed 001 Art. 5 note 1): the
activities of every case with their times, as the service's system recorded them.

An event is kept as a plain tuple because logs run to millions of events. Times are
milliseconds since the epoch (UTC) with the offset the source wrote, so durations are exact
and an export can give the times back as they were written. A time written without an offset
is Iran's local time (Asia/Tehran, which had daylight saving until 1401).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple
from zoneinfo import ZoneInfo

from govsvc_desktop.domain.calendar import parse_jalali
from govsvc_desktop.domain.choices import TimeUnit
from govsvc_desktop.domain.persian import format_number, search_key, to_ascii_digits

TEHRAN = ZoneInfo("Asia/Tehran")
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
MAX_TEXT = 500

# Column names a log may use, folded with search_key; the first of each is canonical.
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "case": ("case", "case_id", "case id", "caseid", "case:concept:name", "پرونده",
             "شناسه پرونده", "شماره پرونده", "کد رهگیری"),
    "activity": ("activity", "activity name", "concept:name", "event", "فعالیت", "عنوان فعالیت"),
    "timestamp": ("timestamp", "time", "time:timestamp", "datetime", "date", "زمان", "تاریخ و زمان",
                  "زمان فعالیت"),
    "resource": ("resource", "org:resource", "user", "منبع", "کاربر", "انجام دهنده",
                 "انجام‌دهنده"),
}
REQUIRED_COLUMNS = ("case", "activity", "timestamp")
COLUMN_LABELS_FA = {"case": "پرونده", "activity": "فعالیت", "timestamp": "زمان",
                    "resource": "منبع"}


class Event(NamedTuple):
    case: str
    activity: str
    at_ms: int
    offset_minutes: int
    resource: str


def match_columns(header: list[str]) -> dict[str, int]:
    """Column positions by role; roles not found are absent."""
    folded = [search_key(h.strip().lstrip("\ufeff")) for h in header]
    found: dict[str, int] = {}
    for role, names in COLUMN_NAMES.items():
        for name in names:
            key = search_key(name)
            if key in folded:
                found[role] = folded.index(key)
                break
    return found


_JALALI_TIME = re.compile(
    r"^\s*(1[2-5]\d\d[/-]\d{1,2}[/-]\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*$")


@lru_cache(maxsize=4096)
def _jalali_day(text: str) -> dt.date:
    return parse_jalali(text)


def parse_timestamp(text: str) -> tuple[int, int]:
    """(ms since the epoch, offset in minutes) of an ISO 8601 or Jalali time; ValueError if
    neither. A time without an offset is read as Tehran time."""
    ascii_text = to_ascii_digits(text).strip()
    if not ascii_text:
        raise ValueError(text)
    if len(ascii_text) > 5 and ascii_text[:2] in ("12", "13", "14", "15") and ascii_text[4] in "/-":
        m = _JALALI_TIME.match(ascii_text)
        if not m:
            raise ValueError(text)
        day = _jalali_day(m.group(1).replace("-", "/"))
        hour, minute, second = (int(g) if g else 0 for g in m.group(2, 3, 4))
        micro = int((m.group(5) or "0").ljust(6, "0"))
        moment = dt.datetime(day.year, day.month, day.day, hour, minute, second, micro)
    else:
        if ascii_text.endswith(("z", "Z")):
            ascii_text = ascii_text[:-1] + "+00:00"
        moment = dt.datetime.fromisoformat(ascii_text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=TEHRAN)
    offset = moment.utcoffset()
    assert offset is not None
    delta = moment - EPOCH
    return (delta.days * 86_400_000 + delta.seconds * 1000 + delta.microseconds // 1000,
            int(offset.total_seconds() // 60))


def format_timestamp(at_ms: int, offset_minutes: int) -> str:
    """ISO 8601 with milliseconds and the original offset, as XES's xs:dateTime wants."""
    zone = dt.timezone(dt.timedelta(minutes=offset_minutes))
    moment = EPOCH + dt.timedelta(milliseconds=at_ms)
    return moment.astimezone(zone).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class ServiceLogStats:
    """What a service's logs say: cases, events and how long a case takes on average."""

    service_id: str
    title: str
    logs: int
    events: int
    cases: int
    activities: int
    first_ms: int | None
    last_ms: int | None
    average_case_ms: float | None
    median_case_ms: float | None = None


def duration_in_unit(ms: float) -> tuple[float, TimeUnit]:
    """A case duration as the passport's service time: the largest calendar unit that keeps
    the number readable. Working days are not used: a log measures elapsed time."""
    minutes = ms / 60_000
    if minutes < 120:
        return round(minutes, 1), TimeUnit.MINUTE
    if minutes < 48 * 60:
        return round(minutes / 60, 1), TimeUnit.HOUR
    if minutes < 60 * 24 * 60:
        return round(minutes / (24 * 60), 1), TimeUnit.DAY
    return round(minutes / TimeUnit.MONTH.minutes, 1), TimeUnit.MONTH


def describe_duration_fa(ms: float | None) -> str:
    if ms is None:
        return "—"
    value, unit = duration_in_unit(ms)
    return f"{format_number(value)} {unit.label_fa}"
