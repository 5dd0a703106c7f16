"""Bounds on CSV files from outside: a field larger than ``MAX_FIELD`` or a file longer than
``MAX_ROWS`` rows is refused with a Persian message naming the row and the limit, instead of
the csv module's English error (or a reader that runs until memory is gone)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.domain.persian import format_int

MAX_FIELD = 1_000_000  # characters in one cell (≈1 MB); an event name or title is far shorter
MAX_ROWS = 300_000  # for lists (licences); event logs stream and may be longer
csv.field_size_limit(MAX_FIELD)


class CsvRefused(GovsvcError):
    """The CSV file breaks a bound this program keeps."""


def guarded(rows: Iterable[list[str]], name: str, first_row: int = 1) -> Iterator[list[str]]:
    """``rows`` as they are, until a field over ``MAX_FIELD`` or a malformed row."""
    it = iter(rows)
    number = first_row - 1
    while True:
        number += 1
        try:
            row = next(it)
        except StopIteration:
            return
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                raise CsvRefused(
                    f"«{name}»، ردیف {format_int(number)}: خانه‌ای بیش از "
                    f"{format_int(MAX_FIELD)} نویسه دارد (بیشینهٔ یک خانه)؛ پرونده پذیرفته نشد") from None
            raise CsvRefused(f"«{name}»، ردیف {format_int(number)}: CSV درست نیست "
                             "(نویسهٔ نقل‌قول بسته نشده یا نویسهٔ نادرست)") from None
        yield row


def read_csv_rows(rows: Iterable[list[str]], name: str) -> list[list[str]]:
    """Every row of a list-sized CSV, bounded in field size and row count."""
    result = []
    for row in guarded(rows, name):
        result.append(row)
        if len(result) > MAX_ROWS:
            raise CsvRefused(f"«{name}» بیش از {format_int(MAX_ROWS)} ردیف دارد (بیشینهٔ یک فهرست)؛ "
                             "پرونده پذیرفته نشد")
    return result
