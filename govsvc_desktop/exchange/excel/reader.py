"""Reading a passport workbook into typed field values, remembering the cell each came from.

The reader only knows the layout: it turns cells into values, groups part rows under their
record key and reports what it cannot read with sheet, row, column and value. Matching records
with the database, validation and saving are the import service's work.
"""

from __future__ import annotations

import dataclasses
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_type_hints

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from govsvc_desktop.domain.choices import Choice
from govsvc_desktop.domain.identifiers import (
    canonical_legal_id,
    canonical_national_id,
    canonical_service_id,
    canonical_sheba,
)
from govsvc_desktop.domain.passport.model import ServicePassport
from govsvc_desktop.domain.persian import to_persian_digits
from govsvc_desktop.exchange.excel.layout import (
    LISTS_SHEET,
    MAIN_SHEET,
    README_SHEET,
    SHEETS,
    CellError,
    Column,
    Kind,
    SheetSpec,
    cell_reader,
    header_key,
)
from govsvc_desktop.exchange.excel.plans import PLAN_SHEET_NAMES
from govsvc_desktop.exchange.excel.safety import Limits, WorkbookRefused, check_rows, check_workbook

Progress = Callable[[int, int], bool]
DEFAULT_LIMITS = Limits()
# Groups of fields flattened into several columns of the main sheet (stages_electronic).
_NESTED: dict[str, Callable[..., Any]] = {
    name: tp for name, tp in get_type_hints(ServicePassport).items()
    if isinstance(tp, type) and dataclasses.is_dataclass(tp)
}
_IDENTIFIERS: dict[str, Callable[[str], str | None]] = {
    "service_id": canonical_service_id,
    "agency_national_id": canonical_legal_id,
    "preparer_national_id": canonical_national_id,
    "sheba": canonical_sheba,
}


@dataclass(frozen=True)
class CellProblem:
    """One thing wrong in the workbook, where a person will find it."""

    sheet: str
    row: int | None
    column: str
    value: str
    message_fa: str
    blocking: bool = True
    key: str = ""  # the record key the problem belongs to, when it belongs to one

    @property
    def cell(self) -> str:
        return f"{self.column}{self.row}" if self.column and self.row else ""

    def describe(self) -> str:
        where = [f"برگه «{self.sheet}»"]
        if self.row:
            where.append(f"ردیف {to_persian_digits(str(self.row))}")
        if self.column:
            where.append(f"ستون {self.column}")
        value = f" («{self.value}»)" if self.value else ""
        return "، ".join(where) + value + ": " + self.message_fa


@dataclass(frozen=True)
class CellRef:
    sheet: str
    row: int
    column: str
    value: str


@dataclass(frozen=True)
class SheetColumns:
    """Where a sheet's fields are: field (or group of columns) → column letter."""

    title: str
    key: str
    letters: dict[str, str]


_ITEM_PATH = re.compile(r"^(\w+)\[(\d+)\](?:\.(\w+))?")


@dataclass
class RecordRows:
    """One passport as the workbook gives it: field values, part items and the rows they
    came from (cells are found again from the row and the sheet's columns when needed)."""

    key: str
    row: int
    main: SheetColumns
    values: dict[str, Any] = field(default_factory=dict)
    parts: dict[str, list[Any]] = field(default_factory=dict)
    places: dict[str, tuple[SheetColumns, int]] = field(default_factory=dict)

    def locate(self, path: str) -> CellRef:
        """The cell of a field path, or of its nearest enclosing part, else the key cell."""
        m = _ITEM_PATH.match(path)
        if m:
            item, name = f"{m.group(1)}[{m.group(2)}]", m.group(3) or ""
            if item in self.places:
                sheet, row = self.places[item]
                if name and name in sheet.letters:
                    value = getattr(self.parts[m.group(1)][int(m.group(2))], name, None)
                    return CellRef(sheet.title, row, sheet.letters[name], _shown(value))
                return CellRef(sheet.title, row, sheet.key, self.key)
        if f"{path}[0]" in self.places:  # a whole part, e.g. duplicate step numbers
            sheet, row = self.places[f"{path}[0]"]
            return CellRef(sheet.title, row, sheet.key, self.key)
        name = path.split(".")[0].split("[")[0]
        letter = self.main.letters.get(path) or self.main.letters.get(name)
        if letter:
            return CellRef(self.main.title, self.row, letter, _shown(self.values.get(name)))
        return CellRef(self.main.title, self.row, self.main.key, self.key)


@dataclass
class ReadResult:
    records: list[RecordRows]
    problems: list[CellProblem]
    present_fields: set[str]  # main-sheet fields that had a column
    present_parts: set[str]  # parts that had a sheet

    @property
    def by_key(self) -> dict[str, RecordRows]:
        return {r.key: r for r in self.records}


def _shown(value: Any) -> str:
    if value is None or isinstance(value, list):
        return ""
    text = value.label_fa if isinstance(value, Choice) else str(value)
    return text if len(text) <= 80 else text[:77] + "…"


class _SheetReader:
    def __init__(self, spec: SheetSpec, title: str, problems: list[CellProblem]) -> None:
        self.spec = spec
        self.title = title
        self.problems = problems
        self.columns: list[tuple[int, Column]] = []
        self.readers: list[tuple[int, Column, str, Callable[[Any], Any]]] = []

    def problem(self, row: int | None, col: str, value: Any, message: str,
                blocking: bool = True, key: str = "") -> CellProblem:
        p = CellProblem(self.title, row, col, _shown(value), message, blocking, key)
        self.problems.append(p)
        return p

    def map_headers(self, header: tuple[Any, ...]) -> bool:
        """Finds each known column by its header (any order); False when the sheet is unusable."""
        known: dict[str, Column] = {}
        for spec_column in self.spec.columns:
            known[header_key(spec_column.header)] = spec_column
            known[header_key(spec_column.field)] = spec_column
        seen: dict[str, str] = {}
        for index, text in enumerate(header):
            letter = get_column_letter(index + 1)
            if text is None or str(text).strip() == "":
                continue
            column = known.get(header_key(str(text)))
            if column is None:
                self.problem(1, letter, text, "این ستون در الگو نیست و خوانده نشد", blocking=False)
                continue
            if column.field in seen:
                self.problem(1, letter, text, f"این ستون دو بار آمده است (نخستین بار در ستون "
                             f"{seen[column.field]})")
                continue
            seen[column.field] = letter
            self.columns.append((index, column))
        self.readers = [(i, c, get_column_letter(i + 1), _with_identifier(c, cell_reader(c)))
                        for i, c in self.columns]
        letters: dict[str, str] = {}
        for name, letter in seen.items():
            letters[name] = letter
            group = name.split(":")[0].split(".")[0]
            letters.setdefault(group, letter)
        self.place = SheetColumns(self.title, seen.get("uuid", "A"), letters)
        if "uuid" not in seen:
            self.problem(1, "", "", f"ستون «{self.spec.columns[0].header}» پیدا نشد؛ این برگه خوانده نشد")
            return False
        absent = [c.header for c in self.spec.columns
                  if c.field not in seen and c.kind is not Kind.REFERENCE]
        if absent:
            self.problem(1, "", "", f"این ستون‌ها در پرونده نیستند: {'، '.join(f'«{h}»' for h in absent)}؛ "
                         "برای رکوردهای موجود مقدار کنونی و برای رکوردهای تازه مقدار پیش‌فرض "
                         "می‌ماند", blocking=False)
        return True

    @property
    def key_letter(self) -> str:
        return self.place.key

    def cells(self, row_number: int, row: tuple[Any, ...]) -> tuple[str, list[tuple[Column, str, Any, Any]]]:
        """(key, [(column, letter, raw, value)]) of one data row; bad cells become problems
        tagged with the row's record key."""
        start = len(self.problems)
        key = ""
        out = []
        width = len(row)
        for index, column, letter, read in self.readers:
            raw = row[index] if index < width else None
            try:
                value = read(raw)
            except CellError as exc:
                self.problem(row_number, letter, raw, f"«{column.header}» {exc}")
                continue
            if column.kind is Kind.KEY:
                key = value
                continue
            out.append((column, letter, raw, value))
        if key:
            for i in range(start, len(self.problems)):
                self.problems[i] = dataclasses.replace(self.problems[i], key=key)
        return key, out


def _with_identifier(column: Column, read: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Identifiers typed with any digits or spacing are stored in their one canonical form."""
    canonical = _IDENTIFIERS.get(column.field)
    if canonical is None:
        return read

    def reader(raw: Any) -> Any:
        value = read(raw)
        return (canonical(value) or value) if value else value
    return reader


def _empty(row: tuple[Any, ...]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in row)


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+)(?::([A-Z]+\d+))?"')


def _merged_cells(path: Path, members: dict[str, str]) -> dict[str, list[tuple[str, int, str]]]:
    """Sheet title → merged ranges (first column, first row, the range), found in the raw XML
    because the streaming reader does not report them."""
    found: dict[str, list[tuple[str, int, str]]] = {}
    with zipfile.ZipFile(path) as archive:
        for title, member in members.items():
            try:
                data = archive.read(member)
            except KeyError:
                continue
            for m in _MERGE.finditer(data):
                first = m.group(1).decode() + m.group(2).decode()
                ref = first + (":" + m.group(3).decode() if m.group(3) else "")
                found.setdefault(title, []).append((m.group(1).decode(), int(m.group(2)), ref))
    return found


def read_workbook(path: Path, progress: Progress | None = None,
                  limits: Limits = DEFAULT_LIMITS) -> ReadResult:
    """Reads every known sheet; raises WorkbookRefused for files that are not sane workbooks."""
    check_workbook(path, limits)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except WorkbookRefused:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise WorkbookRefused(
            "کارپوشه خراب است یا ساختار Excel ندارد و خوانده نشد؛ آن را در Excel یا LibreOffice "
            f"باز و دوباره ذخیره کنید. ({type(exc).__name__})") from exc
    try:
        return _read(path, wb, progress, limits)
    except (zipfile.BadZipFile, EOFError, KeyError, ValueError) as exc:
        raise WorkbookRefused(
            f"بخشی از کارپوشه خراب است و خوانده نشد؛ آن را دوباره از فرستنده بگیرید. ({exc})") from exc
    finally:
        wb.close()


_PLAN_KEYS = frozenset(header_key(name) for name in PLAN_SHEET_NAMES)  # written for reading only


def _read(path: Path, wb: Any, progress: Progress | None, limits: Limits) -> ReadResult:
    problems: list[CellProblem] = []
    by_name = {header_key(ws.title): ws for ws in wb.worksheets}
    specs = {header_key(spec.name): spec for spec in SHEETS}
    specs.update({header_key(spec.part): spec for spec in SHEETS if spec.part})
    for ws in wb.worksheets:
        key = header_key(ws.title)
        if key in specs:
            if ws.sheet_state != "visible":
                problems.append(CellProblem(ws.title, None, "", "", "این برگه پنهان است؛ خوانده شد",
                                            blocking=False))
        elif key not in (header_key(README_SHEET), header_key(LISTS_SHEET)) and key not in _PLAN_KEYS:
            state = " (پنهان)" if ws.sheet_state != "visible" else ""
            problems.append(CellProblem(ws.title, None, "", "", f"این برگه{state} در الگو نیست و "
                                        "خوانده نشد", blocking=False))
    sheets: list[tuple[SheetSpec, Any]] = []
    for spec in SHEETS:
        ws = by_name.get(header_key(spec.name)) or (by_name.get(header_key(spec.part)) if spec.part else None)
        if ws is not None:
            sheets.append((spec, ws))
    if not sheets or sheets[0][0].part:
        raise WorkbookRefused(f"برگه «{MAIN_SHEET}» در کارپوشه نیست؛ از الگوی برنامه استفاده کنید "
                              "(govsvc-desktop excel template).")
    for _, ws in sheets:  # the size the sheet declares, before a row of it is read
        check_rows(ws.title, ws.max_row or 0, limits)
    members = {ws.title: ws._worksheet_path for _, ws in sheets}
    merged = _merged_cells(path, members)
    total = sum(ws.max_row or 0 for _, ws in sheets)
    for _, ws in sheets:  # a stale size in the file must never cut rows off
        ws.reset_dimensions()
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None and done % 200 == 0 and not progress(done, total):
            raise InterruptedError

    records: dict[str, RecordRows] = {}
    result = ReadResult([], problems, set(), set())
    for spec, ws in sheets:
        reader = _SheetReader(spec, ws.title, problems)
        for col, row, ref in merged.get(ws.title, []):
            reader.problem(row, col, ref, f"سلول‌های {ref} ادغام شده‌اند؛ ادغام را بردارید و "
                           "هر سلول را جداگانه پر کنید")
        rows = ws.iter_rows(values_only=True)
        header = next(rows, None)
        if header is None or not reader.map_headers(header):
            continue
        if spec.part:
            result.present_parts.add(spec.part)
        else:
            result.present_fields = {c.field for _, c in reader.columns}
        for number, row in enumerate(rows, start=2):
            if number > limits.max_rows:  # the declared size was smaller than the sheet
                check_rows(ws.title, number, limits)
            tick()
            if _empty(row):
                continue
            if spec.part:
                _part_row(reader, number, row, records)
            else:
                _main_row(reader, number, row, records)
    result.records = list(records.values())
    if progress is not None:
        progress(total, total)
    return result


def _main_row(reader: _SheetReader, number: int, row: tuple[Any, ...],
              records: dict[str, RecordRows]) -> None:
    key, cells = reader.cells(number, row)
    key_letter = reader.key_letter
    if not key:
        reader.problem(number, key_letter, "", "«کلید رکورد» خالی است؛ هر ردیف کلیدی یکتا لازم دارد")
        return
    if key in records:
        reader.problem(number, key_letter, key, f"کلید «{key}» پیش‌تر در ردیف "
                       f"{to_persian_digits(str(records[key].row))} آمده است", key=key)
        return
    record = RecordRows(key, number, reader.place)
    for column, _letter, _raw, value in cells:
        name = column.field
        if ":" in name:  # one member of a multi-choice list
            name, _code = name.split(":", 1)
            chosen = record.values.setdefault(name, [])
            if value:
                assert column.member is not None
                chosen.append(column.member)
        elif "." in name:  # one field of a nested group
            name, inner = name.split(".", 1)
            record.values.setdefault(name, {})[inner] = value
        else:
            record.values[name] = value
    for name, value in record.values.items():
        if isinstance(value, dict):
            record.values[name] = _NESTED[name](**value)
    records[key] = record


def _part_row(reader: _SheetReader, number: int, row: tuple[Any, ...],
              records: dict[str, RecordRows]) -> None:
    spec = reader.spec
    key, cells = reader.cells(number, row)
    key_letter = reader.key_letter
    record = records.get(key)
    if record is None:
        message = ("«کلید رکورد» خالی است؛ ردیف به هیچ شناسنامه‌ای وصل نیست" if not key else
                   f"شناسنامه‌ای با کلید «{key}» در برگه «{MAIN_SHEET}» نیست")
        reader.problem(number, key_letter, key, message)
        return
    items = record.parts.setdefault(spec.part, [])
    index = len(items)
    kwargs: dict[str, Any] = {}
    record.places[f"{spec.part}[{index}]"] = (reader.place, number)
    for column, _letter, _raw, value in cells:
        if value is not None and column.kind is not Kind.REFERENCE:
            kwargs[column.field] = value
    assert spec.item_type is not None
    items.append(spec.item_type(**kwargs))
