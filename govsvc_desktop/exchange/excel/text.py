"""Text cells that stay text: one rule for every workbook the program writes.

openpyxl stores a string that begins with ``=`` as a formula, and a spreadsheet reads text
beginning with ``+``, ``-``, ``@``, a tab or a carriage return as one when a person edits the
cell. Every string written here is a typed text cell marked ``quotePrefix``, so a title such
as ``=HYPERLINK(...)`` is shown as typed and never runs.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def clean_text(text: str) -> str:
    """Text without the control characters SpreadsheetML cannot hold."""
    return str(ILLEGAL_CHARACTERS_RE.sub("", text)) if ILLEGAL_CHARACTERS_RE.search(text) else text


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def as_text(cell: Any) -> Any:
    """Makes a cell holding a string a text cell (never a formula); returns the cell."""
    value = cell.value
    if isinstance(value, str):
        cell.value = clean_text(value)
        cell.data_type = "s"
        if looks_like_formula(value):
            cell.quotePrefix = True
    return cell


def append_row(ws: Any, values: Iterable[Any]) -> None:
    """``ws.append`` with every string written as text."""
    ws.append(list(values))
    for cell in ws[ws.max_row]:
        as_text(cell)
