"""The published service lists as a workbook: one right-to-left sheet per list, ready to put
on the agency's website (seed 003 Art. 4 note 1, Art. 14 note 1)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from govsvc_desktop.config import atomic_output
from govsvc_desktop.domain.agency.service_lists import ListedService, ServiceLists
from govsvc_desktop.exchange.excel.text import append_row
from govsvc_desktop.exchange.excel.writer import FONT_NAME

_HEAD = ["شناسهٔ خدمت", "عنوان خدمت", "واحد ارائه‌دهنده"]
_SHEETS = (
    ("خدمات الکترونیکی", "electronic", ["روش و گسترهٔ ارائه"]),
    ("خدمات الکترونیکی‌نشده", "non_electronic", ["تاریخ الکترونیکی شدن", "معافیت یا توضیح",
                                                 "از موعد گذشته"]),
    ("واگذارشده به پیشخوان", "delegated", ["اقدامات و دفاتر ارائه‌دهنده", "کارمزد (ریال)"]),
)


def _cells(kind: str, item: ListedService) -> list[object]:
    base: list[object] = [item.service_id, item.title, item.unit]
    if kind == "non_electronic":
        return base + [item.date or "", item.detail, "بله" if item.late else ""]
    if kind == "delegated":
        return base + [item.detail, item.fee_rials]
    return base + [item.detail]


def write_lists_workbook(lists: ServiceLists, path: Path, jalali: dict[str, str]) -> None:
    """``jalali`` maps ISO dates to how they are shown (the caller formats dates once)."""
    wb = Workbook()
    wb.remove(wb.active)
    bold = Font(name=FONT_NAME, size=11, bold=True)
    fill = PatternFill("solid", fgColor="DDE7F0")
    for title, kind, extra in _SHEETS:
        ws = wb.create_sheet(title)
        ws.sheet_view.rightToLeft = True
        headers = _HEAD + extra
        ws.append(headers)
        for cell in ws[1]:
            cell.font, cell.fill = bold, fill
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        for item in getattr(lists, kind):
            row = _cells(kind, item)
            if kind == "non_electronic" and item.date:
                row[3] = jalali.get(item.date, item.date)
            append_row(ws, row)
        for i, width in enumerate([18, 50, 28] + [30] * len(extra), start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        ws.freeze_panes = "A2"
        for cell in ws["A"][1:]:
            cell.number_format = "@"
    with atomic_output(path) as out:
        wb.save(out)
