"""Where the report fonts live, and loading them once for shaping and embedding.

Every PDF the application makes sets Persian text in Vazirmatn. A missing font file must
stop the program at start with a message the user can act on, not produce blank boxes later.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import uharfbuzz as hb
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from govsvc_desktop import config
from govsvc_desktop.domain.errors import GovsvcError

FONT_FILES = {False: "Vazirmatn-Regular.ttf", True: "Vazirmatn-Bold.ttf"}
ENV_FONT_DIR = config.FONT_DIR_ENV


class FontMissingError(GovsvcError):
    """A font needed for PDF reports is missing or unreadable."""


font_dir = config.font_dir


def font_path(bold: bool = False) -> Path:
    return font_dir() / FONT_FILES[bold]


def ensure_fonts() -> None:
    """Raise ``FontMissingError`` naming the first report font that is absent or not a
    TrueType file; call at start so the problem shows before any PDF is attempted."""
    for bold in (False, True):
        path = font_path(bold)
        try:
            with path.open("rb") as f:
                magic = f.read(4)
        except OSError as exc:
            raise FontMissingError(
                f"پرونده قلم «{path.name}» برای ساخت PDF پیدا نشد یا خواندنی نیست: {path}"
            ) from exc
        if magic not in (b"\x00\x01\x00\x00", b"true"):
            raise FontMissingError(f"پرونده قلم «{path.name}» یک قلم TrueType معتبر نیست: {path}")


@dataclass(frozen=True, eq=False)
class LoadedFont:
    """One TrueType file, parsed once: HarfBuzz for shaping, raw tables for embedding."""

    path: Path
    data: bytes
    hb_font: hb.Font
    upem: int
    ascent: int
    descent: int
    tables: dict[bytes, tuple[int, int]]

    @property
    def ps_name(self) -> str:
        return self.path.stem.replace(" ", "")

    def table(self, tag: bytes) -> bytes:
        offset, length = self.tables[tag]
        return self.data[offset : offset + length]


_loaded: dict[tuple[str | None, bool], LoadedFont] = {}
_pinned: dict[bool, LoadedFont] | None = None


def load_font(bold: bool = False) -> LoadedFont:
    """The report font (regular or bold), read once per font folder; raises
    ``FontMissingError``. Cheap after the first call, as it runs for every line drawn."""
    if _pinned is not None:
        return _pinned[bold]
    key = (os.environ.get(ENV_FONT_DIR), bold)
    font = _loaded.get(key)
    if font is None:
        ensure_fonts()
        font = _loaded[key] = _load(font_path(bold))
    return font


@contextmanager
def fonts_pinned() -> Iterator[None]:
    """Check the fonts, then draw a whole document with them: inside, ``load_font`` does not
    look the font folder up again for each of the thousand lines of a form."""
    global _pinned
    ensure_fonts()
    outer = _pinned
    _pinned = {bold: load_font(bold) for bold in (False, True)}
    try:
        yield
    finally:
        _pinned = outer


def reportlab_font_name(bold: bool = False) -> str:
    """Register the report font with ReportLab itself (unshaped, for code that calls
    ``canvas.drawString``) and return its name."""
    name = "Vazirmatn-Bold" if bold else "Vazirmatn"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(load_font(bold).path)))
    return name


@lru_cache(maxsize=4)
def _load(path: Path) -> LoadedFont:
    data = path.read_bytes()
    try:
        num_tables = struct.unpack(">H", data[4:6])[0]
        tables = {}
        for i in range(num_tables):
            tag, _, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
            tables[tag] = (offset, length)
        ascent, descent = struct.unpack_from(">hh", data, tables[b"hhea"][0] + 4)
        needed = {b"head", b"hhea", b"hmtx", b"loca", b"glyf", b"maxp"}
        if not needed <= tables.keys() or any(o + n > len(data) for o, n in tables.values()):
            raise ValueError("incomplete TrueType tables")
    except (struct.error, KeyError, ValueError) as exc:
        raise FontMissingError(f"پرونده قلم «{path.name}» ناقص یا خراب است: {path}") from exc
    face = hb.Face(data)
    return LoadedFont(path, data, hb.Font(face), face.upem, ascent, descent, tables)
