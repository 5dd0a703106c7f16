"""Check digits and formats of the identifiers a passport carries.

Each check takes what the user typed (any digits, stray spaces) and answers with the
canonical form or None, so callers both validate and normalise in one step.
"""

from __future__ import annotations

import re

from govsvc_desktop.domain.persian import to_ascii_digits

_NON_DIGIT_SEPARATORS = re.compile(r"[\s\-\u200c_]")
SERVICE_ID_PATTERN = re.compile(r"^\d{1,32}$")
_POSTAL_CODE = re.compile(r"^(?!(\d)\1{3})[13-9]{4}[1346-9][013-9]{5}$")
POSTAL_CODE_PATTERN = _POSTAL_CODE.pattern


def _digits(text: str) -> str:
    return _NON_DIGIT_SEPARATORS.sub("", to_ascii_digits(text or "")).strip()


def service_id_digits(text: str) -> str:
    """A service ID as typed, with Persian or Arabic digits and stray separators folded away."""
    return _digits(text)


def canonical_service_id(text: str) -> str | None:
    """A central service ID is a numeric string (seed 000 def. 9); the seeds fix no length, so
    any length up to the 32 digits the database keeps is taken (docs/rules.md, P-01)."""
    value = _digits(text)
    return value if SERVICE_ID_PATTERN.match(value) else None


def canonical_national_id(text: str) -> str | None:
    """کد ملی: ten digits, the last a mod-11 check digit; all-same-digit codes are invalid."""
    value = _digits(text)
    if not re.fullmatch(r"\d{8,10}", value):
        return None
    value = value.zfill(10)
    if len(set(value)) == 1:
        return None
    total = sum(int(value[i]) * (10 - i) for i in range(9))
    remainder = total % 11
    check = int(value[9])
    expected = remainder if remainder < 2 else 11 - remainder
    return value if check == expected else None


def canonical_legal_id(text: str) -> str | None:
    """شناسه ملی اشخاص حقوقی: eleven digits with a weighted check digit."""
    value = _digits(text)
    if not re.fullmatch(r"\d{11}", value) or len(set(value)) == 1:
        return None
    weights = (29, 27, 23, 19, 17, 29, 27, 23, 19, 17)
    base = int(value[9]) + 2
    total = sum((int(value[i]) + base) * weights[i] for i in range(10))
    remainder = total % 11
    expected = 0 if remainder == 10 else remainder
    return value if int(value[10]) == expected else None


def canonical_sheba(text: str) -> str | None:
    """شماره شبا: ``IR`` and 24 digits with the ISO 13616 mod-97 check."""
    value = _NON_DIGIT_SEPARATORS.sub("", to_ascii_digits(text or "")).upper()
    if value.isdigit() and len(value) == 24:
        value = "IR" + value
    if not re.fullmatch(r"IR\d{24}", value):
        return None
    rearranged = value[4:] + value[:4]
    numeric = "".join(str(int(ch, 36)) for ch in rearranged)
    return value if int(numeric) % 97 == 1 else None


def canonical_postal_code(text: str) -> str | None:
    """کد پستی: ten digits in the ranges the national post uses."""
    value = _digits(text)
    return value if _POSTAL_CODE.match(value) else None


def national_id_with_check(first_nine: str) -> str:
    """Completes nine digits with their check digit (demo data and tests make valid codes)."""
    total = sum(int(first_nine[i]) * (10 - i) for i in range(9))
    remainder = total % 11
    return first_nine + str(remainder if remainder < 2 else 11 - remainder)


def sheba_with_check(bank_and_account: str) -> str:
    """Completes 22 digits (bank code + account) into a valid Sheba."""
    numeric = "".join(str(int(ch, 36)) for ch in bank_and_account + "IR00")
    check = 98 - int(numeric) % 97
    return f"IR{check:02d}{bank_and_account}"


def legal_id_with_check(first_ten: str) -> str:
    weights = (29, 27, 23, 19, 17, 29, 27, 23, 19, 17)
    base = int(first_ten[9]) + 2
    remainder = sum((int(first_ten[i]) + base) * weights[i] for i in range(10)) % 11
    return first_ten + str(0 if remainder == 10 else remainder)
