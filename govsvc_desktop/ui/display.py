"""How the GUI shows values: the one place that turns dates, moments, numbers, codes and paths
into text in the language the program runs in.

Persian mode: Jalali dates year first, Persian digits with «٬» grouping, signs that stay on the
left of their number inside right-to-left text, file paths isolated left to right. English mode:
the same Jalali dates and groupings in Latin digits, and English renderings of the domain's
Persian labels. Widgets call these functions instead of formatting anything themselves.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from govsvc_desktop.domain.calendar import format_jalali, format_jalali_datetime
from govsvc_desktop.domain.errors import Problem
from govsvc_desktop.domain.passport.labels import PART_FIELDS, PASSPORT_FIELDS, label_for_path
from govsvc_desktop.domain.persian import format_int, format_number, localize_digits
from govsvc_desktop.domain.plans.quarters import parse_quarter
from govsvc_desktop.ui.english import ENGLISH, PREDICATE_PATTERNS, PREDICATES

LRI, RLI, PDI = "\u2066", "\u2067", "\u2069"
EMPTY = "—"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_INTEGER = re.compile(r"^-?\d+$")
_DECIMAL = re.compile(r"^-?\d+\.\d+$")
_INDEX = re.compile(r"\[(\d+)\]")


_digit_choice: list[bool] = [True]  # the "Show Persian digits" setting, as the window last read it


def persian() -> bool:
    """Whether the program runs in Persian (the default locale install_language set)."""
    return QLocale().language() == QLocale.Language.Persian


def use_persian_digits(on: bool) -> None:
    """Follows the setting: Persian digits in Persian mode unless the person turned them off."""
    _digit_choice[0] = on


def persian_digits() -> bool:
    return persian() and _digit_choice[0]



def ltr(text: str) -> str:
    """Text that reads left to right (paths, addresses, codes) kept whole inside Persian text."""
    return f"{LRI}{text}{PDI}" if text else ""


def digits(text: str) -> str:
    """Digits in the language's script; everything else unchanged."""
    return localize_digits(text, persian_digits())


def number(value: int | float | None, isolate: bool = True) -> str:
    """A count, measure or sum, grouped, its sign on the left even in right-to-left text
    (``isolate=False`` for fields that are laid out left to right themselves)."""
    if value is None:
        return ""
    if isinstance(value, float) and not value.is_integer():
        text = format_number(value, persian_digits())
    else:
        text = format_int(int(value), persian_digits())
    return ltr(text) if isolate and text.startswith("-") else text


def rials(value: int | None) -> str:
    """A sum of money with its unit."""
    if value is None:
        return ""
    return QCoreApplication.translate("Display", "{amount} rials").format(amount=number(value))


def percent(fraction: float | None) -> str:
    """A share given as a fraction (0.3) as a percentage (۳۰٪)."""
    if fraction is None:
        return EMPTY
    text = number(round(fraction * 100, 1))
    return f"{text}٪" if persian() else f"{text}%"


def date(value: dt.date | str | None, empty: str = "") -> str:
    """A Jalali date, year first; ``empty`` when there is none."""
    if value is None or value == "":
        return empty
    return format_jalali(value, persian_digits())


def moment(value: dt.datetime | str | None, empty: str = "") -> str:
    """A moment in local time, Jalali date first."""
    if value is None or value == "":
        return empty
    return format_jalali_datetime(value, persian_digits())


def label(text_fa: str) -> str:
    """A domain label (written once, in Persian) in the program's language."""
    if persian() or not text_fa:
        return text_fa
    return ENGLISH.get(text_fa, text_fa)


def choice(member: Any) -> str:
    """A choice shown by its label, never by its code."""
    if member is None:
        return EMPTY
    return label(getattr(member, "label_fa", str(member)))


def field(name: str) -> str:
    """The label of a passport field."""
    return label(PASSPORT_FIELDS.get(name, name))


def part_field(name: str) -> str:
    """The label of a field of a repeated part (law, fee, step…)."""
    return label(PART_FIELDS.get(name, name))


def path(field_path: str) -> str:
    """``fees[1].sheba`` as people read it: «تعرفه‌ها و حساب‌ها، ردیف ۲، شماره شبا»."""
    parts = []
    for i, piece in enumerate(field_path.split(".")):
        name = _INDEX.sub("", piece)
        table = PASSPORT_FIELDS if i == 0 else PART_FIELDS
        parts.append(label(table.get(name) or PASSPORT_FIELDS.get(name) or name))
        for index in _INDEX.findall(piece):
            parts.append(QCoreApplication.translate("Display", "row {n}").format(n=number(int(index) + 1)))
    return ("، " if persian() else ", ").join(parts)


def quarter(code: str) -> str:
    """``1404-Q2`` → «سه‌ماهه دوم ۱۴۰۴» / "Q2 1404"."""
    year, q = parse_quarter(code)
    if persian():
        names = ("اول", "دوم", "سوم", "چهارم")
        return f"سه\u200cماهه {names[q - 1]} {digits(str(year))}"
    return f"Q{q} {year}"


def value(raw: Any) -> str:
    """A stored value (as the audit trail keeps it) the way people read it: dates Jalali,
    moments local, numbers grouped, yes/no in words, nothing as «—»."""
    if raw is None or raw == "" or raw == "None":
        return EMPTY
    if isinstance(raw, bool) or raw in ("True", "False", "true", "false"):
        return QCoreApplication.translate("Display", "yes") if str(raw).lower() == "true" else QCoreApplication.translate("Display", "no")
    if isinstance(raw, Enum):
        return choice(raw)
    if isinstance(raw, (int, float)):
        return number(raw)
    text = str(raw)
    if _ISO_DATE.match(text):
        try:
            return date(text)
        except ValueError:
            return text
    if _ISO_MOMENT.match(text):
        try:
            return moment(text)
        except ValueError:
            return text
    if _INTEGER.match(text):
        return number(int(text))
    if _DECIMAL.match(text):
        return number(float(text))
    return text


def change(old: Any, new: Any) -> str:
    """An edit as «old ← new», the arrow pointing the way the text reads."""
    arrow = "←" if persian() else "→"
    return f"{value(old)} {arrow} {value(new)}"


def size(n_bytes: int) -> str:
    """A file size with its unit."""
    if n_bytes >= 1024 * 1024:
        return QCoreApplication.translate("Display", "{n} MB").format(n=number(round(n_bytes / 1024 / 1024, 1)))
    if n_bytes >= 1024:
        return QCoreApplication.translate("Display", "{n} KB").format(n=number(round(n_bytes / 1024, 1)))
    return QCoreApplication.translate("Display", "{n} bytes").format(n=number(n_bytes))


def problem(pr: Problem) -> str:
    """A validation problem in the program's language: «field» and what is wrong with it."""
    if persian():
        return pr.message_fa
    head = f"«{label_for_path(pr.field_path)}» "
    if not pr.message_fa.startswith(head):
        return pr.message_fa
    rest = pr.message_fa[len(head):]
    english = PREDICATES.get(rest)
    if english is None:
        for pattern, template in PREDICATE_PATTERNS:
            match = re.match(pattern, rest)
            if match:
                english = template.format(*match.groups())
                break
    if english is None:  # a rule's own wording: named in English, its full text in Persian mode
        english = "does not meet a rule of the regulations (its full text is shown in Persian mode)"
    return f"“{path(pr.field_path)}” {english}"
