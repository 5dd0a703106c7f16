import datetime as dt

import pytest

from govsvc_desktop.domain import calendar as cal


def test_jalali_round_trip_year_first_with_persian_digits() -> None:
    day = cal.parse_jalali("۱۴۰۳/۰۴/۰۲")
    assert day == dt.date(2024, 6, 22)
    assert cal.format_jalali(day) == "۱۴۰۳/۰۴/۰۲"
    assert cal.format_jalali("2024-06-22", persian_digits=False) == "1403/04/02"


@pytest.mark.parametrize("text", ["1403/13/01", "1403/12/31", "14030402", "2024/06/22x", ""])
def test_parse_jalali_refuses_impossible_dates(text: str) -> None:
    with pytest.raises(ValueError):
        cal.parse_jalali(text)


def test_parse_date_accepts_jalali_or_gregorian() -> None:
    assert cal.parse_date("1403-4-2") == cal.parse_date("2024-06-22")


def test_one_jalali_year_later_and_leap_esfand() -> None:
    assert cal.add_jalali_years(cal.parse_jalali("1403/04/02"), 1) == cal.parse_jalali("1404/04/02")
    # 1403 is a leap year: 30 Esfand 1403 + 1 year falls back to 29 Esfand 1404.
    assert cal.add_jalali_years(cal.parse_jalali("1403/12/30"), 1) == cal.parse_jalali("1404/12/29")


def test_add_months_clamps_to_month_end() -> None:
    assert cal.add_jalali_months(cal.parse_jalali("1403/06/31"), 1) == cal.parse_jalali("1403/07/30")
    assert cal.add_jalali_months(cal.parse_jalali("1403/11/15"), 2) == cal.parse_jalali("1404/01/15")
