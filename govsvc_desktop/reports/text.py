"""Persian and mixed text on ReportLab canvases: bidi order, HarfBuzz shaping, wrapping.

ReportLab alone neither orders right-to-left text nor joins Arabic-script letters; this
module is the one place that does. A paragraph gets Unicode bidi levels (``bidi``), is
wrapped in logical order, each line is cut into visual runs, the runs are shaped with
HarfBuzz on Vazirmatn, and the glyphs are drawn through a subset CID font (``pdffont``)
whose ToUnicode map returns the typed characters (``glyphtext``), so that text copied or
extracted from the PDF reads as it was typed. Shaped lines are cached, because forms draw
the same labels thousands of times.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

import uharfbuzz as hb
from reportlab.pdfgen.canvas import Canvas

from govsvc_desktop.reports import bidi
from govsvc_desktop.reports.fonts import LoadedFont, load_font, reportlab_font_name
from govsvc_desktop.reports.glyphtext import Glyph, add_marks, glyph_texts, hidden_marks
from govsvc_desktop.reports.pdffont import document_fonts, glyph_codes

__all__ = [
    "TextStyle",
    "draw_line",
    "draw_paragraph",
    "elide",
    "make_canvas",
    "missing_characters",
    "paragraph_height",
    "text_width",
    "unsupported_characters",
    "wrap",
    "wrap_lines",
    "Wrapped",
]

REPLACEMENT = "\ufffd"
_BREAKABLE = frozenset(
    " \t\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000"
)
_SOFT_BREAK_AFTER = frozenset("/-_.,،؛:\\\u200c\u2010\u2013\u2014")
_NOT_BEFORE = frozenset({"Mn", "Mc", "Me", "Cf"})
_BLANK = frozenset({"Cc", "Zl", "Zp"})
# Glyph moves smaller than this (thousandths of an em) are carried to the next one rather
# than written: the rounding of advances would otherwise split every run of text.
_MIN_MOVE = 0.5


@dataclass(frozen=True, slots=True)
class TextStyle:
    """How text is set. ``align``: right, left, center, or start/end (relative to the
    paragraph direction). ``direction``: rtl, ltr, or auto (the first strong letter decides,
    Persian when there is none). ``leading`` (baseline to baseline) defaults to 1.6 x size."""

    size: float = 10
    bold: bool = False
    leading: float | None = None
    align: str = "right"
    direction: str = "rtl"

    def __post_init__(self) -> None:
        if self.align not in ("right", "left", "center", "start", "end"):
            raise ValueError(f"unknown align {self.align!r}")
        if self.direction not in ("rtl", "ltr", "auto"):
            raise ValueError(f"unknown direction {self.direction!r}")
        if self.size <= 0:
            raise ValueError("size must be positive")

    @property
    def line_height(self) -> float:
        return self.leading if self.leading is not None else self.size * 1.6


@dataclass(frozen=True, slots=True)
class _Line:
    """A shaped line: logical text, base level, width in font units, size-free operators."""

    text: str
    base: int
    width: int
    ops: str
    cids: frozenset[int]
    missing: frozenset[str]


def make_canvas(target: str | Path | BinaryIO, **kwargs: Any) -> Canvas:
    """A ReportLab canvas for reports: document language fa-IR, and Vazirmatn as its
    initial font, so that pages declare no Helvetica. Keyword arguments go to ``Canvas``."""
    kwargs.setdefault("initialFontName", reportlab_font_name())
    kwargs.setdefault("lang", "fa-IR")
    return Canvas(str(target) if isinstance(target, Path) else target, **kwargs)


def _shape_run(font: LoadedFont, text: str, start: int, end: int, rtl: bool) -> list[Glyph]:
    buf = hb.Buffer()
    buf.add_str(text, start, end - start)
    buf.guess_segment_properties()
    buf.direction = "rtl" if rtl else "ltr"
    if buf.script == "Arab":
        buf.language = "fa"
    flags = hb.BufferFlags.REMOVE_DEFAULT_IGNORABLES
    if start == 0:
        flags |= hb.BufferFlags.BOT
    if end == len(text):
        flags |= hb.BufferFlags.EOT
    buf.flags = flags
    hb.shape(font.hb_font, buf, {})
    return [
        (info.codepoint, info.cluster, pos.x_advance, pos.x_offset, pos.y_offset)
        for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True)
    ]


def _missing(font: LoadedFont, text: str, glyphs: list[Glyph], end: int) -> set[int]:
    """Indices of characters drawn as .notdef because the font lacks them."""
    starts = sorted({g[1] for g in glyphs})
    stops = dict(zip(starts, starts[1:] + [end], strict=True))
    return {
        i
        for gid, cluster, *_ in glyphs
        if gid == 0
        for i in range(cluster, stops[cluster])
        if font.hb_font.get_nominal_glyph(ord(text[i])) is None
        and unicodedata.category(text[i]) != "Cf"
    }


def _shape_levels(text: str, levels: list[int], base: int, font: LoadedFont) -> _Line:
    """Shape one line whose paragraph levels are known: visual runs, glyphs, glyph texts."""
    if base == 1 and " " in text and bidi.ltr_free(text):
        return _words_line(text, levels, font)
    return _shape_any(text, levels, base, font)


def _words_line(text: str, levels: list[int], font: LoadedFont) -> _Line:
    """A right-to-left line without left-to-right letters: its words do not join across the
    spaces and resolve on their own (``bidi.ltr_free``), so each word is shaped and encoded
    once (``_word``) and the line is the words in reverse order with a space between. The
    direction marks a word needs depend only on whether a space stands to its left, which
    ``_word`` is told, so a word reads back the same wherever it stands."""
    spans: list[tuple[str, tuple[int, ...]]] = []
    at = 0
    for piece in text.split(" "):
        spans.append((piece, tuple(levels[at:at + len(piece)])))
        at += len(piece) + 1
    words = [_word(piece, font, k > 0, lv) for k, (piece, lv) in enumerate(reversed(spans))]
    space = _word(" ", font, False, (1,))
    parts: list[str] = []
    cids: set[int] = set()
    missing: set[str] = set()
    width = 0
    for k, w in enumerate(words):
        if k:
            parts.append(space.ops[1:-4])
            width += space.width
        if w.text:
            parts.append(w.ops[1:-4])
            width += w.width
            cids |= w.cids
            missing |= w.missing
    cids |= space.cids
    return _Line(text, 1, width, f"[{' '.join(parts)}] TJ", frozenset(cids), frozenset(missing))


@lru_cache(maxsize=65536)
def _word(word: str, font: LoadedFont, spaced: bool, levels: tuple[int, ...]) -> _Line:
    """One word of a right-to-left line with its levels, encoded once. ``spaced``: a space
    stands to its left (every word but the line's last), which decides the direction marks at
    its left edge (before a number, after «،»); it is shaped with that space, whose code is
    then cut off again."""
    if not word:
        return _Line("", 1, 0, "[] TJ", frozenset(), frozenset())
    if not spaced or word == " ":
        return _shape_any(word, list(levels), 1, font)
    # the line goes on to the left with a space and a letter: shaped so, then both cut off
    line = _shape_any(word + _LEFT_CONTEXT, [*levels, 1, 1], 1, font)
    context = _shape_any(_LEFT_CONTEXT, [1, 1], 1, font)
    prefix = context.ops[:-5].replace("> <", "")
    if not line.ops.startswith(prefix) or len(prefix) != 10:
        return _shape_any(word, list(levels), 1, font)
    return _Line(word, 1, line.width - context.width, "[<" + line.ops[10:], line.cids, line.missing)


_LEFT_CONTEXT = " \u0627"


def _shape_any(text: str, levels: list[int], base: int, font: LoadedFont) -> _Line:
    drawn = "".join(" " if unicodedata.category(ch) in _BLANK else ch for ch in text)
    glyphs: list[Glyph] = []
    texts: list[str] = []
    rtl: list[bool] = []
    missing: set[str] = set()
    hidden: dict[int, str] = {}
    for start, end, level in bidi.visual_runs(bidi.line_levels(text, levels, base)):
        odd = level % 2 == 1
        run = _shape_run(font, drawn, start, end, odd)
        bad = _missing(font, drawn, run, end)
        if bad:
            missing.update(text[i] for i in bad)
            drawn = "".join(REPLACEMENT if i in bad else ch for i, ch in enumerate(drawn))
            run = _shape_run(font, drawn, start, end, odd)
        run_texts = glyph_texts(text, start, end, run, odd)
        for k, hidden_mark in hidden_marks(text, start, end, run, run_texts).items():
            hidden[len(glyphs) + k] = hidden_mark
        glyphs += run
        texts += run_texts
        rtl += [odd] * len(run)
    add_marks(texts, rtl, [g[2] / font.upem for g in glyphs], base)
    codes = glyph_codes(font)
    scale = 1000 / font.upem
    parts: list[str] = []
    hexes: list[str] = []
    cids: set[int] = set()
    carry = 0.0
    width = 0
    for k, ((gid, _, adv, dx, dy), chars) in enumerate(zip(glyphs, texts, strict=True)):
        advance = round(adv * scale, 2)
        mark = hidden.get(k)
        cid = codes.cid(gid, mark or chars, advance)
        cids.add(cid)
        move = carry + dx * scale
        if abs(move) >= _MIN_MOVE or dy:
            if hexes:
                parts.append(f"<{''.join(hexes)}>")
                hexes = []
            if abs(move) >= _MIN_MOVE:
                parts.append(f"{-move:.2f}")
                move -= round(move, 2)
        if mark:
            if hexes:
                parts.append(f"<{''.join(hexes)}>")
                hexes = []
            rise = f"{dy / font.upem:.4f} Ts " if dy else ""
            parts.append(f"] TJ /Span <</ActualText ()>> BDC {rise}[<{cid:04X}>] TJ {'0 Ts ' if dy else ''}EMC [")
        elif dy:
            parts.append(f"] TJ {dy / font.upem:.4f} Ts [<{cid:04X}>] TJ 0 Ts [")
        else:
            hexes.append(f"{cid:04X}")
        carry = move + adv * scale - advance - dx * scale
        width += adv
    if hexes:
        parts.append(f"<{''.join(hexes)}>")
    return _Line(text, base, width, f"[{' '.join(parts)}] TJ", frozenset(cids), frozenset(missing))


@lru_cache(maxsize=16384)
def _shape(text: str, font: LoadedFont, direction: str) -> _Line:
    """One line set as a paragraph of its own."""
    base = bidi.base_level(text, direction)
    return _shape_levels(text, bidi.resolve_levels(text, base), base, font)


def _units(text: str, font: LoadedFont, direction: str) -> int:
    return _advance(text, font, direction)


def text_width(text: str, style: TextStyle) -> float:
    """Width in points of ``text`` set on one line."""
    font = load_font(style.bold)
    return _units(text, font, style.direction) * style.size / font.upem


@lru_cache(maxsize=65536)
def _word_levels(word: str, after_al: bool) -> tuple[int, ...]:
    return tuple(bidi.word_levels(word, after_al))


@lru_cache(maxsize=65536)
def _advance(text: str, font: LoadedFont, direction: str) -> int:
    """Width of ``text`` set as a line of its own, in font units: shaping without encoding."""
    base = bidi.base_level(text, direction)
    levels = bidi.resolve_levels(text, base)
    return sum(_char_advances(text, levels, font))


def _char_advances(text: str, levels: list[int], font: LoadedFont) -> list[int]:
    """Advance of every character of a paragraph shaped once, run by run of one level; a
    cluster's advance goes to its first character (the others get nothing)."""
    drawn = "".join(" " if unicodedata.category(ch) in _BLANK else ch for ch in text)
    out = [0] * len(text)
    start = 0
    n = len(text)
    while start < n:
        end = start + 1
        while end < n and levels[end] == levels[start]:
            end += 1
        buf = hb.Buffer()
        buf.add_str(drawn, start, end - start)
        buf.guess_segment_properties()
        buf.direction = "rtl" if levels[start] % 2 else "ltr"
        if buf.script == "Arab":
            buf.language = "fa"
        buf.flags = hb.BufferFlags.REMOVE_DEFAULT_IGNORABLES
        hb.shape(font.hb_font, buf, {})
        for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True):
            out[info.cluster] += pos.x_advance
        start = end
    return out


def _longest_fit(word: str, p: int, ends: list[int], room: float, font: LoadedFont, d: str) -> int:
    """Index in ``ends`` of the longest prefix ``word[p:end]`` that fits ``room`` (0 when
    none does): probing by doubling, then bisection, keeps shaping near one line's worth."""

    def fits(m: int) -> bool:
        return _advance(word[p : ends[m]], font, d) <= room

    best = 0
    if fits(0):
        step = 1
        while best + step < len(ends) and fits(best + step):
            best += step
            step *= 2
        lo, hi = best + 1, min(best + step, len(ends)) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            if fits(mid):
                best, lo = mid, mid + 1
            else:
                hi = mid - 1
    return best


def _break_word(
    word: str, first: float, avail: float, font: LoadedFont, direction: str
) -> list[int]:
    """Cut points for a word too wide for its line, at character boundaries; ``first`` is
    the room on the current line. A cut after a slash, dash, dot or ZWNJ is preferred when
    it fills at least half the line. Pieces are measured exactly: a cut changes letter forms."""
    boundaries = [
        q for q in range(1, len(word)) if unicodedata.category(word[q]) not in _NOT_BEFORE
    ] + [len(word)]
    cuts: list[int] = []
    p, room = 0, first
    while True:
        ends = [q for q in boundaries if q > p]
        best = _longest_fit(word, p, ends, room, font, direction)
        cut = ends[best]
        if cut == len(word):
            return cuts
        soft = [q for q in ends[: best + 1] if word[q - 1] in _SOFT_BREAK_AFTER]
        if soft and _advance(word[p : soft[-1]], font, direction) * 2 >= room:
            cut = soft[-1]
        cuts.append(cut)
        p, room = cut, avail


def _words(para: str) -> list[tuple[int, int]]:
    spans, i, n = [], 0, len(para)
    while i < n:
        while i < n and para[i] in _BREAKABLE:
            i += 1
        j = i
        while j < n and para[j] not in _BREAKABLE:
            j += 1
        if j > i:
            spans.append((i, j))
        i = j
    return spans


@lru_cache(maxsize=4096)
def _layout(para: str, font: LoadedFont, direction: str, avail: float) -> tuple[_Line, ...]:
    """Wrap one paragraph to ``avail`` font units in logical order (spaces at a break are
    dropped), then shape each line with the paragraph's bidi levels. Words are measured from
    one shaping of the whole paragraph (breaks fall between words, where letters do not join);
    only a word wider than a line is measured piece by piece."""
    base = bidi.base_level(para, direction)
    cum = [0]
    if base == 1 and bidi.words_resolve_alone(para):
        levels: list[int] = []
        space = _word(" ", font, False, (1,)).width
        strong = ""
        for piece in para.split(" "):
            if len(cum) > 1:
                cum.append(cum[-1] + space)
                levels.append(1)
            if piece:
                lv = tuple(_word_levels(piece, strong == "AL"))
                levels.extend(lv)
                cum.extend([cum[-1]] * (len(piece) - 1))
                cum.append(cum[-1] + _word(piece, font, False, lv).width)
                strong = bidi.last_strong(piece, strong)
    else:
        levels = bidi.resolve_levels(para, base)
        for a in _char_advances(para, levels, font):
            cum.append(cum[-1] + a)
    spans: list[tuple[int, int]] = []
    start = end = 0
    used = 0.0
    for j, k in _words(para):
        gap = cum[j] - cum[end] if j > end else 0
        word = cum[k] - cum[j]
        if end > start and used + gap + word > avail:
            spans.append((start, end))
            start, used, gap = j, 0.0, 0
        if used + gap + word > avail:
            for cut in _break_word(para[j:k], avail - used - gap, avail, font, direction):
                spans.append((start, j + cut))
                start, used, gap = j + cut, 0.0, 0
            word = _advance(para[start:k], font, direction)
        used += gap + word
        end = k
    if end > start:
        spans.append((start, end))
    return tuple(_shape_levels(para[s:e], levels[s:e], base, font) for s, e in spans)


def _lines(text: str, width: float, style: TextStyle) -> list[_Line | None]:
    """Wrapped lines of every paragraph; None stands for an empty paragraph."""
    font = load_font(style.bold)
    avail = round(width * font.upem / style.size, 3)
    out: list[_Line | None] = []
    for para in text.splitlines() or [""]:
        out.extend(_layout(para, font, style.direction, avail) or [None])
    return out


class Wrapped:
    """A text wrapped to a width, its lines shaped and ready to draw: the form measures a cell
    once and draws those very lines, in whole or in parts across pages."""

    __slots__ = ("lines", "style", "width")

    def __init__(self, lines: list[_Line | None], style: TextStyle, width: float) -> None:
        self.lines = lines
        self.style = style
        self.width = width

    @property
    def texts(self) -> list[str]:
        return [line.text if line else "" for line in self.lines]

    def __len__(self) -> int:
        return len(self.lines)

    def part(self, start: int, stop: int | None = None) -> Wrapped:
        return Wrapped(self.lines[start:stop], self.style, self.width)

    def __add__(self, other: Wrapped) -> Wrapped:
        return Wrapped(self.lines + other.lines, self.style, self.width)

    @property
    def height(self) -> float:
        return len(self.lines) * self.style.line_height

    def draw(self, canvas: Canvas, x: float, y_top: float) -> float:
        """Draw the lines in a box whose top edge is at ``y_top``; returns the height used."""
        return _draw_lines(canvas, self.lines, x, y_top, self.width, self.style)


def wrap(text: str, width: float, style: TextStyle) -> Wrapped:
    """``text`` wrapped to ``width`` points, shaped once for measuring and drawing."""
    return Wrapped(_lines(text, width, style), style, width)


def wrap_lines(text: str, width: float, style: TextStyle) -> list[str]:
    """``text`` wrapped to ``width`` points, as logical-order lines. Newlines start new
    paragraphs; a word wider than the line is cut between characters, never dropped."""
    return [line.text if line else "" for line in _lines(text, width, style)]


def elide(text: str, width: float, style: TextStyle) -> str:
    """``text`` cut to what fits on one line ``width`` wide, with «…» when something was cut."""
    lines = wrap_lines(" ".join(text.split()), width - text_width(" …", style), style)
    return lines[0] + " …" if len(lines) > 1 else (lines[0] if lines else "")


def paragraph_height(text: str, width: float, style: TextStyle) -> float:
    """Height ``draw_paragraph`` uses for ``text`` in a box ``width`` points wide."""
    return len(_lines(text, width, style)) * style.line_height


def _start_x(line: _Line, x: float, width: float, style: TextStyle, upem: int) -> float:
    align = style.align
    if align in ("start", "end"):
        align = "right" if (line.base == 1) == (align == "start") else "left"
    used = line.width * style.size / upem
    if align == "right":
        return x + width - used
    if align == "center":
        return x + (width - used) / 2
    return x


def _emit(
    canvas: Canvas, line: _Line, x: float, y: float, style: TextStyle, font: LoadedFont
) -> None:
    doc = canvas._doc
    state = document_fonts(doc)
    name = state.use(doc, font, line.cids)
    if line.missing:
        state.missing.update(line.missing)
    s = style.size
    # q/Q keep our font out of the text state ReportLab's own drawString relies on.
    canvas.addLiteral(f"q BT /{name} 1 Tf {s:g} 0 0 {s:g} {x:.3f} {y:.3f} Tm {line.ops} ET Q")


def draw_line(
    canvas: Canvas, text: str, x: float, y: float, width: float, style: TextStyle
) -> float:
    """Draw ``text`` on one line, baseline at ``y``, aligned inside ``[x, x + width]``
    (no wrapping: a line too long overflows). Returns the width drawn, in points."""
    font = load_font(style.bold)
    line = _shape(text, font, style.direction)
    _emit(canvas, line, _start_x(line, x, width, style, font.upem), y, style, font)
    return line.width * style.size / font.upem


def draw_paragraph(
    canvas: Canvas, text: str, x: float, y_top: float, width: float, style: TextStyle
) -> float:
    """Draw ``text`` wrapped in a box ``width`` wide whose top edge is at ``y_top``;
    returns the height used (lines x leading)."""
    return _draw_lines(canvas, _lines(text, width, style), x, y_top, width, style)


def _draw_lines(canvas: Canvas, lines: list[_Line | None], x: float, y_top: float, width: float,
                style: TextStyle) -> float:
    font = load_font(style.bold)
    lead = style.line_height
    scale = style.size / font.upem
    y = y_top - (lead - (font.ascent - font.descent) * scale) / 2 - font.ascent * scale
    for line in lines:
        if line is not None and line.cids:
            _emit(canvas, line, _start_x(line, x, width, style, font.upem), y, style, font)
        y -= lead
    return len(lines) * lead


def missing_characters(canvas: Canvas) -> set[str]:
    """Characters drawn on this canvas's document that the font lacks; each was drawn as
    U+FFFD (and still copies out as itself)."""
    return set(document_fonts(canvas._doc).missing)


def unsupported_characters(text: str, style: TextStyle | None = None) -> set[str]:
    """Characters of ``text`` the report font cannot draw, to warn before making a PDF."""
    style = style or TextStyle()
    font = load_font(style.bold)
    return {ch for para in text.splitlines() for ch in _shape(para, font, style.direction).missing}
