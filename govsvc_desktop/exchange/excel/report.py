"""The problem report: the user's own workbook with each problem marked in its cell.

Errors are filled red and warnings amber, each with a note saying what is wrong, and a first
sheet lists every problem with a link to its cell, so the person who filled the workbook can
correct it in place and send it again.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill

from govsvc_desktop.config import atomic_write
from govsvc_desktop.exchange.excel.reader import CellProblem
from govsvc_desktop.exchange.excel.safety import check_workbook
from govsvc_desktop.exchange.excel.text import append_row
from govsvc_desktop.exchange.excel.writer import FONT_NAME

REPORT_SHEET = "گزارش مشکلات"
ERROR_FILL = PatternFill("solid", fgColor="F4B6B6")
WARNING_FILL = PatternFill("solid", fgColor="FCE4B0")
HEADERS = ("برگه", "سلول", "ردیف", "مقدار", "مشکل", "نوع")


def write_problem_report(source: Path, problems: Sequence[CellProblem], target: Path) -> None:
    check_workbook(source)
    wb = load_workbook(source)
    for problem in problems:
        if problem.sheet not in wb.sheetnames or not problem.cell:
            continue
        cell = wb[problem.sheet][problem.cell]
        cell.fill = ERROR_FILL if problem.blocking else WARNING_FILL
        text = problem.message_fa
        if cell.comment is not None and cell.comment.author == "govsvc-desktop":
            text = cell.comment.text + "\n" + text
        note = Comment(text, "govsvc-desktop")
        note.width, note.height = 300, 120
        cell.comment = note
    if REPORT_SHEET in wb.sheetnames:
        del wb[REPORT_SHEET]
    ws = wb.create_sheet(REPORT_SHEET, 0)
    ws.sheet_view.rightToLeft = True
    ws.freeze_panes = "A2"
    ws.append(HEADERS)
    for cell in ws[1]:
        cell.font = Font(name=FONT_NAME, bold=True)
    for width, letter in zip((24, 10, 8, 30, 80, 10), "ABCDEF", strict=True):
        ws.column_dimensions[letter].width = width
    for problem in problems:
        append_row(ws, [problem.sheet, problem.cell, problem.row, problem.value,
                        problem.message_fa, "خطا" if problem.blocking else "هشدار"])
        row = ws.max_row
        for cell in ws[row]:
            cell.font = Font(name=FONT_NAME)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        if problem.cell and problem.sheet in wb.sheetnames:
            link = ws.cell(row, 2)
            link.hyperlink = f"#'{problem.sheet}'!{problem.cell}"
            link.font = Font(name=FONT_NAME, color="0645AD", underline="single")
    wb.active = 0
    buffer = io.BytesIO()
    wb.save(buffer)
    atomic_write(target, buffer.getvalue())
