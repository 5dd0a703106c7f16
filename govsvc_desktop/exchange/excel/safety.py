"""Checks a file claims to be a workbook before any XML in it is parsed.

A spreadsheet arrives from another office on a flash drive: it may be an old .xls, a CSV with
the wrong extension, a broken download, a password-protected workbook, or something built to
hurt (an archive that inflates to gigabytes, XML that expands entities). Each is refused here
with a Persian message saying what the file is and what to do.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from govsvc_desktop.domain.errors import GovsvcError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_ROOT_START = re.compile(rb"<[A-Za-z_]")
_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.I)


class WorkbookRefused(GovsvcError):
    """The file is not a workbook this application will open."""


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 200 * 1024 * 1024
    max_total_uncompressed: int = 1024 * 1024 * 1024
    max_members: int = 2_000
    max_ratio: int = 200  # uncompressed / compressed, for members over ``ratio_floor``
    ratio_floor: int = 1024 * 1024
    max_rows: int = 300_000  # of one sheet; a passport with all its parts takes a few dozen


def check_rows(sheet: str, rows: int, limits: Limits = Limits()) -> None:
    """Refuses a sheet longer than ``limits.max_rows`` (a whole 1,048,576-row sheet, say)."""
    if rows > limits.max_rows:
        from govsvc_desktop.domain.persian import format_int

        raise WorkbookRefused(
            f"برگهٔ «{sheet}» {format_int(rows)} ردیف دارد؛ بیشینهٔ یک برگه "
            f"{format_int(limits.max_rows)} ردیف است. داده‌ها را در چند کارپوشه بفرستید.")


def _mb(n: int) -> str:
    from govsvc_desktop.domain.persian import format_int

    return format_int(n // (1024 * 1024))


def check_workbook(path: Path, limits: Limits = Limits()) -> None:
    """Raises WorkbookRefused unless ``path`` is a plain, sane .xlsx archive."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise WorkbookRefused(f"پرونده «{path}» خوانده نمی‌شود: {exc.strerror or exc}") from exc
    if size == 0:
        raise WorkbookRefused("پرونده خالی است.")
    if size > limits.max_file_bytes:
        raise WorkbookRefused(
            f"پرونده {_mb(size)} مگابایت است و از سقف {_mb(limits.max_file_bytes)} مگابایت بزرگ‌تر است.")
    if head.startswith(OLE_MAGIC):
        _refuse_ole(path)
    if not head.startswith(ZIP_MAGIC):
        raise WorkbookRefused(_what_else(path))
    try:
        with zipfile.ZipFile(path) as archive:
            _check_archive(archive, limits)
    except zipfile.BadZipFile as exc:
        raise WorkbookRefused(
            "پرونده خراب است (بایگانی zip آن کامل نیست)؛ دوباره آن را از فرستنده بگیرید یا در Excel "
            "باز و دوباره ذخیره کنید.") from exc


def _refuse_ole(path: Path) -> None:
    data = path.read_bytes()[:4 * 1024 * 1024]
    if _ENCRYPTED_STREAM in data:
        raise WorkbookRefused(
            "کارپوشه با گذرواژه قفل شده است؛ در Excel گذرواژه را بردارید (File ← Info ← Protect "
            "Workbook) و دوباره ذخیره کنید.")
    raise WorkbookRefused(
        "این پرونده در قالب قدیمی Excel (xls) است؛ آن را در Excel یا LibreOffice باز کنید و با "
        "قالب «کارپوشه Excel (xlsx)» ذخیره کنید.")


def _what_else(path: Path) -> str:
    with open(path, "rb") as fh:
        sample = fh.read(4096)
    try:
        text = sample.decode("utf-8")
    except UnicodeDecodeError:
        text = ""
    if text and ("," in text or ";" in text or "\t" in text) and "\x00" not in text:
        return ("این پرونده متنی (CSV) است، نه کارپوشه Excel؛ آن را در Excel یا LibreOffice باز کنید "
                "و با قالب xlsx ذخیره کنید.")
    if sample.lstrip().startswith(b"<"):
        return "این پرونده HTML یا XML است، نه کارپوشه Excel (xlsx)."
    return "این پرونده کارپوشه Excel (xlsx) نیست."


def _check_archive(archive: zipfile.ZipFile, limits: Limits) -> None:
    infos = archive.infolist()
    if len(infos) > limits.max_members:
        raise WorkbookRefused("کارپوشه بیش از اندازه پرونده درونی دارد و پذیرفته نمی‌شود.")
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise WorkbookRefused(
            "این بایگانی zip کارپوشه Excel نیست (بخش xl/workbook.xml را ندارد).")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise WorkbookRefused("بخشی از کارپوشه رمزگذاری شده است؛ نسخه بی‌گذرواژه را بفرستید.")
        total += info.file_size
        if total > limits.max_total_uncompressed:
            raise WorkbookRefused(
                f"کارپوشه پس از باز شدن از {_mb(limits.max_total_uncompressed)} مگابایت بزرگ‌تر "
                "می‌شود و پذیرفته نمی‌شود.")
        if info.file_size > limits.ratio_floor and \
                info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise WorkbookRefused(
                f"بخش «{info.filename}» بیش از اندازه فشرده شده است (بمب zip) و پذیرفته نمی‌شود.")
    for info in infos:
        if info.filename.endswith((".xml", ".rels", ".vml")):
            _check_prolog(archive, info)


def _check_prolog(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """No DTD before the root element: entity expansion cannot happen in any part."""
    seen = b""
    with archive.open(info) as fh:
        while True:
            chunk = fh.read(64 * 1024)
            if not chunk:
                break
            seen = seen[-16:] + chunk
            root = _ROOT_START.search(seen)
            head = seen[:root.start()] if root else seen
            if _DTD.search(head):
                raise WorkbookRefused(
                    f"بخش «{info.filename}» تعریف نهاد XML (DTD) دارد که در کارپوشه‌های Excel "
                    "نیست؛ پرونده برای آسیب زدن ساخته شده است و پذیرفته نمی‌شود.")
            if root:
                return
