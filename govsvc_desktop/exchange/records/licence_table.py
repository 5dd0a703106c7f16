"""Reading the agency's licence list as the national licence portal exports it (CSV or
Excel): code, title, issuing authority and, when already known, the service ID it maps to.
Headers may be English or Persian, in any order."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from openpyxl import load_workbook

from govsvc_desktop.domain.agency.licences import LicenceEntry
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.domain.persian import format_int, search_key
from govsvc_desktop.exchange.excel.safety import Limits, check_rows, check_workbook
from govsvc_desktop.exchange.records.csv_limits import read_csv_rows

MAX_CSV_BYTES = 64 * 2**20

COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("code", "licence code", "licence_code", "کد مجوز", "شناسه مجوز", "کد"),
    "title": ("title", "licence title", "name", "عنوان مجوز", "عنوان", "نام مجوز"),
    "issuer": ("issuer", "authority", "مرجع صدور", "صادرکننده", "مرجع"),
    "service_id": ("service_id", "service id", "شناسه خدمت", "کد شناسه خدمت", "شناسهٔ خدمت"),
    "note": ("note", "توضیح", "توضیحات"),
}


def _rows(path: Path) -> list[list[str]]:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        check_workbook(path)
        wb = load_workbook(path, read_only=True, data_only=True)
        try:
            ws = wb.worksheets[0]
            check_rows(ws.title, ws.max_row or 0)
            ws.reset_dimensions()
            rows = []
            for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
                if number > Limits().max_rows:
                    check_rows(ws.title, number)
                rows.append(["" if v is None else str(v) for v in row])
            return rows
        finally:
            wb.close()
    try:
        if path.stat().st_size > MAX_CSV_BYTES:
            raise GovsvcError(f"پروندهٔ «{path.name}» بزرگ‌تر از {format_int(MAX_CSV_BYTES // 2**20)} "
                              "مگابایت است؛ فهرست مجوزها هرگز چنین بزرگ نیست")
        data = path.read_bytes()
    except OSError as exc:
        raise GovsvcError(f"پروندهٔ «{path}» خوانده نمی‌شود: {exc.strerror or exc}") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1256", errors="replace")
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = max((",", ";", "\t"), key=first.count)
    return read_csv_rows(csv.reader(io.StringIO(text), delimiter=delimiter), path.name)


def read_licences(path: Path) -> list[LicenceEntry]:
    rows = [r for r in _rows(path) if any(c.strip() for c in r)]
    if not rows:
        raise GovsvcError(f"پروندهٔ «{path.name}» خالی است")
    folded = [search_key(h.strip().lstrip("\ufeff")) for h in rows[0]]
    where: dict[str, int] = {}
    for role, names in COLUMNS.items():
        for name in names:
            if search_key(name) in folded:
                where[role] = folded.index(search_key(name))
                break
    missing = [label for role, label in (("code", "کد مجوز"), ("title", "عنوان مجوز"))
               if role not in where]
    if missing:
        raise GovsvcError(f"ستون «{'، '.join(missing)}» در سطر اول «{path.name}» نیست؛ سطر اول "
                          "باید نام ستون‌ها باشد: کد مجوز، عنوان مجوز، مرجع صدور، شناسه خدمت")
    entries = []
    for row in rows[1:]:
        cells = row + [""] * (max(where.values()) + 1 - len(row))
        values = {role: cells[i].strip() for role, i in where.items()}
        entries.append(LicenceEntry(code=values.get("code", ""), title=values.get("title", ""),
                                    issuer=values.get("issuer", ""),
                                    service_id=values.get("service_id", ""),
                                    note=values.get("note", "")))
    return entries
