"""Writing the passport workbook: the empty template and the export share one layout.

openpyxl builds the workbook's frame (styles, header notes, drop-down lists, frozen panes, the
read-me sheet) with one probe row per sheet that registers the body styles. The data rows are
then streamed into the sheets in place of the probe rows as plain SpreadsheetML, which is ten
times faster than openpyxl's cell objects and keeps memory flat for any number of passports.
Every text cell is an inline string, never a formula, so a value beginning with ``=``, ``+``,
``-`` or ``@`` runs nothing when a colleague opens the file.
"""

from __future__ import annotations

import itertools
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.datavalidation import DataValidation

from govsvc_desktop.config import atomic_output
from govsvc_desktop.domain.passport.labels import PASSPORT_FIELDS
from govsvc_desktop.domain.passport.model import ServicePassport
from govsvc_desktop.domain.plans.model import ImprovementPlan
from govsvc_desktop.exchange.excel.layout import (
    LISTS_SHEET,
    MAIN_SHEET,
    README_SHEET,
    SHEETS,
    Kind,
    SheetSpec,
    cell_getter,
    number_format,
    write_cell,
)
from govsvc_desktop.exchange.excel.plans import PLAN_SHEETS
from govsvc_desktop.exchange.excel.text import clean_text

FONT_NAME = "Vazirmatn"
HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")
SYSTEM_FILL = PatternFill("solid", fgColor="EEEEEE")
SYSTEM_FIELDS = ("revision", "created_at", "updated_at")
Progress = Callable[[int, int], bool]
ALL_SHEETS = SHEETS + tuple(spec for spec, _ in PLAN_SHEETS)


def _use_persian_font(wb: Workbook) -> None:
    """Unstyled cells take font 0: make it Vazirmatn so every cell reads in the same face."""
    wb._fonts = IndexedList([Font(name=FONT_NAME, size=10)])


def _text(value: str) -> str:
    return clean_text(value)


def _header_row(ws: Any, spec: SheetSpec) -> list[WriteOnlyCell]:
    cells = []
    for column in spec.columns:
        cell = WriteOnlyCell(ws, value=column.header)
        cell.font = Font(name=FONT_NAME, size=10, bold=True)
        cell.fill = SYSTEM_FILL if column.field in SYSTEM_FIELDS else HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        comment = Comment(column.note, "govsvc-desktop")
        comment.width = 320
        comment.height = 160
        cell.comment = comment
        cells.append(cell)
    return cells


def _probe_row(ws: Any, spec: SheetSpec) -> list[WriteOnlyCell]:
    """One cell per column carrying the column's body style; replaced by the data rows."""
    cells = []
    for column in spec.columns:
        cell = WriteOnlyCell(ws, value="probe")
        cell.font = Font(name=FONT_NAME, size=10)
        cell.alignment = Alignment(wrap_text=column.kind is Kind.TEXT, vertical="top")
        cell.number_format = number_format(column)
        cells.append(cell)
    return cells


def _list_ranges(pick_lists: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Where each field's official list sits in the hidden lists sheet (one column each)."""
    return {f: f"'{LISTS_SHEET}'!${get_column_letter(i)}$2:${get_column_letter(i)}${len(values) + 1}"
            for i, (f, values) in enumerate(pick_lists.items(), 1) if values}


def _lists_sheet(wb: Workbook, pick_lists: Mapping[str, Sequence[str]]) -> None:
    """The official lists, last and hidden, for the drop-downs of ``_list_ranges``."""
    ws = wb.create_sheet(LISTS_SHEET)
    ws.sheet_state = "hidden"
    ws.append([PASSPORT_FIELDS.get(f, f) for f in pick_lists])
    for row in itertools.zip_longest(*pick_lists.values(), fillvalue=None):
        ws.append(list(row))


def _prepare_sheet(wb: Workbook, spec: SheetSpec, rows_hint: int,
                   ranges: Mapping[str, str] | None = None) -> Any:
    ws = wb.create_sheet(spec.name)
    ws.sheet_view.rightToLeft = True
    ws.freeze_panes = "B2"
    for i, column in enumerate(spec.columns, 1):
        dim = ws.column_dimensions[get_column_letter(i)]
        dim.width = column.width
        dim.number_format = number_format(column)
    last = max(rows_hint + 1, 1000)
    for i, column in enumerate(spec.columns, 1):
        picked = (ranges or {}).get(column.field) if not spec.part else None
        if picked:  # a value the list lacks is let through with a warning: flagged free text
            letter = get_column_letter(i)
            dv = DataValidation(type="list", formula1=picked, allow_blank=True)
            dv.errorStyle = "warning"
            dv.error = "این مقدار در فهرست رسمی نیست؛ به‌صورت متن آزاد علامت‌خورده پذیرفته می‌شود."
            dv.errorTitle = column.header[:32]
            dv.showErrorMessage = True
            dv.add(f"{letter}2:{letter}{max(rows_hint + 1, 1000)}")
            ws.data_validations.append(dv)
            continue
        allowed = column.allowed
        if not allowed:
            continue
        letter = get_column_letter(i)
        dv = DataValidation(type="list", formula1='"' + ",".join(allowed) + '"', allow_blank=True)
        dv.error = "یکی از گزینه‌های فهرست را برگزینید."
        dv.errorTitle = column.header[:32]
        dv.prompt = column.header
        dv.showErrorMessage = True
        dv.add(f"{letter}2:{letter}{last}")
        ws.data_validations.append(dv)
    ws.append(_header_row(ws, spec))
    ws.append(_probe_row(ws, spec))
    return ws


def _readme(wb: Workbook) -> None:
    ws = wb.create_sheet(README_SHEET, 0)
    ws.sheet_view.rightToLeft = True
    ws.column_dimensions["A"].width = 110
    lines = [
        "شناسنامه‌های خدمت: الگوی تبادل با برنامه govsvc-desktop",
        "",
        f"۱. در برگه «{MAIN_SHEET}» هر ردیف یک شناسنامه است. ستون «کلید رکورد» را برای هر ردیف "
        "یکتا پر کنید (مثلاً ۱، ۲، ۳ یا شناسه یکتای رکورد).",
        "۲. هر بخش تکرارشونده (مبانی قانونی، مجوزها، مدارک، مراحل، تعرفه‌ها و ...) برگه خود را دارد؛ "
        "در ستون «کلید رکورد» هر ردیف، کلید همان شناسنامه را بنویسید. ترتیب ردیف‌ها ترتیب فهرست است.",
        "۳. روی هر سرستون یادداشتی هست که معنای ستون و قاعده‌های آن را می‌گوید. ستون‌های دارای "
        "فهرست کشویی فقط گزینه‌های فهرست را می‌پذیرند.",
        "۴. تاریخ‌ها را شمسی و سال اول بنویسید: ۱۴۰۳/۰۴/۰۲. مبلغ‌ها به ریال است.",
        "۵. رقم فارسی، عربی و لاتین و «ي/ك» عربی پذیرفته می‌شوند. ستون‌ها را می‌توان جابه‌جا کرد؛ "
        "ستون اضافه خوانده نمی‌شود و در گزارش می‌آید.",
        "۶. ستون‌های خاکستری را برنامه پر می‌کند؛ برای رکورد تازه خالی بگذارید.",
        "۷. هنگام ورود، هر اشکال با نام برگه، شماره ردیف و ستون گزارش می‌شود و تا همه اصلاح نشوند "
        "چیزی ذخیره نمی‌شود (مگر گزینه «فقط رکوردهای درست» را برگزینید).",
        "",
        "برگه‌ها:",
    ] + [f"  • {spec.name}" for spec in SHEETS] + [
        "", "برگه‌های برنامه‌های بهبود (فقط برای خواندن؛ هنگام ورود خوانده نمی‌شوند):",
    ] + [f"  • {spec.name}" for spec, _ in PLAN_SHEETS]
    for i, line in enumerate(lines):
        cell = WriteOnlyCell(ws, value=line)
        cell.data_type = "s"
        cell.font = Font(name=FONT_NAME, size=14 if i == 0 else 11, bold=i == 0)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.append([cell])




def _frame(path: Path, rows_hint: int, pick_lists: Mapping[str, Sequence[str]] | None = None) -> None:
    wb = Workbook(write_only=True)
    _use_persian_font(wb)
    _readme(wb)
    ranges = _list_ranges(pick_lists) if pick_lists else {}
    for spec in ALL_SHEETS:
        _prepare_sheet(wb, spec, rows_hint, ranges)
    if pick_lists:
        _lists_sheet(wb, pick_lists)
    wb.save(str(path))


_PROBE_ROW = re.compile(r'<row r="2"[^>]*>(.*?)</row>', re.S)
_STYLE_ID = re.compile(r'<c r="[A-Z]+2" s="(\d+)"')


def _escape(text: str) -> str:
    return clean_text(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


class _SheetStream:
    """Data rows of one sheet as SpreadsheetML, written to a scratch file as they come."""

    def __init__(self, spec: SheetSpec, styles: list[str], out: IO[str]) -> None:
        self.spec = spec
        self.out = out
        self.row = 1
        self.getters = [cell_getter(c) for c in spec.columns]
        letters = [get_column_letter(i) for i in range(1, len(spec.columns) + 1)]
        self.cells = list(zip(spec.columns, letters, styles, strict=True))

    def write(self, values: Iterable[Any]) -> None:
        self.row += 1
        r = str(self.row)
        parts = [f'<row r="{r}">']
        for (column, letter, style), value in zip(self.cells, values, strict=True):
            written = write_cell(column, value)
            if written is None:
                continue
            if isinstance(written, str):
                if written == "":
                    continue
                space = ' xml:space="preserve"' if written != written.strip() or "\n" in written else ""
                parts.append(f'<c r="{letter}{r}" s="{style}" t="inlineStr"><is><t{space}>'
                             f"{_escape(written)}</t></is></c>")
            else:
                parts.append(f'<c r="{letter}{r}" s="{style}"><v>{written!r}</v></c>')
        parts.append("</row>")
        self.out.write("".join(parts))

    def passport(self, p: ServicePassport) -> None:
        self.write(get(p) for get in self.getters)

    def items(self, p: ServicePassport) -> None:
        for item in getattr(p, self.spec.part):
            self.write([p.uuid, p.title] + [get(item) for get in self.getters[2:]])


def _sheet_members(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → member path, read from the workbook's own relationships."""
    from defusedxml.ElementTree import fromstring

    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
          "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
          "p": "http://schemas.openxmlformats.org/package/2006/relationships"}
    rels = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels.findall("p:Relationship", ns)}
    book = fromstring(archive.read("xl/workbook.xml"))
    members = {}
    for sheet in book.iterfind("m:sheets/m:sheet", ns):
        target = targets[sheet.get(f"{{{ns['r']}}}id")].lstrip("/")
        members[sheet.get("name")] = target if target.startswith("xl/") else f"xl/{target}"
    return members


def write_workbook(
    path: Path, passports: Iterable[ServicePassport], total: int = 0,
    progress: Progress | None = None, plans: Sequence[ImprovementPlan] = (),
    pick_lists: Mapping[str, Sequence[str]] | None = None,
) -> int:
    """Writes the workbook atomically (the template when ``passports`` is empty); returns the
    number of passports. ``progress(done, total)`` returning False stops with InterruptedError
    and leaves no file behind. ``pick_lists`` (field → official values) become drop-downs."""
    with tempfile.TemporaryDirectory(prefix="govsvc-xlsx-") as scratch:
        work = Path(scratch)
        frame = work / "frame.xlsx"
        _frame(frame, total, pick_lists)
        with zipfile.ZipFile(frame) as src:
            members = _sheet_members(src)
            sheet_xml = {spec.name: src.read(members[spec.name]).decode() for spec in ALL_SHEETS}
            streams: list[_SheetStream] = []
            files: list[IO[str]] = []
            for i, spec in enumerate(ALL_SHEETS):
                probe = _PROBE_ROW.search(sheet_xml[spec.name])
                assert probe is not None
                out = open(work / f"rows{i}.xml", "w", encoding="utf-8")
                files.append(out)
                streams.append(_SheetStream(spec, _STYLE_ID.findall(probe.group(0)), out))
            try:
                count = _stream_rows(streams[:len(SHEETS)], passports, total, progress)
                for stream, (_spec, rows_of) in zip(streams[len(SHEETS):], PLAN_SHEETS, strict=True):
                    for plan in plans:
                        for row in rows_of(plan):
                            stream.write(row)
            finally:
                for opened in files:
                    opened.close()
            with atomic_output(path) as fh, \
                    zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED, compresslevel=5) as dst:
                by_member = {members[spec.name]: i for i, spec in enumerate(ALL_SHEETS)}
                for info in src.infolist():
                    if info.filename not in by_member:
                        dst.writestr(info, src.read(info.filename))
                        continue
                    i = by_member[info.filename]
                    xml = sheet_xml[ALL_SHEETS[i].name]
                    probe = _PROBE_ROW.search(xml)
                    assert probe is not None
                    stream = streams[i]
                    size = f'<dimension ref="A1:{stream.cells[-1][1]}{stream.row}"/><sheetViews>'
                    head = xml[:probe.start()].replace("<sheetViews>", size, 1)
                    with dst.open(info.filename, "w", force_zip64=True) as member:
                        member.write(head.encode())
                        with open(work / f"rows{i}.xml", "rb") as rows:
                            shutil.copyfileobj(rows, member, 1 << 20)
                        member.write(xml[probe.end():].encode())
    return count


def _stream_rows(
    streams: list[_SheetStream], passports: Iterable[ServicePassport], total: int,
    progress: Progress | None,
) -> int:
    main, parts = streams[0], streams[1:]
    count = 0
    for p in passports:
        main.passport(p)
        for stream in parts:
            stream.items(p)
        count += 1
        if progress is not None and count % 100 == 0 and not progress(count, total):
            raise InterruptedError
    if progress is not None:
        progress(count, total)
    return count
