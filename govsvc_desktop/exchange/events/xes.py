"""Writing an event log as IEEE 1849-2016 XES (eXtensible Event Stream), the format that
process-mining tools (ProM, pm4py, Disco, Celonis) load.

One trace per case, events in time order, with the standard Concept, Time, Organizational
and Lifecycle extensions. Written as a stream: a million events never build a tree in memory.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from govsvc_desktop.config import atomic_output
from govsvc_desktop.domain.agency.event_log import format_timestamp
from govsvc_desktop.domain.errors import Cancelled

XES_NAMESPACE = "http://www.xes-standard.org/"
XES_VERSION = "2.0"
EXTENSIONS = (
    ("Concept", "concept", "http://www.xes-standard.org/concept.xesext"),
    ("Time", "time", "http://www.xes-standard.org/time.xesext"),
    ("Organizational", "org", "http://www.xes-standard.org/org.xesext"),
    ("Lifecycle", "lifecycle", "http://www.xes-standard.org/lifecycle.xesext"),
)

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                          "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def _attr(text: str) -> str:
    """An XML attribute value; characters XML 1.0 forbids are dropped."""
    cleaned = text.translate(_ESCAPES)
    if any(ord(c) < 32 for c in cleaned):
        cleaned = "".join(c for c in cleaned if ord(c) >= 32)
    return cleaned


@dataclass(frozen=True)
class XesLog:
    service_id: str
    title: str
    agency: str = ""


def _header(out: IO[str], log: XesLog) -> None:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(f'<log xes.version="{XES_VERSION}" xes.features="" xmlns="{XES_NAMESPACE}">\n')
    for name, prefix, uri in EXTENSIONS:
        out.write(f'  <extension name="{name}" prefix="{prefix}" uri="{uri}"/>\n')
    out.write('  <global scope="trace">\n    <string key="concept:name" value="__INVALID__"/>\n'
              '  </global>\n')
    out.write('  <global scope="event">\n    <string key="concept:name" value="__INVALID__"/>\n'
              '    <date key="time:timestamp" value="1970-01-01T00:00:00.000+00:00"/>\n'
              '    <string key="lifecycle:transition" value="complete"/>\n  </global>\n')
    out.write('  <classifier name="Activity" keys="concept:name"/>\n')
    out.write('  <classifier name="Resource" keys="org:resource"/>\n')
    out.write(f'  <string key="concept:name" value="{_attr(log.title or log.service_id)}"/>\n')
    out.write(f'  <string key="service:id" value="{_attr(log.service_id)}"/>\n')
    if log.agency:
        out.write(f'  <string key="service:agency" value="{_attr(log.agency)}"/>\n')


def write_xes(
    path: Path, log: XesLog, events: Iterable[tuple[str, str, int, int, str]],
    progress: Callable[[int], bool] | None = None,
) -> tuple[int, int]:
    """Writes events ordered by case then time; returns (cases, events). ``progress`` gets the
    events written so far every 50,000 and may return False to cancel (no file is left)."""
    cases = written = 0
    with atomic_output(path) as raw:
        out = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
        _header(out, log)
        current: str | None = None
        parts: list[str] = []
        for case, activity, at_ms, offset, resource in events:
            if case != current:
                if current is not None:
                    parts.append("  </trace>\n")
                parts.append(f'  <trace>\n    <string key="concept:name" value="{_attr(case)}"/>\n')
                current = case
                cases += 1
            who = (f'\n      <string key="org:resource" value="{_attr(resource)}"/>'
                   if resource else "")
            parts.append(
                f'    <event>\n      <string key="concept:name" value="{_attr(activity)}"/>\n'
                f'      <date key="time:timestamp" value="{format_timestamp(at_ms, offset)}"/>'
                f'{who}\n      <string key="lifecycle:transition" value="complete"/>\n'
                '    </event>\n')
            written += 1
            if written % 50_000 == 0:
                out.write("".join(parts))
                parts.clear()
                if progress is not None and progress(written) is False:
                    raise Cancelled
        if current is not None:
            parts.append("  </trace>\n")
        parts.append("</log>\n")
        out.write("".join(parts))
        out.flush()
        out.detach()
    return cases, written
