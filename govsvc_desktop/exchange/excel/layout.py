"""The spreadsheet layout of passports: which sheets, which columns, how a cell reads and writes.

Derived from the passport dataclasses and the label tables, so a field added to the model appears
in the template, the export and the import at once. One sheet holds a row per passport; each
repeated part (laws, licences, steps ...) has its own sheet whose rows name their passport by the
record key. Nothing here touches openpyxl: this is the format, the workbook code lives beside it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any, get_args, get_origin, get_type_hints

from govsvc_desktop.domain.calendar import format_jalali, parse_date
from govsvc_desktop.domain.choices import Choice
from govsvc_desktop.domain.passport.labels import FIELD_HELP, PART_FIELDS, PASSPORT_FIELDS
from govsvc_desktop.domain.passport.model import (
    DATE_FIELDS,
    PART_DATE_FIELDS,
    ServicePassport,
    StageElectronic,
)
from govsvc_desktop.domain.passport.validation import (
    APPROVAL_REQUIRED,
    MAX_SHORT_TEXT,
    MAX_TEXT,
    SERVICE_APPROVAL_REQUIRED,
)
from govsvc_desktop.domain.persian import (
    compact_key,
    format_int,
    identifier_key,
    parse_int,
    parse_number,
)

MAIN_SHEET = "شناسنامه‌ها"
README_SHEET = "راهنما"
LISTS_SHEET = "فهرست‌های رسمی"  # hidden: the official lists the drop-downs pick from
KEY_HEADER = "کلید رکورد"
REFERENCE_HEADER = "عنوان خدمت (فقط برای خواندن)"
YES, NO = "بله", "خیر"
_TRUE = {"بله", "اره", "آری", "دارد", "هست", "yes", "y", "true", "1", "x"}
_FALSE = {"خیر", "نه", "ندارد", "نیست", "no", "n", "false", "0"}
_TICKS = {"✓", "✔", "☑", "*"}
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


class Kind(str, Enum):
    KEY = "key"
    REFERENCE = "reference"
    TEXT = "text"
    INT = "int"
    RIALS = "rials"
    NUMBER = "number"
    BOOL = "bool"
    CHOICE = "choice"
    DATE = "date"
    FLAG = "flag"  # one member of a multi-choice list field, yes/no


class CellError(ValueError):
    """A cell that cannot be read as its column asks; the message is Persian."""


@dataclass(frozen=True)
class Column:
    """One column: the field it fills (``stages_electronic.start``, ``audiences:G2C``), its
    header, how its cells are read and written, and the note shown on the header."""

    field: str
    header: str
    kind: Kind
    optional: bool = True
    choice: type[Choice] | None = None
    member: Choice | None = None
    note: str = ""

    @property
    def width(self) -> int:
        if self.kind in (Kind.KEY, Kind.REFERENCE):
            return 38
        if self.kind is Kind.TEXT:
            return 30
        if self.kind is Kind.CHOICE:
            return 24
        return 16

    @property
    def allowed(self) -> list[str]:
        """The drop-down values of a choice or yes/no column."""
        if self.kind is Kind.CHOICE and self.choice is not None:
            return self.choice.labels()
        if self.kind in (Kind.BOOL, Kind.FLAG):
            return [YES, NO]
        return []


@dataclass(frozen=True)
class SheetSpec:
    """A sheet: the main one (``part`` empty) or the one of a repeated part."""

    name: str
    part: str
    item_type: type | None
    columns: tuple[Column, ...]

    def column(self, field: str) -> Column:
        return next(c for c in self.columns if c.field == field)


def _kind_of(name: str, tp: Any, date_fields: tuple[str, ...]) -> tuple[Kind, bool, type[Choice] | None]:
    args = [a for a in get_args(tp) if a is not type(None)]
    optional = type(None) in get_args(tp)
    inner = args[0] if optional and len(args) == 1 else tp
    if name in date_fields:
        return Kind.DATE, True, None
    if isinstance(inner, type) and issubclass(inner, Choice):
        return Kind.CHOICE, optional, inner
    if inner is bool:
        return Kind.BOOL, optional, None
    if inner is int:
        return (Kind.RIALS if name.endswith("_rials") else Kind.INT), optional, None
    if inner is float:
        return Kind.NUMBER, optional, None
    return Kind.TEXT, optional, None


_KIND_RULES = {
    Kind.TEXT: "متن",
    Kind.INT: "عدد صحیح نامنفی (رقم فارسی یا لاتین)",
    Kind.RIALS: "مبلغ به ریال، عدد صحیح نامنفی",
    Kind.NUMBER: "عدد نامنفی؛ اعشار با ممیز",
    Kind.BOOL: "«بله» یا «خیر»",
    Kind.FLAG: "«بله» اگر این گزینه برقرار است؛ وگرنه خالی یا «خیر»",
    Kind.CHOICE: "یکی از گزینه‌های فهرست کشویی",
    Kind.DATE: "تاریخ شمسی، سال اول: ۱۴۰۳/۰۴/۰۲ (تاریخ میلادی ۲۰۲۴-۰۶-۲۲ هم پذیرفته است)",
}
_FIELD_RULES = {
    "service_id": "فقط رقم (شناسه‌ای که مرکز داده است)",
    "agency_national_id": "۱۱ رقم با رقم کنترل درست",
    "preparer_national_id": "۱۰ رقم با رقم کنترل درست",
    "sheba": "IR و ۲۴ رقم با رقم کنترل درست",
    "smart_level": "۰ تا ۳",
    "title": f"حداکثر {MAX_SHORT_TEXT} نویسه؛ خالی نباشد",
    "code": "در یک شناسنامه تکراری نباشد و به خدمت دیگری هم نگاشت نشده باشد",
    "order": "شماره ردیف مرحله؛ تکراری نباشد",
    "revision": "برای رکورد تازه خالی بماند",
}


def _note(label: str, help_text: str, kind: Kind, field: str, required: bool) -> str:
    lines = [label]
    if help_text:
        lines.append(help_text)
    rule = _FIELD_RULES.get(field.rsplit(".", 1)[-1])
    lines.append("قالب: " + _KIND_RULES.get(kind, "متن") + (f"؛ {rule}" if rule else ""))
    if required:
        lines.append("برای تأیید لازم است.")
    return "\n".join(lines)


def _required_for_approval(name: str) -> bool:
    return name in APPROVAL_REQUIRED or name in SERVICE_APPROVAL_REQUIRED


def _main_columns() -> tuple[Column, ...]:
    hints = get_type_hints(ServicePassport)
    columns = [Column(
        "uuid", KEY_HEADER, Kind.KEY, note=(
            f"{KEY_HEADER}\nشناسه یکتای رکورد یا هر کلید کوتاه یکتا (مثلاً ۱، ۲، ۳) که ردیف‌های "
            "برگه‌های دیگر با آن به این رکورد وصل می‌شوند. رکورد موجود با شناسه یکتا و سپس با "
            "کد شناسه خدمت پیدا می‌شود."))]
    for f in dataclasses.fields(ServicePassport):
        if f.name == "uuid":
            continue
        tp = hints[f.name]
        label = PASSPORT_FIELDS[f.name]
        help_text = FIELD_HELP.get(f.name, "")
        if get_origin(tp) is list:
            (item,) = get_args(tp)
            if isinstance(item, type) and issubclass(item, Choice):
                for member in item:
                    columns.append(Column(
                        f"{f.name}:{member.value}", f"{label}: {member.label_fa}", Kind.FLAG,
                        member=member, choice=item,
                        note=_note(f"{label}: {member.label_fa}", help_text, Kind.FLAG, f.name,
                                   _required_for_approval(f.name))))
            continue
        if tp is StageElectronic:
            for stage in dataclasses.fields(StageElectronic):
                header = f"{label}: {PART_FIELDS[stage.name]}"
                columns.append(Column(f"{f.name}.{stage.name}", header, Kind.BOOL, optional=False,
                                      note=_note(header, help_text, Kind.BOOL, f.name, False)))
            continue
        kind, optional, choice = _kind_of(f.name, tp, DATE_FIELDS)
        columns.append(Column(f.name, label, kind, optional, choice,
                              note=_note(label, help_text, kind, f.name,
                                         _required_for_approval(f.name))))
    return tuple(columns)


def _part_sheet(name: str, item_type: type) -> SheetSpec:
    hints = get_type_hints(item_type)
    label = PASSPORT_FIELDS[name]
    columns = [
        Column("uuid", KEY_HEADER, Kind.KEY,
               note=f"{KEY_HEADER}\nهمان کلید رکورد در برگه «{MAIN_SHEET}» که این ردیف از آن است."),
        Column("reference", REFERENCE_HEADER, Kind.REFERENCE,
               note=f"{REFERENCE_HEADER}\nبرای راهنمایی خواننده؛ هنگام ورود خوانده نمی‌شود."),
    ]
    for f in dataclasses.fields(item_type):
        kind, optional, choice = _kind_of(f.name, hints[f.name], PART_DATE_FIELDS)
        header = PART_FIELDS[f.name]
        columns.append(Column(f.name, header, kind, optional, choice,
                              note=_note(header, "", kind, f.name, False)))
    doc = (item_type.__doc__ or "").strip().split("\n")[0]
    columns[0] = dataclasses.replace(columns[0], note=columns[0].note + f"\n{label}: {doc}")
    return SheetSpec(label, name, item_type, tuple(columns))


def _sheets() -> tuple[SheetSpec, ...]:
    hints = get_type_hints(ServicePassport)
    sheets = [SheetSpec(MAIN_SHEET, "", None, _main_columns())]
    for f in dataclasses.fields(ServicePassport):
        tp = hints[f.name]
        if get_origin(tp) is list:
            (item,) = get_args(tp)
            if isinstance(item, type) and dataclasses.is_dataclass(item):
                sheets.append(_part_sheet(f.name, item))
    return tuple(sheets)


SHEETS: tuple[SheetSpec, ...] = _sheets()


def sheet_for_part(part: str) -> SheetSpec:
    return next(s for s in SHEETS if s.part == part)


def header_key(text: str) -> str:
    """Headers match whatever spelling, spacing and digits a user's copy has."""
    return compact_key(text)


def normalise_key(value: Any) -> str:
    """A record key as typed: digits of any script, ي/ك, spaces and ZWNJ variants fold to one."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return identifier_key(str(value))


def key_is_uuid(key: str) -> bool:
    return bool(_UUID.match(key))


# -- reading a cell ---------------------------------------------------------------------------

def _text(value: Any) -> str:
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return format_jalali(value if isinstance(value, dt.date) else value.date())
    return str(value)


def read_cell(column: Column, value: Any) -> Any:
    """The model value of a cell; raises CellError with a Persian reason."""
    return cell_reader(column)(value)


def cell_reader(column: Column) -> Callable[[Any], Any]:
    """A reader made for one column once, so that a large import does not decide per cell."""
    kind = column.kind
    if kind is Kind.TEXT or kind is Kind.REFERENCE:
        limit = MAX_SHORT_TEXT if column.field in ("title", "service_id") else MAX_TEXT
        empty = None if column.optional else ""

        def text(value: Any) -> Any:
            if value is None or (value.__class__ is str and not value.strip()):
                return empty
            result = value if value.__class__ is str else _text(value)
            if len(result) > limit:
                raise CellError(f"بیش از {format_int(limit)} نویسه است")
            return result
        return text
    if kind is Kind.KEY:
        return normalise_key
    if kind in (Kind.BOOL, Kind.FLAG):
        return _blank_or(_read_bool, False)
    if kind is Kind.CHOICE:
        choice = column.choice
        assert choice is not None

        def pick(value: Any) -> Any:
            try:
                return choice.parse(_text(value))
            except ValueError:
                raise CellError("مقدار مجاز نیست؛ یکی از این‌ها باشد: "
                                + "، ".join(choice.labels())) from None
        return _blank_or(pick, None)
    if kind in (Kind.INT, Kind.RIALS):
        return _blank_or(_read_int, None)
    if kind is Kind.NUMBER:
        return _blank_or(_read_number, None)
    if kind is Kind.DATE:
        return _blank_or(_read_date, None)
    raise AssertionError(kind)  # pragma: no cover


def _blank_or(read: Callable[[Any], Any], blank: Any) -> Callable[[Any], Any]:
    """Empty cells (or only spaces) read as ``blank``; text is trimmed before ``read``."""
    def reader(value: Any) -> Any:
        if value is None:
            return blank
        if value.__class__ is str:
            value = value.strip()
            if not value:
                return blank
        return read(value)
    return reader


def _read_bool(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    text = _text(value).strip()
    key = compact_key(text)
    if key in _TRUE or text in _TICKS:
        return True
    if key in _FALSE:
        return False
    raise CellError("باید «بله» یا «خیر» باشد")


def _read_int(value: Any) -> int:
    if isinstance(value, bool):
        raise CellError("باید عدد باشد، نه بله/خیر")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise CellError("باید عدد صحیح باشد، بدون اعشار")
    try:
        return parse_int(str(value))
    except ValueError:
        raise CellError("عدد صحیح نیست") from None


def _read_number(value: Any) -> float:
    if isinstance(value, bool):
        raise CellError("باید عدد باشد، نه بله/خیر")
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return parse_number(str(value))
    except ValueError:
        raise CellError("عدد نیست") from None


def _read_date(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        raise CellError("تاریخ باید به صورت متن و سال اول نوشته شود، مانند ۱۴۰۳/۰۴/۰۲")
    try:
        return parse_date(str(value)).isoformat()
    except ValueError:
        raise CellError("تاریخ معتبری نیست؛ به صورت ۱۴۰۳/۰۴/۰۲ بنویسید") from None


# -- writing a cell ---------------------------------------------------------------------------

def write_cell(column: Column, value: Any) -> Any:
    """What the cell holds for a model value: numbers stay numbers, everything else is text."""
    kind = column.kind
    if value is None:
        return None
    if kind in (Kind.BOOL, Kind.FLAG):
        return YES if value else NO
    if kind is Kind.CHOICE:
        return value.label_fa
    if kind is Kind.DATE:
        return format_jalali(value)
    if kind in (Kind.INT, Kind.RIALS, Kind.NUMBER):
        return value
    return str(value)


def cell_getter(column: Column) -> Callable[[Any], Any]:
    """Reads a column's field from a passport or a part item (flattened fields included)."""
    field = column.field
    if ":" in field:
        name, code = field.split(":", 1)
        return lambda obj: any(m.value == code for m in getattr(obj, name))
    if "." in field:
        outer, inner = field.split(".", 1)
        return lambda obj: getattr(getattr(obj, outer), inner)
    return lambda obj: getattr(obj, field)


def number_format(column: Column) -> str:
    if column.kind in (Kind.INT, Kind.RIALS):
        return "#,##0"
    if column.kind is Kind.NUMBER:
        return "#,##0.##"
    return "@"
