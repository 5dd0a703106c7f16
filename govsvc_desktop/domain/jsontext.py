"""Reading JSON that came from outside: standard JSON only, nested no deeper than any of our
formats needs.

Python's reader accepts ``NaN`` and ``Infinity`` (not JSON) and gives up on deep nesting with
a RecursionError; both are turned into Persian refusals here, before any record is decoded.
"""

from __future__ import annotations

import json
import re
from typing import Any

from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.domain.persian import format_int

MAX_DEPTH = 64  # our deepest format nests 6 levels
_KEEP = b'"[]{}'
_DROP = bytes(c for c in range(256) if c not in _KEEP)
_STRING = re.compile(rb'"[^"]*"')
_PAIR = re.compile(rb"\[\]|\{\}")


class JsonRefused(GovsvcError):
    """The text is not JSON this program reads."""


def nesting_depth(data: bytes, limit: int = MAX_DEPTH) -> int:
    """How deep arrays and objects nest, counted up to ``limit + 1``.

    Works on the bytes without parsing: escapes and string contents are dropped, then innermost
    pairs of brackets are removed one level at a time (about a third of the time a parse takes).
    """
    if b"\\" in data:
        data = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    data = data.translate(None, _DROP).replace(b'""', b"")
    if b'"' in data:
        data = _STRING.sub(b"", data)
    depth = 0
    while data and depth <= limit:
        inner = _PAIR.sub(b"", data)
        if inner == data:
            break
        data, depth = inner, depth + 1
    return depth


def _constant(name: str) -> Any:
    raise JsonRefused(f"«{name}» در JSON استاندارد نیست؛ عدد باید متناهی باشد")


def loads(data: bytes | str, what_fa: str) -> Any:
    """The value in ``data``; JsonRefused in Persian, naming ``what_fa``, for anything else."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if nesting_depth(raw) > MAX_DEPTH:
        raise JsonRefused(f"{what_fa} بیش از {format_int(MAX_DEPTH)} سطح تودرتو است؛ "
                          "چنین پرونده‌ای را این برنامه نمی‌سازد و نمی‌پذیرد")
    try:
        return json.loads(raw, parse_constant=_constant)
    except RecursionError:
        raise JsonRefused(f"{what_fa} بیش از حد تودرتو است") from None
    except UnicodeDecodeError:
        raise JsonRefused(f"{what_fa} متن UTF-8 نیست") from None
    except json.JSONDecodeError as exc:
        raise JsonRefused(f"{what_fa} JSON معتبر نیست (سطر {format_int(exc.lineno)}، ستون "
                          f"{format_int(exc.colno)})") from None
    except ValueError:  # e.g. an integer of thousands of digits
        raise JsonRefused(f"{what_fa} عددی بیش از اندازه بزرگ دارد") from None


MAX_FILE_BYTES = 512 * 2**20  # a JSON file of 100,000 passports is about 500 MB


def check_size(size: int, what_fa: str) -> None:
    """Refuses a JSON file too large to read into memory, before it is read."""
    if size > MAX_FILE_BYTES:
        raise JsonRefused(f"{what_fa} {format_int(size // 2**20)} مگابایت است؛ بیشینه "
                          f"{format_int(MAX_FILE_BYTES // 2**20)} مگابایت است. آن را در چند "
                          "پرونده بفرستید")
