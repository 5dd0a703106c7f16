"""Persian text rules: what users typed is kept; search keys and identifiers are normalised.

Typed text keeps its ZWNJ and its letters as written. Search keys fold the spelling variants a
Persian keyboard, an Arabic keyboard and copy-paste produce, so that any of them finds the record.
"""

from __future__ import annotations

import re
import unicodedata

ZWNJ = "\u200c"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
ASCII_DIGITS = "0123456789"

_TO_ASCII = str.maketrans(PERSIAN_DIGITS + ARABIC_DIGITS, ASCII_DIGITS * 2)
_TO_PERSIAN = str.maketrans(ASCII_DIGITS + ARABIC_DIGITS, PERSIAN_DIGITS * 2)

# Letter variants folded for search: Arabic yeh/kaf and their relatives, heh with hamza,
# alef forms, teh marbuta, and the Arabic diacritics that keyboards insert.
_LETTER_FOLD = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ئ": "ی",
        "ك": "ک",
        "ة": "ه",
        "ۀ": "ه",
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
        "ـ": None,  # tatweel
    }
)
_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")
# ZWNJ, ZWJ, soft hyphen, bidi marks and the other invisible joiners people paste.
_INVISIBLES = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u00ad\ufeff]")
_SPACES = re.compile(r"\s+")
# Persian/Arabic punctuation that should not stop a word match.
_PUNCT = re.compile(r"[\u060c\u061b\u061f\u066a-\u066c.,;:!?()\[\]{}«»\"'/\\\-_–—]+")

PERSIAN_THOUSANDS = "٬"
PERSIAN_DECIMAL = "٫"


def to_ascii_digits(text: str) -> str:
    """Persian and Arabic-Indic digits to ASCII; everything else unchanged."""
    return text.translate(_TO_ASCII)


def to_persian_digits(text: str) -> str:
    """ASCII and Arabic-Indic digits to Persian digits, for display."""
    return text.translate(_TO_PERSIAN)


def localize_digits(text: str, persian: bool = True) -> str:
    """Digits as the display setting asks: Persian (default) or ASCII."""
    return to_persian_digits(text) if persian else to_ascii_digits(text)


def fold_letters(text: str) -> str:
    """Arabic letter forms to the Persian ones (ي→ی, ك→ک); keeps ZWNJ and spacing."""
    return text.translate(_LETTER_FOLD)


def clean_typed(text: str) -> str:
    """What is stored for typed text: NFC, Arabic letters as Persian, trimmed; ZWNJ kept.

    Digits are left as typed so a Persian sentence keeps its Persian numbers.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("ي", "ی").replace("ى", "ی").replace("ك", "ک")
    return text.strip()


def search_key(text: str) -> str:
    """The form of a text used for searching: every spelling variant collapses to one key.

    ZWNJ and the invisible marks become a space boundary-insensitive join (``می‌خواهم``,
    ``میخواهم`` and ``می خواهم`` all give ``میخواهم``), digits become ASCII,
    Latin is case-folded, punctuation becomes space.
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text)
    text = _DIACRITICS.sub("", text)
    text = fold_letters(text)
    text = to_ascii_digits(text)
    text = _INVISIBLES.sub("", text)
    text = _PUNCT.sub(" ", text)
    text = text.casefold()
    return _SPACES.sub(" ", text).strip()


def search_terms(text: str) -> list[str]:
    """Words of a search query, as search keys."""
    return [t for t in search_key(text).split(" ") if t]


def compact_key(text: str) -> str:
    """Key for identifiers and matching (licence codes, sheet keys): no spaces at all."""
    return search_key(text).replace(" ", "")


def identifier_key(text: str) -> str:
    """Key for typed identifiers that keep their punctuation (record keys, UUIDs): digits of
    any script, Arabic letter forms, spaces and invisible marks folded; ``-`` and ``/`` kept."""
    text = unicodedata.normalize("NFKC", text)
    text = to_ascii_digits(fold_letters(text))
    text = _INVISIBLES.sub("", text)
    return _SPACES.sub("", text).casefold()


def format_int(value: int, persian: bool = True) -> str:
    """An integer with thousands grouping, in Persian digits by default (۱۲٬۵۰۰٬۰۰۰)."""
    sign = "-" if value < 0 else ""
    grouped = f"{abs(value):,}"
    if persian:
        grouped = to_persian_digits(grouped).replace(",", PERSIAN_THOUSANDS)
    return sign + grouped


def format_rials(value: int | None, persian: bool = True) -> str:
    """A sum of money in rials, grouped, with its unit; empty for no value."""
    if value is None:
        return ""
    return f"{format_int(value, persian)} ریال"


def format_number(value: float | int | None, persian: bool = True) -> str:
    """A count or measure without trailing zeros (۲٫۵, ۱۲)."""
    if value is None:
        return ""
    if isinstance(value, float) and not value.is_integer():
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
        if persian:
            text = to_persian_digits(text).replace(",", PERSIAN_THOUSANDS).replace(".", PERSIAN_DECIMAL)
        return text
    return format_int(int(value), persian)


def format_percent(fraction: float | None, persian: bool = True) -> str:
    """A share as a percentage with one decimal at most: 0.253 → «۲۵٫۳٪», the same in every
    report, list and message."""
    if fraction is None:
        return ""
    return format_number(round(fraction * 100, 1), persian) + "٪"


def parse_int(text: str) -> int:
    """An integer typed with any digits and any grouping (۱۲٬۵۰۰، 12,500, ١٢٥٠٠).

    Raises ValueError when the text is not a whole number.
    """
    cleaned = to_ascii_digits(text).strip()
    for sep in (PERSIAN_THOUSANDS, ",", "،", " ", "\u066c", "_", ZWNJ):
        cleaned = cleaned.replace(sep, "")
    if cleaned.startswith(("-", "\u2212")):
        cleaned = "-" + cleaned[1:]
    if not re.fullmatch(r"-?\d+", cleaned):
        raise ValueError(text)
    return int(cleaned)


def parse_number(text: str) -> float:
    """A decimal typed with Persian or ASCII digits and separators; raises ValueError."""
    cleaned = to_ascii_digits(text).strip().replace(PERSIAN_DECIMAL, ".").replace("/", ".")
    for sep in (PERSIAN_THOUSANDS, ",", "،", " ", "\u066c"):
        cleaned = cleaned.replace(sep, "")
    if not re.fullmatch(r"-?\d+(\.\d+)?", cleaned):
        raise ValueError(text)
    return float(cleaned)


_AFFIX_MAX = 3


def index_text(*texts: str) -> str:
    """The text a record is indexed under: search keys, plus short affixes joined to their word.

    «می خواهم», «می‌خواهم» and «میخواهم» must find each other: keys drop ZWNJ, and where a
    space split a short affix from its word both the split and the joined form are indexed.
    """
    words = [w for w in search_key("\n".join(t for t in texts if t)).split(" ") if w]
    extra = [
        a + b
        for a, b in zip(words, words[1:], strict=False)
        if len(a) <= _AFFIX_MAX or len(b) <= _AFFIX_MAX
    ]
    return " ".join(words + extra)
