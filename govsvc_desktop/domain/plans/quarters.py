"""Jalali quarters (سه‌ماهه): progress reports are due every three months (seed 002 Art. 2).

A quarter is written ``1404-Q2``: the second quarter of 1404 runs from 1 Tir to 31 Shahrivar.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import jdatetime

from govsvc_desktop.domain.calendar import jalali_parts
from govsvc_desktop.domain.persian import to_ascii_digits, to_persian_digits

_QUARTER = re.compile(r"^\s*(\d{4})\s*-?\s*[Qq]\s*([1-4])\s*$")
QUARTER_NAMES_FA = ("اول", "دوم", "سوم", "چهارم")


def parse_quarter(text: str) -> tuple[int, int]:
    """``1404-Q2`` (any digits) → (1404, 2); ValueError otherwise."""
    match = _QUARTER.match(to_ascii_digits(text))
    if not match:
        raise ValueError(text)
    return int(match.group(1)), int(match.group(2))


def quarter_code(year: int, quarter: int) -> str:
    return f"{year}-Q{quarter}"


@lru_cache(maxsize=4096)
def quarter_of(day: dt.date) -> str:
    year, month, _ = jalali_parts(day)
    return quarter_code(year, (month - 1) // 3 + 1)


@lru_cache(maxsize=1024)
def quarter_bounds(code: str) -> tuple[dt.date, dt.date]:
    """First and last Gregorian day of a Jalali quarter."""
    year, q = parse_quarter(code)
    first = jdatetime.date(year, 3 * q - 2, 1).togregorian()
    if q == 4:
        last = jdatetime.date(year + 1, 1, 1).togregorian() - dt.timedelta(days=1)
    else:
        last = jdatetime.date(year, 3 * q + 1, 1).togregorian() - dt.timedelta(days=1)
    return first, last


def next_quarter(code: str) -> str:
    year, q = parse_quarter(code)
    return quarter_code(year + (q == 4), 1 if q == 4 else q + 1)


def quarters_between(start: dt.date, end: dt.date) -> list[str]:
    """Every quarter that overlaps the period, in order."""
    return list(_quarters_between(start, end))


@lru_cache(maxsize=4096)
def _quarters_between(start: dt.date, end: dt.date) -> tuple[str, ...]:
    if end < start:
        return ()
    result = [quarter_of(start)]
    last = quarter_of(end)
    while result[-1] != last:
        result.append(next_quarter(result[-1]))
    return tuple(result)


def finished_quarters(start: dt.date, end: dt.date, today: dt.date) -> list[str]:
    """Quarters of the period that have ended before ``today``: their reports are due."""
    return list(_finished(start, end, today))


@lru_cache(maxsize=4096)
def _finished(start: dt.date, end: dt.date, today: dt.date) -> tuple[str, ...]:
    return tuple(q for q in _quarters_between(start, end) if quarter_bounds(q)[1] < today)


@lru_cache(maxsize=1024)
def quarter_label_fa(code: str) -> str:
    """``1404-Q2`` → «سه‌ماهه دوم ۱۴۰۴»."""
    year, q = parse_quarter(code)
    return f"سه‌ماهه {QUARTER_NAMES_FA[q - 1]} {to_persian_digits(str(year))}"
