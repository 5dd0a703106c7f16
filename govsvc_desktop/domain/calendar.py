"""Jalali dates: entered and shown year first (۱۴۰۳/۰۴/۰۲), stored as ISO dates.

A thin layer over jdatetime so that every part of the application parses and prints dates
the same way.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from functools import lru_cache

import jdatetime

from govsvc_desktop.domain.errors import Problem
from govsvc_desktop.domain.persian import to_ascii_digits, to_persian_digits

_JALALI = re.compile(r"^\s*(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*$")
JALALI_MONTHS = (
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
)



def _gregorian(year: int, month: int, day: int) -> dt.date:
    """The Gregorian date of a Jalali one; ValueError if there is no such Jalali day."""
    result: dt.date = jdatetime.date(year, month, day).togregorian()
    return result

def parse_jalali(text: str) -> dt.date:
    """``1403/04/02`` or ``۱۴۰۳-۴-۲`` → a Gregorian date; ValueError when not a real day."""
    match = _JALALI.match(to_ascii_digits(text))
    if not match:
        raise ValueError(text)
    year, month, day = (int(g) for g in match.groups())
    if year < 1200 or year > 1600:
        raise ValueError(text)
    return _gregorian(year, month, day)


def parse_date(text: str) -> dt.date:
    """A date as users and spreadsheets write it: Jalali (year < 1700) or ISO Gregorian."""
    ascii_text = to_ascii_digits(text).strip()
    match = _JALALI.match(ascii_text)
    if not match:
        raise ValueError(text)
    year = int(match.group(1))
    if year < 1700:
        return parse_jalali(ascii_text)
    return dt.date(year, int(match.group(2)), int(match.group(3)))


def format_jalali(value: dt.date | str | None, persian_digits: bool = True) -> str:
    """A date as ``۱۴۰۳/۰۴/۰۲``; accepts an ISO string; empty for no date."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    if isinstance(value, dt.datetime):
        value = value.date()
    return _jalali_text(value, persian_digits)


@lru_cache(maxsize=4096)
def _jalali_text(value: dt.date, persian_digits: bool) -> str:
    """Lists show the same few hundred dates on thousands of rows: each is converted once."""
    text = jdatetime.date.fromgregorian(date=value).strftime("%Y/%m/%d")
    return to_persian_digits(text) if persian_digits else text


def format_jalali_datetime(value: dt.datetime | str, persian_digits: bool = True) -> str:
    """A moment as ``۱۴۰۳/۰۴/۰۲ ۱۴:۰۵`` in local time."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if value.tzinfo is not None:
        value = value.astimezone()
    text = jdatetime.datetime.fromgregorian(datetime=value).strftime("%Y/%m/%d %H:%M")
    return to_persian_digits(text) if persian_digits else text


def jalali_parts(value: dt.date) -> tuple[int, int, int]:
    j = jdatetime.date.fromgregorian(date=value)
    return j.year, j.month, j.day


@functools.lru_cache(maxsize=8192)  # validity is asked of every passport in every list
def add_jalali_years(value: dt.date, years: int) -> dt.date:
    """The same Jalali day ``years`` later (30 Esfand falls back to the 29th)."""
    y, m, d = jalali_parts(value)
    try:
        return _gregorian(y + years, m, d)
    except ValueError:
        return _gregorian(y + years, m, d - 1)


def add_jalali_months(value: dt.date, months: int) -> dt.date:
    """The same Jalali day ``months`` later, clamped to the month's last day."""
    y, m, d = jalali_parts(value)
    index = (y * 12 + (m - 1)) + months
    ny, nm = divmod(index, 12)
    nm += 1
    for day in range(d, 28, -1):
        try:
            return _gregorian(ny, nm, day)
        except ValueError:
            continue
    return _gregorian(ny, nm, min(d, 29))


def today() -> dt.date:
    return dt.date.today()


def date_problems(field: str, value: str | None) -> list[Problem]:
    """A stored (ISO) date that is not a real day, as the one problem of ``field``."""
    if not value:
        return []
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return [Problem(field, f"تاریخ «{value}» درست نیست")]
    return []
