"""Reading an event log from CSV: case, activity, timestamp and (optionally) resource.

Headers may be English or Persian and in any order; the delimiter (comma, semicolon, tab)
is detected; UTF-8 with or without BOM, or Windows-1256 as older Persian Excel writes it.
Rows are read lazily in batches, so a log of millions of events never sits in memory.
Problems are collected with their row and column (up to a limit) so the person fixes the
file once, not once per error.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from govsvc_desktop.domain.agency.event_log import (
    COLUMN_LABELS_FA,
    MAX_TEXT,
    REQUIRED_COLUMNS,
    Event,
    match_columns,
    parse_timestamp,
)
from govsvc_desktop.domain.errors import GovsvcError, Problem
from govsvc_desktop.domain.persian import format_int
from govsvc_desktop.exchange.records.csv_limits import guarded

MAX_PROBLEMS = 200
BATCH = 20_000


@dataclass
class EventCsv:
    """An opened log: iterate ``batches()``; ``problems`` fills as rows are read."""

    path: Path
    encoding: str
    delimiter: str
    columns: dict[str, int]
    size: int
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0
    bytes_read: int = 0

    def batches(self) -> Iterator[list[Event]]:
        case_at, activity_at, time_at = (self.columns[c] for c in REQUIRED_COLUMNS)
        resource_at = self.columns.get("resource")
        width = max(self.columns.values()) + 1
        labels = COLUMN_LABELS_FA
        with self.path.open("rb") as raw, io.TextIOWrapper(
                raw, encoding=self.encoding, newline="") as handle:
            reader = guarded(csv.reader(handle, delimiter=self.delimiter), self.path.name)
            next(reader, None)
            batch: list[Event] = []
            for row_number, row in enumerate(reader, start=2):
                if not row or (len(row) == 1 and not row[0].strip()):
                    continue
                self.rows += 1
                where = f"ردیف {format_int(row_number)}"
                if len(row) < width:
                    self._problem(where, "ستون‌ها", f"{format_int(len(row))} ستون دارد؛ "
                                  f"{format_int(width)} ستون لازم است")
                    continue
                case, activity = row[case_at].strip(), row[activity_at].strip()
                resource = row[resource_at].strip() if resource_at is not None else ""
                ok = True
                for role, value in (("case", case), ("activity", activity)):
                    if not value:
                        self._problem(where, labels[role], "خالی است")
                        ok = False
                for role, value in (("case", case), ("activity", activity), ("resource", resource)):
                    if len(value) > MAX_TEXT:
                        self._problem(where, labels[role], f"بیش از {format_int(MAX_TEXT)} نویسه است")
                        ok = False
                try:
                    at_ms, offset = parse_timestamp(row[time_at])
                except (ValueError, OverflowError):
                    self._problem(where, labels["timestamp"],
                                  f"«{row[time_at][:40]}» زمان درستی نیست (نمونه: "
                                  "2024-05-01T10:30:00+03:30 یا ۱۴۰۳/۰۲/۱۲ ۱۰:۳۰)")
                    ok = False
                if ok and not self.problems:
                    batch.append(Event(case, activity, at_ms, offset, resource))
                if len(batch) >= BATCH:
                    self.bytes_read = raw.tell()
                    yield batch
                    batch = []
                if len(self.problems) >= MAX_PROBLEMS:
                    return
            self.bytes_read = self.size
            if batch:
                yield batch

    def _problem(self, where: str, column: str, message: str) -> None:
        self.problems.append(Problem(column, message, record=where))


def _encoding(head: bytes) -> str:
    try:
        head.decode("utf-8")
        return "utf-8-sig"
    except UnicodeDecodeError as exc:
        if exc.start > len(head) - 4:  # a character cut by the sample's end
            return "utf-8-sig"
        return "cp1256"


def open_event_csv(path: Path) -> EventCsv:
    """Checks the file and its header; raises GovsvcError naming what is wrong."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(64 * 1024)
    except OSError as exc:
        raise GovsvcError(f"پروندهٔ «{path}» خوانده نمی‌شود: {exc.strerror or exc}") from exc
    if not head.strip():
        raise GovsvcError(f"پروندهٔ «{path.name}» خالی است")
    if head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise GovsvcError(f"«{path.name}» پروندهٔ اکسل است، نه CSV؛ آن را در اکسل با «ذخیره به "
                          "صورت CSV UTF-8» ذخیره کنید")
    if b"\x00" in head:
        raise GovsvcError(f"«{path.name}» پروندهٔ متنی CSV نیست")
    encoding = _encoding(head)
    first_line = head.decode(encoding, errors="replace").splitlines()[0]
    delimiter = max((",", ";", "\t", "|"), key=first_line.count)
    header = next(guarded(csv.reader(io.StringIO(first_line), delimiter=delimiter), path.name), [])
    columns = match_columns(header)
    missing = [COLUMN_LABELS_FA[c] for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise GovsvcError(
            f"ستون «{'، '.join(missing)}» در سطر اول «{path.name}» یافت نشد. سطر اول باید نام "
            "ستون‌ها باشد: case, activity, timestamp, resource (یا پرونده، فعالیت، زمان، منبع)")
    return EventCsv(path, encoding, delimiter, columns, size)
