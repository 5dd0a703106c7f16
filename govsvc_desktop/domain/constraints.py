"""The limits every value of a record keeps, stated once for validation and the JSON Schema.

Each field has a ``Rule`` (range, length, format, not blank). ``validation`` checks records
against these rules and ``codec.json_schema`` writes the same rules as JSON Schema keywords, so
a file the schema accepts is a file the import accepts, value by value. Rules that compare
several values (a UUID twice in one file, a licence twice in one passport) cannot be said in
JSON Schema; the schema's description names them.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from govsvc_desktop.domain.identifiers import (
    POSTAL_CODE_PATTERN,
    canonical_legal_id,
    canonical_national_id,
    canonical_postal_code,
    canonical_service_id,
    canonical_sheba,
)
from govsvc_desktop.domain.passport.model import DATE
from govsvc_desktop.domain.persian import format_int

INT_MIN = -(2**63)
INT_MAX = 2**63 - 1  # SQLite's and PostgreSQL's bigint
FLOAT_MAX = 1e15  # a measure (days, minutes, percent) never comes near it
REVISION_MAX = 2**62  # room to count on from the largest revision a file may carry
MAX_TEXT = 20_000
MAX_SHORT_TEXT = 500

UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_UUID = re.compile(UUID_PATTERN.replace("$", r"\Z"))
_DATE = re.compile(DATE_PATTERN.replace("$", r"\Z"))


def is_uuid(text: str) -> bool:
    """A record identity: the canonical lower-case 8-4-4-4-12 form this program writes."""
    return bool(_UUID.match(text))


def is_iso_date(text: str) -> bool:
    """``YYYY-MM-DD`` naming a real day (what RFC 3339 calls a full-date)."""
    if not _DATE.match(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


# Formats beyond what a regular expression can say (check digits). The names are the JSON
# Schema "format" values; their meaning is given in docs/json-format.md.
FORMATS: dict[str, Callable[[str], bool]] = {
    "uuid": is_uuid,
    "date": is_iso_date,
    "ir-service-id": lambda s: canonical_service_id(s) == s,
    "ir-legal-id": lambda s: canonical_legal_id(s) is not None,
    "ir-national-id": lambda s: canonical_national_id(s) is not None,
    "ir-sheba": lambda s: canonical_sheba(s) is not None,
    "ir-postal-code": lambda s: canonical_postal_code(s) == s,
}
FORMAT_MESSAGES = {
    "uuid": "شناسه یکتای معتبر (UUID مانند 0f8c…-…) نیست",
    "date": "تاریخ معتبری به صورت YYYY-MM-DD نیست",
    "ir-service-id": "باید فقط از رقم تشکیل شده باشد، تا ۳۲ رقم (تعریف ۹ بخشنامه ساماندهی خدمات)",
    "ir-legal-id": "شناسه ملی معتبر (۱۱ رقم با رقم کنترل درست) نیست",
    "ir-national-id": "کد ملی معتبر (۱۰ رقم با رقم کنترل درست) نیست",
    "ir-sheba": "شماره شبای معتبر (IR و ۲۴ رقم با رقم کنترل درست) نیست",
    "ir-postal-code": "کد پستی معتبر (ده رقم) نیست",
}
FORMAT_PATTERNS = {"uuid": UUID_PATTERN, "date": DATE_PATTERN,
                   "ir-service-id": r"^[0-9]{1,32}$", "ir-postal-code": POSTAL_CODE_PATTERN}


@dataclass(frozen=True)
class Rule:
    """What one value may be; ``fmt`` applies to non-empty text only."""

    minimum: float | None = None
    maximum: float | None = None
    max_length: int | None = None
    fmt: str | None = None
    not_blank: bool = False


def int_rule(minimum: int = INT_MIN, maximum: int = INT_MAX) -> Rule:
    return Rule(minimum=minimum, maximum=maximum)


AMOUNT = Rule(minimum=0, maximum=INT_MAX)
NON_NEGATIVE = Rule(minimum=0, maximum=FLOAT_MAX)
SHORT = Rule(max_length=MAX_SHORT_TEXT)

# Passport fields (by the name of their dataclass) beyond the defaults of their type.
RULES: dict[str, dict[str, Rule]] = {
    "ServicePassport": {
        "uuid": Rule(fmt="uuid", max_length=36, not_blank=True),
        "service_id": Rule(fmt="ir-service-id", max_length=MAX_SHORT_TEXT),
        "title": Rule(max_length=MAX_SHORT_TEXT, not_blank=True),
        "agency_name": SHORT, "province": SHORT, "county": SHORT,
        "agency_national_id": Rule(fmt="ir-legal-id", max_length=MAX_SHORT_TEXT),
        "preparer_national_id": Rule(fmt="ir-national-id", max_length=MAX_SHORT_TEXT),
        "agency_postal_code": Rule(fmt="ir-postal-code", max_length=MAX_SHORT_TEXT),
        "smart_level": int_rule(0, 3),
        "edition": int_rule(1),
        "revision": int_rule(0, REVISION_MAX),
        "recipients_count": AMOUNT, "deliveries_per_year": AMOUNT, "service_time": NON_NEGATIVE,
        "direct_cost_rials": AMOUNT, "cost_price_rials": AMOUNT, "counter_fee_rials": AMOUNT,
    },
    "LegalBasis": {"title": Rule(max_length=MAX_TEXT, not_blank=True)},
    "Channel": {"centre_count": AMOUNT},
    "Form": {"data_items": AMOUNT},
    "ProcessStep": {"duration": NON_NEGATIVE, "title": Rule(max_length=MAX_TEXT, not_blank=True)},
    "Fee": {"amount_rials": AMOUNT, "sheba": Rule(fmt="ir-sheba", max_length=MAX_SHORT_TEXT)},
    "Licence": {"code": Rule(max_length=MAX_TEXT, not_blank=True)},
    "RequiredDocument": {"title": Rule(max_length=MAX_TEXT, not_blank=True)},
    "Inquiry": {"target_agency": Rule(max_length=MAX_TEXT, not_blank=True)},
}

_DEFAULTS: dict[type, Rule] = {int: int_rule(), str: Rule(max_length=MAX_TEXT),
                               float: Rule(minimum=-FLOAT_MAX, maximum=FLOAT_MAX)}


DATE_RULE = Rule(fmt="date")


def rule_for(owner: str, name: str, tp: type, traits: Iterable[str] = ()) -> Rule | None:
    """The rule of field ``name`` of dataclass ``owner`` holding values of plain type ``tp``;
    ``traits`` are the field's declared traits (``passport.DATE`` makes it an ISO date)."""
    found = RULES.get(owner, {}).get(name)
    if found is not None:
        return found
    if tp is str and DATE in traits:
        return DATE_RULE
    if tp is str and name == "uuid":
        return Rule(fmt="uuid", max_length=36, not_blank=True)
    if tp is str and name.endswith("_uuid"):
        return Rule(fmt="uuid", max_length=36)
    return _DEFAULTS.get(tp)


def problem(rule: Rule, value: Any) -> str | None:
    """What is wrong with ``value`` under ``rule`` (Persian, without the field's name)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return "باید عددی متناهی باشد (NaN و بی‌نهایت پذیرفته نیست)"
    if isinstance(value, (int, float)):
        if rule.minimum is not None and value < rule.minimum:
            return "نمی‌تواند منفی باشد" if rule.minimum == 0 else \
                f"کمتر از کمینهٔ مجاز ({format_int(int(rule.minimum))}) است"
        if rule.maximum is not None and value > rule.maximum:
            if rule.minimum is not None and rule.maximum < 1000:
                return (f"باید بین {format_int(int(rule.minimum))} تا "
                        f"{format_int(int(rule.maximum))} باشد")
            return f"بیش از بیشینهٔ مجاز ({format_int(int(rule.maximum))}) است"
        return None
    if isinstance(value, str):
        if rule.not_blank and not value.strip():
            return "خالی است"
        if rule.max_length is not None and len(value) > rule.max_length:
            return f"بیش از {format_int(rule.max_length)} نویسه است"
        if rule.fmt is not None and value and not FORMATS[rule.fmt](value):
            return f"«{value[:60]}» {FORMAT_MESSAGES[rule.fmt]}"
    return None


Check = Callable[[Any], "str | None"]


def checker(rule: Rule, tp: type) -> Check:
    """``problem`` for one field, made once: the common case (a value within its rule) costs a
    comparison or two, which matters when ten thousand records are imported."""
    if tp is str:
        limit = rule.max_length if rule.max_length is not None else math.inf
        blank, fmt = rule.not_blank, FORMATS.get(rule.fmt) if rule.fmt else None

        def check_text(value: Any) -> str | None:
            if value.__class__ is not str:
                return None
            if len(value) > limit or (blank and not value.strip()) or (fmt and value and not fmt(value)):
                return problem(rule, value)
            return None
        return check_text
    low = rule.minimum if rule.minimum is not None else -math.inf
    high = rule.maximum if rule.maximum is not None else math.inf

    def check_number(value: Any) -> str | None:
        if value is None or value.__class__ is bool:
            return None
        if low <= value <= high and value - value == 0:  # the last is false for NaN and ±inf
            return None
        return problem(rule, value)
    return check_number


def schema_keywords(rule: Rule, tp: type) -> dict[str, Any]:
    """The same rule as JSON Schema keywords for a value of type ``tp``."""
    out: dict[str, Any] = {}
    if tp in (int, float):
        if rule.minimum is not None:
            out["minimum"] = rule.minimum
        if rule.maximum is not None:
            out["maximum"] = rule.maximum
    if tp is str:
        if rule.max_length is not None:
            out["maxLength"] = rule.max_length
        if rule.not_blank:
            out["pattern"] = r"\S"
        if rule.fmt is not None:
            pattern = FORMAT_PATTERNS.get(rule.fmt)
            fmt: dict[str, Any] = {"format": rule.fmt}
            if pattern:
                fmt["pattern"] = pattern
            # an empty text means "not given"; anything else must have the format
            out["anyOf"] = [{"const": ""}, fmt]
    return out
