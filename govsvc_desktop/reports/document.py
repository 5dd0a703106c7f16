"""What every PDF the application makes says about itself: title, author (the agency),
subject, document language fa-IR, and the real time it was made.

ReportLab writes one time stamp as both creation and modification date; in its invariant
mode (kept for its stable, content-derived file ID) that stamp is 2000-01-01. Here the stamp
is the moment the document is made, in UTC, unless the caller gives one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import BinaryIO

from reportlab.pdfgen.canvas import Canvas

from govsvc_desktop import __version__
from govsvc_desktop.reports.text import make_canvas

LANGUAGE = "fa-IR"


@dataclass(frozen=True)
class DocumentInfo:
    title: str
    author: str = ""
    subject: str = ""
    keywords: str = ""


class _Stamp:
    """The shape of ReportLab's TimeStamp: local fields and the offset from UTC."""

    def __init__(self, moment: dt.datetime) -> None:
        if moment.tzinfo is None:
            moment = moment.astimezone()
        offset = moment.utcoffset() or dt.timedelta()
        minutes = int(offset.total_seconds() // 60)
        self.t = moment.timestamp()
        self.YMDhms = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
        self.dhh, self.dmm = (minutes // 60, minutes % 60) if minutes >= 0 else (-(-minutes // 60), (-minutes) % 60)


def new_document(target: BinaryIO, info: DocumentInfo, created: dt.datetime | None = None) -> Canvas:
    """A canvas for a report, with its metadata filled in and dated ``created`` (now)."""
    canvas = make_canvas(target, pageCompression=1, invariant=1, lang=LANGUAGE)
    canvas.setCreator(f"govsvc-desktop {__version__}")
    canvas.setProducer(f"govsvc-desktop {__version__} (ReportLab)")
    canvas.setTitle(info.title)
    canvas.setAuthor(info.author)
    canvas.setSubject(info.subject)
    canvas.setKeywords(info.keywords)
    canvas._doc._timeStamp = _Stamp(created or dt.datetime.now(dt.UTC))
    return canvas
